/**
 * The fix for a slid indicator row: its cells moved back by the columns they slid, with the merges
 * that lie inside the rows being moved. Rows tied to each other by a merge (the seed's A49:A50) move
 * together, so no merge is split. Where the move would overwrite content, leave the table, or cut
 * through a merge reaching rows that stay put, there is no fix: the user moves the cells by hand.
 */
import { RangePos } from "../a1";
import { Grid } from "../form/grid";
import { IndicatorTable } from "../form/model";
import { CellValue } from "../snapshot";
import { Edit, EditPlan, setValue } from "../plan/editPlan";

const empty = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/** The table's column span: the form's left edge up to its last named column. */
function span(t: IndicatorTable, left: number): { left: number; right: number } {
  const c = t.columns;
  const right = Math.max(c.level3, c.period ?? 0, c.annual, c.operator ?? 0, c.unit ?? 0, ...(c.extra ?? []));
  return { left: Math.min(left, c.label ?? left, c.level1), right };
}

/**
 * Moves the rows of `rows` (sheet rows, all slid by the same `shift`) `-shift` columns, each cell
 * between the table's edges. Null when the move is not safe to do mechanically.
 */
export function moveRowsPlan(
  grid: Grid,
  sheet: string,
  t: IndicatorTable,
  formLeft: number,
  start: number,
  title: EditPlan["title"],
): EditPlan | null {
  const first = t.rows.find((r) => r.row === start);
  if (!first) return null;
  const shift = first.shift;
  const slid = new Set(t.rows.filter((r) => r.shift === shift).map((r) => r.row));
  const { left, right } = span(t, formLeft);
  // Grow the block over merges that tie rows together; give up when one reaches a row not slid alike.
  const rows = new Set([start]);
  const inner = new Map<string, RangePos>();
  let outer: RangePos[] = [];
  for (let grew = true; grew;) {
    grew = false;
    outer = [];
    for (const r of rows) {
      for (let c = left; c <= right; c++) {
        const m = grid.merge(r, c);
        if (!m || m.top === m.bottom) {
          if (m) inner.set(`${m.top},${m.left}`, m);
          continue;
        }
        let all = true;
        for (let k = m.top; k <= m.bottom; k++) if (!slid.has(k)) all = false;
        if (!all) {
          outer.push(m);
          continue;
        }
        inner.set(`${m.top},${m.left}`, m);
        for (let k = m.top; k <= m.bottom; k++)
          if (!rows.has(k)) {
            rows.add(k);
            grew = true;
          }
      }
    }
  }
  const fixed = (r: number, c: number) => outer.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  // Each cell goes where the recognizer read it as belonging: a category label to its level's
  // column, the name to 三级, values to theirs. A slide is rarely uniform: the seed's 满意度 label
  // slid two columns, its name and values one.
  const moves = new Map<string, { row: number; from: number; to: number }>();
  const cols = t.columns;
  for (const ir of t.rows) {
    if (!rows.has(ir.row)) continue;
    const want: [typeof ir.name | null, number | null][] = [
      [ir.level1Cell, cols.level1],
      [ir.level2Cell, cols.level2],
      [ir.name, cols.level3],
      [ir.period, cols.period],
      [ir.annual, cols.annual],
    ];
    for (const [cell, to] of want) {
      if (!cell || to === null || cell.row !== ir.row || empty(cell.value)) continue;
      moves.set(`${cell.row},${cell.col}`, { row: cell.row, from: cell.col, to });
    }
  }
  // A cell to move that lies under a merge reaching rows that stay put cannot move alone.
  for (const mv of moves.values()) if (mv.to !== mv.from && fixed(mv.row, mv.from)) return null;
  const edits: Edit[] = [];
  const writes: Edit[] = [];
  for (const m of inner.values()) {
    const mv = moves.get(`${m.top},${m.left}`);
    if (!mv || mv.to === mv.from) continue;
    const moved = { ...m, left: mv.to, right: m.right + mv.to - mv.from };
    if (moved.left < left || moved.right > right) return null;
    for (let r = moved.top; r <= moved.bottom; r++) for (let c = moved.left; c <= moved.right; c++) if (fixed(r, c)) return null;
    edits.push({ op: "unmerge", sheet, range: m });
    writes.push({ op: "merge", sheet, range: moved });
  }
  const sorted = [...rows].sort((a, b) => a - b);
  for (const r of sorted) {
    const next = new Map<number, string | number>();
    // A row slid right may stick out of the table by its shift: those cells are read too.
    const from = Math.max(0, left - Math.abs(shift));
    const to = right + Math.abs(shift);
    for (let c = from; c <= to; c++) {
      if (fixed(r, c)) continue;
      const v = grid.raw(r, c);
      if (empty(v)) continue;
      const mv = moves.get(`${r},${c}`);
      // Content the recognizer did not place (a note typed beside the row): not ours to move.
      if (!mv) {
        if (next.has(c)) return null;
        next.set(c, v as string | number);
        continue;
      }
      // A boolean or an error value cannot be written back as it was: left to the user.
      if (typeof v !== "string" && typeof v !== "number") return null;
      if (mv.to < left || mv.to > right || fixed(r, mv.to) || next.has(mv.to)) return null;
      next.set(mv.to, v);
    }
    for (let c = from; c <= to; c++) {
      if (fixed(r, c)) continue;
      const was = grid.raw(r, c);
      const now = next.get(c) ?? null;
      if (empty(was) && now === null) continue;
      if (was !== now) edits.push(setValue({ sheet, row: r, col: c }, now, was));
    }
  }
  const plan = { title, edits: [...edits, ...writes] };
  return plan.edits.some((e) => e.op === "setValue") ? plan : null;
}
