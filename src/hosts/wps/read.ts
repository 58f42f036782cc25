/**
 * Reads the workbook into the core's snapshot through ET's synchronous object model. Per sheet:
 * UsedRange once, its Value2 and Formula as one block each, then per row one call for Hidden and one
 * for MergeCells; only rows that hold a merge are walked cell by cell (MergeArea per merged area),
 * and Range.Text is asked only of numeric cells, the only ones whose shown text can differ from the
 * value (a number format) or that can be a formula error in disguise (Value2 gives errors as codes).
 */
import { rangeToA1 } from "../../core/a1";
import { Message } from "../../core/rules/types";
import { CellValue, SheetSnapshot } from "../../core/snapshot";
import { ReadResult } from "../host";
import { EtApp, areaOf, grid, sheetAt, toCellValue } from "./et";

/** Our own very hidden sheets: the state (shared with the file host) and the record of marks. */
import { isOwnSheetName as isOwnSheet } from "../workbookState";

export { STATE_SHEET, MARKS_SHEET } from "../workbookState";
export { isOwnSheet };

/** Past this many cells a sheet is not a form (and reading it cell by cell would stall WPS). */
export const MAX_CELLS = 200_000;

export function readSheet(ws: Et.Worksheet): SheetSnapshot | Message {
  const name = ws.Name;
  const used = ws.UsedRange;
  const originRow = used.Row - 1;
  const originCol = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  if (rows * cols > MAX_CELLS) {
    return {
      zh: `工作表「${name}」的已用区域太大(${rows} 行 × ${cols} 列),未检查。`,
      en: `Sheet "${name}" has too large a used range (${rows} rows × ${cols} columns); it was not checked.`,
    };
  }
  const raw = grid(used.Value2, rows, cols);
  const rawFormulas = grid(used.Formula, rows, cols);
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let texts: (string | null)[][] | undefined;
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  const usedRows = used.Rows;
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    const row = usedRows.Item(r + 1);
    if (row.EntireRow.Hidden === true) hiddenRows.push(originRow + r);
    for (let c = 0; c < cols; c++) {
      const v = raw[r]?.[c];
      const f = rawFormulas[r]?.[c];
      if (typeof f === "string" && f.startsWith("=")) {
        formulas ??= [];
        (formulas[r] ??= [])[c] = f;
      }
      let shown: string | null = null;
      if (typeof v === "number") {
        const t = used.Item(r + 1, c + 1).Text;
        shown = typeof t === "string" ? t : null;
      }
      const value = toCellValue(v, f, shown);
      line.push(value);
      if (typeof value === "number" && shown !== null && shown !== String(value)) {
        texts ??= [];
        (texts[r] ??= [])[c] = shown;
      }
    }
    values.push(line);
    // false: nothing in the row is merged; true or null: walk it.
    if (row.MergeCells === false) continue;
    for (let c = 0; c < cols; c++) {
      const top = originRow + r;
      const col = originCol + c;
      if (merges.some((m) => covers(m, top, col))) continue;
      const cell = used.Item(r + 1, c + 1);
      if (cell.MergeCells !== true) continue;
      const area = areaOf(cell.MergeArea.Address(false, false));
      merges.push(rangeToA1(area));
    }
  }
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

function covers(m: string, row: number, col: number): boolean {
  const p = areaOf(m);
  return row >= p.top && row <= p.bottom && col >= p.left && col <= p.right;
}

export function readWorkbook(app: EtApp): ReadResult {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error("WPS 中没有打开的工作簿 / No workbook is open in WPS");
  const sheets: SheetSnapshot[] = [];
  const warnings: Message[] = [];
  const count = wb.Worksheets.Count;
  for (let i = 1; i <= count; i++) {
    const ws = sheetAt(app, i);
    if (isOwnSheet(ws.Name)) continue;
    const s = readSheet(ws);
    if ("zh" in s) warnings.push(s);
    else sheets.push(s);
  }
  return { snapshot: { source: wb.Name, sheets }, warnings };
}
