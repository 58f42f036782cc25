/** Builds the core's WorkbookSnapshot from an exceljs workbook. */
import type { Workbook, Worksheet } from "exceljs";
import { rangeToA1 } from "../../core/a1";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { readCell } from "./cellValue";
import { mergeRanges } from "./merges";
import { isStateSheet } from "./state";

export function snapshotWorksheet(ws: Worksheet): SheetSnapshot {
  const cells: { r: number; c: number; v: CellValue; f: string | null; s: string | null }[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity,
    left = Infinity,
    bottom = -1;
  let anyFormula = false;
  let anyShown = false;
  // Rows without values are skipped (includeEmpty would create every missing row object).
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1); // exceljs counts from 1
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { value, formula, shown } = readCell(cell);
      if (value === null && formula === null) return;
      const r = rowNumber - 1,
        c = colNumber - 1;
      cells.push({ r, c, v: value, f: formula, s: shown ?? null });
      if (formula) anyFormula = true;
      if (shown != null) anyShown = true;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
    });
  });
  const merges = mergeRanges(ws).map(rangeToA1);
  if (cells.length === 0) return { name: ws.name, originRow: 0, originCol: 0, values: [], merges, hiddenRows };

  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => []);
  const formulas: (string | null)[][] | undefined = anyFormula ? Array.from({ length: bottom - top + 1 }, () => []) : undefined;
  // What the user sees, where a number format makes it differ from the value (the core quotes it).
  const texts: (string | null)[][] | undefined = anyShown ? Array.from({ length: bottom - top + 1 }, () => []) : undefined;
  for (const { r, c, v, f, s } of cells) {
    const row = values[r - top];
    const i = c - left;
    while (row.length < i) row.push(null);
    row[i] = v;
    if (formulas) {
      const fr = formulas[r - top];
      while (fr.length < i) fr.push(null);
      fr[i] = f;
    }
    if (texts && s !== null) {
      const tr = texts[r - top];
      while (tr.length < i) tr.push(null);
      tr[i] = s;
    }
  }
  return {
    name: ws.name,
    originRow: top,
    originCol: left,
    values,
    ...(formulas ? { formulas } : {}),
    ...(texts ? { texts } : {}),
    merges,
    hiddenRows,
  };
}

export function snapshotWorkbook(wb: Workbook, source: string): WorkbookSnapshot {
  return { source, sheets: wb.worksheets.filter((ws) => !isStateSheet(ws)).map(snapshotWorksheet) };
}
