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
  private readonly mergeIndex = new Map<number, RangePos>();
  private readonly hidden: Set<number>;

  constructor(readonly sheet: SheetSnapshot) {
    const ext = sheetExtent(sheet);
    this.lastRow = ext.lastRow;
    this.lastCol = ext.lastCol;
    this.firstRow = sheet.originRow;
    this.firstCol = sheet.originCol;
    for (const m of sheet.merges) {
      const r = parseRange(m);
      // Index every cell of the area; areas on a form are small, so this stays cheap.
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) this.mergeIndex.set(this.key(row, col), r);
      }
    }
    this.hidden = new Set(sheet.hiddenRows);
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  get name(): string {
    return this.sheet.name;
  }

  raw(row: number, col: number): CellValue {
    return cellValue(this.sheet, row, col);
  }

  /** The merged area a cell belongs to, or null. */
  merge(row: number, col: number): RangePos | null {
    return this.mergeIndex.get(this.key(row, col)) ?? null;
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
