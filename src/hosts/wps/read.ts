/**
 * Reads the workbook into the core's snapshot through ET's synchronous object model, in bulk: per
 * sheet the used range once, its Value2 and Formula as one block each, number formats, hidden rows
 * and merges asked of the whole area and of blocks only where it is mixed (readSheet). Range.Text is
 * asked only of a formula's number that may be an error in disguise (VBA's bare error codes).
 */
import { RangePos, rangeToA1 } from "../../core/a1";
import { Message } from "../../core/rules/types";
import { CellValue, SheetSnapshot } from "../../core/snapshot";
import { ReadResult } from "../host";
import { EtDoc, areaOf, grid, needsShownText, sheetsOf, shownNumber, toCellValue } from "./et";

/** Our own very hidden sheets: the state (shared with the file host) and the record of marks. */
import { isOwnSheetName as isOwnSheet } from "../workbookState";

export { STATE_SHEET, MARKS_SHEET } from "../workbookState";
export { isOwnSheet };

/** Past this many cells of content a sheet is not a form (and one Value2 of it would stall WPS). */
export const MAX_CELLS = 200_000;

/** XlFindLookIn.xlFormulas, XlLookAt.xlPart, XlSearchOrder, XlSearchDirection.xlPrevious (et-jsapi-declare). */
const FIND = { formulas: -4123, part: 2, byRows: 1, byColumns: 2, previous: 2 } as const;

/**
 * The last row and column with content, 0-based, or null for a sheet without any: UsedRange also
 * spans cells that are only formatted (a template formatted down to row 65,536), so it is searched
 * backwards for the last value or formula, by rows and by columns (VBA Range.Find, LookIn xlFormulas).
 */
function lastContent(used: Et.Range): { row: number; col: number } | null {
  const find = (order: number) => used.Find("*", undefined, FIND.formulas, FIND.part, order, FIND.previous) as Et.Range | null;
  const byRow = find(FIND.byRows);
  if (!byRow) return null;
  const byCol = find(FIND.byColumns);
  return { row: byRow.Row - 1, col: (byCol ?? byRow).Column - 1 };
}

/**
 * One sheet into the snapshot, in bulk. The used range's one Address gives its origin and size (not
 * Row, Column, Rows.Count and Columns.Count: four crossings for the same); it is trimmed to its last
 * content when too large to read in one go. Its Value2 and Formula come as one block each, number
 * formats as one call for the whole area when they agree and one per run of numbers in a column when
 * not; hidden rows and merges are asked of the whole area first and looked for in blocks only when it
 * has some. The Worksheet and UsedRange objects are asked once and kept for the whole read.
 */
/**
 * What a read saw of each sheet it read whole: the used range's address and its Formula block (a
 * constant's text, a formula's source). A later call can tell in three bridge calls whether the
 * sheet still holds exactly that (unchangedSince).
 */
const seen = new WeakMap<SheetSnapshot, string>();
const fingerprint = (address: string, formulas: unknown[][]): string => `${address}\n${JSON.stringify(formulas)}`;

/**
 * Whether `ws` still holds what the read that made `sheet` saw: the same used range, every value and
 * formula the same text (a row inserted or deleted, a cell typed or cleared all show). Merges and
 * hidden rows are not compared. False for a sheet this module did not read whole.
 */
export function unchangedSince(ws: Et.Worksheet, sheet: SheetSnapshot): boolean {
  const was = seen.get(sheet);
  if (was === undefined) return false;
  const used = ws.UsedRange;
  const address = used.Address(false, false);
  const box = areaOf(address);
  return fingerprint(address, grid(used.Formula, box.bottom - box.top + 1, box.right - box.left + 1)) === was;
}

