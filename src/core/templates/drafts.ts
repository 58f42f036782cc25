/**
 * Drafted indicator rows (指标推荐, issue #20) as choices a person looks at, edits and accepts:
 * every draft a check offers, under an id that a reviewer can type (the cell of its finding and a
 * number: "B18-1"), and the checker's verdict on a draft as edited — the row is planned with the
 * one inserter, applied to a copy of the snapshot with the edit engine's own steps, and the whole
 * catalogue runs on the result, so the verdict is the one the form would get.
 */
import { CellRef, toA1 } from "../a1";
import { Config } from "../config";
import { CheckResult, checkWorkbook } from "../engine";
import { applyToWorkbook } from "../plan/applyToSnapshot";
import { Finding, Message, Rule, Suggestion } from "../rules/types";
import { RULES } from "../rules/registry";
import { WorkbookSnapshot, cellValue } from "../snapshot";
import { InsertError, InsertValues, InsertionPlan, isInsertError, planInsertion } from "./insert";
import { Operator, IndicatorTemplate } from "./types";

export interface DraftChoice {
  /** "B18-1": the first cell of the finding that offers it (A1, without the sheet) and its number there. */
  id: string;
  sheet: string;
  finding: Finding;
  suggestion: Suggestion & { draft: IndicatorTemplate };
  template: IndicatorTemplate;
}

/**
 * Every draft the findings offer, in the findings' order. Numbered per cell across findings, since
 * several findings may point at one cell (产出 lacking both 质量 and 时效 anchors both at its label):
 * the same file checked with the same rules gives the same ids, whoever ignored what.
 */
export function draftChoices(findings: readonly Finding[]): DraftChoice[] {
  const counts = new Map<string, number>();
  const out: DraftChoice[] = [];
  for (const f of findings) {
    const at = f.cells[0];
    if (!at) continue;
    for (const s of f.suggestions ?? []) {
      if (!s.draft) continue;
      const cell = toA1(at.row, at.col);
      const key = `${at.sheet}!${cell}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      out.push({ id: `${cell}-${n}`, sheet: at.sheet, finding: f, suggestion: s as DraftChoice["suggestion"], template: s.draft });
    }
  }
  return out;
}

/** The drafted row as the form will print it, cell by cell (the plan's own values, normalised). */
export interface DraftRow {
  name: string;
  /** null where the form has no 实施期 column. */
  period: string | null;
  annual: string;
}

export type DraftVerdict =
  | { ok: false; error: Message; code: InsertError["code"] | "no-form" | "apply" }
  | {
      ok: true;
      plan: InsertionPlan;
      row: DraftRow;
      /** Findings the inserted row brings: those on its row, and any new error elsewhere. */
      findings: Finding[];
      /** An error or warning among them: the row does not pass the indicator rules yet. */
      blocking: boolean;
    };

export interface DraftCheckOptions {
  config?: Config;
  rules?: Rule[];
  /** The check of `wb` when the caller has it (the editor checks once, then once per edit). */
  before?: CheckResult;
}

const NO_FORM: Message = {
  zh: "工作簿中没有识别到绩效目标表,无法插入指标",
  en: "No performance-target form was recognised in the workbook; nothing can be inserted",
};

const findingKey = (f: Finding, shift: (c: CellRef) => CellRef) =>
  `${f.rule} ${f.cells
    .map(shift)
    .map((c) => `${c.sheet}!${c.row},${c.col}`)
    .join(" ")}`;

/**
 * Plans the draft with `values` on the form of `sheet` (the first form when not given), applies the
 * plan to a copy of the snapshot and checks the result. A finding of the same rule at the same cells
 * before (moved down with its row) is not the draft's, as in verifyPlan: filling a printed row whose
 * label sits in the wrong column changes what the misaligned-row rule says of it, not its problem.
 */
export function checkDraft(
  wb: WorkbookSnapshot,
  template: IndicatorTemplate,
  values: InsertValues,
  sheet?: string,
  opts: DraftCheckOptions = {},
): DraftVerdict {
  const rules = opts.rules ?? RULES;
  const before = opts.before ?? checkWorkbook(wb, opts.config, rules);
  const forms = before.recognitions.flatMap((r) => r.forms);
  const form = sheet === undefined ? forms[0] : forms.find((f) => f.model.sheet === sheet);
  if (!form) return { ok: false, error: NO_FORM, code: "no-form" };
  const plan = planInsertion(form.model, form.grid, template, values);
  if (isInsertError(plan)) return { ok: false, error: plan.error, code: plan.code };
  const applied = applyToWorkbook(wb, plan);
  if (!applied.ok) return { ok: false, error: applied.reason, code: "apply" };
  const after = checkWorkbook(applied.value, opts.config, rules);

  const name = form.model.sheet;
  const row = plan.target.row;
  const inserted = plan.edits.some((e) => e.op === "insertRows");
  const shift = (c: CellRef): CellRef => (inserted && c.sheet === name && c.row >= row ? { ...c, row: c.row + 1 } : c);
  const old = new Set(before.findings.map((f) => findingKey(f, shift)));
  const findings = after.findings.filter((f) => {
    if (old.has(findingKey(f, (c) => c))) return false;
    return f.severity === "error" || f.cells.some((c) => c.sheet === name && c.row === row);
  });

  const cols = form.model.indicators!.columns;
  const sheetAfter = applied.value.sheets.find((s) => s.name === name)!;
  const text = (col: number) => {
    const v = cellValue(sheetAfter, row, col);
    return v === null || v === undefined ? "" : typeof v === "object" ? v.error : String(v);
  };
  return {
    ok: true,
    plan,
    row: { name: text(cols.level3), period: cols.period === null ? null : text(cols.period), annual: text(cols.annual) },
    findings,
    blocking: findings.some((f) => f.severity === "error" || f.severity === "warning"),
  };
}

/**
 * The draft's row in the parts a person edits: for a number target, the name without its unit,
 * the unit, the operator and the numbers ("科普咨询活动次数" · 次 · ≥ · 2); any other (优, a date) as
 * the name and the values' own text.
 */
export type DraftFields =
  | { mode: "number"; name: string; unit: string; operator: Operator; period: string; annual: string }
  | { mode: "text"; name: string; period: string; annual: string };

const NAME_UNIT = /^(.*?)\s*[((]([^()()]+)[))]$/;
const NUMBER_VALUE = /^(≥|≤|＝|＞|＜)(-?\d+(?:\.\d+)?)(.*)$/;

export function draftFields(t: IndicatorTemplate, values: { period: string; annual: string }): DraftFields {
  const n = NAME_UNIT.exec(t.name.trim());
  const p = NUMBER_VALUE.exec(values.period);
  const a = NUMBER_VALUE.exec(values.annual);
  if (t.kind === "quantitative" && n && p && a && p[1] === a[1] && p[3] === n[2] && a[3] === n[2]) {
    return { mode: "number", name: n[1], unit: n[2], operator: a[1] as Operator, period: p[2], annual: a[2] };
  }
  return { mode: "text", name: t.name, period: values.period, annual: values.annual };
}

/** What the edited fields write: the unit in the name's brackets and after each number. */
export function draftValues(f: DraftFields): { name: string; period: string; annual: string } {
  if (f.mode === "text") return { name: f.name.trim(), period: f.period.trim(), annual: f.annual.trim() };
  const unit = f.unit.trim();
  const name = f.name.trim();
  const value = (n: string) => (n.trim() === "" ? "" : `${f.operator}${n.trim()}${unit}`);
  return { name: name === "" ? "" : unit ? `${name}(${unit})` : name, period: value(f.period), annual: value(f.annual) };
}
