/** exceljs cell values → the core's CellValue: rich text flattened, hyperlinks as their text, dates as ISO text. */
import type { Cell, CellValue as XCellValue } from "exceljs";
import { CellValue } from "../../core/snapshot";

// Values of exceljs's ValueType; kept here so this module needs exceljs only for types.
export const VT = { Null: 0, Merge: 1, Formula: 6 } as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel dates carry no zone; exceljs returns them as UTC instants, so read them back in UTC. */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours(),
    m = d.getUTCMinutes(),
    s = d.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

function richText(v: unknown): string | null {
  if (typeof v === "object" && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text?: string }[] }).richText.map((r) => r.text ?? "").join("");
  }
  return null;
}

/** A plain value (no formula wrapper) as the core sees it. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v) || null;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    const rt = richText(v);
    if (rt !== null) return rt === "" ? null : rt;
    if ("hyperlink" in o || "text" in o) {
      const t = o.text;
      if (typeof t === "string") return t === "" ? null : t;
      const inner = richText(t);
      if (inner !== null) return inner === "" ? null : inner;
      return typeof o.hyperlink === "string" ? o.hyperlink : null;
    }
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  }
  return null;
}

export interface ReadCell {
  value: CellValue;
  /** What Excel shows when the number format makes it differ from the value (0.95 → "95%"). */
  shown?: string | null;
  /** "=SUM(D8:D9)" when the cell holds a formula. */
  formula: string | null;
}

/** Reads one cell; a cell covered by a merge (not its top-left) reads as empty, like the snapshot wants. */
export function readCell(cell: Cell): ReadCell {
  if (cell.type === VT.Merge) return { value: null, formula: null, shown: null };
  const v = cell.value as XCellValue;
  if (cell.type === VT.Formula) {
    const f = cell.formula;
    const o = v as { result?: unknown };
    const value = plainValue(o?.result);
    return { value, formula: f ? `=${f}` : null, shown: shownOf(value, cell) };
  }
  const value = plainValue(v);
  return { value, formula: null, shown: shownOf(value, cell) };
}

/**
 * The text Excel shows for a number under its number format, for the formats forms use: percentages
 * ("0%", "0.00%"), fixed decimals ("0.00") and thousands separators ("#,##0.00"). Null when the
 * format is General or one this does not know, so the value's own text stands (never a guess).
 * Rounding is Excel's: half away from zero.
 */
export function formattedNumber(v: number, numFmt: string | undefined): string | null {
  if (!numFmt || numFmt === "General" || !Number.isFinite(v)) return null;
  const f = numberFormat(numFmt);
  if (!f) return null;
  const n = f.percent ? v * 100 : v;
  const abs = Math.abs(n);
  const factor = 10 ** f.decimals;
  const rounded = Math.round(Number((abs * factor).toFixed(6))) / factor;
  const [digits, frac] = rounded.toFixed(f.decimals).split(".");
  const int = f.thousands ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : digits;
  const text = `${n < 0 && rounded !== 0 ? "-" : ""}${int}${frac ? `.${frac}` : ""}${f.percent ? "%" : ""}`;
  return text === String(v) ? null : text;
}

interface NumberFormat {
  percent: boolean;
  decimals: number;
  thousands: boolean;
}

// A workbook uses a handful of formats over thousands of cells: each is taken apart once.
const formats = new Map<string, NumberFormat | null>();

/** The parts of a format formattedNumber knows, or null. */
function numberFormat(numFmt: string): NumberFormat | null {
  let f = formats.get(numFmt);
  if (f !== undefined) return f;
  // Only the positive section, without colours and literal text around the number.
  const section = numFmt
    .split(";")[0]
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .trim();
  const m = /^(#,##0|0)(?:\.(0+))?(%?)$/.exec(section);
  f = m ? { percent: m[3] === "%", decimals: m[2]?.length ?? 0, thousands: m[1] === "#,##0" } : null;
  if (formats.size < 1000) formats.set(numFmt, f);
  return f;
}

function shownOf(value: CellValue, cell: Cell): string | null {
  return typeof value === "number" ? formattedNumber(value, cell.numFmt) : null;
}
