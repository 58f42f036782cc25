/**
 * The 校验报告 sheet in WPS: the same rows as Excel's and the file host's (hosts/reportRows.ts), links
 * as HYPERLINK formulas, which WPS evaluates like Excel. A sheet of that name is reused only when its
 * A1 shows it is ours; a user's own sheet is never cleared (the report goes to "校验报告 2" …).
 */
import { MARK_COLORS } from "../../core/marks";
import { Finding, Message } from "../../core/rules/types";
import { reportRows } from "../excel/report";
import { Lang } from "../host";
import { HEADER_FILL, HEADER_ROW, REPORT_MERGES, isReportTitle, pickReportName } from "../reportRows";
import { EtDoc, addSheet, bgr, sheetLookup } from "./et";

/** Writes the report and activates its sheet; returns the sheet's name. The caller freezes the screen. */
export function writeReportSheet(doc: EtDoc, findings: Finding[], lang: Lang, now = new Date(), read: Message[] = []): string {
  const sheet = sheetLookup(doc);
  const name = pickReportName(
    lang,
    (n) => sheet(n) !== null,
    (n) => isReportTitle(sheet(n)?.Range("A1").Value2),
  );
  let ws = sheet(name);
  if (ws) ws.Cells.Clear();
  else ws = addSheet(doc, name);
  const rows = reportRows(findings, lang, now, read);
  (ws.Range(`A1:F${rows.length}`) as unknown as { Formula: unknown }).Formula = rows;
  const alerts = doc.app.DisplayAlerts;
  doc.app.DisplayAlerts = false;
  try {
    for (const m of REPORT_MERGES) ws.Range(m).Merge(false);
  } finally {
    doc.app.DisplayAlerts = alerts;
  }
  ws.Range(`A${HEADER_ROW}:F${HEADER_ROW}`).Interior.Color = bgr(HEADER_FILL);
  findings.forEach((f, i) => (ws.Range(`B${HEADER_ROW + 1 + i}`).Interior.Color = bgr(MARK_COLORS[f.severity])));
  ws.Activate();
  return name;
}
