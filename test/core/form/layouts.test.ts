/**
 * Recognition of plausible real-world layouts built from the corrected TSV: a form next to another
 * table, a 合计 row under the key tasks, a 序号 column in the task table.
 */
import { formatRef } from "../../../src/core/a1";
import { at } from "../../../scripts/lib/tsvLayout";
import { checkWorkbook } from "../../../src/core/engine";
import { recognizeSheet } from "../../../src/core/form/recognize";
import { FormModel } from "../../../src/core/form/model";
import { SheetSnapshot } from "../../../src/core/snapshot";
import { cleanRows, cleanSheet, layoutFromRows, setCells, workbook } from "../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };

function model(sheet: SheetSnapshot): FormModel {
  const forms = recognizeSheet(sheet).forms;
  expect(forms).toHaveLength(1);
  return forms[0].model;
}

/** The corrected form at C4 with a notes table in K..L (a blank column between) on every row. */
function withTableToTheRight(edits: Record<string, null> = {}): SheetSnapshot {
  const notes: Record<string, string | number> = {};
  for (let r = 4; r <= 45; r++) {
    notes[`K${r}`] = `备注${r}`;
    notes[`L${r}`] = r;
  }
  return setCells(setCells(cleanSheet(O), notes), edits);
}

describe("a form at an offset with another table to its right", () => {
  test("the clean form reads as without the table", () => {
    const m = model(withTableToTheRight());
    const plain = model(cleanSheet(O));
    expect(m.amounts).toEqual(plain.amounts);
    expect(m.department).toEqual(plain.department);
  });

  test("empty value cells stay empty instead of taking the other table's cells", () => {
    const dept = at("B5", O);
    const other = at("F9", O);
    const m = model(withTableToTheRight({ [dept]: null, [other]: null }));
    expect(m.department?.value).toMatchObject({ text: "" });
    expect(m.amounts.otherFunds?.amount.state).toBe("empty");
    const findings = checkWorkbook(workbook(withTableToTheRight({ [dept]: null, [other]: null }))).findings;
    const cells = findings.filter((f) => f.rule === "required/field-empty").map((f) => formatRef(f.cells[0]));
    expect(cells).toEqual([`申报表!${dept}`, `申报表!${other}`]);
    expect(findings.filter((f) => f.cells.some((c) => /!K\d+$/.test(formatRef(c))))).toEqual([]);
  });
});

