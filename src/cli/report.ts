/** The check command's results as JSON (for scripts) or text (for people), in one language. */
import { CellRef, formatRef, toA1 } from "../core/a1";
import { CheckResult, Summary, summarize } from "../core/engine";
import { Lang, PUNCTUATION, SEVERITY_NAMES, pick } from "../core/i18n";
import { FormModel } from "../core/form/model";
import { ruleDocPath } from "../core/rules/docs";
import { FORM_KIND_NAMES, FormInfo, formInfo, formName, whatWasRead } from "../core/form/whatWasRead";
import { formAmount } from "../core/rules/util/formAmounts";
import { sumCents } from "../core/rules/util/money";
import { Finding, Message, Severity } from "../core/rules/types";
import { findingSheet } from "../core/identity";
import { SEVERITIES } from "../core/severity";
import { CLI } from "./messages";
import { TableLayout, formatTable } from "./table";

export interface FormEntry {
  file: string;
  sheet: string;
  /** What was read: kind, title, names, the indicator table and its value columns. */
  form: FormInfo;
  /** The same in one line: kind and name · sheet · indicator table and value columns. */
  read: Message;
  findings: Finding[];
  summary: Summary;
  /** 部门名称 as filled in ("" when the form has none or no form was found). */
  department: string;
  /** 支出合计 in 万元 (基本 + 项目, else the printed 合计); null when it cannot be read. */
  expenditure: number | null;
  /** Findings the form's authors ignored in the add-in, left out of `findings`. */
  ignored: number;
}

export interface UnreadableEntry {
  file: string;
  error: Message;
}

/**
 * A workbook that was read but holds no form the checker reads (a half-filled template, another
 * table, a form cut short): not checked, so neither 可以提交 nor 需修改.
 */
export interface NotCheckedEntry {
  file: string;
  /** The sheet that came closest to a form. */
  sheet: string;
  /** One plain sentence: what was found instead of a form. */
  notChecked: Message;
}

export type Entry = FormEntry | NotCheckedEntry | UnreadableEntry;

export const isUnreadable = (e: Entry): e is UnreadableEntry => "error" in e;
export const isNotChecked = (e: Entry): e is NotCheckedEntry => "notChecked" in e;
/** An entry whose form was checked, so it has findings and counts. */
export const isChecked = (e: Entry): e is FormEntry => !isUnreadable(e) && !isNotChecked(e);

const NO_FORM: Message = {
  zh: "没有找到绩效目标表或绩效自评表,未检查",
  en: "No performance-target form or self-evaluation table was found; not checked",
};

/**
 * Why nothing was checked: the recognition's own sentence for the sheet that came closest, else
 * what form-not-found says (it names the labels that were missing), else a plain default.
 */
function notCheckedReason(result: CheckResult, loose: Finding[]): { sheet: string; reason: Message } | null {
  const best = [...result.recognitions].sort((a, b) => b.found.length - a.found.length)[0];
  if (best?.notForm) return { sheet: best.sheet, reason: best.notForm };
  const notFound = loose.find((f) => f.rule === "layout/form-not-found");
  if (notFound) return { sheet: findingSheet(notFound), reason: notFound.message };
  return best ? { sheet: best.sheet, reason: NO_FORM } : null;
}

/**
 * One entry per recognised form; workbook-level findings go with the form on their sheet (or the
 * first form). A workbook without a form gives one not-checked entry saying what was found instead.
 */
