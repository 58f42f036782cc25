import { rangeToA1, toA1 } from "../../../src/core/a1";
import { applyToSnapshot } from "../../../src/core/plan/applyToSnapshot";
import { level2Label } from "../../../src/core/form/labels";
import { CATALOGUE, findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { IndicatorTemplate } from "../../../src/core/templates/types";
import { cleanSheet, seedSheet, setCells } from "../../helpers/forms";
import { cellAt } from "../../helpers/cells";
import {
  changedCells,
  cost101Rows,
  insert,
  recognise,
  sheetFrom,
  shiftedMerges,
  singleValueRows,
  sortedMerges,
  withoutGroup,
  written,
} from "./support";

const T = (id: string): IndicatorTemplate => {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

/**
 * The merges after inserting one row at `row` (0-based): every old one shifted or grown as Excel
 * would (`shiftedMerges`), the ones that ended just above the new row and belong to its group grown
 * over it (`grown`, named as before), plus merges made from single label cells (`created`).
 */
function expectMerges(before: string[], after: string[], row: number, grown: string[], created: string[] = []) {
  const base = shiftedMerges({ ...cleanSheet(), merges: before }, row);
  const want = base.map((m) => {
    if (!grown.includes(m)) return m;
    const [a, b] = m.split(":");
    return `${a}:${b.replace(/\d+$/, (n) => String(Number(n) + 1))}`;
  });
  for (const g of grown) expect(before).toContain(g);
  expect(after).toEqual([...want, ...created].sort());
}

/** The group a 二级 label heads in the corrected form, for removing it. */
const GROUP_LABEL: Record<string, string> = {
  数量: "数量指标",
  质量: "质量指标",
  时效: "时效指标",
  成本: "成本指标",
  社会效益: "社会效益指标",
  可持续影响: "可持续影响指标",
  服务对象满意度: "服务对象满意度指标",
};

describe("every template lands in its group with no finding of its own", () => {
  const clean = cleanSheet();
  const cleanModel = recognise(clean).model;
  const names = new Set(cleanModel.indicators!.rows.map((r) => r.name.text.replace(/\([^()]*\)/g, "")));

  test.each(CATALOGUE.map((t) => [t.id, t] as const))("%s into the corrected form", (_id, t) => {
    const { model, grid } = recognise(clean);
    const plan = planInsertion(model, grid, t);
    if (isInsertError(plan)) {
      // Only a row the form already has may be refused, and the message says where it is.
      expect(names.has(t.name.replace(/\([^()]*\)/g, ""))).toBe(true);
      expect(plan.error.zh).toMatch(/已在第 \d+ 行/);
      return;
    }
    const x = insert(clean, t);
    expect(x.fresh).toEqual([]);
    expect({ level1: x.row.level1, level2: x.row.level2 }).toEqual(t.placement);
    // A ceiling in 万元 comes from the form's 项目支出 (40.64), not the template's placeholder.
    const value = t.capByProjectAmount ? `≤${model.amounts.project!.amount.value!.toFixed(2)}万元` : null;
    expect([x.row.name.value, x.row.period?.value, x.row.annual.value]).toEqual([t.name, value ?? t.period, value ?? t.annual]);
    expect(x.row.shift).toBe(0);
    expect(changedCells(x, written(x.plan))).toEqual([]);
  });

  test.each(CATALOGUE.map((t) => [t.id, t] as const))("%s into the corrected form without its group", (_id, t) => {
    const label = GROUP_LABEL[t.placement.level2];
    const sheet = label ? sheetFrom(withoutGroup(label)) : clean;
    const before = recognise(sheet).model.indicators!;
    expect(before.rows.some((r) => r.level2 === t.placement.level2)).toBe(false);
    const x = insert(sheet, t, { allowDuplicate: true });
    expect(x.fresh).toEqual([]);
    expect({ level1: x.row.level1, level2: x.row.level2 }).toEqual(t.placement);
    expect(x.row.name.value).toBe(t.name);
    expect(x.plan.target.mode).not.toBe("append");
    expect(x.plan.target.mode).not.toBe("fill");
    // The new group's label is written; nothing else but the new row changes (a moved 一级 label aside).
    expect(written(x.plan)).toContain(`C${x.plan.target.row + 1}`);
    const moved = x.plan.edits
      .filter((e) => e.op === "setValue" && e.value === null)
      .map((e) => (e.op === "setValue" ? toA1(e.row, e.col) : ""));
    expect(changedCells(x, [...written(x.plan), ...moved])).toEqual([]);
  });

  test.each(CATALOGUE.filter((t) => t.placement.level2 === "成本").map((t) => [t.id, t] as const))(
    "%s into the 101-style layout (成本 as 一级)",
    (_id, t) => {
      const x = insert(sheetFrom(cost101Rows()), t);
      expect(x.fresh).toEqual([]);
      expect({ level1: x.row.level1, level2: x.row.level2 }).toEqual(t.placement101);
    },
  );
});

describe("insertion at every position of the corrected form", () => {
  const clean = cleanSheet();

  test("first group (数量): after its last row, 一级/二级/label merges grown", () => {
    const x = insert(clean, T("quantity.training-sessions"));
    expect(x.plan.target).toMatchObject({ row: 27, mode: "append" });
    expect(x.plan.edits.find((e) => e.op === "insertRows")).toEqual({
      op: "insertRows",
      sheet: "申报表",
      row: 27,
      count: 1,
      formatFrom: 26,
    });
    expectMerges(clean.merges, sortedMerges(x.after), 27, ["C21:C27"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A39", "B21:B34", "C21:C28", "C29:C31"]));
    expect(changedCells(x, ["D28", "E28", "F28"])).toEqual([]);
    expect(x.after.values[27].slice(3)).toEqual(["举办培训班次(次)", "≥2次", "≥2次"]);
  });

  test("middle group (时效)", () => {
    const x = insert(clean, T("timeliness.project-on-schedule"));
    expect(x.plan.target).toMatchObject({ row: 32, mode: "append" });
    expectMerges(clean.merges, sortedMerges(x.after), 32, ["C31:C32"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A39", "B21:B34", "C31:C33", "C35:C36"]));
    expect(changedCells(x, ["D33", "E33", "F33"])).toEqual([]);
  });

  test("last group (满意度): the table grows at its end", () => {
    const x = insert(clean, T("satisfaction.service-recipients"));
    expect(x.plan.target).toMatchObject({ row: 38, mode: "append" });
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A39", "B37:B39", "C37:C39"]));
    expectMerges(clean.merges, sortedMerges(x.after), 38, ["A20:A38", "B37:B38", "C37:C38"]);
    const last = recognise(x.after).model.indicators!;
    expect(last.lastRow).toBe(38);
  });

  test("a group of one row (成本) gets its 二级 cell merged over the new row", () => {
    const x = insert(clean, T("cost.three-public-change"));
    expect(x.plan.target).toMatchObject({ row: 33, mode: "append" });
    expect(x.plan.edits.filter((e) => e.op === "merge").map((e) => (e.op === "merge" ? rangeToA1(e.range) : ""))).toEqual([
      "A20:A39",
      "B21:B34",
      "C33:C34",
    ]);
    expectMerges(clean.merges, sortedMerges(x.after), 33, ["B21:B33"], ["C33:C34"]);
  });

  test("edits: unmerge before the insertion, merge after, values last", () => {
    const x = insert(clean, T("timeliness.project-on-schedule"));
    const ops = x.plan.edits.map((e) => e.op);
    expect(ops).toEqual(["unmerge", "unmerge", "unmerge", "insertRows", "merge", "merge", "merge", "setValue", "setValue", "setValue"]);
    for (const e of x.plan.edits) if (e.op === "setValue") expect(e.expected).toBeNull();
  });

  test("a missing group (时效) is added after 质量 with its 二级 label", () => {
    const sheet = sheetFrom(withoutGroup("时效指标"));
    const x = insert(sheet, T("timeliness.payment"));
    expect(x.plan.target).toMatchObject({ row: 30, mode: "new-group" });
    expect(x.after.values[30].slice(1)).toEqual([null, "时效指标", "资金支付及时率(%)", "＝100%", "＝100%"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A37", "B21:B32", "C28:C30"]));
    expect(x.fresh).toEqual([]);
  });

  test("a missing first group (经济效益) goes above 社会效益 and takes the 一级 label over", () => {
    const x = insert(clean, T("benefit.economic.income-increase"));
    expect(x.plan.target).toMatchObject({ row: 33, mode: "new-group" });
    expect(x.after.values[33].slice(1)).toEqual(["效益指标", "经济效益指标", "带动受益群众增收(万元)", "≥10万元", "≥10万元"]);
    expect(x.after.values[34].slice(1, 3)).toEqual([null, "社会效益指标"]);
    const lead = sortedMerges(x.after);
    expect(lead).toContain("B34:B37");
    expect(lead).not.toContain("B35:B37");
    expectMerges(clean.merges, lead.map((m) => (m === "B34:B37" ? "B35:B37" : m)).sort(), 33, []);
    const rows = recognise(x.after).model.indicators!.rows;
    expect(rows.filter((r) => r.level1 === "效益").map((r) => r.level2)).toEqual(["经济效益", "社会效益", "社会效益", "可持续影响"]);
    expect(x.fresh).toEqual([]);
  });

  test("a missing 一级 (满意度) is added at the end with both labels", () => {
    const sheet = sheetFrom(withoutGroup("服务对象满意度指标"));
    const x = insert(sheet, T("satisfaction.service-recipients"));
    expect(x.plan.target).toMatchObject({ row: 36, mode: "new-level1" });
    expect(x.after.values[36].slice(1)).toEqual(["满意度指标", "服务对象满意度指标", "服务对象满意度(%)", "≥95%", "≥95%"]);
    expect(sortedMerges(x.after)).toContain("A20:A37");
    expect(x.fresh).toEqual([]);
  });

  test("a missing 成本 二级 in the older layout lands at the end of 产出", () => {
    const sheet = sheetFrom(withoutGroup("成本指标"));
    const x = insert(sheet, T("cost.control-rate"));
    expect(x.plan.target).toMatchObject({ row: 32, mode: "new-group", placement: { level1: "产出", level2: "成本" } });
    expect(x.after.values[32][2]).toBe("成本指标");
    expect(sortedMerges(x.after)).toContain("B21:B33");
  });

  test("101-style: a 社会成本 group is added under the 成本 一级; a missing 成本 block is added after 产出", () => {
    const sheet = sheetFrom(cost101Rows());
    expect(recognise(sheet).model.indicators!.costIsLevel1).toBe(true);
    const social = insert(sheet, T("cost.social-negative-events"));
    expect(social.plan.target).toMatchObject({ row: 33, mode: "new-group", placement: { level1: "成本", level2: "社会成本" } });
    expect(social.after.values[33][2]).toBe("社会成本指标");
    expect(social.fresh).toEqual([]);
    expect(sortedMerges(social.after)).toContain("B33:B34");

    // A 101-style form whose 成本 block is gone but another 一级 still names 经济成本 elsewhere is not
    // a thing; instead check the block creation through a 101 form holding only a 社会成本 row.
    const rows = cost101Rows();
    const i = rows.findIndex((r) => r[2] === "经济成本指标");
    rows[i][2] = "社会成本指标";
    rows[i][3] = "项目实施引发的负面舆情事件(起)";
    rows[i][4] = rows[i][5] = "＝0起";
    const onlySocial = sheetFrom(rows);
    const econ = insert(onlySocial, T("cost.control-rate"));
    expect(econ.plan.target).toMatchObject({ row: 32, mode: "new-group", placement: { level1: "成本", level2: "经济成本" } });
    expect(econ.after.values[32].slice(1, 3)).toEqual(["成本指标", "经济成本指标"]);
    expect(econ.after.values[33].slice(1, 3)).toEqual([null, "社会成本指标"]);
    expect(econ.fresh).toEqual([]);
  });

  test("a form placed at an offset (starts at C4)", () => {
    const sheet = cleanSheet({ rowOffset: 3, colOffset: 2 });
    const x = insert(sheet, T("quality.acceptance-pass-rate"));
    expect(x.plan.target).toMatchObject({ row: 33, mode: "append" });
    expect(written(x.plan)).toEqual(["F34", "G34", "H34"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["C23:C42", "D24:D37", "E31:E34"]));
    expect(x.fresh).toEqual([]);
  });
});

describe("the seed form: two pages, an empty printed row, slid rows", () => {
  const seed = seedSheet();

  test("the empty printed 时效 row is filled in place, nothing else changes", () => {
    const x = insert(seed, T("timeliness.payment"));
    expect(x.plan.target).toMatchObject({ row: 42, mode: "fill" });
    expect(x.plan.edits).toEqual([
      { op: "setValue", ...cellAt("申报表", "D43"), value: "资金支付及时率(%)", expected: null },
      { op: "setValue", ...cellAt("申报表", "E43"), value: "＝100%", expected: null },
      { op: "setValue", ...cellAt("申报表", "F43"), value: "＝100%", expected: null },
    ]);
    expect(sortedMerges(x.after)).toEqual(sortedMerges(seed));
    expect(changedCells(x, ["D43", "E43", "F43"])).toEqual([]);
    expect(x.row).toMatchObject({ level1: "产出", level2: "时效", emptyGroup: false });
    expect(x.fresh).toEqual([]);
  });

  test("a fill whose target cell was typed into meanwhile is refused", () => {
    const { model, grid } = recognise(seed);
    const plan = planInsertion(model, grid, T("timeliness.payment"));
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    const r = applyToSnapshot(setCells(seed, { E43: "≥90%" }), plan);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.zh).toMatch(/申报表!E43 已被修改/);
  });

  test("数量 continues on the second page: the row goes after row 38, not after row 27", () => {
    const x = insert(seed, T("quantity.training-sessions"));
    expect(x.plan.target).toMatchObject({ row: 38, mode: "append" });
    expectMerges(seed.merges, sortedMerges(x.after), 38, ["C29:C38"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A27", "B21:B27", "C21:C27", "C29:C39", "A50:A51"]));
    expect(changedCells(x, ["D39", "E39", "F39"])).toEqual([]);
    expect(x.fresh).toEqual([]);
  });

  test("a 满意度 row goes under the slid satisfaction rows and grows their label merge", () => {
    const x = insert(seed, T("satisfaction.public"));
    expect(x.plan.target).toMatchObject({ row: 50, mode: "append" });
    expect(sortedMerges(x.after)).toContain("A49:A51");
    expect(x.row).toMatchObject({ level1: "满意度", level2: "服务对象满意度", shift: 0 });
    expect(x.fresh).toEqual([]);
  });

  test("an empty printed 生态效益 row is filled; 可持续影响's too", () => {
    const eco = insert(seed, T("benefit.ecological.paperless"));
    expect(eco.plan.target).toMatchObject({ row: 46, mode: "fill" });
    expect(eco.fresh).toEqual([]);
    const sus = insert(seed, T("benefit.sustainable.asset-utilisation"));
    expect(sus.plan.target).toMatchObject({ row: 47, mode: "fill" });
    expect(sus.fresh).toEqual([]);
  });
});

describe("single value column (指标值)", () => {
  const sheet = sheetFrom(singleValueRows());

  test("only the one value column is written", () => {
    expect(recognise(sheet).model.indicators!.layout).toBe("single-value");
    const x = insert(sheet, T("satisfaction.service-recipients"));
    expect(written(x.plan)).toEqual(["D39", "E39"]);
    expect(x.after.values[38].slice(0, 6)).toEqual([null, null, null, "服务对象满意度(%)", "≥95%"]);
    expect(sortedMerges(x.after)).toEqual(expect.arrayContaining(["A20:A39", "B37:B39", "C37:C39"]));
    expect(x.row.period).toBeNull();
    expect(x.fresh).toEqual([]);
    expect(changedCells(x, ["D39", "E39"])).toEqual([]);
  });

  test("a missing group in the single-value layout", () => {
    const rows = withoutGroup("时效指标", singleValueRows());
    const x = insert(sheetFrom(rows), T("timeliness.payment"));
    expect(written(x.plan)).toEqual(["C31", "D31", "E31"]);
    expect(x.fresh).toEqual([]);
  });
});

describe("values, duplicates and errors", () => {
  const clean = cleanSheet();

  test("the user's values are used, ASCII operators made official; period follows annual", () => {
    const x = insert(clean, T("satisfaction.public"), { annual: ">=98%" });
    expect([x.row.period?.value, x.row.annual.value]).toEqual(["≥98%", "≥98%"]);
    const y = insert(clean, T("quantity.training-attendance"), { period: "≥500人次", annual: "≥100人次", name: "业务培训参训人次(人次)" });
    expect([y.row.name.value, y.row.period?.value, y.row.annual.value]).toEqual(["业务培训参训人次(人次)", "≥500人次", "≥100人次"]);
    expect(y.fresh).toEqual([]);
  });

  test("a cost ceiling in 万元 defaults to the form's 项目支出", () => {
    const x = insert(clean, T("cost.project-total"));
    expect(x.row.annual.value).toBe("≤40.64万元");
    expect(x.fresh).toEqual([]);
    const y = insert(clean, T("cost.project-total"), { annual: "≤30万元" });
    expect(y.row.annual.value).toBe("≤30万元");
  });

  test("a duplicate is refused with the row it is on, unless the user insists", () => {
    const { model, grid } = recognise(clean);
    const r = planInsertion(model, grid, T("timeliness.payment"));
    expect(isInsertError(r) && r.error.zh).toBe("「资金支付及时率(%)」已在第 32 行(时效指标),无需重复添加;如需修改请直接编辑该行");
    const forced = planInsertion(model, grid, T("timeliness.payment"), { allowDuplicate: true });
    expect(isInsertError(forced)).toBe(false);
  });

  test("duplicates are told as indicators/duplicate tells them: only unit brackets are ignored", () => {
    const { model, grid } = recognise(clean);
    // The form has 举办科技夏(冬)令营次数(次): a summer camp alone is another indicator.
    const summer = planInsertion(model, grid, T("quantity.training-sessions"), { name: "举办科技夏令营次数(次)" });
    expect(isInsertError(summer)).toBe(false);
    const same = planInsertion(model, grid, T("quantity.training-sessions"), { name: "举办科技夏(冬)令营次数（场次）" });
    expect(isInsertError(same) && same.code).toBe("duplicate");
  });

  test("empty name or value, and a sheet without an indicator table, give a message", () => {
    const { model, grid } = recognise(clean);
    const noValue = planInsertion(model, grid, T("satisfaction.public"), { annual: "  " });
    expect(isInsertError(noValue) && noValue.error.zh).toMatch(/指标值不能为空/);
    const noName = planInsertion(model, grid, T("satisfaction.public"), { name: " " });
    expect(isInsertError(noName) && noName.error.zh).toBe("三级指标名称不能为空");
    const r = planInsertion({ ...model, indicators: null }, grid, T("satisfaction.public"));
    expect(isInsertError(r) && r.error.zh).toMatch(/^未找到绩效指标表/);
  });

  test("every group label the inserter writes is one the recogniser reads back", () => {
    for (const t of CATALOGUE) {
      for (const p of [t.placement, t.placement101]) expect(level2Label(p.level2)).toMatch(/指标$/);
    }
  });
});