describe("a 合计 row under the key tasks", () => {
  function withTaskTotal(): SheetSnapshot {
    const rows = cleanRows();
    const i = rows.findIndex((r) => (r[0] ?? "").startsWith("其他需完成的任务"));
    rows.splice(i, 0, ["", "合计", "", "32.50", "", ""]);
    return layoutFromRows(rows);
  }

  test("is not the budget's 合计 and ends the task table", () => {
    const m = model(withTaskTotal());
    expect(m.amounts.total).toBeUndefined();
    expect(m.tasks.map((t) => t.name.text)).toEqual(["科普活动", "学术交流", "科普管理事务", "换届工作"]);
  });

  test("raises no budget finding on the corrected form", () => {
    expect(checkWorkbook(workbook(withTaskTotal())).findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")}`)).toEqual([]);
  });
});

describe("a 序号 column in the key-task table", () => {
  function withNumbers(numbersAsText: boolean): SheetSnapshot {
    const rows = cleanRows();
    const h = rows.findIndex((r) => r[0] === "年度重点工作任务");
    rows[h] = ["年度重点工作任务", "序号", ...rows[h].slice(1, 5)];
    for (let i = h + 1; i <= h + 4; i++) rows[i] = ["", String(i - h), ...rows[i].slice(1, 5)];
    return layoutFromRows(rows, { numbersAsText });
  }

  test.each([false, true])("numbers typed as text: %s", (asText) => {
    const m = model(withNumbers(asText));
    expect(m.tasks.map((t) => t.name.text)).toEqual(["科普活动", "学术交流", "科普管理事务", "换届工作"]);
  });

  test("ordinals such as 一、 in the label column", () => {
    const rows = cleanRows();
    const h = rows.findIndex((r) => r[0] === "年度重点工作任务");
    ["一、", "二、", "(三)", "4."].forEach((n, k) => (rows[h + 1 + k][0] = n));
    expect(model(layoutFromRows(rows)).tasks).toHaveLength(4);
  });

  test("a section label in the label column still ends the table", () => {
    const rows = cleanRows();
    const h = rows.findIndex((r) => r[0] === "年度重点工作任务");
    rows[h + 3][0] = "备注";
    expect(model(layoutFromRows(rows)).tasks).toHaveLength(2);
  });
});

/** Every finding of the whole check, as "rule cell,cell", for asserting a clean result. */
function findingsOf(sheet: SheetSnapshot): string[] {
  return checkWorkbook(workbook(sheet)).findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")}`);
}

describe("合计 printed on both sides of one row", () => {
  /** Row 10: 合计 under 部门预算支出 (value D10) and 合计 under 收入来源 (value F10). */
  function withTotals(expenditure: string, income: string): SheetSnapshot {
    const rows = cleanRows();
    const i = rows.findIndex((r) => r[1] === "项目支出");
    rows.splice(i + 1, 0, ["", "合计", "", expenditure, "合计", income]);
    return layoutFromRows(rows);
  }

  test("the left 合计 is the expenditure total, the right one the income total", () => {
    const m = model(withTotals("367.24", "367.24"));
    expect(m.amounts.total?.value).toMatchObject({ row: 9, col: 3 });
    expect(m.amounts.incomeTotal?.value).toMatchObject({ row: 9, col: 5 });
    expect(m.amounts.incomeTotal?.amount.value).toBe(367.24);
    expect(findingsOf(withTotals("367.24", "367.24"))).toEqual([]);
  });

  test("a 合计 only under 收入来源 is the income total, not the expenditure total", () => {
    const rows = cleanRows();
    const i = rows.findIndex((r) => r[1] === "项目支出");
    rows.splice(i + 1, 0, ["", "", "", "", "合计", "367.24"]);
    const m = model(layoutFromRows(rows));
    expect(m.amounts.total).toBeUndefined();
    expect(m.amounts.incomeTotal?.value).toMatchObject({ row: 9, col: 5 });
  });

  test("an income 合计 that disagrees with 财政拨款 + 其他资金 is reported on the income cells", () => {
    expect(findingsOf(withTotals("367.24", "377.24"))).toEqual(["budget/income-matches-expenditure 申报表!F8,申报表!F9,申报表!F10"]);
  });
});

describe("a label and its value in one cell", () => {
  function inline(edit: (rows: string[][]) => void): SheetSnapshot {
    const rows = cleanRows();
    edit(rows);
    return layoutFromRows(rows);
  }
  const row = (rows: string[][], first: string) => rows.findIndex((r) => r[0] === first);
  const all = inline((rows) => {
    rows[row(rows, "部门名称")] = ["部门名称：广州市白云区科学技术协会"];
    rows[row(rows, "基本信息")] = ["基本信息", "财政供养人员数：5", "", "", "下属二级单位数:1", ""];
    const g = row(rows, "总体绩效目标");
    rows[g] = [`总体绩效目标：${rows[g][1]}`];
  });

  test("部门名称, both counts and 总体绩效目标 take the rest of the cell as their value", () => {
    const m = model(all);
    expect(m.department?.value).toMatchObject({ row: 4, col: 0, text: "广州市白云区科学技术协会" });
    expect(m.department?.label).toMatchObject({ row: 4, col: 0 });
    expect(m.headcount?.value).toMatchObject({ row: 5, col: 1, text: "5" });
    expect(m.subUnits?.value).toMatchObject({ row: 5, col: 4, text: "1" });
    expect(m.overallGoal?.value?.text).toBe(cleanRows().find((r) => r[0] === "总体绩效目标")![1]);
  });

  test("the corrected form written this way raises no finding (filled, counts read as numbers)", () => {
    expect(findingsOf(all)).toEqual([]);
  });

  test("a count that is not whole is still checked, and no fix overwrites the shared cell", () => {
    const sheet = inline((rows) => (rows[row(rows, "基本信息")] = ["基本信息", "财政供养人员数：5.5", "", "", "下属二级单位数", "1"]));
    const findings = checkWorkbook(workbook(sheet)).findings;
    expect(findings.map((f) => `${f.rule} ${f.messageId} ${f.cells.map(formatRef).join(",")}`)).toEqual([
      "budget/headcount-invalid notWhole 申报表!B6",
    ]);
    expect(findings.every((f) => !f.fix)).toBe(true);
  });

  test("a label with only a colon still takes its value from the next cell", () => {
    const m = model(inline((rows) => (rows[row(rows, "部门名称")][0] = "部门名称：")));
    expect(m.department?.value).toMatchObject({ row: 4, col: 1, text: "广州市白云区科学技术协会(部门)" });
  });

  test("amounts are not read from a label's own cell", () => {
    const sheet = inline((rows) => {
      const i = rows.findIndex((r) => r[1] === "基本支出");
      rows[i] = ["", "基本支出：326.60", "", "", ...rows[i].slice(4)];
    });
    expect(model(sheet).amounts.basic).toBeUndefined();
  });
});

describe("the indicator table ends before a block placed a few blank rows below it", () => {
  function below(blanks: number, ...extra: string[][]): SheetSnapshot {
    const rows = cleanRows();
    for (let k = 0; k < blanks; k++) rows.push([]);
    rows.push(...extra);
    return layoutFromRows(rows);
  }
  const INDICATORS = 18;

  test.each([1, 3, 6])("a 填表说明 note in the 一级 column after %i blank rows", (n) => {
    const sheet = below(
      n,
      ["", "填表说明:1.一级指标包括产出、效益、满意度指标。", "", "", "", ""],
      ["", "2.指标值应量化。", "", "", "", ""],
    );
    expect(model(sheet).indicators?.rows).toHaveLength(INDICATORS);
    expect(findingsOf(sheet)).toEqual([]);
  });

  test("another small table with its own header", () => {
    const sheet = below(2, ["", "序号", "事项", "金额(万元)", "备注", ""], ["", "1", "办公设备购置", "2.00", "", ""]);
    expect(model(sheet).indicators?.rows).toHaveLength(INDICATORS);
    expect(findingsOf(sheet)).toEqual([]);
  });

  test("a table whose header sits in the value columns", () => {
    const sheet = below(1, ["", "", "", "序号", "事项", "备注"], ["", "", "", "1", "办公设备购置", "无"]);
    expect(model(sheet).indicators?.rows).toHaveLength(INDICATORS);
  });

  test("a row that only fills the 三级 and value columns still continues the table", () => {
    const sheet = below(1, ["", "", "", "科普讲座场次(场)", "≥10场", "≥10场"]);
    const rows = model(sheet).indicators!.rows;
    expect(rows).toHaveLength(INDICATORS + 1);
    expect(rows[INDICATORS]).toMatchObject({ level1: "满意度", shift: 0 });
  });
});