export function entriesFor(file: string, result: CheckResult, firstSheet: string): (FormEntry | NotCheckedEntry)[] {
  const forms = result.forms;
  const formFindings = new Set(forms.flatMap((f) => f.findings));
  const loose = result.findings.filter((f) => !formFindings.has(f));
  if (forms.length === 0) {
    const why = notCheckedReason(result, loose);
    return [{ file, sheet: why?.sheet || firstSheet, notChecked: why?.reason ?? NO_FORM }];
  }
  const entries = forms.map((f) => ({
    file,
    sheet: f.sheet,
    form: formInfo(f.model),
    read: whatWasRead(f.model),
    findings: f.findings.slice(),
    department: f.model.department?.value?.text ?? "",
    expenditure: expenditureOf(f.model),
  }));
  for (const f of loose) (entries.find((e) => e.sheet === findingSheet(f)) ?? entries[0]).findings.push(f);
  return entries.map((e) => ({ ...e, summary: summarize(e.findings), ignored: 0 }));
}

/**
 * The entries of a workbook once the findings its authors ignored are left out: `all` and `kept`
 * are entriesFor() of the same workbook before and after, so they list the same forms in order.
 */
export function withIgnoredCounts(all: Entry[], kept: Entry[]): Entry[] {
  return kept.map((e, i) => {
    const before = all[i];
    return isChecked(e) && isChecked(before) ? { ...e, ignored: before.findings.length - e.findings.length } : e;
  });
}

function expenditureOf(model: FormModel): number | null {
  const basic = formAmount(model, "basic");
  const project = formAmount(model, "project");
  if (basic && project) return sumCents([basic.value, project.value]);
  return formAmount(model, "total")?.value ?? null;
}

export type Verdict = "submit" | "revise" | "unchecked" | "unreadable";

export const VERDICT_NAMES: Record<Verdict, Message> = {
  submit: CLI.verdictSubmit,
  revise: CLI.verdictRevise,
  unchecked: CLI.verdictUnchecked,
  unreadable: CLI.verdictUnreadable,
};

/**
 * Errors decide, as in the pane's 可以提交: warnings and tips are advice, not a reason to send back.
 * A workbook without a form was not checked: sending it back as 需修改 would be a false verdict.
 */
export function verdictOf(e: Entry): Verdict {
  if (isUnreadable(e)) return "unreadable";
  if (isNotChecked(e)) return "unchecked";
  return e.summary.error > 0 ? "revise" : "submit";
}

/** The 类型 column: 部门整体 / 项目 / 自评, "-" when nothing was read. */
export function kindName(e: Entry, lang: Lang): string {
  return isChecked(e) ? pick(FORM_KIND_NAMES[e.form.kind], lang) : "-";
}

/** The name a reviewer tells the entries apart by: the project's, else the department's. */
export function entryName(e: FormEntry): string {
  return formName(e.form) || e.department;
}

