/** Text normalisation shared by recognition and rules. */
import { memoize } from "./memo";
import { CellValue, isCellError } from "./snapshot";

/** The cell as display text: numbers as written, errors as their code, null as "". */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/**
 * Folds full-width forms (（）：０-９ Ａ-Ｚ) to half-width with NFKC and trims. Comparison operators
 * ≥ ≤ survive NFKC; ＝ ＞ ＜ become = > < which is what the value parser wants.
 */
export const fold: (s: string) => string = memoize((s) => s.normalize("NFKC").replace(/\u3000/g, " ").trim());

/**
 * Key for matching a label: folded, all white space removed, a trailing colon and the content of
 * bracket pairs kept (units matter: 预算金额(万元)). `部 门 名 称：` → `部门名称`.
 */
export function labelKey(v: CellValue): string {
  return fold(cellText(v))
    .replace(/\s+/g, "")
    .replace(/[:：]+$/, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")");
}

export function isBlank(v: CellValue): boolean {
  return cellText(v).trim() === "";
}
