/**
 * The post-conditions of a template insertion, proved on the written file through the independent
 * reader (genForm.independentRead): nothing the user wrote is lost or moved out of its group, merges
 * stay consistent, hidden rows stay hidden, the new row sits in its group with its own cells (and is
 * shown), and re-checking finds no new error.
 * Returns the broken conditions as sentences, so a failing property prints what went wrong.
 */
import { RangePos } from "../../src/core/a1";
import { Seen } from "./genForm";

export interface Inserted {
  /** 0-based row of the new (or filled) row in the written file. */
  row: number;
  mode: "fill" | "append" | "new-group" | "new-level1";
  level1: string;
  level2: string;
  name: string;
  values: string[];
}

interface Table {
  header: number;
  l1: number;
  l2: number;
  l3: number;
  valueCols: number[];
  /** Indicator rows: name → [row, 一级, 二级]. */
  rows: Map<string, { row: number; l1: string; l2: string }>;
}

/** The indicator table as a reader sees it: labels inherited down merges and blank cells. */
export function tableOf(seen: Seen): Table | null {
  let header = -1;
  let l3 = -1;
  for (const [key, v] of seen.stored) {
    if (v !== "三级指标") continue;
    const [r, c] = key.split(",").map(Number);
    if (header < 0 || r < header) [header, l3] = [r, c];
  }
  if (header < 0) return null;
  const l1 = l3 - 2;
  const l2 = l3 - 1;
  const valueCols = seen.value(header, l3 + 2) === "年度指标值" ? [l3 + 1, l3 + 2] : [l3 + 1];
  const rows = new Map<string, { row: number; l1: string; l2: string }>();
  let a = "";
  let b = "";
  for (let r = header + 1; r < seen.rowCount; r++) {
    if (seen.value(r, l3) === "三级指标") continue;
    const x = seen.value(r, l1);
    const y = seen.value(r, l2);
    if (x !== null && String(x) !== a) {
      a = String(x);
      b = "";
    }
    if (y !== null) b = String(y);
    const name = seen.value(r, l3);
    if (name !== null) rows.set(String(name), { row: r, l1: a, l2: b });
  }
  return { header, l1, l2, l3, valueCols, rows };
}

const key = (m: RangePos) => `${m.top},${m.left},${m.bottom},${m.right}`;
const inside = (a: RangePos, b: RangePos) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

export function brokenConditions(before: Seen, after: Seen, ins: Inserted): string[] {
  const broken: string[] = [];
  const shifted = ins.mode !== "fill";
  const map = (r: number) => (shifted && r >= ins.row ? r + 1 : r);

  // 1. Every cell the user wrote shows the same value at its (moved) place.
  for (const [k, v] of before.stored) {
    const [r, c] = k.split(",").map(Number);
    const now = after.value(map(r), c);
    if (now !== v && JSON.stringify(now) !== JSON.stringify(v))
      broken.push(`cell r${r + 1}c${c + 1} «${String(v)}» now reads «${String(now)}»`);
  }
  // 2. Every indicator keeps its 一级 / 二级.
  const t0 = tableOf(before);
  const t1 = tableOf(after);
  if (!t0 || !t1) return [...broken, "indicator table not found"];
  for (const [name, was] of t0.rows) {
    const is = t1.rows.get(name);
    if (!is) broken.push(`indicator «${name}» is gone`);
    else if (is.l1 !== was.l1 || is.l2 !== was.l2) broken.push(`indicator «${name}» moved from ${was.l1}/${was.l2} to ${is.l1}/${is.l2}`);
  }
  // 3. Merges: none overlap; every old merge is still there (moved, possibly one row taller).
  const ms = after.merges;
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const [a, b] = [ms[i], ms[j]];
      if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right)
        broken.push(`merges ${key(a)} and ${key(b)} overlap`);
    }
  const afterKeys = new Set(ms.map(key));
  for (const m of before.merges) {
    const moved = { ...m, top: map(m.top), bottom: map(m.bottom) };
    if (afterKeys.has(key(moved))) continue;
    const grown = ms.find((n) => inside(moved, n) && n.left === m.left && n.right === m.right && n.bottom - n.top === m.bottom - m.top + 1);
    // The lead case: the 一级 label's merge re-made from the new row above it.
    if (!grown) broken.push(`merge ${key(m)} lost`);
    else if (!(grown.top <= ins.row && ins.row <= grown.bottom)) broken.push(`merge ${key(m)} grew away from the new row`);
  }
  // 4. Rows the user hid stay hidden (moved); the new row is shown.
  const hiddenNow = new Set(after.hiddenRows);
  for (const r of before.hiddenRows) if (!hiddenNow.has(map(r))) broken.push(`hidden row ${r + 1} is shown (now row ${map(r) + 1})`);
  for (const r of after.hiddenRows)
    if (!before.hiddenRows.some((b) => map(b) === r)) broken.push(`row ${r + 1} is hidden${r === ins.row ? " — the new row" : ""}`);
  // 5. The new row is in its group, with its own name and value cells holding what was inserted.
  const got = t1.rows.get(ins.name);
  if (!got) broken.push(`inserted «${ins.name}» not found`);
  else {
    if (got.row !== ins.row) broken.push(`inserted «${ins.name}» on row ${got.row + 1}, expected ${ins.row + 1}`);
    if (got.l1 !== ins.level1 || got.l2 !== ins.level2)
      broken.push(`inserted «${ins.name}» under ${got.l1}/${got.l2}, expected ${ins.level1}/${ins.level2}`);
  }
  for (const [i, col] of [t1.l3, ...t1.valueCols].entries()) {
    const m = ms.find((x) => ins.row >= x.top && ins.row <= x.bottom && col >= x.left && col <= x.right);
    if (m && m.top !== m.bottom) broken.push(`new row's cell c${col + 1} is inside the merge ${key(m)}`);
    const want = i === 0 ? ins.name : ins.values[i - 1];
    if (after.value(ins.row, col) !== want)
      broken.push(`new row's cell c${col + 1} reads «${String(after.value(ins.row, col))}», expected «${want}»`);
  }
  return broken;
}
