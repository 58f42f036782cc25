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
export function fold(s: string): string {
  return isFolded(s) ? s : foldText(s);
}

const foldText = memoize((s) =>
  s
    .normalize("NFKC")
    .replace(/\u3000/g, " ")
    .trim(),
);

/**
 * Whether fold would return s unchanged: no space at either end, and only characters NFKC leaves
 * alone whatever stands next to them (printable ASCII, CJK unified ideographs, common Chinese and
 * general punctuation; no combining marks, nothing full-width). Most cells pass; a form's texts are
 * mostly unique, so answering them without normalising or caching is the cheap path.
 */
function isFolded(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c >= 0x20 && c <= 0x7e) continue;
    if ((c >= 0x3001 && c <= 0x3002) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301b)) continue; // 、。《》「」【】〔〕
    if (c === 0x2010 || (c >= 0x2012 && c <= 0x2016) || (c >= 0x2018 && c <= 0x2023)) continue; // ‐–—‘’“”•
    if (c === 0x2264 || c === 0x2265 || c === 0xb7) continue; // ≤ ≥ ·
    return false;
  }
  return true;
}

const LABEL_NOISE = /[\s:：【[】\]]/;

/**
 * Key for matching a label: folded, all white space removed, a trailing colon and the content of
 * bracket pairs kept (units matter: 预算金额(万元)). `部 门 名 称：` → `部门名称`.
 */
export function labelKey(v: CellValue): string {
  const s = fold(cellText(v));
  // Most cells hold none of what is replaced below; recognition asks for the key of every cell.
  if (!LABEL_NOISE.test(s)) return s;
  return s
    .replace(/\s+/g, "")
    .replace(/[:：]+$/, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")");
}

/**
 * s.toLowerCase(), without a new string when nothing would change: text of only CJK ideographs,
 * CJK punctuation and ASCII other than A–Z (most indicator names) has no case.
 */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 ? c >= 0x41 && c <= 0x5a : !((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f))) return s.toLowerCase();
  }
  return s;
}

export function isBlank(v: CellValue): boolean {
  return cellText(v).trim() === "";
}
