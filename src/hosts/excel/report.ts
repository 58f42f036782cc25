/**
 * The 校验报告 sheet: one row per finding with a link that jumps to the cell, for printing or sending
 * to a colleague. The sheet is recognised as ours by its title in A1; a user's own sheet that happens
 * to have the same name is never cleared: the report goes to "校验报告 2" instead.
 */
import { markCss } from "../../core/marks";
import { Finding, Message, Severity } from "../../core/rules/types";
import { Lang } from "../host";
import {
  HEADER_FILL,
  HEADER_ROW,
  REPORT_MERGES,
  REPORT_WIDTHS_PT,
  isReportLink,
  isReportTitle,
  linkFormula,
  pickReportName,
  reportNameCandidates,
  reportTable,
} from "../reportRows";
import { ExcelCaps, has } from "./capabilities";
import { asText } from "../typedValue";
import { CreateSheet } from "./officeHelpers";

/** The report as `range.formulas` wants it: links as HYPERLINK formulas, texts guarded from being taken for formulas. */
export function reportRows(findings: Finding[], lang: Lang, now: Date, read: Message[] = []): (string | number)[][] {
  return reportTable(findings, lang, now, read).map((row) =>
    row.map((c) => (isReportLink(c) ? linkFormula(c) : typeof c === "string" ? asText(c) : c)),
  );
}

/** Runs of consecutive rows with the same severity, for one fill per run. */
function severityRuns(findings: Finding[]): { severity: Severity; first: number; last: number }[] {
  const runs: { severity: Severity; first: number; last: number }[] = [];
  findings.forEach((f, i) => {
    const row = HEADER_ROW + 1 + i;
    const prev = runs[runs.length - 1];
    if (prev && prev.severity === f.severity && prev.last === row - 1) prev.last = row;
    else runs.push({ severity: f.severity, first: row, last: row });
  });
  return runs;
}

async function chooseName(ctx: Excel.RequestContext, lang: Lang): Promise<string> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const taken = reportNameCandidates(lang).filter((n) => existing.has(n));
  const a1 = new Map(
    taken.map((n) => {
      const r = sheets.getItem(n).getRange("A1");
      r.load("values");
      return [n, r] as const;
    }),
  );
  if (a1.size) await ctx.sync();
  return pickReportName(
    lang,
    (n) => existing.has(n),
    (n) => isReportTitle(a1.get(n)?.values[0]?.[0]),
  );
}

/** Writes the report and activates its sheet; returns the sheet's name. */
export async function writeReportSheet(
  ctx: Excel.RequestContext,
  findings: Finding[],
  lang: Lang,
  caps: ExcelCaps,
  createSheet: CreateSheet,
  now = new Date(),
  read: Message[] = [],
): Promise<string> {
  const name = await chooseName(ctx, lang);
  const ws = await createSheet(ctx.workbook, name);
  const rows = reportRows(findings, lang, now, read);
  const table = ws.getRange(`A1:F${rows.length}`);
  table.formulas = rows;
  for (const m of REPORT_MERGES) ws.getRange(m).merge();
  ws.getRange("A1").format.font.bold = true;
  ws.getRange("A1").format.font.size = 14;
  const header = ws.getRange(`A${HEADER_ROW}:F${HEADER_ROW}`);
  header.format.font.bold = true;
  header.format.fill.color = `#${HEADER_FILL}`;
  for (const run of severityRuns(findings)) ws.getRange(`B${run.first}:B${run.last}`).format.fill.color = markCss(run.severity);
  // Width set on one cell applies to its column; whole-column ranges are best left alone.
  REPORT_WIDTHS_PT.forEach((w, i) => (ws.getRange(`${String.fromCharCode(65 + i)}1`).format.columnWidth = w));
  if (rows.length > HEADER_ROW) ws.getRange(`D${HEADER_ROW + 1}:D${rows.length}`).format.wrapText = true;
  if (has(caps, "freezePanes")) ws.freezePanes.freezeRows(HEADER_ROW);
  ws.activate();
  await ctx.sync();
  return name;
}
