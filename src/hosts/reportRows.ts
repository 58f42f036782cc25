/**
 * What the 校验报告 sheet says, shared by the Excel host (office-js) and the file host (exceljs) so
 * both write the same report. Pure: the hosts only differ in how they put these rows into a sheet.
 * The sheet is recognised as ours by its title in A1; a user's own sheet of that name is never
 * touched: the report goes to "校验报告 2", … instead.
 */
import { CellRef, formatRef, toA1 } from "../core/a1";
import { summarize } from "../core/summary";
import { CATEGORY_NAMES, Catalogue, SEVERITY_NAMES, pick } from "../core/i18n";
import { Finding, Message } from "../core/rules/types";
import { formulaString, linkTarget } from "./excel/addresses";
import { MARK_TAG } from "./excel/markAreas";
import { Lang } from "./host";

/** 1-based row of the column headings; findings start on the next row. */
export const HEADER_ROW = 4;
/** Column widths in points (office-js columnWidth units). */
export const REPORT_WIDTHS_PT = [40, 50, 90, 420, 120, 210];
/**
 * The title and the summary line span the table's width: where text cannot overflow into the next
 * cell (the preview's grid, a wrapped column) they would otherwise wrap inside narrow column A.
 */
export const REPORT_MERGES = ["A1:F1", "A2:F2"];
/** Fill of the heading row, as RGB hex. */
export const HEADER_FILL = "D9E1F2";
/** 0-based column of the message, wrapped. */
export const MESSAGE_COL = 3;
/** Sheet names tried in turn, so a user's own 校验报告 sheets are left alone. */
const MAX_NAMES = 9;

/** A cell reference that jumps to the finding's cell. */
export interface ReportLink {
  ref: string;
  sheet: string;
  address: string;
}
export type ReportCell = string | number | ReportLink;

export function isReportLink(c: ReportCell): c is ReportLink {
  return typeof c === "object";
}

/** The report's texts, both languages side by side (the catalogue shape of src/core/i18n.ts). */
export const REPORT = {
  sheetName: { zh: "校验报告", en: "Check report" },
  summary: {
    zh: (error: number, warning: number, info: number, at: string) =>
      `错误 ${error} 个 · 警告 ${warning} 个 · 提示 ${info} 条 · 生成于 ${at}`,
    en: (error: number, warning: number, info: number, at: string) => `${error} errors · ${warning} warnings · ${info} tips · ${at}`,
  },
  colNumber: { zh: "序号", en: "No." },
  colSeverity: { zh: "级别", en: "Severity" },
  colCategory: { zh: "类别", en: "Category" },
  colProblem: { zh: "问题", en: "Problem" },
  colCell: { zh: "单元格", en: "Cell" },
  colRule: { zh: "规则", en: "Rule" },
  noProblems: { zh: "未发现问题。", en: "No problems found." },
  formsApart: { zh: ";", en: "; " },
  tooManySheets: {
    zh: (name: string) => `已有太多名为「${name}」的工作表,请删除或改名后再生成报告`,
    en: (name: string) => `Too many sheets named "${name}"`,
  },
} satisfies Catalogue;

export function reportSheetName(lang: Lang): string {
  return pick(REPORT.sheetName, lang);
}

export function reportTitle(lang: Lang): string {
  return `${MARK_TAG} · ${reportSheetName(lang)}`;
}

/** True for the A1 value of a sheet this add-in wrote. */
export function isReportTitle(a1: unknown): boolean {
  return typeof a1 === "string" && a1.startsWith(MARK_TAG);
}

/**
 * The first candidate name that is free or holds our own report. `exists`/`ours` ask the host about
 * a sheet by name; throws (in `lang`) when every candidate is a user's sheet.
 */
export function pickReportName(lang: Lang, exists: (name: string) => boolean, ours: (name: string) => boolean): string {
  const base = reportSheetName(lang);
  for (const name of reportNameCandidates(lang)) if (!exists(name) || ours(name)) return name;
  throw new Error(pick(REPORT.tooManySheets, lang, base));
}

export function reportNameCandidates(lang: Lang): string[] {
  const base = reportSheetName(lang);
  return [base, ...Array.from({ length: MAX_NAMES - 1 }, (_, i) => `${base} ${i + 2}`)];
}

/** HYPERLINK rather than a stored hyperlink: it works in Excel, WPS and LibreOffice alike. */
export function linkFormula(link: ReportLink): string {
  return `=HYPERLINK(${formulaString(linkTarget(link.sheet, link.address))},${formulaString(link.ref)})`;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The report is for people: the cell is written as A1, linked to its place. */
function linkCell(cell: CellRef | undefined): ReportCell {
  if (!cell) return "";
  const address = toA1(cell.row, cell.col);
  return cell.sheet ? { ref: formatRef(cell), sheet: cell.sheet, address } : address;
}

/**
 * Title, summary, what was read (each form's kind, sheet and table; blank when not given), headings,
 * then one row per finding (texts raw: each host guards formulas).
 */
export function reportTable(findings: Finding[], lang: Lang, now: Date, read: Message[] = []): ReportCell[][] {
  const s = summarize(findings);
  const summary = pick(REPORT.summary, lang, s.error, s.warning, s.info, stamp(now));
  const header = [REPORT.colNumber, REPORT.colSeverity, REPORT.colCategory, REPORT.colProblem, REPORT.colCell, REPORT.colRule].map((m) =>
    pick(m, lang),
  );
  const readLine = read.map((m) => pick(m, lang)).join(pick(REPORT.formsApart, lang));
  const rows: ReportCell[][] = [
    [reportTitle(lang), "", "", "", "", ""],
    [summary, "", "", "", "", ""],
    [readLine, "", "", "", "", ""],
    header,
  ];
  findings.forEach((f, i) => {
    rows.push([
      i + 1,
      pick(SEVERITY_NAMES[f.severity], lang),
      pick(CATEGORY_NAMES[f.category], lang),
      pick(f.message, lang),
      linkCell(f.cells[0]),
      f.rule,
    ]);
  });
  if (!findings.length) rows.push(["", "", "", pick(REPORT.noProblems, lang), "", ""]);
  return rows;
}
