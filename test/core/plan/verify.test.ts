/**
 * verifyPlan: a correct application passes; each kind of damage the issue reported is caught and
 * named — a group label overwritten, a value lost under a merge grown over the new row, a new error.
 * The "after" workbooks are the reference application (applyToWorkbook) and copies of it damaged
 * exactly the way the old file host damaged real files.
 */
import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { setValue } from "../../../src/core/plan/editPlan";
import { verifyPlan } from "../../../src/core/plan/verify";
import { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { InsertionPlan, isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { layoutFromRows } from "../../../scripts/lib/tsvLayout";
import { CLASSIC_GROUPS, specRows } from "../../helpers/genForm";
import { cellAt } from "../../helpers/cells";

/** A form whose 产出 has 数量 and a two-row 质量 but no 时效, and the plan inserting a 时效 row. */
function setup() {
  const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({
    level1,
    level2,
    rows: level2 === "时效指标" ? 0 : level2 === "质量指标" ? 2 : 1,
  }));
  const wb: WorkbookSnapshot = { source: "t.xlsx", sheets: [layoutFromRows(specRows({ groups }))] };
  const check = checkWorkbook(wb);
  const form = check.recognitions[0].forms[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("timeliness.payment")!) as InsertionPlan;
  if (isInsertError(plan)) throw new Error(plan.error.zh);
  const applied = applyToWorkbook(wb, plan);
  if (!applied.ok) throw new Error(applied.reason.zh);
  return { before: { snapshot: wb, check }, plan, after: applied.value };
}

const withSheet = (wb: WorkbookSnapshot, f: (s: SheetSnapshot) => SheetSnapshot): WorkbookSnapshot => ({
  ...wb,
  sheets: [f(wb.sheets[0])],
});

test("the reference application passes, and returns the re-check", () => {
  const { before, plan, after } = setup();
  expect(plan.target.mode).toBe("new-group");
  const v = verifyPlan(before, after, plan);
  expect(v.ok).toBe(true);
  if (v.ok) expect(v.after.forms[0].model.indicators!.rows.find((r) => r.row === plan.target.row)?.level2).toBe("时效");
});

test("the new row swallowed into the 质量 label's merge, its label written over 质量指标: caught and named", () => {
  const { before, plan, after } = setup();
  const row = plan.target.row;
  const damaged = withSheet(after, (s) => {
    // What the old file host did: the C merge of 质量 grew over the new row, and the new 二级
    // label, written into that merge, landed on its top-left cell.
    const merges = s.merges.map((m) => {
      const r = parseRange(m);
      return r.left === 2 && r.right === 2 && r.bottom === row - 1 ? rangeToA1({ ...r, bottom: row }) : m;
    });
    const top = parseRange(merges.find((m) => parseRange(m).bottom === row && parseRange(m).left === 2)!).top;
    const values = s.values.map((l) => l.slice());
    values[top - s.originRow][2 - s.originCol] = "时效指标";
    values[row - s.originRow][2 - s.originCol] = null;
    return { ...s, merges, values };
  });
  const v = verifyPlan(before, damaged, plan);
  expect(v.ok).toBe(false);
  if (v.ok) return;
  expect(v.reason.zh).toMatch(
    /^“插入指标「资金支付及时率\(%\)」\(产出指标 \/ 时效指标\)”应用后核对未通过,已撤销,表格未被修改:申报表!C\d+ 原为「质量指标」,现为「时效指标」/,
  );
  expect(v.problems.map((p) => p.zh)).toContain("指标「科普活动参与群众受益率(%)」原在 产出指标 / 质量指标,现在 产出指标 / 时效指标");
});

test("a value merged over the new row: the old value is reported lost", () => {
  const { before, plan, after } = setup();
  const row = plan.target.row;
  const damaged = withSheet(after, (s) => {
    const values = s.values.map((l) => l.slice());
    values[row - 1 - s.originRow][4 - s.originCol] = values[row - s.originRow][4 - s.originCol];
    return { ...s, values };
  });
  const v = verifyPlan(before, damaged, plan);
  expect(v.ok).toBe(false);
  if (!v.ok) expect(v.problems[0].zh).toMatch(/^申报表!E\d+ 原为「≥95%」,现为「＝100%」$/);
});

test("a fix that would add an error is refused with that error", () => {
  const wb: WorkbookSnapshot = {
    source: "t.xlsx",
    sheets: [layoutFromRows(specRows({ groups: CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: 1 })) }))],
  };
  const check = checkWorkbook(wb);
  const plan = { title: { zh: "改金额", en: "change" }, edits: [setValue(cellAt("申报表", "D8"), 300, 326.6)] };
  const applied = applyToWorkbook(wb, plan);
  if (!applied.ok) throw new Error();
  const v = verifyPlan({ snapshot: wb, check }, applied.value, plan);
  expect(v.ok).toBe(false);
  if (!v.ok) expect(v.problems.map((p) => p.zh)).toEqual([expect.stringMatching(/^出现新的错误:支出合计 340\.64 万元/)]);
});

test("a formula whose result Excel recomputed passes; a formula replaced by a constant is caught", () => {
  const sheet: SheetSnapshot = {
    name: "申报表",
    originRow: 0,
    originCol: 0,
    values: [
      ["金额", 1],
      ["合计", 1],
    ],
    formulas: [
      [null, null],
      [null, "=B1"],
    ],
    merges: [],
    hiddenRows: [],
  };
  const wb: WorkbookSnapshot = { source: "t.xlsx", sheets: [sheet] };
  const plan = { title: { zh: "改金额", en: "change" }, edits: [setValue(cellAt("申报表", "B1"), 2, 1)] };
  const before = { snapshot: wb, check: checkWorkbook(wb) };
  // What Excel holds after the write: the SUM-like formula shows the new amount.
  const recomputed = {
    ...sheet,
    values: [
      ["金额", 2],
      ["合计", 2],
    ],
  };
  expect(verifyPlan(before, { ...wb, sheets: [recomputed] }, plan).ok).toBe(true);
  const flattened = {
    ...recomputed,
    formulas: [
      [null, null],
      [null, null],
    ],
  };
  const v = verifyPlan(before, { ...wb, sheets: [flattened] }, plan);
  expect(v.ok).toBe(false);
  if (!v.ok) expect(v.problems.map((p) => p.zh)).toEqual(["申报表!B2 的公式不见了"]);
});

test("an extra merge over empty cells, which hides nothing and moves no value, is still caught", () => {
  const { before, plan, after } = setup();
  const row = plan.target.row;
  // Two empty cells right of the form on the new row and the one below: no value is lost, no
  // merge overlaps, every old merge is kept — yet the sheet has a merge the plan never asked for.
  const extra = rangeToA1({ top: row, left: 7, bottom: row + 1, right: 8 });
  const damaged = withSheet(after, (s) => ({ ...s, merges: [...s.merges, extra] }));
  const v = verifyPlan(before, damaged, plan);
  expect(v.ok).toBe(false);
  if (!v.ok) expect(v.problems.map((p) => p.zh)).toEqual([`多出了合并区域 ${extra}`]);
});

test("a merge the plan makes (the format row's E:F merge repeated on the new row) is not called extra", () => {
  const { before, plan, after } = setup();
  const added = after.sheets[0].merges.filter((m) => !before.snapshot.sheets[0].merges.includes(m));
  // The reference application itself adds merges on the new row; each is expected.
  expect(added.length).toBeGreaterThan(0);
  expect(verifyPlan(before, after, plan).ok).toBe(true);
});
