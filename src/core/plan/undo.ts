/**
 * The inverse of executed steps, for a host that cannot throw its copy away (Excel: the user's open
 * workbook) when the applied plan fails its verification (issue #7). Computed from what the host
 * re-read after the steps and the snapshot the plan was compiled against, so it also repairs what a
 * step did wrongly, not only what it was meant to do: the inserted rows are deleted (the steps'
 * insertions, last first), then every merge and cell that differs from the pre-state is put back.
 */
import { RangePos, parseRange, rangeToA1 } from "../a1";
import { CellValue, SheetSnapshot, cellFormula, cellValue, sheetExtent } from "../snapshot";
import { Step } from "./steps";

export type UndoStep =
  | { op: "deleteRows"; sheet: string; at: number; count: number }
  | { op: "unmerge"; sheet: string; range: RangePos }
  | { op: "merge"; sheet: string; range: RangePos }
  /** `formula` when the cell held a formula before; otherwise its constant value. */
  | { op: "restore"; sheet: string; row: number; col: number; value: CellValue; formula?: string };

/** Rows removed from a snapshot the way Excel deletes rows: merges inside go, merges across shrink. */
export function deleteSnapshotRows(sheet: SheetSnapshot, at: number, count: number): SheetSnapshot {
  const i = at - sheet.originRow;
  const cut = <T>(rows: T[][]): T[][] => {
    if (i + count <= 0) return rows;
    const out = rows.slice();
    out.splice(Math.max(0, i), Math.min(count, count + Math.min(0, i)));
    return out;
  };
  const above = at + count <= sheet.originRow;
  const merges = sheet.merges.flatMap((m) => {
    const p = parseRange(m);
    const top = p.top < at ? p.top : p.top < at + count ? at : p.top - count;
    const bottom = p.bottom < at ? p.bottom : p.bottom < at + count ? at - 1 : p.bottom - count;
    return bottom < top ? [] : [rangeToA1({ ...p, top, bottom })];
  });
  return {
    ...sheet,
    originRow: above ? sheet.originRow - count : sheet.originRow,
    values: above ? sheet.values : cut(sheet.values),
    formulas: sheet.formulas && !above ? cut(sheet.formulas) : sheet.formulas,
    merges,
  };
}

const empty = (v: CellValue) => v === null || (typeof v === "string" && v === "");
const same = (a: CellValue, b: CellValue) => (empty(a) || empty(b) ? empty(a) && empty(b) : JSON.stringify(a) === JSON.stringify(b));

/** Whether the sheet holds exactly the pre-state's values, formulas and merges (after an undo). */
export function sameSheet(before: SheetSnapshot, now: SheetSnapshot): boolean {
  return undoSteps(before, now, []).length === 0;
}

/** The steps that bring `after` (the sheet re-read after `steps` ran) back to `before`. */
export function undoSteps(before: SheetSnapshot, after: SheetSnapshot, steps: Step[]): UndoStep[] {
  const sheet = before.name;
  const out: UndoStep[] = [];
  let now = after;
  for (const s of steps.filter((x) => x.sheet === sheet).reverse()) {
    if (s.op !== "insertRows") continue;
    out.push({ op: "deleteRows", sheet, at: s.at, count: s.count });
    now = deleteSnapshotRows(now, s.at, s.count);
  }
  const keyOf = (m: string) => rangeToA1(parseRange(m));
  const had = new Set(before.merges.map(keyOf));
  const has = new Set(now.merges.map(keyOf));
  for (const m of now.merges) if (!had.has(keyOf(m))) out.push({ op: "unmerge", sheet, range: parseRange(m) });
  for (const m of before.merges) if (!has.has(keyOf(m))) out.push({ op: "merge", sheet, range: parseRange(m) });
  const a = sheetExtent(before);
  const b = sheetExtent(now);
  const top = Math.min(before.originRow, now.originRow);
  const left = Math.min(before.originCol, now.originCol);
  for (let r = top; r <= Math.max(a.lastRow, b.lastRow); r++) {
    for (let c = left; c <= Math.max(a.lastCol, b.lastCol); c++) {
      const f = cellFormula(before, r, c);
      const v = cellValue(before, r, c);
      if (f ? f === cellFormula(now, r, c) : !cellFormula(now, r, c) && same(v, cellValue(now, r, c))) continue;
      out.push({ op: "restore", sheet, row: r, col: c, value: v, ...(f ? { formula: f } : {}) });
    }
  }
  return out;
}
