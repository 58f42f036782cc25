/** Cell text shortened for a message, so a long value does not swamp the finding. */
import { CellValue } from "../snapshot";
import { cellText } from "../text";

/** As written (no folding: "＝" and "=" must stay apart in messages about operators), ≤ max characters. */
export function clip(v: CellValue | string, max = 20): string {
  const s = (typeof v === "string" ? v : cellText(v)).trim().replace(/\s+/g, " ");
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max).join("") + "…";
}
