/**
 * Recognition of plausible real-world layouts built from the corrected TSV: a form next to another
 * table, a 合计 row under the key tasks, a 序号 column in the task table.
 */
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
    const cells = findings.filter((f) => f.rule === "required/field-empty").map((f) => f.cells[0]);
    expect(cells).toEqual([`申报表!${dept}`, `申报表!${other}`]);
    expect(findings.filter((f) => f.cells.some((c) => /!K\d+$/.test(c)))).toEqual([]);
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
    expect(checkWorkbook(workbook(withTaskTotal())).findings.map((f) => `${f.rule} ${f.cells.join(",")}`)).toEqual([]);
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
