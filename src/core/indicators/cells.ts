/**
 * The cells the indicator rules read: the rows that hold an indicator (empty printed groups left
 * out), and each row's value cells, parsed once, named after their column for messages.
 */
import { Cell, IndicatorRow, IndicatorTable } from "../form/model";
import { Message } from "../rules/types";
import { IndicatorKind, classifyIndicator } from "./direction";
import { ParsedName, parseName } from "./name";
import { ParsedValue, parseValue } from "./value";

export type ValueColumn = "period" | "annual";

export interface ValueCell {
  cell: Cell;
  column: ValueColumn;
  parsed: ParsedValue;
}

/** Rows with an indicator (a name or a value); printed-but-empty 二级 rows are left out. Read-only:
 * fourteen rules ask for them, so the list is made once per table (again if its rows change). */
export function contentRows(t: IndicatorTable): IndicatorRow[] {
  const c = cacheOf(t);
  if (c.content && c.contentOf === t.rows && c.contentFrom === t.rows.length) return c.content;
  c.contentOf = t.rows;
  c.contentFrom = t.rows.length;
  return (c.content = t.rows.filter((r) => !r.emptyGroup));
}

// Nine rules ask for the same rows' value cells, and as many for the parsed name and the kind of
// indicator; a row object lives for one check, so each is computed once per row per check. Results
// are shared: read-only. Kept per table in arrays indexed by sheet row, not in a WeakMap keyed by
// row nor only in the by-text memo caches: on a table of thousands of rows a lookup per row and
// rule then reads one slot instead of probing a large hash table, and the collector has no
// thousands of weak entries to trace.
interface RowCache {
  rows: (IndicatorRow | undefined)[];
  cells: (ValueCell[] | undefined)[];
  names: (ParsedName | undefined)[];
  kinds: (IndicatorKind | undefined)[];
  /** contentRows, and the rows list (and its length) it was made from. */
  content?: IndicatorRow[];
  contentOf?: IndicatorRow[];
  contentFrom?: number;
}
const cacheOfTable = new WeakMap<IndicatorTable, RowCache>();

function cacheOf(t: IndicatorTable): RowCache {
  let c = cacheOfTable.get(t);
  if (!c) {
    c = { rows: [], cells: [], names: [], kinds: [] };
    cacheOfTable.set(t, c);
  }
  return c;
}

/** The row's slot in its table's cache, or -1 for a row from elsewhere (computed, not kept). */
function slot(c: RowCache, t: IndicatorTable, row: IndicatorRow): number {
  // Rows of a table lie below its header, one per sheet row.
  const i = row.row - t.headerRow;
  if (i <= 0 || row.row > t.lastRow) return -1;
  const held = c.rows[i];
  if (held === row) return i;
  if (held !== undefined) return -1;
  c.rows[i] = row;
  return i;
}

/** The row's value cells, 实施周期 first; both even when empty. */
export function valueCells(t: IndicatorTable, row: IndicatorRow): ValueCell[] {
  const c = cacheOf(t);
  const i = slot(c, t, row);
  if (i < 0) return computeValueCells(t, row);
  return (c.cells[i] ??= computeValueCells(t, row));
}

/** parseName of the row's 三级 name. */
export function rowName(t: IndicatorTable, row: IndicatorRow): ParsedName {
  const c = cacheOf(t);
  const i = slot(c, t, row);
  if (i < 0) return parseName(row.name.text);
  return (c.names[i] ??= parseName(row.name.text));
}

/** classifyIndicator of `label`; kept with the row when the label is the row's 三级 name. */
export function rowKind(t: IndicatorTable, row: IndicatorRow, label: string): IndicatorKind {
  if (label !== row.name.text) return classifyIndicator(label);
  const c = cacheOf(t);
  const i = slot(c, t, row);
  if (i < 0) return classifyIndicator(label);
  return (c.kinds[i] ??= classifyIndicator(label));
}

function computeValueCells(t: IndicatorTable, row: IndicatorRow): ValueCell[] {
  const out: ValueCell[] = [];
  // What the user sees is what is judged and quoted: a percentage format, or a target split over columns.
  if (t.layout === "two-values" && row.period)
    out.push({ cell: row.period, column: "period", parsed: parseValue(row.period.shown ?? row.period.value) });
  // A twin table's 实施期 side is checked too, unless it prints the very text of the 年度 value: a
  // finding on that text is one problem, reported once, at the 年度 value.
  else if (row.twin && row.twin.value.text !== row.annual.text)
    out.push({ cell: row.twin.value, column: "period", parsed: parseValue(row.twin.value.shown ?? row.twin.value.value) });
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
