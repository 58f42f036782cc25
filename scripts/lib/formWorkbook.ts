/**
 * Writes a laid-out form (a SheetSnapshot from tsvLayout) into an exceljs worksheet the way the
 * official table is printed: borders on every form cell, wrapped text, widths and heights that fit,
 * bold centred title, amounts as numbers shown with two decimals. Used by the example and fixture builders.
 */
import type { Worksheet } from "exceljs";
import { columnName, parseRange } from "../../src/core/a1";
import { CellValue, SheetSnapshot, isCellError } from "../../src/core/snapshot";

/** Widths (in characters) of the form's columns A–F, relative to where the form starts. */
const WIDTHS = [14, 16, 30, 30, 28, 28];
const FONT = "宋体";
const LINE_HEIGHT = 14.5;

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Display width of text in column-width units: CJK and full-width characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function display(v: CellValue, numFmt: string | undefined): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "number") return numFmt === "0.00" ? v.toFixed(2) : String(v);
  return String(v);
}

export interface WriteFormOptions {
  /** The TSV text of each cell (same shape as sheet.values): "4.00" keeps two decimals on screen. */
  texts?: string[][];
  /** Cells to write as formulas: A1 → { formula, result }. */
  formulas?: Record<string, { formula: string; result: CellValue }>;
  /** 1-based rows to hide. */
  hiddenRows?: number[];
}

export function writeForm(ws: Worksheet, sheet: SheetSnapshot, opts: WriteFormOptions = {}): void {
  const top = sheet.originRow;
  const left = sheet.originCol;
  const width = Math.max(6, ...sheet.values.map((r) => r.length));
  for (let i = 0; i < width; i++) ws.getColumn(left + i + 1).width = WIDTHS[i] ?? 20;

  const merges = sheet.merges.map(parseRange);
  const mergeAt = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const titleRow = sheet.values.findIndex((row, i) => row.filter((v) => v !== null).length === 1 && merges.some((m) => m.top === top + i && m.right - m.left >= 4));
  const blank = (i: number) => (sheet.values[i] ?? []).every((v) => v === null) && !merges.some((m) => m.top <= top + i && m.bottom >= top + i && m.top !== m.bottom);

  sheet.values.forEach((row, i) => {
    const r = top + i;
    if (i === titleRow) {
      const cell = ws.getCell(r + 1, left + 1);
      cell.value = row.find((v) => v !== null) as string;
      cell.style = { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } };
      ws.getRow(r + 1).height = 30;
      return;
    }
    if (i < titleRow || blank(i)) return;
    let lines = 1;
    for (let j = 0; j < width; j++) {
      const c = left + j;
      const v = row[j] ?? null;
      const cell = ws.getCell(r + 1, c + 1);
      const text = opts.texts?.[i]?.[j]?.trim() ?? "";
      const numFmt = typeof v === "number" ? (/\./.test(text) || !Number.isInteger(v) ? "0.00" : "0") : undefined;
      const f = opts.formulas?.[`${columnName(c)}${r + 1}`];
      if (f) cell.value = { formula: f.formula, result: f.result as never };
      else if (v !== null) cell.value = v as never;
      cell.style = {
        font: { name: FONT, size: 11 },
        border: BORDER,
        alignment: { wrapText: true, vertical: "middle", horizontal: j === 0 || typeof v === "number" ? "center" : "left" },
        ...(numFmt ? { numFmt } : {}),
      };
      // Row height: the widest wrapped text of a cell that is not merged downwards.
      const m = mergeAt(r, c);
      if (v === null || (m && m.bottom > m.top)) continue;
      if (m && (m.top !== r || m.left !== c)) continue;
      let avail = 0;
      for (let k = m ? m.left : c; k <= (m ? m.right : c); k++) avail += WIDTHS[k - left] ?? 20;
      const w = display(v, numFmt)
        .split("\n")
        .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(4, avail - 2))), 0);
      lines = Math.max(lines, w);
    }
    ws.getRow(r + 1).height = Math.min(409, Math.max(20, lines * LINE_HEIGHT + 6));
  });

  for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const h of opts.hiddenRows ?? []) ws.getRow(h).hidden = true;
}
