/**
 * The reviewer's summary workbook (--summary 汇总.xlsx): sheet 汇总 with one row per form or
 * unreadable file (verdict, counts, the top problems in words, a link to the file) and sheet 明细
 * with every finding, both ready to sort, filter, print and send back.
 */
import { formatRef } from "../core/a1";
import type ExcelJS from "exceljs";
import { existsSync } from "fs";
import { dirname, relative, resolve } from "path";
import { CATEGORY_NAMES, Lang, Message, PUNCTUATION, Phrase, SEVERITY_NAMES, pick } from "../core/i18n";
import { markArgb } from "../core/marks";
import { Finding } from "../core/rules/types";
import { SEVERITIES, severityRank } from "../core/severity";
import { CLI } from "./messages";
import { Entry, FormEntry, VERDICT_NAMES, Verdict, entryName, isChecked, isUnreadable, kindName, verdictOf } from "./report";
import { XlsxSheet, XlsxStyle, XlsxValue, quotedSheet, writeXlsx } from "./summaryXlsx";
import { displayWidth } from "./table";

/** Marks a workbook as one of our summaries, so a later `check` of the same folder skips it. */
export const SUMMARY_NAME = "BudgetFormSummary";

export function isSummaryWorkbook(wb: ExcelJS.Workbook): boolean {
  return wb.definedNames.getRanges(SUMMARY_NAME).ranges.length > 0;
}

export const SHEET_NAMES = { summary: CLI.sheetSummary, details: CLI.sheetFindings } as const;

/** How many problems the 主要问题 cell names. */
const TOP = 3;

const HEADERS: Record<"summary" | "details", Message[]> = {
  summary: [
    CLI.colFile,
    CLI.colSheet,
    CLI.colKind,
    CLI.colName,
    CLI.colExpenditure,
    CLI.colVerdict,
    CLI.colErrors,
    CLI.colWarnings,
    CLI.colTips,
    CLI.colIgnored,
    CLI.colMainProblems,
  ],
  details: [CLI.colFile, CLI.colName, CLI.colCell, CLI.colSeverity, CLI.colCategory, CLI.colRule, CLI.colMessage],
};

const VERDICT_FILL: Record<Verdict, string> = { submit: "FFC6EFCE", revise: "FFFFC7CE", unchecked: "FFFFEB9C", unreadable: "FFD9D9D9" };
/** 1-based columns of the 汇总 sheet that get their own style. */
const COL = { link: 1, money: 5, verdict: 6, problems: 11 } as const;
const HEADER_FILL = "FFDDEBF7";
const NO_STYLE: XlsxStyle = {};
const LINK_STYLE: XlsxStyle = { link: true };
const MONEY_STYLE: XlsxStyle = { numFmt: "0.00" };

/**
 * What a rule finds, as a countable noun: a rule that fires in several places is named once,
 * 「6 处模糊表述」, rather than by the message of one cell. Rules that fire once per form (a total,
 * a missing table) need none: their one message says it better.
 */
const PROBLEM_NOUNS: Partial<Record<string, Message>> = {
  "budget/amount-invalid": { zh: "金额填写有误", en: "invalid amounts" },
  "budget/amount-not-number": { zh: "金额不是数字", en: "amounts that are not numbers" },
  "budget/headcount-invalid": { zh: "人数填写有误", en: "invalid headcounts" },
  "indicators/annual-exceeds-period": { zh: "年度指标值超过实施期", en: "annual targets above the period's" },
  "indicators/category-mismatch": { zh: "指标分类不符", en: "indicators in the wrong category" },
  "indicators/duplicate": { zh: "重复指标", en: "duplicate indicators" },
  "indicators/impossible-target": { zh: "不可能达到的指标值", en: "impossible targets" },
  "indicators/missing-category": { zh: "缺少的指标类别", en: "missing indicator categories" },
  "indicators/missing-operator": { zh: "指标值缺少符号", en: "targets without an operator" },
  "indicators/missing-value": { zh: "指标值空白", en: "empty targets" },
  "indicators/not-quantified": { zh: "未量化的指标", en: "unquantified indicators" },
  "indicators/operator-style": { zh: "符号写法不规范", en: "nonstandard operators" },
  "indicators/satisfaction-below-floor": { zh: "满意度低于下限", en: "satisfaction targets below the floor" },
  "indicators/timeliness-deadline": { zh: "时效指标不明确", en: "unclear deadlines" },
  "indicators/unit-mismatch": { zh: "单位不符", en: "unit mismatches" },
  "indicators/vague-wording": { zh: "模糊表述", en: "vague targets" },
  "required/field-empty": { zh: "必填项空白", en: "empty required fields" },
  "tasks/incomplete-row": { zh: "不完整的任务行", en: "incomplete task rows" },
  "tasks/no-matching-indicator": { zh: "任务没有对应指标", en: "tasks without an indicator" },
  "layout/misaligned-row": { zh: "错位的行", en: "misaligned rows" },
};

