/**
 * Reads the workbook into the core's snapshot through ET's synchronous object model. Per sheet:
 * UsedRange once, its Value2 and Formula as one block each, then per row one call for Hidden and one
 * for MergeCells; only rows that hold a merge are walked cell by cell (MergeArea per merged area),
 * and Range.Text is asked only of numeric cells, the only ones whose shown text can differ from the
 * value (a number format) or that can be a formula error in disguise (Value2 gives errors as codes).
 */
import { RangePos, rangeToA1 } from "../../core/a1";
import { Message } from "../../core/rules/types";
import { CellValue, SheetSnapshot } from "../../core/snapshot";
import { ReadResult } from "../host";
import { EtDoc, areaOf, grid, needsShownText, sheetAt, shownNumber, toCellValue } from "./et";

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
 * One sheet into the snapshot, in bulk: the used range (trimmed to its last content when it is
 * too large to read in one go), its Value2 and Formula as one block each, a NumberFormat per column that holds numbers;
 * hidden rows and merges are asked of the whole area first and looked for row by row only when the
 * area has some, and merged areas cell by cell only in rows that have merges.
 */
export function readSheet(ws: Et.Worksheet): SheetSnapshot | Message {
  const name = ws.Name;
  const used = ws.UsedRange;
  const originRow = used.Row - 1;
  const originCol = used.Column - 1;
  let rows = used.Rows.Count;
  let cols = used.Columns.Count;
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
  const block = (top: number, bottom: number, left: number, right: number) => ws.Range(rangeToA1({ top, bottom, left, right }));
  const whole = area;

  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let texts: (string | null)[][] | undefined;
  const format = columnFormats(whole, raw, cols);
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
  return {
    name,
    originRow,
    originCol,
    values,
    ...(formulas ? { formulas: fill(formulas) } : {}),
    ...(texts ? { texts: fill(texts) } : {}),
    merges,
    hiddenRows,
  };
}

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
 * Merged areas. None when the area's MergeCells is false (VBA Range.MergeCells: null when mixed).
 * Else the values guide the search without deciding it: a merge keeps its value in its top-left
 * cell and every other cell of it reads empty (VBA Range.Merge), so each merge either starts at a
 * cell with content next to an empty one — those give their MergeArea — or lies wholly in empty
 * cells; the empty cells no merge found covers are asked in blocks, and cell by cell only in a
 * block that is not free of merges.
 */
function findMerges(
  whole: Et.Range,
  block: (top: number, bottom: number, left: number, right: number) => Et.Range,
  at: { originRow: number; originCol: number; rows: number; cols: number; trimmed: boolean },
  raw: unknown[][],
  rawFormulas: unknown[][],
): string[] {
  const { originRow, originCol, rows, cols, trimmed } = at;
  if (whole.MergeCells === false) return [];
  const merges: RangePos[] = [];
  const empty = (r: number, c: number) => {
    const v = raw[r]?.[c];
    const f = rawFormulas[r]?.[c];
    return (v === undefined || v === null || v === "") && !(typeof f === "string" && f !== "");
  };
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
  // Where a merge starts: a cell with content whose right or lower neighbour is empty (past a
  // trimmed area's edge lie formatted cells a merge may reach into).
  const vacant = (r: number, c: number) => (r < rows && c < cols ? empty(r, c) : trimmed);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) if (!seen[r][c] && !empty(r, c) && (vacant(r, c + 1) || vacant(r + 1, c))) probeCell(r, c);
  // The empty cells no merge covers: maximal runs in a row, stacked while the rows below have the
  // same run, each asked once; cell by cell only where a block is not free of merges.
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (seen[r][c] || !empty(r, c)) continue;
      let right = c;
      while (right + 1 < cols && !seen[r][right + 1] && empty(r, right + 1)) right++;
      let bottom = r;
      const free = (rr: number) => {
        for (let cc = c; cc <= right; cc++) if (seen[rr][cc] || !empty(rr, cc)) return false;
        return true;
      };
      while (bottom + 1 < rows && free(bottom + 1)) bottom++;
      const merged = block(originRow + r, originRow + bottom, originCol + c, originCol + right).MergeCells;
      for (let rr = r; rr <= bottom; rr++)
        for (let cc = c; cc <= right; cc++) {
          if (merged === false) seen[rr][cc] = true;
          else if (!seen[rr][cc]) probeCell(rr, cc);
        }
    }
  }
  return merges.map(rangeToA1);
}

/**
 * The number format of each cell that holds a number: one NumberFormat per column that has numbers
 * (null when its cells differ, VBA Range.NumberFormat), then per cell only in such mixed columns.
 */
function columnFormats(used: Et.Range, raw: unknown[][], cols: number): (r: number, c: number) => string | null {
  const byCol: (string | null | undefined)[] = [];
  const byCell = new Map<number, string | null>();
  const columns = used.Columns;
  const str = (f: unknown) => (typeof f === "string" ? f : null);
  return (r, c) => {
    if (!(c in byCol)) {
      const hasNumber = raw.some((line) => typeof line?.[c] === "number");
      byCol[c] = hasNumber ? (str(columns.Item(c + 1).NumberFormat) ?? MIXED) : null;
    }
    if (byCol[c] !== MIXED) return byCol[c] as string | null;
    const k = r * cols + c;
    if (!byCell.has(k)) byCell.set(k, str(used.Item(r + 1, c + 1).NumberFormat));
    return byCell.get(k)!;
  };
}

const MIXED = "\u0000mixed";

export function readWorkbook(doc: EtDoc): ReadResult {
  const wb = doc.wb;
  const sheets: SheetSnapshot[] = [];
  const warnings: Message[] = [];
  const count = wb.Worksheets.Count;
  for (let i = 1; i <= count; i++) {
    const ws = sheetAt(doc, i);
    if (isOwnSheet(ws.Name)) continue;
    const s = readSheet(ws);
    if ("zh" in s) warnings.push(s);
    else sheets.push(s);
  }
  return { snapshot: { source: wb.Name, sheets }, warnings };
}
