/**
 * The 校验报告 sheet: one row per finding with a link that jumps to the cell, for printing or sending
 * to a colleague. The sheet is recognised as ours by its title in A1; a user's own sheet that happens
 * to have the same name is never cleared: the report goes to "校验报告 2" instead.
 */
import { splitQualified } from "../../core/a1";
import { CATEGORY_NAMES, SEVERITY_NAMES } from "../../core/i18n";
import { markCss } from "../../core/marks";
import { Finding, Severity } from "../../core/rules/types";
import { summarize } from "../../core/engine";
import { Lang } from "../host";
import { formulaString, linkTarget } from "./addresses";
import { ExcelCaps, has } from "./capabilities";
import { asText } from "./cells";
import { MARK_TAG } from "./markAreas";
import { CreateSheet } from "./officeHelpers";

export const HEADER_ROW = 4;
export function reportSheetName(lang: Lang): string {
  return lang === "en" ? "Check report" : "校验报告";
}

export function reportTitle(lang: Lang): string {
  return lang === "en" ? `${MARK_TAG} · Check report` : `${MARK_TAG} · 校验报告`;
}

function isOurs(a1: unknown): boolean {
  return typeof a1 === "string" && a1.startsWith(MARK_TAG);
}


function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function link(ref: string | undefined): string {
  if (!ref) return "";
  const { sheet, address } = splitQualified(ref);
  if (!sheet) return asText(ref);
  return `=HYPERLINK(${formulaString(linkTarget(sheet, address))},${formulaString(ref)})`;
}

export function reportRows(findings: Finding[], lang: Lang, now: Date): (string | number)[][] {
  const s = summarize(findings);
  const summary =
    lang === "en"
      ? `${s.error} errors · ${s.warning} warnings · ${s.info} tips · ${stamp(now)}`
      : `错误 ${s.error} 个 · 警告 ${s.warning} 个 · 提示 ${s.info} 条 · 生成于 ${stamp(now)}`;
  const header = lang === "en" ? ["No.", "Severity", "Category", "Problem", "Cell", "Rule"] : ["序号", "级别", "类别", "问题", "单元格", "规则"];
  const rows: (string | number)[][] = [
    [reportTitle(lang), "", "", "", "", ""],
    [summary, "", "", "", "", ""],
    ["", "", "", "", "", ""],
    header,
  ];
  findings.forEach((f, i) => {
    rows.push([i + 1, SEVERITY_NAMES[f.severity][lang], CATEGORY_NAMES[f.category][lang], asText(f.message[lang] || f.message.zh), link(f.cells[0]), f.rule]);
  });
  if (!findings.length) rows.push(["", "", "", lang === "en" ? "No problems found." : "未发现问题。", "", ""]);
  return rows;
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
  const base = reportSheetName(lang);
  const candidates = [base, ...Array.from({ length: 8 }, (_, i) => `${base} ${i + 2}`)];
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  const taken = candidates.filter((n) => existing.has(n));
  const a1 = new Map(
    taken.map((n) => {
      const r = sheets.getItem(n).getRange("A1");
      r.load("values");
      return [n, r] as const;
    }),
  );
  if (a1.size) await ctx.sync();
  const free = candidates.find((n) => !existing.has(n) || isOurs(a1.get(n)?.values[0]?.[0]));
  if (!free) throw new Error(`已有太多名为「${base}」的工作表,请删除或改名后再生成报告 / Too many sheets named "${base}"`);
  return free;
}

/** Writes the report and activates its sheet; returns the sheet's name. */
export async function writeReportSheet(
  ctx: Excel.RequestContext,
  findings: Finding[],
  lang: Lang,
  caps: ExcelCaps,
  createSheet: CreateSheet,
  now = new Date(),
): Promise<string> {
  const name = await chooseName(ctx, lang);
  const ws = await createSheet(ctx.workbook, name);
  const rows = reportRows(findings, lang, now);
  const table = ws.getRange(`A1:F${rows.length}`);
  table.formulas = rows;
  ws.getRange("A1").format.font.bold = true;
  ws.getRange("A1").format.font.size = 14;
  const header = ws.getRange(`A${HEADER_ROW}:F${HEADER_ROW}`);
  header.format.font.bold = true;
  header.format.fill.color = "#D9E1F2";
  for (const run of severityRuns(findings)) ws.getRange(`B${run.first}:B${run.last}`).format.fill.color = markCss(run.severity);
  const widths = [40, 50, 90, 420, 120, 210];
  // Width set on one cell applies to its column; whole-column ranges are best left alone.
  widths.forEach((w, i) => (ws.getRange(`${String.fromCharCode(65 + i)}1`).format.columnWidth = w));
  if (rows.length > HEADER_ROW) ws.getRange(`D${HEADER_ROW + 1}:D${rows.length}`).format.wrapText = true;
  if (has(caps, "freezePanes")) ws.freezePanes.freezeRows(HEADER_ROW);
  ws.activate();
  await ctx.sync();
  return name;
}