const placesOf: Phrase<[number, string]> = { zh: (n, noun) => `${n} 处${noun}`, en: (n, noun) => `${n} ${noun}` };

/**
 * The problems to read first: rules ordered by their worst severity, then by how often they
 * fire; a rule that fires more than once is counted and named (「6 处模糊表述」), one that fires
 * once is quoted.
 */
export function topProblems(e: FormEntry, lang: Lang, n = TOP): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of e.findings) if (f.severity !== "info") byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [...byRule.values()]
    .sort(
      (a, b) =>
        Math.min(...a.map((f) => severityRank(f.severity))) - Math.min(...b.map((f) => severityRank(f.severity))) || b.length - a.length,
    )
    .slice(0, n)
    .map((list) => {
      const worst = list.reduce((w, f) => (severityRank(f.severity) < severityRank(w.severity) ? f : w));
      const noun = PROBLEM_NOUNS[worst.rule];
      const what =
        list.length > 1 && noun
          ? pick(placesOf, lang, list.length, pick(noun, lang))
          : `${pick(worst.message, lang)}${list.length > 1 ? pick(CLI.morePlaces, lang, list.length) : ""}`;
      return `${pick(SEVERITY_NAMES[worst.severity], lang)}${pick(PUNCTUATION.colon, lang)}${what}`;
    });
}

/** A link that still works when the summary and the forms are moved together (e.g. zipped and sent back). */
function linkTo(file: string, cwd: string, summaryPath: string): string {
  return relative(dirname(summaryPath), resolve(cwd, file)).split("\\").join("/");
}

type Row = XlsxValue[];

const cellText = (v: XlsxValue): string =>
  v === null || v === undefined ? "" : typeof v === "object" && "text" in v ? String(v.text) : String(v);

/** Widths from the longest line of each column (Chinese counts double), within sane bounds. */
function widths(rows: Row[], max: number[]): number[] {
  return max.map((limit, c) => {
    let w = 6;
    for (const r of rows) {
      if (w >= limit) break;
      for (const line of cellText(r[c]).split("\n")) {
        // A line is as wide as its length at least and twice it at most: measure only when that
        // could change the width (thousands of detail lines made this most of the summary's cost).
        if (line.length * 2 + 2 <= w) continue;
        w = Math.max(w, (line.length + 2 >= limit ? line.length : displayWidth(line)) + 2);
      }
    }
    return Math.min(w, limit);
  });
}

/** How many lines a text takes in a wrapping column `width` characters wide (CJK counts double). */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let n = 0;
  for (const line of text.split("\n")) n += line.length * 2 <= room ? 1 : Math.max(1, Math.ceil(displayWidth(line) / room));
  return n;
}

/**
 * One sheet: its header bold on a fill, the `wrap` column (1-based) wrapping, every cell aligned
 * to the top, `extra` adding a cell's own format (a link, a number format, the verdict's fill).
 */
