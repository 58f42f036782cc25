/**
 * undoSteps: from the sheet as re-read after steps ran back to the sheet the plan was compiled
 * against. Checked by replaying the undo on the snapshot: the result must equal the pre-state, also
 * when a step did something it was not asked to.
 */
import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { compilePlan, runStep } from "../../../src/core/plan/steps";
import { UndoStep, deleteSnapshotRows, sameSheet, undoSteps } from "../../../src/core/plan/undo";
import { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { setValue } from "../../../src/core/plan/editPlan";
import { cellAt } from "../../helpers/cells";

const sheet = (): SheetSnapshot => ({
  name: "S",
  originRow: 0,
  originCol: 0,
  values: [
    ["一级", "二级", "名称"],
    [null, null, "甲"],
    [null, null, "乙"],
    ["下一组", null, "丙"],
  ],
  formulas: [
    [null, null, null],
    [null, null, null],
    [null, null, null],
    [null, null, "=1+1"],
  ],
  merges: ["A1:A3", "B1:B2"],
  hiddenRows: [],
});

/** What executing the undo does to a snapshot (the reference semantics of each undo step). */
function replay(s: SheetSnapshot, undo: UndoStep[]): SheetSnapshot {
  let out = s;
  for (const u of undo) {
    if (u.op === "deleteRows") out = deleteSnapshotRows(out, u.at, u.count);
    else if (u.op === "unmerge") out = runStep(out, { op: "unmerge", sheet: "S", range: u.range });
    else if (u.op === "merge") out = runStep(out, { op: "merge", sheet: "S", range: u.range });
    else {
      out = runStep(out, { op: "write", sheet: "S", row: u.row, col: u.col, value: u.value as string | number | null });
      if (u.formula) {
        const f = (out.formulas ?? out.values.map((r) => r.map(() => null))).map((r) => r.slice());
        while (f.length <= u.row) f.push([]);
        f[u.row][u.col] = u.formula;
        out = { ...out, formulas: f };
      }
    }
  }
  return out;
}

test("deleting rows shrinks a merge across them, drops one inside, moves the ones below", () => {
  const s: SheetSnapshot = { ...sheet(), merges: ["A1:A4", "B2:B3", "C4:C5"] };
  const d = deleteSnapshotRows(s, 1, 2);
  expect(d.merges.map((m) => rangeToA1(parseRange(m)))).toEqual(["A1:A2", "C2:C3"]);
  expect(d.values.map((r) => r[2] as CellValue)).toEqual(["名称", "丙"]);
});

test("an insertion, merges and writes, undone, give the pre-state back", () => {
  const before = sheet();
  const plan = {
    title: { zh: "插入", en: "Insert" },
    edits: [
      { op: "insertRows" as const, sheet: "S", row: 2, count: 1, formatFrom: 1 },
      setValue(cellAt("S", "C3"), "新"),
      setValue(cellAt("S", "C4"), "改"),
    ],
  };
  const c = compilePlan({ source: "", sheets: [before] }, plan);
  if (!c.ok) throw new Error(c.reason.en);
  const after = c.result.sheets[0];
  expect(sameSheet(before, after)).toBe(false);
  const undo = undoSteps(before, after, c.steps);
  expect(undo[0]).toEqual({ op: "deleteRows", sheet: "S", at: 2, count: 1 });
  expect(sameSheet(before, replay(after, undo))).toBe(true);
});

test("what a step did wrongly is repaired too: a merge too large that swallowed a value and a formula", () => {
  const before = sheet();
  // A host merged A1:C4 instead of nothing: everything but A1 is gone, the old merges replaced.
  const damaged: SheetSnapshot = { ...before, values: [["一级"]], formulas: [[null]], merges: ["A1:C4"] };
  const undo = undoSteps(before, damaged, []);
  expect(undo).toContainEqual({ op: "restore", sheet: "S", row: 3, col: 2, value: "丙", formula: "=1+1" });
  expect(sameSheet(before, replay(damaged, undo))).toBe(true);
});
