/**
 * Which cells get which colour, as few rectangles as possible: one conditional format then covers
 * many cells, and the user's rule list (Home → Conditional Formatting → Manage Rules) stays short.
 * Pure: no office-js here.
 */
import { parseRange, qualify, rangeToA1, splitQualified } from "../../core/a1";
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

/** A finding pointing at a huge range should not make us enumerate a million cells. */
const MAX_CELLS_PER_REF = 10_000;

/** Rectangles covering exactly the given cells: vertical runs per column, then equal runs side by side joined. */
export function coalesce(refs: string[]): string[] {
  const cells = new Set<string>();
  for (const ref of refs) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    if ((r.bottom - r.top + 1) * (r.right - r.left + 1) > MAX_CELLS_PER_REF) continue;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.add(`${row},${col}`);
  }
  const byCol = new Map<number, number[]>();
  for (const k of cells) {
    const [row, col] = k.split(",").map(Number);
    const list = byCol.get(col) ?? [];
    list.push(row);
    byCol.set(col, list);
  }
  // Runs keyed by "top-bottom": each holds the columns where that exact run occurs.
  const runs = new Map<string, number[]>();
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
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
export function shiftFindingCells(findings: Finding[], inserts: { sheet: string; row: number; count: number }[]): Finding[] {
  if (!inserts.length) return findings;
  const move = (ref: string): string => {
    const { sheet, address } = splitQualified(ref);
    let r;
    try {
      r = parseRange(address);
    } catch {
      return ref;
    }
    const before = r;
    for (const e of inserts) {
      if (e.sheet !== sheet) continue;
      const at = e.row - 1;
      if (r.top >= at) r = { ...r, top: r.top + e.count, bottom: r.bottom + e.count };
      else if (r.bottom >= at) r = { ...r, bottom: r.bottom + e.count };
    }
    return r === before ? ref : qualify(sheet, rangeToA1(r));
  };
  return findings.map((f) => ({ ...f, cells: f.cells.map(move) }));
}

/** Per sheet and severity, the rectangles to colour; a cell gets the most serious colour only. */
export function planMarks(findings: Finding[]): SheetMarkPlan[] {
  const sheets = new Map<string, SheetMarkPlan & { refs: Partial<Record<Severity, string[]>> }>();
  for (const m of marksByCell(findings)) {
    if (!m.sheet) continue;
    const p = sheets.get(m.sheet) ?? { sheet: m.sheet, bySeverity: {}, cells: 0, refs: {} };
    (p.refs[m.severity] ??= []).push(m.address);
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