function sheet(
  name: string,
  rows: Row[],
  max: number[],
  wrap: number,
  extra: (row: number, col: number) => XlsxStyle = () => NO_STYLE,
): XlsxSheet {
  const colWidths = widths(rows, max);
  const base = max.map((_, c): XlsxStyle => ({ wrap: c + 1 === wrap }));
  const header = base.map((b): XlsxStyle => ({ ...b, bold: true, fill: HEADER_FILL }));
  // One object per column and kind of cell, so the writer maps each to its format once, not per cell.
  const variants = new Map<XlsxStyle, XlsxStyle[]>();
  const variant = (c: number, add: XlsxStyle): XlsxStyle => {
    if (add === NO_STYLE) return base[c];
    let list = variants.get(add);
    if (!list) variants.set(add, (list = []));
    return (list[c] ??= { ...base[c], ...add });
  };
  return {
    name,
    rows,
    widths: colWidths,
    columnStyle: (c) => base[c],
    cellStyle: (r, c) => (r === 0 ? header[c] : variant(c, extra(r, c))),
    // A file carries no row heights unless written: LibreOffice (and a printout) would show one
    // line of a wrapped cell. Lines as the column wraps them, at Excel's 15 pt per line.
    height: (r) => {
      const lines = wrappedLines(cellText(rows[r][wrap - 1]), colWidths[wrap - 1]);
      return lines > 1 ? 15 * lines : undefined;
    },
  };
}

export interface SummaryOptions {
  lang: Lang;
  /** Where the file names in the entries are relative to. */
  cwd: string;
  /** Absolute path the summary will be written to, for relative links. */
  path: string;
}

/** The rows of both sheets (header first), shared by the .xlsx and the .html summary. */
function summaryData(entries: Entry[], opts: SummaryOptions): { verdicts: Verdict[]; summary: Row[]; details: Row[] } {
  const { lang } = opts;
  const verdicts = entries.map(verdictOf);
  const summary: Row[] = [
    HEADERS.summary.map((h) => pick(h, lang)),
    ...entries.map((e, i): Row => {
      // A missing file or a glob that matched nothing has nothing to link to.
      const link = existsSync(resolve(opts.cwd, e.file)) ? { text: e.file, hyperlink: linkTo(e.file, opts.cwd, opts.path) } : e.file;
      const verdict = pick(VERDICT_NAMES[verdicts[i]], lang);
      if (isUnreadable(e)) return [link, null, null, null, null, verdict, null, null, null, null, pick(e.error, lang)];
      if (!isChecked(e)) return [link, e.sheet || null, null, null, null, verdict, null, null, null, null, pick(e.notChecked, lang)];
      return [
        link,
        e.sheet,
        kindName(e, lang),
        entryName(e) || null,
        e.expenditure,
        verdict,
        e.summary.error,
        e.summary.warning,
        e.summary.info,
        e.ignored,
        topProblems(e, lang).join("\n") || null,
      ];
    }),
  ];
  const details: Row[] = [HEADERS.details.map((h) => pick(h, lang))];
  for (const e of entries) {
    if (!isChecked(e)) continue;
    for (const f of e.findings)
      details.push([
        e.file,
        entryName(e) || null,
        f.cells[0] ? formatRef(f.cells[0]) : null,
        pick(SEVERITY_NAMES[f.severity], lang),
        pick(CATEGORY_NAMES[f.category], lang),
        f.rule,
        pick(f.message, lang),
      ]);
  }
  return { verdicts, summary, details };
}