/** `extra` adds fields to a finding's JSON (the fix and suggestions, ESLint's shape). */
export function toJson(entries: Entry[], lang: Lang, opts: TextOptions = {}, extra?: (f: Finding) => object): string {
  const files = entries.map((e) =>
    isUnreadable(e)
      ? { file: e.file, error: pick(e.error, lang) }
      : isNotChecked(e)
        ? { file: e.file, sheet: e.sheet, verdict: "unchecked", notChecked: pick(e.notChecked, lang) }
        : {
            file: e.file,
            sheet: e.sheet,
            verdict: verdictOf(e),
            form: jsonForm(e.form),
            findings: (opts.quiet ? e.findings.filter((f) => f.severity === "error") : e.findings).map((f) => ({
              rule: f.rule,
              severity: f.severity,
              cells: f.cells.map(formatRef),
              message: pick(f.message, lang),
              // The rule's page, from the repository root: why it checks this, examples, options.
              docs: ruleDocPath(f.rule),
              ...extra?.(f),
            })),
            summary: { error: e.summary.error, warning: e.summary.warning, info: e.summary.info },
            // Findings the authors ignored in the add-in: left out of `findings` and `summary`.
            ignored: e.ignored,
          },
  );
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

export function summaryLine(s: Summary, lang: Lang): string {
  return pick(CLI.summaryLine, lang, s.error, s.warning, s.info);
}

/** The form as JSON: the name fields the kind prints, the table as 1-based rows and A1 columns. */
function jsonForm(f: FormInfo) {
  return {
    kind: f.kind,
    sheet: f.sheet,
    title: f.title,
    ...(f.kind === "department" ? { department: f.department } : { project: f.project, department: f.department }),
    indicatorHeaderRow: f.indicatorHeaderRow,
    indicatorRows: f.indicatorRows,
    valueColumns: f.valueColumns,
  };
}

export function totalLine(entries: Entry[], fileCount: number, lang: Lang): string {
  const total: Summary = { error: 0, warning: 0, info: 0 };
  for (const e of entries) if (isChecked(e)) for (const s of SEVERITIES) total[s] += e.summary[s];
  const unreadable = new Set(entries.filter(isUnreadable).map((e) => e.file)).size;
  const ignored = entries.reduce((n, e) => n + (isChecked(e) ? e.ignored : 0), 0);
  return pick(CLI.totalLine, lang, fileCount, summaryLine(total, lang), ignored, unreadable);
}

export interface TextOptions {
  /** Errors only (ESLint's --quiet): warnings and tips are counted but not listed. */
  quiet?: boolean;
  /** The verdict table alone (`--format table`): a 50-file batch prints ~650 lines of detail before it. */
  tableOnly?: boolean;
  /** Where the table is printed: its width, and whether verdicts are coloured. */
  terminal?: TerminalStyle;
}

export interface TerminalStyle {
  width: number;
  colour: boolean;
}

/** SGR colours of the verdicts: green to send, red to revise, yellow for a file nobody could check. */
const VERDICT_SGR: Partial<Record<string, string>> = { submit: "32", revise: "31", unreadable: "33", notChecked: "33" };

/** How many further cells of a grouped tip are named before "…". */
const GROUP_CELLS = 8;

/** A cell as shown inside its own sheet's block: "E21" rather than "申报表!E21". */
const local = (cell: CellRef | undefined, sheet: string) =>
  !cell ? "-" : cell.sheet === sheet ? toA1(cell.row, cell.col) : formatRef(cell);

function findingLines(e: FormEntry, sev: Severity, lang: Lang): string[] {
  const list = e.findings.filter((f) => f.severity === sev);
  // A finding on several cells names the first and says how many: 「E41 等 2 处」.
  const where = (f: Finding) =>
    f.cells[0] ? formatRef(f.cells[0]) + (f.cells.length > 1 ? pick(CLI.cellsInAll, lang, f.cells.length) : "") : "-";
  const line = (f: Finding) => `    ${where(f)}  ${f.rule}  ${pick(f.message, lang)}`;
  // Errors and warnings each need their own look; a tip repeated over many rows says one thing.
  if (sev !== "info") return list.map(line);
  const byRule = new Map<string, Finding[]>();
  for (const f of list) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const out: string[] = [];
  for (const group of byRule.values()) {
    out.push(line(group[0]));
    const more = group.slice(1).map((f) => local(f.cells[0], e.sheet));
    if (more.length === 0) continue;
    const shown = more.slice(0, GROUP_CELLS).join(pick(PUNCTUATION.list, lang)) + (more.length > GROUP_CELLS ? " …" : "");
    out.push(pick(CLI.moreLikeThis, lang, more.length, shown));
  }
  return out;
}

/** The closing table: one line per form (or unreadable file) with its verdict and counts. */
export function verdictTable(entries: Entry[], lang: Lang, terminal?: TerminalStyle): string[] {
  const perFile = new Map<string, number>();
  for (const e of entries) perFile.set(e.file, (perFile.get(e.file) ?? 0) + 1);
  const anyIgnored = entries.some((e) => isChecked(e) && e.ignored > 0);
  const head = [
    CLI.colFile,
    CLI.colKind,
    CLI.colName,
    CLI.colVerdict,
    CLI.colErrors,
    CLI.colWarnings,
    CLI.colTips,
    ...(anyIgnored ? [CLI.colIgnored] : []),
  ].map((m) => pick(m, lang));
  const rows = entries.map((e) => {
    const name = isChecked(e) && (perFile.get(e.file) ?? 0) > 1 ? `${e.file} [${e.sheet}]` : e.file;
    const verdict = pick(VERDICT_NAMES[verdictOf(e)], lang);
    if (!isChecked(e)) return [name, "-", "-", verdict, "-", "-", "-", ...(anyIgnored ? ["-"] : [])];
    const counts = [e.summary.error, e.summary.warning, e.summary.info, ...(anyIgnored ? [e.ignored] : [])].map(String);
    return [name, kindName(e, lang), entryName(e) || "-", verdict, ...counts];
  });
  // Found by its header, so a column added before it moves nothing here.
  const verdictCol = head.indexOf(pick(CLI.colVerdict, lang));
  const kindCol = head.indexOf(pick(CLI.colKind, lang));
  const layout: TableLayout | undefined = terminal && {
    width: terminal.width,
    keep: [verdictCol, kindCol].filter((c) => c >= 0),
    paint: terminal.colour
      ? (text, row, col) => {
          const sgr = row > 0 && col === verdictCol ? VERDICT_SGR[verdictOf(entries[row - 1])] : undefined;
          return sgr ? `\x1b[${sgr}m${text}\x1b[0m` : text;
        }
      : undefined,
  };
  // Counts to the right, text to the left, whatever the columns are.
  // A column of dashes only (no form read in any file) is not a count column.
  const align = head.map((_, c): "left" | "right" =>
    rows.every((r) => /^(\d+|-)$/.test(r[c] ?? "")) && rows.some((r) => /^\d+$/.test(r[c] ?? "")) ? "right" : "left",
  );
  return formatTable([head, ...rows], align, layout);
}

/** "可以提交 20 份,需修改 25 份,无法读取 5 个文件" — the count a reviewer reports upward. */
export function verdictCounts(entries: Entry[], lang: Lang): string {
  const n: Record<Verdict, number> = { submit: 0, revise: 0, unchecked: 0, unreadable: 0 };
  for (const e of entries) n[verdictOf(e)]++;
  return pick(CLI.verdictCounts, lang, n.submit, n.revise, n.unreadable, n.unchecked);
}

export function toText(entries: Entry[], fileCount: number, lang: Lang, opts: TextOptions = {}): string {
  if (opts.tableOnly) return `${verdictTable(entries, lang, opts.terminal).join("\n")}\n`;
  const out: string[] = [];
  for (const e of entries) {
    if (isUnreadable(e)) {
      out.push(e.file, `  ${pick(e.error, lang)}`, "");
      continue;
    }
    if (isNotChecked(e)) {
      out.push(e.sheet ? `${e.file}  [${e.sheet}]` : e.file, pick(CLI.notCheckedLine, lang, pick(e.notChecked, lang)), "");
      continue;
    }
    if (opts.quiet && e.summary.error === 0) continue;
    out.push(e.sheet ? `${e.file}  [${e.sheet}]` : e.file, pick(CLI.readLine, lang, pick(e.read, lang)));
    if (e.findings.length === 0) out.push(pick(CLI.noProblems, lang));
    for (const sev of opts.quiet ? (["error"] as const) : SEVERITIES) {
      const lines = findingLines(e, sev, lang);
      if (lines.length === 0) continue;
      out.push(`  ${pick(SEVERITY_NAMES[sev], lang)}`, ...lines);
    }
    if (e.ignored > 0) out.push(pick(CLI.ignoredMore, lang, e.ignored));
    out.push(pick(CLI.subtotal, lang, summaryLine(e.summary, lang)), "");
  }
  out.push(...verdictTable(entries, lang, opts.terminal), "", verdictCounts(entries, lang), totalLine(entries, fileCount, lang));
  return `${out.join("\n")}\n`;
}
