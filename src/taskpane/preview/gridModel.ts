/**
 * Lays a sheet snapshot out as an HTML table: which cells anchor a merge (with their spans), which
 * are covered by one, and what text each shows. Pure, so the preview's grid is tested without a DOM.
 */
import { CellPos, parseRange, toA1, RangePos } from "../../core/a1";
import { CellValue, SheetSnapshot, cellValue, isCellError, sheetExtent } from "../../core/snapshot";

export interface GridCell {
  row: number;
  col: number;
  address: string;
  rowSpan: number;
  colSpan: number;
  text: string;
  numeric: boolean;
}

export interface GridLayout {
  /** 0-based rows and columns drawn, from A1 so the headers match Excel's. */
  rowCount: number;
  colCount: number;
  /** rows[r] lists the cells drawn in row r (covered cells are left out). */
  rows: GridCell[][];
  /** True when the sheet was larger than the limits and was cut. */
  truncated: boolean;
}

/** A cell's text; numbers show the decimals their number format asks for ("0.00" → 326.60). */
export function displayText(v: CellValue, decimals?: number): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return decimals !== undefined ? v.toFixed(decimals) : String(Number(v.toPrecision(12)));
  return v;
}

function mergeList(sheet: SheetSnapshot): RangePos[] {
  const out: RangePos[] = [];
  for (const m of sheet.merges) {
    try {
      out.push(parseRange(m));
    } catch {
      // A malformed merge address is drawn as plain cells rather than breaking the preview.
    }
  }
  return out;
}

export const GRID_LIMITS = { rows: 400, cols: 40 };

/** `decimals` maps A1 addresses of number cells to the decimals of their number format. */
export function buildGrid(sheet: SheetSnapshot, decimals: Record<string, number> = {}, limits = GRID_LIMITS): GridLayout {
  const merges = mergeList(sheet);
  const { lastRow, lastCol } = sheetExtent(sheet);
  let rowCount = Math.max(lastRow + 1, 0);
  let colCount = Math.max(lastCol + 1, 0);
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  const truncated = rowCount > limits.rows || colCount > limits.cols;
  rowCount = Math.min(rowCount, limits.rows);
  colCount = Math.min(colCount, limits.cols);

  const anchorAt = new Map<string, RangePos>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.top >= rowCount || m.left >= colCount) continue;
    anchorAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  const rows: GridCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const line: GridCell[] = [];
    for (let c = 0; c < colCount; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = anchorAt.get(`${r},${c}`);
      const v = cellValue(sheet, r, c);
      const address = toA1(r, c);
      line.push({
        row: r,
        col: c,
        address,
        rowSpan: m ? Math.min(m.bottom, rowCount - 1) - r + 1 : 1,
        colSpan: m ? Math.min(m.right, colCount - 1) - c + 1 : 1,
        text: displayText(v, decimals[address]),
        numeric: typeof v === "number",
      });
    }
    rows.push(line);
  }
  return { rowCount, colCount, rows, truncated };
}

/** The grid's key (A1, as the grid is drawn) for a cell given by position: its merge's anchor, or itself. */
export function anchorOf(sheet: SheetSnapshot, pos: CellPos): string {
  for (const m of mergeList(sheet)) {
    if (pos.row >= m.top && pos.row <= m.bottom && pos.col >= m.left && pos.col <= m.right) return toA1(m.top, m.left);
  }
  return toA1(pos.row, pos.col);
}
