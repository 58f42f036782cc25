/**
 * The reviewer's summary workbook (--summary 汇总.xlsx): sheet 汇总 with one row per form or
 * unreadable file (verdict, counts, the top problems in words, a link to the file) and sheet 明细
 * with every finding, both ready to sort, filter, print and send back.
 */
import ExcelJS from "exceljs";
import { dirname, relative, resolve } from "path";
import { CATEGORY_NAMES, SEVERITY_NAMES } from "../core/i18n";
import { markArgb } from "../core/marks";
import { Finding, Severity } from "../core/rules/types";
import { Lang } from "../hosts/host";
import { Entry, FormEntry, VERDICT_NAMES, Verdict, isUnreadable, verdictOf } from "./report";
import { displayWidth } from "./table";

/** Marks a workbook as one of our summaries, so a later `check` of the same folder skips it. */
export const SUMMARY_NAME = "BudgetFormSummary";

export function isSummaryWorkbook(wb: ExcelJS.Workbook): boolean {
  return wb.definedNames.getRanges(SUMMARY_NAME).ranges.length > 0;
}

export const SHEET_NAMES = { summary: { zh: "汇总", en: "Summary" }, details: { zh: "明细", en: "Findings" } } as const;

/** How many problems the 主要问题 cell names. */
const TOP = 3;

const HEADERS = {
  summary: {
    zh: ["文件", "工作表", "部门", "支出合计(万元)", "结论", "错误", "警告", "提示", "已忽略", "主要问题"],
    en: ["File", "Sheet", "Department", "Expenditure (10k yuan)", "Verdict", "Errors", "Warnings", "Tips", "Ignored", "Main problems"],
  },
  details: {
    zh: ["文件", "部门", "单元格", "级别", "类别", "规则", "说明"],
    en: ["File", "Department", "Cell", "Severity", "Category", "Rule", "Message"],
  },
};

const VERDICT_FILL: Record<Verdict, string> = { submit: "FFC6EFCE", revise: "FFFFC7CE", unreadable: "FFD9D9D9" };
const HEADER_FILL = "FFDDEBF7";
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The problems to read first: rules ordered by their worst severity, then by how often they
 * fire; each named by its first message, with the count when it fires more than once.
 */
export function topProblems(e: FormEntry, lang: Lang, n = TOP): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of e.findings) if (f.severity !== "info") byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [...byRule.values()]
    .sort((a, b) => Math.min(...a.map((f) => RANK[f.severity])) - Math.min(...b.map((f) => RANK[f.severity])) || b.length - a.length)
    .slice(0, n)
    .map((list) => {
      const more = list.length > 1 ? (lang === "zh" ? `(共 ${list.length} 处)` : ` (${list.length} places)`) : "";
      return `${SEVERITY_NAMES[list[0].severity][lang]}:${list[0].message[lang]}${more}`;
    });
}

/** A link that still works when the summary and the forms are moved together (e.g. zipped and sent back). */
function linkTo(file: string, cwd: string, summaryPath: string): string {
  return relative(dirname(summaryPath), resolve(cwd, file)).split("\\").join("/");
}

function styleHeader(ws: ExcelJS.Worksheet, columns: number): void {
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  for (let c = 1; c <= columns; c++) row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0, topLeftCell: "A2", activeCell: "A2" }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns } };
}

/** Widths from the longest line of each column (Chinese counts double), within sane bounds. */
function fitColumns(ws: ExcelJS.Worksheet, max: number[]): void {
  ws.columns.forEach((col, i) => {
    let w = 6;
    col.eachCell?.({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      const text = typeof v === "object" && v !== null && "text" in v ? String(v.text) : v === null ? "" : String(v);
      for (const line of text.split("\n")) w = Math.max(w, displayWidth(line) + 2);
    });
    col.width = Math.min(w, max[i] ?? 40);
  });
}

function printSetup(ws: ExcelJS.Worksheet): void {
  // A4 landscape, all columns on one page wide, header row repeated on every page.
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", horizontalCentered: true };
  ws.headerFooter = { oddFooter: "&P / &N" };
}

export interface SummaryOptions {
  lang: Lang;
  /** Where the file names in the entries are relative to. */
  cwd: string;
  /** Absolute path the summary will be written to, for relative links. */
  path: string;
}

export function buildSummary(entries: Entry[], opts: SummaryOptions): ExcelJS.Workbook {
  const { lang } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = "budget-form";

  const sum = wb.addWorksheet(SHEET_NAMES.summary[lang]);
  sum.addRow(HEADERS.summary[lang]);
  for (const e of entries) {
    const verdict = verdictOf(e);
    const link = { text: e.file, hyperlink: linkTo(e.file, opts.cwd, opts.path) };
    const row = isUnreadable(e)
      ? sum.addRow([link, null, null, null, VERDICT_NAMES[verdict][lang], null, null, null, null, e.error[lang]])
      : sum.addRow([link, e.sheet, e.department || null, e.expenditure, VERDICT_NAMES[verdict][lang], e.summary.error, e.summary.warning, e.summary.info, e.ignored, topProblems(e, lang).join("\n") || null]);
    row.getCell(1).font = { color: { argb: "FF0563C1" }, underline: true };
    row.getCell(4).numFmt = "0.00";
    row.getCell(5).fill = { type: "pattern", pattern: "solid", fgColor: { argb: VERDICT_FILL[verdict] } };
    row.getCell(10).alignment = { wrapText: true, vertical: "top" };
    row.alignment = { vertical: "top" };
  }
  styleHeader(sum, HEADERS.summary[lang].length);
  fitColumns(sum, [40, 14, 24, 14, 10, 8, 8, 8, 8, 80]);
  printSetup(sum);

  const det = wb.addWorksheet(SHEET_NAMES.details[lang]);
  det.addRow(HEADERS.details[lang]);
  for (const e of entries) {
    if (isUnreadable(e)) continue;
    for (const f of e.findings) {
      const row = det.addRow([e.file, e.department || null, f.cells[0] ?? null, SEVERITY_NAMES[f.severity][lang], CATEGORY_NAMES[f.category][lang], f.rule, f.message[lang]]);
      row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: markArgb(f.severity) } };
      row.getCell(7).alignment = { wrapText: true, vertical: "top" };
    }
  }
  styleHeader(det, HEADERS.details[lang].length);
  fitColumns(det, [40, 24, 16, 8, 14, 34, 90]);
  printSetup(det);

  wb.definedNames.add(`'${sum.name}'!$A$1`, SUMMARY_NAME);
  return wb;
}
