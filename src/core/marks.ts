/**
 * How findings show in the sheet: one fill colour per severity, the same in Excel, in the .xlsx copy
 * the CLI writes and in the browser preview, so a reviewer learns the colours once.
 */
import { CellRef } from "./a1";
import { Finding, Severity } from "./rules/types";
import { worse } from "./severity";

/** Fill colours as 6-digit RGB hex (Excel's own "bad / neutral" styles and a light blue). */
export const MARK_COLORS: Record<Severity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** "#FFC7CE", for office-js and CSS. */
export function markCss(severity: Severity): string {
  return `#${MARK_COLORS[severity]}`;
}

/** "FFFFC7CE" (opaque ARGB), for exceljs fills. */
export function markArgb(severity: Severity): string {
  return `FF${MARK_COLORS[severity]}`;
}

export { worse };

/** One marked cell (0-based, as in findings): the most serious severity among the findings that point at it. */
export interface CellMark extends CellRef {
  severity: Severity;
  findings: Finding[];
}

/**
 * Groups findings by the cells they point at. A finding that names several cells marks each of
 * them; several findings on one cell make one mark (shown with one note listing them all).
 */
export function marksByCell(findings: Finding[]): CellMark[] {
  // Keyed per sheet by the cell's two numbers: a Map per sheet, a row-major index within it.
  const bySheet = new Map<string, Map<number, CellMark>>();
  const order: CellMark[] = [];
  for (const f of findings) {
    for (const { sheet, row, col } of f.cells) {
      let cells = bySheet.get(sheet);
      if (!cells) bySheet.set(sheet, (cells = new Map()));
      // Columns stop at XFD (16384), so this index is unique per cell.
      const key = row * 16384 + col;
      const m = cells.get(key);
      if (m) {
        m.severity = worse(m.severity, f.severity);
        if (!m.findings.includes(f)) m.findings.push(f);
      } else {
        const mark: CellMark = { sheet, row, col, severity: f.severity, findings: [f] };
        cells.set(key, mark);
        order.push(mark);
      }
    }
  }
  return order;
}
