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
