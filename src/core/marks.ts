/**
 * How findings show in the sheet: one fill colour per severity, the same in Excel, in the .xlsx copy
 * the CLI writes and in the browser preview, so a reviewer learns the colours once.
 */
import { splitQualified } from "./a1";
import { Finding, Severity } from "./rules/types";

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

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The more serious of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** One marked cell: the most serious severity among the findings that point at it. */
export interface CellMark {
  /** Sheet-qualified, as in findings ("申报表!D5"). */
  ref: string;
  sheet: string;
  address: string;
  severity: Severity;
  findings: Finding[];
}

/**
 * Groups findings by the cells they point at. A finding that names several cells marks each of
 * them; several findings on one cell make one mark (shown with one note listing them all).
 */
export function marksByCell(findings: Finding[]): CellMark[] {
  const byRef = new Map<string, CellMark>();
  for (const f of findings) {
    for (const ref of f.cells) {
      const { sheet, address } = splitQualified(ref);
      const key = `${sheet}!${address.toUpperCase()}`;
      const m = byRef.get(key);
      if (m) {
        m.severity = worse(m.severity, f.severity);
        if (!m.findings.includes(f)) m.findings.push(f);
      } else {
        byRef.set(key, { ref, sheet, address: address.toUpperCase(), severity: f.severity, findings: [f] });
      }
    }
  }
  return [...byRef.values()];
}
