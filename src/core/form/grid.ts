/** Random access over a snapshot that knows its merged areas. */
import { RangePos, parseRange } from "../a1";
import { CellValue, SheetSnapshot, cellShown, cellValue, sheetExtent } from "../snapshot";
import { cellText, fold } from "../text";
import { Cell } from "./model";

export class Grid {
  readonly lastRow: number;
  readonly lastCol: number;
  readonly firstRow: number;
  readonly firstCol: number;
  /**
   * The merged area of each cell inside one: by sheet row (less mergeTop), then by column (less
   * mergeLeft). Arrays, not a map keyed by cell: every cell a rule reads is looked up here, and on
   * a sheet of thousands of rows a hash table of all merged cells no longer stays in the CPU cache.
   */
  private readonly mergeRows: (RangePos | undefined)[][] = [];
  private readonly mergeTop: number = 0;
  private readonly mergeLeft: number = 0;
  private readonly hidden: Set<number>;

  constructor(readonly sheet: SheetSnapshot) {
    const ext = sheetExtent(sheet);
    this.lastRow = ext.lastRow;
    this.lastCol = ext.lastCol;
    this.firstRow = sheet.originRow;
    this.firstCol = sheet.originCol;
    const areas = sheet.merges.map(parseRange);
    if (areas.length > 0) {
      // Loops, not Math.min(...): a sheet may hold more areas than a call takes arguments.
      let top = Infinity,
        left = Infinity;
      for (const a of areas) {
        if (a.top < top) top = a.top;
        if (a.left < left) left = a.left;
      }
      this.mergeTop = top;
      this.mergeLeft = left;
    }
    // Index every cell of the area; areas on a form are small, so this stays cheap. A later area
    // over the same cell wins, as the sheet's list has it.
    for (const r of areas) {
      for (let row = r.top; row <= r.bottom; row++) {
        const cols = (this.mergeRows[row - this.mergeTop] ??= []);
        for (let col = r.left; col <= r.right; col++) cols[col - this.mergeLeft] = r;
      }
    }
    this.hidden = new Set(sheet.hiddenRows);
  }

  get name(): string {
    return this.sheet.name;
  }

  raw(row: number, col: number): CellValue {
    return cellValue(this.sheet, row, col);
  }

  /** The merged area a cell belongs to, or null. */
  merge(row: number, col: number): RangePos | null {
    const i = row - this.mergeTop;
    const j = col - this.mergeLeft;
    if (i < 0 || j < 0) return null;
    return this.mergeRows[i]?.[j] ?? null;
  }

  /** The cell as a user sees it: a cell inside a merge reads as the merge's top-left cell. */
  cell(row: number, col: number): Cell {
    const m = this.merge(row, col);
    const r = m ? m.top : row;
    const c = m ? m.left : col;
    const value = this.raw(r, c);
    const shown = this.sheet.texts ? cellShown(this.sheet, r, c) : null;
    return shown === null ? { row: r, col: c, value, text: fold(cellText(value)) } : { row: r, col: c, value, text: fold(shown), shown };
  }

  /** Last column of the area a cell spans (itself when unmerged). */
  rightEdge(row: number, col: number): number {
    return this.merge(row, col)?.right ?? col;
  }

  isHidden(row: number): boolean {
    return this.hidden.has(row);
  }
}
