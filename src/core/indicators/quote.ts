/** Cell text shortened for a message, so a long value does not swamp the finding. */
import { CellValue } from "../snapshot";
import { cellText } from "../text";

const SPACE = /\s/;

/** As written (no folding: "＝" and "=" must stay apart in messages about operators), ≤ max characters. */
export function clip(v: CellValue | string, max = 20): string {
  const t = (typeof v === "string" ? v : cellText(v)).trim();
  const s = SPACE.test(t) ? t.replace(/\s+/g, " ") : t;
  // No longer than max code units: no longer than max characters either. Rules clip every name
  // they may quote, so the common case should not split the text into characters.
  if (s.length <= max) return s;
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max).join("") + "…";
}
