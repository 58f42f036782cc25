/**
 * Inserting an accepted draft (指标推荐) through a Host: the workbook read afresh (the user may have
 * typed while the editor was open), the checker's verdict taken again on that read, then the core's
 * insertion plan handed to the host's one apply, which verifies it and undoes it whole on failure.
 */
import { Config } from "../../core/config";
import { Message, Rule } from "../../core/rules/types";
import { DraftVerdict, checkDraft } from "../../core/templates/drafts";
import { InsertValues, InsertionPlan } from "../../core/templates/insert";
import { IndicatorTemplate } from "../../core/templates/types";
import { Host } from "../../hosts/host";
import { queueOf } from "../../app/queue";
import { showInserted } from "../../app/insert";

export type DraftOutcome =
  | { ok: true; plan: InsertionPlan; warning?: Message }
  /** `verdict` when the row no longer passes on the fresh read (the editor shows its findings). */
  | { ok: false; reason: Message; verdict?: DraftVerdict };

const NOT_PASSING: Message = {
  zh: "这一行按现在的表格未通过检查,未插入",
  en: "The row does not pass the checks on the workbook as it is now; nothing was inserted",
};

export function applyDraft(
  host: Host,
  template: IndicatorTemplate,
  values: InsertValues,
  sheet: string | undefined,
  opts: { config?: Config; rules?: Rule[] } = {},
): Promise<DraftOutcome> {
  // One queued task: no live re-check or other write lands between the read and the apply.
  return queueOf(host).run(() => applyNow(host, template, values, sheet, opts));
}

async function applyNow(
  host: Host,
  template: IndicatorTemplate,
  values: InsertValues,
  sheet: string | undefined,
  opts: { config?: Config; rules?: Rule[] },
): Promise<DraftOutcome> {
  const { snapshot } = await host.read();
  const verdict = checkDraft(snapshot, template, values, sheet, opts);
  if (!verdict.ok) return { ok: false, reason: verdict.error, verdict };
  if (verdict.blocking) return { ok: false, reason: NOT_PASSING, verdict };
  const applied = await host.apply(verdict.plan, { basis: snapshot });
  if (!applied.ok) return { ok: false, reason: applied.reason };
  await showInserted(host, verdict.plan);
  return { ok: true, plan: verdict.plan, ...(applied.warning ? { warning: applied.warning } : {}) };
}
