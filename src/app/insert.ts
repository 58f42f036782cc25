/**
 * 插入模板 and `budget-form add`, written once. The pane used to fall back to the workbook's first form
 * and the CLI to fail when the form was not the first; now both choose the form by one rule:
 * the form the user chose (the pane's choice, the CLI's --sheet) → the form on the sheet the cursor is in
 * → the only form → else ask, naming the forms. A guess would put a row into another unit's form.
 */
import { RecognizedForm, recognizeWorkbook } from "../core/form/recognize";
import { Catalogue, bilingual } from "../core/i18n";
import { Message } from "../core/rules/types";
import { WorkbookSnapshot } from "../core/snapshot";
import { InsertValues, InsertionPlan, isInsertError, planInsertion } from "../core/templates/insert";
import { IndicatorTemplate } from "../core/templates/types";
import { Host } from "../hosts/host";
import { queueOf } from "./queue";

export const INSERT_TEXTS = {
  noForm: {
    zh: "未识别到申报表,无法插入指标。请先打开申报表并点「一键校验」。",
    en: "No form was recognised, so nothing can be inserted. Open the form and press Check first.",
  },
  noFormOn: {
    zh: (sheet: string) => `工作表「${sheet}」中没有识别到申报表,未做任何更改`,
    en: (sheet: string) => `No form was recognised on sheet "${sheet}"; nothing was changed`,
  },
  severalForms: {
    zh: (names: string) => `工作簿中有多张申报表(${names}),请先选择要插入的那一张(命令行:--sheet <工作表>)`,
    en: (names: string) => `The workbook holds several forms (${names}); choose the one to insert into (CLI: --sheet <sheet>)`,
  },
} satisfies Catalogue;

export interface FormChoice {
  /** The sheet the user chose: the pane's selected form, the CLI's --sheet. Wins over everything. */
  chosen?: string;
  /** The sheet the cursor is in, when the host can tell. */
  cursor?: string | null;
}

export type ChooseResult = { ok: true; form: RecognizedForm } | { ok: false; reason: Message; candidates: string[] };

/** The one rule for which form an insertion goes into. */
export function chooseForm(forms: readonly RecognizedForm[], choice: FormChoice = {}): ChooseResult {
  const sheets = [...new Set(forms.map((f) => f.model.sheet))];
  if (forms.length === 0) return { ok: false, reason: INSERT_TEXTS.noForm, candidates: [] };
  if (choice.chosen !== undefined) {
    const form = forms.find((f) => f.model.sheet === choice.chosen);
    return form ? { ok: true, form } : { ok: false, reason: bilingual(INSERT_TEXTS.noFormOn, choice.chosen), candidates: sheets };
  }
  // Several forms on one sheet (a sheet that prints two units' tables) are as ambiguous as several sheets.
  const onCursor = choice.cursor ? forms.filter((f) => f.model.sheet === choice.cursor) : [];
  if (onCursor.length === 1) return { ok: true, form: onCursor[0] };
  if (forms.length === 1) return { ok: true, form: forms[0] };
  return { ok: false, reason: bilingual(INSERT_TEXTS.severalForms, sheets.map((s) => `「${s}」`).join("、")), candidates: sheets };
}

export type PlanOutcome = { ok: true; plan: InsertionPlan; form: RecognizedForm } | { ok: false; reason: Message; duplicate?: boolean };

/** Chooses the form and plans the row on this snapshot (pure; the CLI applies it with its own file host). */
export function planTemplate(
  snapshot: WorkbookSnapshot,
  template: IndicatorTemplate,
  values: InsertValues,
  choice: FormChoice,
): PlanOutcome {
  return planOnForms(formsOf(snapshot), template, values, choice);
}

const formsOf = (snapshot: WorkbookSnapshot): RecognizedForm[] => recognizeWorkbook(snapshot).flatMap((r) => r.forms);

function planOnForms(forms: RecognizedForm[], template: IndicatorTemplate, values: InsertValues, choice: FormChoice): PlanOutcome {
  const chosen = chooseForm(forms, choice);
  if (!chosen.ok) return chosen;
  const plan = planInsertion(chosen.form.model, chosen.form.grid, template, values);
  if (isInsertError(plan)) return { ok: false, reason: plan.error, duplicate: plan.code === "duplicate" };
  return { ok: true, plan, form: chosen.form };
}

export type InsertOutcome = { ok: true; plan: InsertionPlan } | { ok: false; reason: Message; duplicate?: boolean };

/**
 * Planned on a fresh read, never on the last check's snapshot (the user may have typed since), then
 * applied through the host's one verified apply; the new row is selected so the user sees it.
 */
export async function insertTemplate(
  host: Pick<Host, "read" | "apply" | "goTo" | "activeSheet">,
  template: IndicatorTemplate,
  values: InsertValues,
  choice: FormChoice = {},
): Promise<InsertOutcome> {
  // One queued task (src/app/queue.ts): no live re-check or other write lands between the read and the apply.
  return queueOf(host).run(() => insertNow(host, template, values, choice));
}

async function insertNow(
  host: Pick<Host, "read" | "apply" | "goTo" | "activeSheet">,
  template: IndicatorTemplate,
  values: InsertValues,
  choice: FormChoice,
): Promise<InsertOutcome> {
  const { snapshot } = await host.read();
  const forms = formsOf(snapshot);
  let cursor = choice.cursor;
  // The cursor decides only between several forms: with one, the host is not asked (WPS: five bridge calls).
  if (cursor === undefined && choice.chosen === undefined && forms.length > 1 && host.activeSheet) {
    try {
      cursor = await host.activeSheet();
    } catch {
      cursor = null;
    }
  }
  const planned = planOnForms(forms, template, values, { ...choice, cursor });
  if (!planned.ok) return planned;
  const { plan } = planned;
  // Read in this task an instant ago: a host may compile against it rather than read it again.
  const applied = await host.apply(plan, { basis: snapshot });
  if (!applied.ok) return { ok: false, reason: applied.reason };
  await showInserted(host, plan);
  return { ok: true, plan };
}

/**
 * Selects the inserted row's first written cell, so the user sees where it went without hunting for
 * it; a template and an accepted draft both end here.
 */
export async function showInserted(host: Pick<Host, "goTo">, plan: InsertionPlan): Promise<void> {
  const first = plan.edits.find((e) => e.op === "setValue" && e.row === plan.target.row) ?? plan.edits.find((e) => e.op === "setValue");
  if (!first || first.op !== "setValue") return;
  try {
    await host.goTo({ sheet: first.sheet, row: first.row, col: first.col });
  } catch {
    // The row is in; not being able to select it is no reason to report a failure.
  }
}
