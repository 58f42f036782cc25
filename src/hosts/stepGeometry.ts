/**
 * Geometry of compiled steps that every host runtime needs when it executes them (Excel, WPS): which
 * columns a format copy may take, and where a row of the sheet as it is mid-plan came from.
 */
import { RangePos, parseRange } from "../core/a1";
import { Step } from "../core/plan/steps";
import { SheetSnapshot, sheetExtent } from "../core/snapshot";

/**
 * Column spans of a copyFormat step that Range.copyFrom(…, "Formats") may copy. Excel refuses a source
 * that cuts through a merged area, and a format paste also pastes the source's merged areas over
 * whatever is merged at the destination; so columns of a vertical merge crossing the source row, and
 * of a merge already on the new rows (one grown by the insertion), are left out, with every
 * single-row merge of the source that touches them. What is left copies exactly the source-row merges
 * the compiler repeats as merge steps. 0-based, on the sheet as it is when the step runs.
 */
export function copySpans(sheet: SheetSnapshot, from: number, to: number, count: number): [number, number][] {
  const last = Math.max(sheetExtent(sheet).lastCol, 0);
  const merges = sheet.merges.map(parseRange);
  const blocked = new Set<number>();
  const block = (p: RangePos) => {
    for (let c = p.left; c <= p.right; c++) blocked.add(c);
  };
  for (const m of merges) {
    const crossesSource = m.top <= from && from <= m.bottom && m.bottom > m.top;
    const onNewRows = m.top <= to + count - 1 && to <= m.bottom;
    if (crossesSource || onNewRows) block(m);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const m of merges) {
      if (m.top !== from || m.bottom !== from) continue;
      const cols = Array.from({ length: m.right - m.left + 1 }, (_, i) => m.left + i);
      if (cols.some((c) => blocked.has(c)) && !cols.every((c) => blocked.has(c))) {
        block(m);
        changed = true;
      }
    }
  }
  const spans: [number, number][] = [];
  let start: number | null = null;
  for (let c = 0; c <= last; c++) {
    if (blocked.has(c)) {
      if (start !== null) spans.push([start, c - 1]);
      start = null;
    } else if (start === null) start = c;
  }
  if (start !== null) spans.push([start, last]);
  return spans;
}

/**
 * Where a row of the sheet as it is before step `i` was in the sheet the plan was compiled against
 * (0-based), following a new row to the row its formats were copied from; null for a new row that
 * took no formats.
 */
export function sourceRow(steps: Step[], i: number, sheet: string, row: number, followFormats = true): number | null {
  let r = row;
  for (let j = i - 1; j >= 0; j--) {
    const s = steps[j];
    if (s.sheet !== sheet) continue;
    if (followFormats && s.op === "copyFormat" && r >= s.to && r < s.to + s.count) return sourceRow(steps, j, sheet, s.from);
    if (s.op !== "insertRows") continue;
    if (r >= s.at + s.count) r -= s.count;
    else if (r >= s.at) return null;
  }
  return r;
}
