/** Runs the rule catalogue over a workbook snapshot: recognise every form, check each, collect findings. */
import { Config, resolveSetting } from "./config";
import { FormModel } from "./form/model";
import { englishPlurals } from "./i18n";
import { SheetRecognition, recognizeWorkbook } from "./form/recognize";
import { render } from "./rules/interpolate";
import { RULES } from "./rules/registry";
import { EditPlan } from "./plan/editPlan";
import { Finding, Lazy, Message, Report, Rule, RuleOptions, Severity, Suggestion } from "./rules/types";
import { bySeverity } from "./severity";
import { WorkbookSnapshot } from "./snapshot";
import { Summary, summarize } from "./summary";

export { summarize, type Summary } from "./summary";

export interface FormResult {
  sheet: string;
  model: FormModel;
  findings: Finding[];
}

export interface CheckResult {
  source: string;
  recognitions: SheetRecognition[];
  forms: FormResult[];
  /** Every finding, form findings first in sheet order, then workbook-level ones. */
  findings: Finding[];
  summary: Summary;
}

export interface CheckOptions {
  /** Compute the fixes and suggestions rules give lazily (the pane, `fix`, `--format json` ask;
   * a plain check does not). Plans a rule built eagerly are kept either way. */
  fixes?: boolean;
}

const withPlurals = (m: Message): Message => ({ zh: m.zh, en: englishPlurals(m.en) });

function resolve<T>(v: Lazy<T> | undefined, fixes: boolean): T | undefined {
  if (typeof v !== "function") return v;
  return fixes ? (v as () => T)() : undefined;
}

function makeFinding(rule: Rule, sheet: string, r: Report<string>, severity: Severity, fixes: boolean): Finding {
  const msg = rule.meta.messages[r.messageId];
  if (!msg) throw new Error(`rule ${rule.meta.id} reported unknown messageId ${r.messageId}`);
  return {
    rule: rule.meta.id,
    severity,
    category: rule.meta.category,
    messageId: r.messageId,
    data: r.data ?? {},
    message: withPlurals(render(msg, r.data)),
    cells: r.cells.map((c) => ({ sheet, row: c.row, col: c.col })),
    ...withFixes(resolve<EditPlan | undefined>(r.fix, fixes), resolve<Suggestion[]>(r.suggestions, fixes)),
    ...(r.templates?.length ? { templates: r.templates } : {}),
  };
}

function withFixes(fix: EditPlan | undefined, suggestions: Suggestion[] | undefined): Pick<Finding, "fix" | "suggestions"> {
  const choices = suggestions?.filter((s) => s.plan.edits.length > 0) ?? [];
  return { ...(fix ? { fix } : {}), ...(choices.length ? { suggestions: choices } : {}) };
}

function sortFindings(list: Finding[]): Finding[] {
  return list.sort((a, b) => bySeverity(a.severity, b.severity));
}

/** Whether a rule checks this kind of form (a rule without `kinds` checks every kind). */
export function appliesTo(rule: Rule, model: FormModel): boolean {
  return !rule.meta.kinds || rule.meta.kinds.includes(model.kind);
}

export function checkWorkbook(wb: WorkbookSnapshot, config?: Config, rules: Rule[] = RULES, opts: CheckOptions = {}): CheckResult {
  const fixes = opts.fixes === true;
  const recognitions = recognizeWorkbook(wb);
  const forms: FormResult[] = [];
  for (const rec of recognitions) {
    for (const { model, grid } of rec.forms) {
      const findings: Finding[] = [];
      for (const rule of rules) {
        if (!rule.check || !appliesTo(rule, model)) continue;
        const setting = resolveSetting(config, rule.meta.id);
        const forced = setting.severity;
        if (forced === "off") continue;
        const options = { ...rule.meta.defaultOptions, ...setting.options } as RuleOptions;
        rule.check({
          form: model,
          grid,
          options,
          report: (r) => findings.push(makeFinding(rule, model.sheet, r, forced ?? r.severity ?? rule.meta.severity, fixes)),
        });
      }
      forms.push({ sheet: rec.sheet, model, findings: sortFindings(findings) });
    }
  }
  const workbookFindings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.checkWorkbook) continue;
    const setting = resolveSetting(config, rule.meta.id);
    const forced = setting.severity;
    if (forced === "off") continue;
    rule.checkWorkbook({
      source: wb.source,
      recognitions,
      options: { ...rule.meta.defaultOptions, ...setting.options } as RuleOptions,
      report: (r) => workbookFindings.push(makeFinding(rule, r.sheet, r, forced ?? r.severity ?? rule.meta.severity, fixes)),
    });
  }
  const findings = [...forms.flatMap((f) => f.findings), ...workbookFindings];
  return { source: wb.source, recognitions, forms, findings, summary: summarize(findings) };
}