export function readSheet(ws: Et.Worksheet): SheetSnapshot | Message {
  const name = ws.Name;
  const used = ws.UsedRange;
  const address = used.Address(false, false);
  const box = areaOf(address);
  const originRow = box.top;
  const originCol = box.left;
  let rows = box.bottom - box.top + 1;
  let cols = box.right - box.left + 1;
  let area: Et.Range = used;
  if (rows * cols > MAX_CELLS) {
    const last = lastContent(used);
    rows = last ? last.row - originRow + 1 : 1;
    cols = last ? last.col - originCol + 1 : 1;
    if (rows * cols > MAX_CELLS) {
      return {
        zh: `工作表「${name}」的内容区域太大(${rows} 行 × ${cols} 列),未检查。`,
        en: `Sheet "${name}" has too large an area of content (${rows} rows × ${cols} columns); it was not checked.`,
      };
    }
    area = ws.Range(rangeToA1({ top: originRow, left: originCol, bottom: originRow + rows - 1, right: originCol + cols - 1 }));
  }
  const raw = grid(area.Value2, rows, cols);
  const rawFormulas = grid(area.Formula, rows, cols);
  // Offsets within the area, 0-based, to the sheet's block (one Worksheet.Range call).
  const block: Block = (top, bottom, left, right) =>
    ws.Range(rangeToA1({ top: originRow + top, bottom: originRow + bottom, left: originCol + left, right: originCol + right }));
  const whole = area;

  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let texts: (string | null)[][] | undefined;
  const format = numberFormats(whole, block, raw, rows, cols);
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const v = raw[r]?.[c];
      const f = rawFormulas[r]?.[c];
      if (typeof f === "string" && f.startsWith("=")) {
        formulas ??= [];
        (formulas[r] ??= [])[c] = f;
      }
      let shown: string | null = null;
      let value: CellValue;
      if (needsShownText(v, f)) {
        const t = whole.Item(r + 1, c + 1).Text;
        value = toCellValue(v, f, typeof t === "string" ? t : null);
      } else value = toCellValue(v, f);
      if (typeof value === "number") {
        const s = shownNumber(value, format(r, c));
        if (s.value !== undefined) value = s.value;
        shown = s.text;
      }
      line.push(value);
      if (shown !== null) {
        texts ??= [];
        (texts[r] ??= [])[c] = shown;
      }
    }
    values.push(line);
  }
  const hiddenRows = findHiddenRows(ws, whole, originRow, rows);
  const merges = findMerges(whole, block, { originRow, originCol, rows, cols, trimmed: area !== used }, raw, rawFormulas);
  const fill = <T>(g: (T | null)[][] | undefined): (T | null)[][] | undefined =>
    g && Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => g[r]?.[c] ?? null));
  const sheet: SheetSnapshot = {
    name,
    originRow,
    originCol,
    values,
    ...(formulas ? { formulas: fill(formulas) } : {}),
    ...(texts ? { texts: fill(texts) } : {}),
    merges,
    hiddenRows,
  };
  if (area === used) seen.set(sheet, fingerprint(address, rawFormulas));
  return sheet;
}

/** A block of the area read, by 0-based offsets within it (inclusive). */
type Block = (top: number, bottom: number, left: number, right: number) => Et.Range;

/**
 * Hidden rows: Hidden of a block of rows is true when all are hidden, false when none, null when
 * mixed (VBA Range.Hidden), so the area is asked once and halved only where it is mixed.
 */
function findHiddenRows(ws: Et.Worksheet, whole: Et.Range, originRow: number, rows: number): number[] {
  const out: number[] = [];
  const first = whole.EntireRow.Hidden as boolean | null;
  if (first === false) return out;
  const sheetRows = ws.Rows;
  const walk = (top: number, bottom: number, known?: boolean | null) => {
    const h = known !== undefined ? known : (sheetRows.Item(`${top + 1}:${bottom + 1}`).Hidden as boolean | null);
    if (h === false) return;
    if (h === true) for (let r = top; r <= bottom; r++) out.push(r);
    else if (top < bottom) {
      const mid = (top + bottom) >> 1;
      walk(top, mid);
      walk(mid + 1, bottom);
    }
  };
  walk(originRow, originRow + rows - 1, first);
  return out;
}

/**
 * Merged areas. None when the area's MergeCells is false (VBA Range.MergeCells: true when every
 * cell is merged, false when none is, null when mixed). Else every merge is found from two facts: a
 * merge keeps its value in its top-left cell and every other cell of it reads empty (VBA
 * Range.Merge), so it holds an empty cell right of or below its top-left one; and MergeArea of any
 * of its cells is all of it (VBA Range.MergeArea). MergeArea costs three calls (Item, MergeArea,
 * Address), a block's MergeCells two, so MergeArea is asked only where a merge is likely: of the
 * empty right neighbours of cells with content, then of their empty lower neighbours not yet in a
 * merge (a run of several in a row asked first as one block). The empty cells left are asked as
 * the largest empty rectangles, halved only where mixed; a merged one left is a merge without a value.
 */
