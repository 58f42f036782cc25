/** Addresses as office-js returns them ("申报表!A5:A9,'预算 表'!B2") and as HYPERLINK wants them. */
import { splitQualified } from "../../core/a1";

/** Splits a RangeAreas address on commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) parts.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

/** "申报表!$A$5:$A$9" → "A5:A9". */
export function localAddress(area: string): string {
  return splitQualified(area).address.replace(/\$/g, "").toUpperCase();
}

/** The in-workbook link target HYPERLINK needs: always quoted, so any sheet name works ("#'申报表'!D5"). */
export function linkTarget(sheet: string, address: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
