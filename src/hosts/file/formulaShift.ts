/**
 * Moves row numbers in formula text after rows were inserted. exceljs inserts rows by moving values
 * only, so `=SUM(D30:D35)` would keep pointing at the old rows; Excel itself would have rewritten it.
 */

/** A reference, optionally sheet-qualified: D5, $D$5, D5:F9, 5:9 (whole rows), 'A b'!D5, 申报表!D5. */
const REF =
  /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[\p{L}\p{N}_.]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+)(?![\p{L}\p{N}_(!])/gu;

const CELL = /^(\$?[A-Za-z]{1,3})?(\$?)(\d+)$/;

/** The last row of a worksheet (ECMA-376 Part 1 §18.3.1.73: row indexes go up to 1048576). */
const MAX_ROW = 1048576;

function unquote(sheet: string): string {
  const s = sheet.slice(0, -1);
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export interface RowShift {
  /** Sheet whose rows moved. */
  sheet: string;
  /** First row (1-based) that moved down. */
  at: number;
  count: number;
}

export interface ShiftOptions {
  /**
   * Row parts without `$` stay as written. A defined name's relative reference is an offset from
   * the cell that uses the name (MS-XLS §2.5.198.85 PtgRef3d: in a NameParsedFormula its location is
   * an RgceLocRel, "offsets from the cell in which the formula is evaluated"; xlsx writes it as seen
   * from A1), not a place an insertion could move (EPPlus PR #2310, matching Excel: "Relative
   * References are unaffected").
   */
  relativeRowsStay?: boolean;
}

/** Rewrites references to rows ≥ at on the shifted sheet; `formulaSheet` is where the formula lives. */
export function shiftFormula(formula: string, formulaSheet: string, shift: RowShift, options: ShiftOptions = {}): string {
  return formula.replace(REF, (whole, str: string | undefined, prefix: string | undefined, ref: string, offset: number) => {
    if (str) return whole;
    // Part of a longer name (e.g. the "10" in LOG10 or a function name): leave it.
    const before = offset > 0 ? formula[offset - 1] : "";
    if (before && /[\p{L}\p{N}_.$]/u.test(before)) return whole;
    // Another workbook's sheet ([1]申报表!D37): its rows did not move.
    if (before === "]") return whole;
    const sheet = prefix ? unquote(prefix) : formulaSheet;
    if (sheet !== shift.sheet) return whole;
    let offGrid = false;
    const moved = ref
      .split(":")
      .map((part, i) => {
        const m = CELL.exec(part);
        if (!m || (options.relativeRowsStay && m[2] !== "$")) return part;
        const row = Number(m[3]);
        if (row < shift.at) return part;
        // The grid ends at row 1048576: a range's end pushed past it stops there, and a cell or a
        // range start pushed past it is gone (#REF!), as Excel does; 1048577 would make Excel refuse
        // the file (OfficeCLI issue #353; EPPlus PR #2310 and hucre PR #539 follow Excel the same way).
        if (row + shift.count > MAX_ROW) {
          if (i === 1) return `${m[1] ?? ""}${m[2]}${MAX_ROW}`;
          offGrid = true;
        }
        return `${m[1] ?? ""}${m[2]}${row + shift.count}`;
      })
      .join(":");
    return `${prefix ?? ""}${offGrid ? "#REF!" : moved}`;
  });
}
