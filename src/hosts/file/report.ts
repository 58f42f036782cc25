/**
 * The 校验报告 sheet in an exceljs workbook, laid out like the Excel host's (see ../reportRows.ts).
 * Links are HYPERLINK formulas, not exceljs hyperlink values: exceljs 4.4 writes an in-workbook
 * hyperlink as an external relationship plus a "#"-prefixed location, which Excel joins into a
 * broken target ("#'申报表'!D5#'申报表'!D5").
 */
import type { Workbook, Worksheet } from "exceljs";
import { markArgb } from "../../core/marks";
import { Finding, Message } from "../../core/rules/types";
import { Lang } from "../host";
import {
  HEADER_FILL,
  HEADER_ROW,
  MESSAGE_COL,
  REPORT_MERGES,
  REPORT_WIDTHS_PT,
  isReportLink,
  isReportTitle,
  linkFormula,
  pickReportName,
  reportTable,
} from "../reportRows";
import { plainValue } from "./cellValue";

type Ordered = Worksheet & { orderNo: number };

/** Excel's built-in Hyperlink style colour, which a HYPERLINK formula does not get by itself. */
const LINK_FONT = { color: { argb: "FF0563C1" }, underline: true } as const;

/**
 * office-js points → Excel's character-width units (7 px per character plus 5 px padding at 96 dpi).
 * Not rounded to whole characters: exceljs drops a width of exactly 9 as its default.
 */
const toChars = (pt: number): number => Math.round((((pt * 4) / 3 - 5) / 7) * 10) / 10;

function isOurs(ws: Worksheet | undefined): boolean {
  return !!ws && isReportTitle(plainValue(ws.getCell("A1").value));
}

/** Writes the report, replacing only a report this add-in wrote earlier; returns the sheet's name. */
export function writeReportSheet(wb: Workbook, findings: Finding[], lang: Lang, now = new Date(), read: Message[] = []): string {
  const name = pickReportName(
    lang,
    (n) => !!wb.getWorksheet(n),
    (n) => isOurs(wb.getWorksheet(n)),
  );
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }] });
  // A rewritten report keeps its old place among the tabs (orderNo is exceljs's tab order, untyped).
  if (old) (ws as Ordered).orderNo = (old as Ordered).orderNo;

  reportTable(findings, lang, now, read).forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (c === "") return;
      const cell = ws.getCell(r + 1, col + 1);
      if (isReportLink(c)) {
        cell.value = { formula: linkFormula(c).slice(1), result: c.ref };
        cell.font = LINK_FONT;
      } else cell.value = c;
    });
  });

  for (const m of REPORT_MERGES) ws.mergeCells(m);
  const title = ws.getCell("A1");
  title.font = { bold: true, size: 14 };
  ws.getRow(HEADER_ROW).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL}` } };
  });
  findings.forEach((f, i) => {
    ws.getCell(HEADER_ROW + 1 + i, 2).fill = { type: "pattern", pattern: "solid", fgColor: { argb: markArgb(f.severity) } };
  });
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) ws.getCell(r, MESSAGE_COL + 1).alignment = { wrapText: true, vertical: "top" };
  REPORT_WIDTHS_PT.forEach((w, i) => (ws.getColumn(i + 1).width = toChars(w)));
  return name;
}
