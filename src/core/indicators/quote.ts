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
  // The first max characters (a surrogate pair is one), counted without splitting the text.
  let end = 0;
  for (let n = 0; n < max && end < s.length; n++) {
    const c = s.charCodeAt(end);
    const pair = c >= 0xd800 && c <= 0xdbff && end + 1 < s.length && (s.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    end += pair ? 2 : 1;
  }
  return end >= s.length ? s : s.slice(0, end) + "…";
}
