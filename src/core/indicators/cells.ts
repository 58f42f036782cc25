/**
 * The cells the indicator rules read: the rows that hold an indicator (empty printed groups left
 * out), and each row's value cells, parsed once, named after their column for messages.
 */
import { Cell, IndicatorRow, IndicatorTable } from "../form/model";
import { Message } from "../rules/types";
import { ParsedValue, parseValue } from "./value";

export type ValueColumn = "period" | "annual";

export interface ValueCell {
  cell: Cell;
  column: ValueColumn;
  parsed: ParsedValue;
}

/** Rows with an indicator (a name or a value); printed-but-empty 二级 rows are left out. */
export function contentRows(t: IndicatorTable): IndicatorRow[] {
  return t.rows.filter((r) => !r.emptyGroup);
}

// Nine rules ask for the same rows' value cells; a row object lives for one check, so this is
// computed once per row per check. Results are shared: read-only.
const cellsOfRow = new WeakMap<IndicatorRow, ValueCell[]>();

/** The row's value cells, 实施周期 first; both even when empty. */
export function valueCells(t: IndicatorTable, row: IndicatorRow): ValueCell[] {
  let cached = cellsOfRow.get(row);
  if (!cached) {
    cached = computeValueCells(t, row);
    cellsOfRow.set(row, cached);
  }
  return cached;
}

function computeValueCells(t: IndicatorTable, row: IndicatorRow): ValueCell[] {
  const out: ValueCell[] = [];
  // What the user sees is what is judged and quoted: a percentage format, or a target split over columns.
  if (t.layout === "two-values" && row.period)
    out.push({ cell: row.period, column: "period", parsed: parseValue(row.period.shown ?? row.period.value) });
  out.push({ cell: row.annual, column: "annual", parsed: parseValue(row.annual.shown ?? row.annual.value) });
  return out;
}

/** What the row is about, for classifying it: its 三级 name, or its values when the name is missing. */
export function rowLabel(row: IndicatorRow, values: ValueCell[]): string {
  return row.name.text || values.map((v) => v.parsed.raw).join(" ");
}

/** The printed column header a value sits under. */
export function columnLabel(t: IndicatorTable, column: ValueColumn): Message {
  if (column === "period") return { zh: "实施周期指标值", en: "period target" };
  return t.layout === "two-values" ? { zh: "年度指标值", en: "annual target" } : { zh: "指标值", en: "target value" };
}

export function loc(c: Cell): { row: number; col: number } {
  return { row: c.row, col: c.col };
}
