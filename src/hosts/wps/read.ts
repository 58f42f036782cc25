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
import { EtApp, areaOf, grid, needsShownText, sheetAt, shownNumber, toCellValue } from "./et";

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
  const format = columnFormats(used, raw, rows, cols);
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
      let value: CellValue;
      if (needsShownText(v, f)) {
        const t = used.Item(r + 1, c + 1).Text;
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

/**
 * The number format of each cell that holds a number: one NumberFormat per column that has numbers
 * (null when its cells differ, VBA Range.NumberFormat), then per cell only in such mixed columns.
 */
function columnFormats(used: Et.Range, raw: unknown[][], rows: number, cols: number): (r: number, c: number) => string | null {
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
