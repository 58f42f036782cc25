/**
 * Which cells get which colour, as few rectangles as possible: one conditional format then covers
 * many cells, and the user's rule list (Home → Conditional Formatting → Manage Rules) stays short.
 * Pure: no office-js here.
 */
import { CellPos, CellRef, parseRange, rangeToA1 } from "../../core/a1";
import { InsertRowsEdit } from "../../core/plan/editPlan";
import { marksByCell } from "../../core/marks";
import { Finding, Severity } from "../../core/rules/types";

/** Marker tag inside every rule formula; the rule's only memory, so clearing needs no saved state. */
export const MARK_TAG = "绩效表助手";

/** Always true, and unmistakably ours: `N("…")` of a text is 0. */
export function markerFormula(severity: Severity): string {
  return `=N("${MARK_TAG}:${severity}")=0`;
}

/** Excel may hand the formula back with or without "=", with spaces or another case for N. */
export function isMarkerFormula(formula: unknown): boolean {
  if (typeof formula !== "string") return false;
  const f = formula.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
  return f.startsWith(`N("${MARK_TAG}`);
}

/** The severity a marker formula carries (null: not ours, or not readable). */
export function markerSeverity(formula: unknown): Severity | null {
  if (!isMarkerFormula(formula)) return null;
  const m = /:(error|warning|info)"/i.exec(String(formula).replace(/\s+/g, ""));
  return m ? (m[1].toLowerCase() as Severity) : null;
}

/** Areas as comparable keys: "$D$8:$D$9" and "D8:D9" are the same rectangle. */
export function areaKeys(areas: string[]): string[] {
  return areas.map((a) => rangeToA1(parseRange(a.replace(/\$/g, "").toUpperCase()))).sort();
}

export interface SheetMarkPlan {
  sheet: string;
  bySeverity: Partial<Record<Severity, string[]>>;
  cells: number;
}

/** Rectangles (A1, for Excel's getRanges) covering exactly the given cells: vertical runs per column, then equal runs side by side joined. */
export function coalesce(cells: readonly CellPos[]): string[] {
  const byCol = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col) ?? new Set<number>();
    rows.add(row);
    byCol.set(col, rows);
  }
  // Runs keyed by "top-bottom": each holds the columns where that exact run occurs.
  const runs = new Map<string, number[]>();
  for (const [col, set] of byCol) {
    const rows = [...set].sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const key = `${start}-${rows[i - 1]}`;
      const cols = runs.get(key) ?? [];
      cols.push(col);
      runs.set(key, cols);
      start = rows[i];
    }
  }
  const rects: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const [key, cols] of runs) {
    const [top, bottom] = key.split("-").map(Number);
    cols.sort((a, b) => a - b);
    let left = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      rects.push({ top, bottom, left, right: cols[i - 1] });
      left = cols[i];
    }
  }
  rects.sort((a, b) => a.top - b.top || a.left - b.left);
  return rects.map(rangeToA1);
}

/**
 * Where the cells of earlier findings are after rows were inserted: references at or below an insertion
 * move down, a range spanning it grows (as Excel moves them). Used to keep marks on the cells they were
 * on, and off the new rows.
 */
export function shiftFindingCells(findings: Finding[], inserts: Pick<InsertRowsEdit, "sheet" | "row" | "count">[]): Finding[] {
  if (!inserts.length) return findings;
  const move = (c: CellRef): CellRef => {
    let row = c.row;
    for (const e of inserts) if (e.sheet === c.sheet && row >= e.row) row += e.count;
    return row === c.row ? c : { ...c, row };
  };
  return findings.map((f) => ({ ...f, cells: f.cells.map(move) }));
}

/** Per sheet and severity, the rectangles to colour; a cell gets the most serious colour only. */
export function planMarks(findings: Finding[]): SheetMarkPlan[] {
  const sheets = new Map<string, SheetMarkPlan & { refs: Partial<Record<Severity, CellPos[]>> }>();
  for (const m of marksByCell(findings)) {
    if (!m.sheet) continue;
    const p = sheets.get(m.sheet) ?? { sheet: m.sheet, bySeverity: {}, cells: 0, refs: {} };
    (p.refs[m.severity] ??= []).push(m);
    p.cells++;
    sheets.set(m.sheet, p);
  }
  return [...sheets.values()].map(({ refs, ...p }) => {
    const bySeverity: Partial<Record<Severity, string[]>> = {};
    for (const sev of Object.keys(refs) as Severity[]) bySeverity[sev] = coalesce(refs[sev] ?? []);
    return { ...p, bySeverity };
  });
}

/**
 * Groups areas into address lists short enough for one `getRanges` call. Excel documents no limit;
 * 250 characters stays under the 255 that Excel's own range-union strings allow.
 */
export function chunkAreas(areas: string[], maxLength = 250): string[][] {
  const chunks: string[][] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of areas) {
    if (cur.length && len + 1 + a.length > maxLength) {
      chunks.push(cur);
      cur = [];
      len = 0;
    }
    len += (cur.length ? 1 : 0) + a.length;
    cur.push(a);
  }
  if (cur.length) chunks.push(cur);
  return chunks;
}