/** The summary workbook as .xlsx bytes. */
export async function buildSummary(entries: Entry[], opts: SummaryOptions): Promise<Uint8Array> {
  const { lang } = opts;
  const { verdicts, summary: summaryRows, details: detailRows } = summaryData(entries, opts);
  const summaryName = pick(SHEET_NAMES.summary, lang);
  const verdictFill = Object.fromEntries(Object.entries(VERDICT_FILL).map(([v, fill]) => [v, { fill }])) as Record<Verdict, XlsxStyle>;
  const sum = sheet(summaryName, summaryRows, [40, 14, 10, 24, 14, 10, 8, 8, 8, 8, 80], COL.problems, (r, c): XlsxStyle => {
    if (c + 1 === COL.link) return LINK_STYLE;
    if (c + 1 === COL.money) return MONEY_STYLE;
    if (c + 1 === COL.verdict) return verdictFill[verdicts[r - 1]];
    return NO_STYLE;
  });
  const det = sheet(pick(SHEET_NAMES.details, lang), detailRows, [40, 24, 16, 8, 14, 34, 90], 7);
  // The severity colours by rule rather than per cell: thousands of styled cells cost more than the rows.
  det.conditional = {
    ref: `D2:D${Math.max(2, detailRows.length)}`,
    rules: SEVERITIES.map((sev) => ({ formula: `$D2="${pick(SEVERITY_NAMES[sev], lang)}"`, fill: markArgb(sev) })),
  };
  return writeXlsx({ sheets: [sum, det], names: { [SUMMARY_NAME]: `${quotedSheet(summaryName)}!$A$1` }, creator: "budget-form" });
}

/** Marks an .html summary as ours, as the defined name marks the workbook. */
export const HTML_MARK = '<meta name="generator" content="budget-form summary">';

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const hex = (argb: string) => `#${argb.slice(2)}`;

/**
 * The same two tables as a self-contained web page (no script, no external resource), for a
 * reviewer who mails the result to someone without Excel at hand.
 */
export function buildSummaryHtml(entries: Entry[], opts: SummaryOptions): Uint8Array {
  const { lang } = opts;
  const { verdicts, summary, details } = summaryData(entries, opts);
  const cell = (v: XlsxValue, numeric = false): string => {
    if (v !== null && typeof v === "object" && "hyperlink" in v) {
      const href = String(v.hyperlink).split("/").map(encodeURIComponent).join("/");
      return `<td><a href="${escapeHtml(href)}">${escapeHtml(String(v.text))}</a></td>`;
    }
    const text = typeof v === "number" && numeric ? v.toFixed(2) : cellText(v);
    return `<td${typeof v === "number" ? ' class="n"' : ""}>${escapeHtml(text).replace(/\n/g, "<br>")}</td>`;
  };
  const table = (rows: Row[], rowStyle: (i: number) => string, money?: number) =>
    `<table><thead><tr>${rows[0].map((h) => `<th>${escapeHtml(cellText(h))}</th>`).join("")}</tr></thead><tbody>\n` +
    rows
      .slice(1)
      .map((r, i) => `<tr${rowStyle(i)}>${r.map((v, c) => cell(v, c === money)).join("")}</tr>`)
      .join("\n") +
    "\n</tbody></table>";
  const sevOf = new Map(SEVERITIES.map((s) => [pick(SEVERITY_NAMES[s], lang), s]));
  const title = pick(CLI.summaryTitle, lang);
  const html = `<!doctype html>
<html lang="${pick(CLI.htmlLang, lang)}"><head><meta charset="utf-8">${HTML_MARK}<title>${title}</title>
<style>
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;font-size:13px;margin:16px}
table{border-collapse:collapse;margin-bottom:24px}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top;text-align:left}
th{background:${hex(HEADER_FILL)};position:sticky;top:0}td.n{text-align:right}
${(Object.keys(VERDICT_FILL) as Verdict[]).map((v) => `tr.${v} td:nth-child(${COL.verdict}){background:${hex(VERDICT_FILL[v])}}`).join("\n")}
${SEVERITIES.map((s) => `tr.${s} td:nth-child(4){background:${hex(markArgb(s))}}`).join("\n")}
@media print{@page{size:A4 landscape}th{position:static}}
</style></head><body>
<h2>${escapeHtml(pick(SHEET_NAMES.summary, lang))}</h2>
${table(summary, (i) => ` class="${verdicts[i]}"`, COL.money - 1)}
<h2>${escapeHtml(pick(SHEET_NAMES.details, lang))}</h2>
${table(details, (i) => ` class="${sevOf.get(cellText(details[i + 1][3])) ?? ""}"`)}
</body></html>
`;
  return new TextEncoder().encode(html);
}
