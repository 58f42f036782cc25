/** Inserting a template through a Host: read the workbook as it is now, plan, apply. */
import { recognizeWorkbook } from "../../core/form/recognize";
import { Message } from "../../core/rules/types";
import { InsertValues, InsertionPlan, isInsertError, planInsertion } from "../../core/templates/insert";
import { IndicatorTemplate } from "../../core/templates/types";
import { Host } from "../../hosts/host";
import { queueOf } from "../../app/queue";
import { TEMPLATE_TEXTS } from "./strings";

export type InsertOutcome = { ok: true; plan: InsertionPlan } | { ok: false; reason: Message; duplicate?: boolean };

const NO_FORM: Message = TEMPLATE_TEXTS.noForm;

/** `sheet` picks the form when the workbook holds several (the one the pane shows). */
export async function insertTemplate(
  host: Host,
  template: IndicatorTemplate,
  values: InsertValues,
  sheet?: string,
): Promise<InsertOutcome> {
  // One queued task: no live re-check or other write lands between the read and the apply.
  return queueOf(host).run(() => insertNow(host, template, values, sheet));
}

async function insertNow(host: Host, template: IndicatorTemplate, values: InsertValues, sheet?: string): Promise<InsertOutcome> {
  // Planned on a fresh read, never on the last check's snapshot: the user may have typed since.
  const { snapshot } = await host.read();
  const forms = recognizeWorkbook(snapshot).flatMap((r) => r.forms);
  const form = forms.find((f) => f.model.sheet === sheet) ?? forms[0];
  if (!form) return { ok: false, reason: NO_FORM };
  const plan = planInsertion(form.model, form.grid, template, values);
  if (isInsertError(plan)) return { ok: false, reason: plan.error, duplicate: plan.code === "duplicate" };
  const applied = await host.apply(plan);
  if (!applied.ok) return { ok: false, reason: applied.reason };
  // Show the new row: the user should see where it went without hunting for it.
  const first = plan.edits.find((e) => e.op === "setValue");
  if (first) {
    try {
      await host.goTo({ sheet: first.sheet, row: first.row, col: first.col });
    } catch {
      // The row is in; not being able to select it is no reason to report a failure.
    }
  }
  return { ok: true, plan };
}
