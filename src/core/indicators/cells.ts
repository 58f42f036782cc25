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
// computed once per row per check. Results are shared: read-only. Kept per table in arrays indexed
// by sheet row, not in a WeakMap keyed by row: on a table of thousands of rows a lookup per row and
// rule then reads one slot instead of probing a large ephemeron table, and the collector has no
// thousands of weak entries to trace.
interface TableCells {
  rows: (IndicatorRow | undefined)[];
  cells: (ValueCell[] | undefined)[];
}
const cellsOfTable = new WeakMap<IndicatorTable, TableCells>();

/** The row's value cells, 实施周期 first; both even when empty. */
export function valueCells(t: IndicatorTable, row: IndicatorRow): ValueCell[] {
  let cache = cellsOfTable.get(t);
  if (!cache) {
    cache = { rows: [], cells: [] };
    cellsOfTable.set(t, cache);
  }
  // Rows of a table lie below its header, one per sheet row; a row from elsewhere is computed, not kept.
  const i = row.row - t.headerRow;
  if (cache.rows[i] === row) return cache.cells[i]!;
  const cells = computeValueCells(t, row);
  if (i > 0 && row.row <= t.lastRow && cache.rows[i] === undefined) {
    cache.rows[i] = row;
    cache.cells[i] = cells;
  }
  return cells;
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
