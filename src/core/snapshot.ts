/**
 * The plain picture of one worksheet that every host (Excel, .xlsx file) hands to the core.
 * It carries only what recognition and the rules need, so both hosts can build it cheaply
 * and tests can write it by hand.
 */

/** An Excel error value such as `#REF!`, kept apart from text so rules can tell them apart. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface SheetSnapshot {
  name: string;
  /** 0-based row of values[0] (the used range may start below row 1). */
  originRow: number;
  /** 0-based column of values[i][0]. */
  originCol: number;
  /** Row-major cell values of the used range; ragged rows are allowed. */
  values: CellValue[][];
  /** Formula text ("=SUM(D5:D6)") where a cell holds one; same shape as values, null elsewhere. */
  formulas?: (string | null)[][];
  /**
   * The text Excel shows where it differs from the value, same shape as values, null elsewhere: a
   * number format turns 0.95 into "95%" and 8827620.53 into "8,827,620.53". Optional: a host that
   * cannot tell leaves it out and the value's own text is used. (Excel: Range.text; files: the
   * cell's number format.)
   */
  texts?: (string | null)[][];
  /** Merged areas as A1 ranges without the sheet ("B5:C5"). */
  merges: string[];
  /** Hidden rows, 0-based sheet rows like every other position in the core. */
  hiddenRows: number[];
}

export interface WorkbookSnapshot {
  /** A name for messages: the file name, or the workbook's title in Excel. */
  source: string;
  sheets: SheetSnapshot[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Value at 0-based sheet coordinates, null outside the used range. */
export function cellValue(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = sheet.values[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}

/** The text Excel shows for a cell when the host gave one that differs from the value, else null. */
export function cellShown(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.texts?.[row - sheet.originRow];
  const t = r?.[col - sheet.originCol];
  return t ?? null;
}

export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = sheet.formulas?.[row - sheet.originRow];
  const f = r?.[col - sheet.originCol];
  return f ?? null;
}

/** Last 0-based row / column covered by the snapshot (inclusive). */
export function sheetExtent(sheet: SheetSnapshot): { lastRow: number; lastCol: number } {
  let width = 0;
  for (const r of sheet.values) if (r.length > width) width = r.length;
  return { lastRow: sheet.originRow + sheet.values.length - 1, lastCol: sheet.originCol + width - 1 };
}

/** Same cell or absent-versus-null aside: an error value is compared by its code. */
const sameCell = (a: CellValue | string | undefined, b: CellValue | string | undefined): boolean =>
  (a ?? null) === (b ?? null) || (isCellError(a ?? null) && isCellError(b ?? null) && (a as CellError).error === (b as CellError).error);

function sameGrid<T extends CellValue | string>(
  a: readonly (readonly T[])[] | undefined,
  b: readonly (readonly T[])[] | undefined,
): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) {
    const x = a?.[i],
      y = b?.[i];
    if (x === y) continue;
    const m = Math.max(x?.length ?? 0, y?.length ?? 0);
    for (let j = 0; j < m; j++) if (!sameCell(x?.[j], y?.[j])) return false;
  }
  return true;
}

/**
 * Two reads of one sheet that any rule sees alike: every field a rule may look at (values, formulas,
 * displayed texts, merges, hidden rows, the origin). A check of one stands for a check of the other.
 */
export function identicalSheets(a: SheetSnapshot, b: SheetSnapshot): boolean {
  return (
    a.name === b.name &&
    a.originRow === b.originRow &&
    a.originCol === b.originCol &&
    a.merges.length === b.merges.length &&
    a.merges.every((m, i) => m === b.merges[i]) &&
    a.hiddenRows.length === b.hiddenRows.length &&
    a.hiddenRows.every((r, i) => r === b.hiddenRows[i]) &&
    sameGrid(a.values, b.values) &&
    sameGrid(a.formulas, b.formulas) &&
    sameGrid(a.texts, b.texts)
  );
}