function findMerges(
  whole: Et.Range,
  block: Block,
  at: { originRow: number; originCol: number; rows: number; cols: number; trimmed: boolean },
  raw: unknown[][],
  rawFormulas: unknown[][],
): string[] {
  const { originRow, originCol, rows, cols, trimmed } = at;
  if (whole.MergeCells === false) return [];
  const merges: RangePos[] = [];
  const isEmpty = (r: number, c: number) => {
    const v = raw[r]?.[c];
    const f = rawFormulas[r]?.[c];
    return (v === undefined || v === null || v === "") && !(typeof f === "string" && f !== "");
  };
  const empty = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => isEmpty(r, c)));
  const seen = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const cover = (m: RangePos) => {
    for (let r = Math.max(m.top, originRow); r <= Math.min(m.bottom, originRow + rows - 1); r++)
      for (let c = Math.max(m.left, originCol); c <= Math.min(m.right, originCol + cols - 1); c++)
        seen[r - originRow][c - originCol] = true;
  };
  const probeCell = (r: number, c: number) => {
    const m = areaOf(whole.Item(r + 1, c + 1).MergeArea.Address(false, false));
    seen[r][c] = true;
    if (m.bottom > m.top || m.right > m.left) {
      merges.push(m);
      cover(m);
    }
  };
  // Every merge holds an empty cell right of or below its top-left one, and MergeArea of any of its
  // cells gives all of it. So the empty right neighbours of cells with content are asked first (most
  // merges in a form are a label spread to the right), then, in runs along a row, the empty lower
  // neighbours no merge has covered yet: a run is asked once as a block, and only if it holds merged
  // cells each of its cells in turn.
  const open = (r: number, c: number) => r < rows && c < cols && empty[r][c] && !seen[r][c];
  for (let r = 0; r < rows; r++) for (let c = 0; c + 1 < cols; c++) if (!empty[r][c] && open(r, c + 1)) probeCell(r, c + 1);
  for (let r = 1; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // A cell with content already in a merge that stops above is no top-left of one going down.
      const below = (cc: number) => cc < cols && !empty[r - 1][cc] && !seen[r - 1][cc] && open(r, cc);
      if (!below(c)) continue;
      let right = c;
      while (below(right + 1)) right++;
      if (right === c || block(r, r, c, right).MergeCells !== false) {
        for (let cc = c; cc <= right; cc++) if (!seen[r][cc]) probeCell(r, cc);
      } else for (let cc = c; cc <= right; cc++) seen[r][cc] = true;
      c = right;
    }
  }
  // A trimmed area ends at its last content; past it lie formatted cells a merge may reach into.
  if (trimmed)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) if (!empty[r][c] && !seen[r][c] && (r === rows - 1 || c === cols - 1)) probeCell(r, c);
  // The empty cells no merge covers: maximal runs in a row, stacked while the rows below have the
  // same run, each asked once and halved only where mixed; cell by cell only a merged one.
  const ask = (top: number, bottom: number, left: number, right: number): void => {
    const m = block(top, bottom, left, right).MergeCells as boolean | null;
    if (m === false) {
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) seen[r][c] = true;
      return;
    }
    if (m === true || (top === bottom && left === right)) {
      for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (!seen[r][c]) probeCell(r, c);
      return;
    }
    if (bottom - top >= right - left) {
      const mid = (top + bottom) >> 1;
      ask(top, mid, left, right);
      ask(mid + 1, bottom, left, right);
    } else {
      const mid = (left + right) >> 1;
      ask(top, bottom, left, mid);
      ask(top, bottom, mid + 1, right);
    }
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (seen[r][c] || !empty[r][c]) continue;
      let right = c;
      while (right + 1 < cols && !seen[r][right + 1] && empty[r][right + 1]) right++;
      let bottom = r;
      const free = (rr: number) => {
        for (let cc = c; cc <= right; cc++) if (seen[rr][cc] || !empty[rr][cc]) return false;
        return true;
      };
      while (bottom + 1 < rows && free(bottom + 1)) bottom++;
      ask(r, bottom, c, right);
    }
  }
  return merges.map(rangeToA1);
}

/**
 * The number format of each cell that holds a number. NumberFormat of a block is its format when
 * all its cells share one and null otherwise (VBA Range.NumberFormat), so the whole area is asked
 * once; when it is mixed, each run of numbers down a column is asked, halved only where mixed.
 * Cells without a number never need their format.
 */
function numberFormats(
  whole: Et.Range,
  block: Block,
  raw: unknown[][],
  rows: number,
  cols: number,
): (r: number, c: number) => string | null {
  const isNumber = (r: number, c: number) => typeof raw[r]?.[c] === "number";
  let any = false;
  for (let r = 0; r < rows && !any; r++) for (let c = 0; c < cols && !any; c++) any = isNumber(r, c);
  if (!any) return () => null;
  const str = (f: unknown) => (typeof f === "string" ? f : null);
  const all = whole.NumberFormat;
  if (typeof all === "string") return () => all;
  const byCell = new Map<number, string | null>();
  const ask = (top: number, bottom: number, c: number): void => {
    const f = block(top, bottom, c, c).NumberFormat;
    if (f === null && top < bottom) {
      const mid = (top + bottom) >> 1;
      ask(top, mid, c);
      ask(mid + 1, bottom, c);
      return;
    }
    for (let r = top; r <= bottom; r++) byCell.set(r * cols + c, str(f));
  };
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      if (!isNumber(r, c)) continue;
      let end = r;
      while (end + 1 < rows && isNumber(end + 1, c)) end++;
      ask(r, end, c);
      r = end;
    }
  }
  return (r, c) => byCell.get(r * cols + c) ?? null;
}

export function readWorkbook(doc: EtDoc): ReadResult {
  const wb = doc.wb;
  const sheets: SheetSnapshot[] = [];
  const warnings: Message[] = [];
  for (const [name, ws] of sheetsOf(doc)) {
    if (isOwnSheet(name)) continue;
    const s = readSheet(ws);
    if ("zh" in s) warnings.push(s);
    else sheets.push(s);
  }
  return { snapshot: { source: wb.Name, sheets }, warnings };
}
