/** Turns what office-js returns for a range into the core's CellValue grid. */
import { CellValue } from "../../core/snapshot";

/**
 * `values` gives an error cell as its text ("#REF!") and an empty cell as "", so the type decides:
 * errors become {error}, empties null; rich values (images, linked data types) are kept only as text.
 */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return Boolean(value);
    case "String":
      return String(value);
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" || typeof value === "string" ? value : null;
  }
}

export function toCellGrid(values: unknown[][], types: string[][]): CellValue[][] {
  return values.map((row, r) => row.map((v, c) => toCellValue(v, types[r]?.[c])));
}

/** `formulas` repeats constants where a cell has no formula; keep only real formulas. */
export function toFormulaGrid(formulas: unknown[][]): (string | null)[][] {
  return formulas.map((row) => row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null)));
}

/**
 * Text Excel would not keep as typed: `Range.values`/`formulas` parse a string like keyboard input, so
 * "=…", "+…", "-…", "@…" become formulas, "95%" 0.95, "100" a number, "2025-12-31" or "12/31" a date,
 * "TRUE" a boolean, "#N/A" an error (Range.values; support "Stop automatically changing numbers to
 * dates"). Anything starting with a digit, a sign, a currency sign or a decimal point, every boolean
 * and error literal, an English month followed by a number ("Dec 31", a date in an English-locale Excel),
 * and an apostrophe that would itself be eaten, counts.
 */
const PARSED_AS_INPUT =
  /^\s*([=+\-@'#$¥￥€£.(]|[0-9０-９]|(true|false)\s*$|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d)/i;

/** A string as Excel should store it: text stays text (the leading apostrophe is not part of the value). */
export function asText(s: string): string {
  return PARSED_AS_INPUT.test(s) ? `'${s}` : s;
}
