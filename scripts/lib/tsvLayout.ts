/**
 * Lays a tab-separated export of the 申报表 (like the seed) back out as the official table: the
 * cells where the export put them, plus the merged areas the printed form has. Used by the example
 * and fixture builders and by tests that need a snapshot without going through a file.
 */
import { parseRange, rangeToA1, toA1 } from "../../src/core/a1";
import { CellValue, SheetSnapshot } from "../../src/core/snapshot";

export interface LayoutOptions {
  sheetName?: string;
  /** Shift everything down / right, to put the form at an offset (e.g. start at C4). */
  rowOffset?: number;
  colOffset?: number;
  /** Keep amounts as text instead of numbers (a common real-world flaw). */
  numbersAsText?: boolean;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const WIDTH = 6;

function isIndicatorHeader(row: string[]): boolean {
  return row.includes("一级指标") && row.includes("三级指标");
}

/** Merges of the official table, reasoned from which cells the export left empty. */
export function inferMerges(rows: string[][]): string[] {
  const merges: string[] = [];
  const tableStart = rows.findIndex(isIndicatorHeader);
  const blank = (r: number) => !rows[r] || rows[r].every((c) => c.trim() === "");
  // Horizontal: above the indicator table, a cell spans the empty cells to its right.
  rows.forEach((row, r) => {
    if (blank(r) || (tableStart >= 0 && r >= tableStart)) return;
    if (row.length === 1) {
      merges.push(rangeToA1({ top: r, left: 0, bottom: r, right: WIDTH - 1 })); // the title
      return;
    }
    for (let c = 1; c < WIDTH; c++) {
      const empty = (i: number) => (row[i] ?? "").trim() === "";
      // A label followed only by empty cells: those cells are its (empty) value area, e.g. 其他需完成的任务.
      if (empty(c) && !(c === 1 && row.slice(1).every((_, i) => empty(i + 1)))) continue;
      let end = c;
      while (end + 1 < WIDTH && empty(end + 1)) end++;
      if (end > c) merges.push(rangeToA1({ top: r, left: c, bottom: r, right: end }));
      c = end;
    }
  });
  // Vertical: a label in columns A–C spans the rows below it that leave that column empty.
  const lastContent = (from: number): number => {
    let r = from;
    while (r + 1 < rows.length && !blank(r + 1)) r++;
    return r;
  };
  for (let c = 0; c <= 2; c++) {
    rows.forEach((row, r) => {
      if ((row[c] ?? "").trim() === "") return;
      if (c > 0 && (tableStart < 0 || r <= tableStart)) return;
      const limit = lastContent(r);
      let end = r;
      while (end + 1 <= limit && (rows[end + 1][c] ?? "").trim() === "" && (c === 0 || leftEmpty(rows[end + 1], c))) end++;
      if (end > r) merges.push(rangeToA1({ top: r, left: c, bottom: end, right: c }));
    });
  }
  return dedupe(merges);
}

/** A 二级 group continues only while the columns to its left stay empty (no new 一级). */
function leftEmpty(row: string[], c: number): boolean {
  for (let i = 0; i < c; i++) if ((row[i] ?? "").trim() !== "") return false;
  return true;
}

function dedupe(merges: string[]): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m);
    let clash = false;
    for (let i = r.top; i <= r.bottom && !clash; i++) for (let j = r.left; j <= r.right; j++) if (taken.has(`${i},${j}`)) clash = true;
    if (clash) continue;
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) taken.add(`${i},${j}`);
    out.push(m);
  }
  return out;
}

export function parseTsv(text: string): string[][] {
  return text.replace(/\r/g, "").replace(/\n+$/, "").split("\n").map((l) => (l === "" ? [] : l.split("\t")));
}

export function layoutFromRows(rows: string[][], opts: LayoutOptions = {}): SheetSnapshot {
  const ro = opts.rowOffset ?? 0;
  const co = opts.colOffset ?? 0;
  const shiftRange = (m: string) => {
    const r = parseRange(m);
    return rangeToA1({ top: r.top + ro, left: r.left + co, bottom: r.bottom + ro, right: r.right + co });
  };
  const values: CellValue[][] = rows.map((row) =>
    row.map((s) => (s.trim() === "" ? null : !opts.numbersAsText && NUMERIC.test(s.trim()) ? Number(s.trim()) : s)),
  );
  return {
    name: opts.sheetName ?? "申报表",
    originRow: ro,
    originCol: co,
    values,
    merges: inferMerges(rows).map(shiftRange),
    hiddenRows: [],
  };
}

export function layoutFromTsv(text: string, opts: LayoutOptions = {}): SheetSnapshot {
  return layoutFromRows(parseTsv(text), opts);
}

/** "D5" of the layout's own coordinates, moved by the offsets. */
export function at(a1: string, opts: LayoutOptions = {}): string {
  const r = parseRange(a1);
  return toA1(r.top + (opts.rowOffset ?? 0), r.left + (opts.colOffset ?? 0));
}
