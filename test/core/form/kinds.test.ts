/**
 * Form kinds (issue #19): the department form, a project's target form and a self-evaluation are each
 * recognised and checked with the rules of their kind; anything else gets a sentence and no error.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { describe as describeForm } from "../../../src/core/form/describe";
import { recognizeSheet } from "../../../src/core/form/recognize";
import { cleanSheet, workbook } from "../../helpers/forms";
import { projectSheet, selfEvalSheet, sheetOf, projectRows, PROJECT_MERGES } from "./printed";

describe("the project form (安徽淮北 2025 shape)", () => {
  const rec = recognizeSheet(projectSheet());
  const model = rec.forms[0]?.model;

  test("is read as a project form with its fields, funds and table", () => {
    expect(rec.forms).toHaveLength(1);
    expect(model.kind).toBe("project");
    expect(model.title?.text).toBe("项目支出绩效目标表");
    const p = model.project!;
    expect(p.name?.value?.text).toBe("农村文化建设配套补助经费");
    expect(p.department?.value?.text).toBe("[077]淮北市文化旅游体育局"); // 主管部门及代码, after normalisation
    expect(p.implementer?.value?.text).toBe("淮北市文化旅游体育局");
    expect(p.funds).toHaveLength(1);
    const b = p.funds[0];
    expect(b.period).toBe("annual");
    expect(b.total?.amount.value).toBe(5);
    expect(b.sources.map((s) => s.amount.value)).toEqual([5, 0, 0]);
    expect(b.complete).toBe(true);
    expect(b.unread).toBe(false);
    const t = model.indicators!;
    expect(t.headerRow).toBe(9); // 「一级」 without 指标 is the 一级 head
    expect(t.columns.annual).toBe(4);
    expect(t.rows.map((r) => r.level1)).toEqual(["产出", "产出", "产出", "产出", "效益", "满意度"]);
    expect(t.rows.every((r) => r.shift === 0)).toBe(true);
  });

  test("describe() says what was read", () => {
    expect(describeForm(model)).toEqual({
      zh: "项目支出绩效目标表 · 工作表「Sheet1」 · 指标表第 10–16 行 · 目标值列 E",
      en: 'project target form · sheet "Sheet1" · indicator table rows 10–16 · target column E',
    });
  });

  test("a well-filled project form gets no finding, and no department rule runs on it", () => {
    const r = checkWorkbook(workbook(projectSheet()));
    expect(r.findings).toEqual([]);
  });

  test("a printed field left empty is reported; fields the form does not print are not demanded", () => {
    const rows = projectRows();
    rows[3][3] = "";
    const r = checkWorkbook(workbook(sheetOf(rows, PROJECT_MERGES)));
    expect(r.findings.map((f) => `${f.rule} ${f.messageId} ${f.cells[0].row},${f.cells[0].col}`)).toEqual([
      "required/field-empty emptyField 3,3",
    ]);
    expect(r.findings[0].message.zh).toContain("「实施单位」未填写");
  });
});

describe("the self-evaluation (安徽池州棠溪镇 2022 shape)", () => {
  test("is read as a self-evaluation: 年度指标值 is the target, the results side is left alone", () => {
    const rec = recognizeSheet(selfEvalSheet());
    const m = rec.forms[0].model;
    expect(m.kind).toBe("self-evaluation");
    const t = m.indicators!;
    expect(t.columns.annual).toBe(4);
    expect(t.columns.extra).toEqual([5, 6, 7]);
    // 产出指标(50分) is 产出; the 总分 row ends the table.
    expect(t.rows.map((r) => r.level1)).toEqual(["产出", "产出", "产出", "效益", "满意度"]);
    expect(describeForm(m).zh).toBe("绩效自评表(目标值一侧) · 工作表「Sheet1」 · 指标表第 7–12 行 · 目标值列 E");
  });

  test("gets no finding when its targets are sound", () => {
    expect(checkWorkbook(workbook(selfEvalSheet())).findings).toEqual([]);
  });
});

describe("the department form", () => {
  test("stays the department kind, with its budget and task rules", () => {
    const m = recognizeSheet(cleanSheet()).forms[0].model;
    expect(m.kind).toBe("department");
    expect(m.project).toBeUndefined();
    expect(describeForm(m).zh).toMatch(
      /^部门整体绩效目标表 · 工作表「申报表」 · 指标表第 \d+–\d+ 行 · 目标值列 [A-Z](\(年度\)、[A-Z]\(实施期\))?$/,
    );
  });
});

describe("sheets that hold no target form", () => {
  test("a score summary of a self-evaluation: a sentence saying so, and form-not-found only as a note", () => {
    const scores = sheetOf([["项目支出绩效自评得分汇总表"], ["项目名称", "得分"], ["委托业务项目", 96]], [], "得分");
    const rec = recognizeSheet(scores);
    expect(rec.forms).toEqual([]);
    expect(rec.notForm?.zh).toBe("这是「项目支出绩效自评得分汇总表」,是评价得分,不是绩效目标表");
    const r = checkWorkbook(workbook(scores));
    expect(r.findings.map((f) => [f.rule, f.severity])).toEqual([["layout/form-not-found", "info"]]);
    expect(r.findings[0].message.zh).toContain("不是绩效目标表");
  });

  test("a titled form whose indicator table is missing says what was found", () => {
    const rec = recognizeSheet(sheetOf([["2023年项目支出绩效目标申报表"], ["项目名称", "雾炮车降尘抑尘服务"]]));
    expect(rec.seenKind).toBe("project");
    expect(rec.notForm?.zh).toBe(
      "这是项目支出绩效目标表(标题「2023年项目支出绩效目标申报表」),但表上没有绩效指标表(一级指标/二级指标/三级指标),可能只印了前一部分或还没有填到那里",
    );
  });

  test("an unrelated sheet and an empty one", () => {
    expect(recognizeSheet(sheetOf([["会议纪要"], ["2025年工作计划", "", "负责人"]])).notForm?.zh).toBe(
      "没有找到绩效指标表(一级指标/二级指标/三级指标)",
    );
    expect(recognizeSheet(sheetOf([])).notForm?.zh).toBe("工作表是空的");
  });
});

describe("several forms in one sheet", () => {
  test("two project forms one under the other are two forms, each with its own fields", () => {
    const second = projectRows();
    second[2][1] = "送戏下乡";
    const rows = [...projectRows(), [""], ...second];
    const merges = [...PROJECT_MERGES, ...PROJECT_MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 17)))];
    const forms = recognizeSheet(sheetOf(rows, merges)).forms;
    expect(forms.map((f) => f.model.project?.name?.value?.text)).toEqual(["农村文化建设配套补助经费", "送戏下乡"]);
    expect(forms.map((f) => f.model.indicators?.headerRow)).toEqual([9, 26]);
    expect(forms[0].model.indicators?.lastRow).toBe(15);
  });
});

test("a department title over a name but no budget block is not told as a department form: the old sentence", () => {
  const rec = recognizeSheet(sheetOf([["部门整体支出绩效目标申报表"], ["部门名称", "某局"]]));
  expect(rec.seenKind).toBeUndefined();
  expect(rec.notForm?.zh).toBe("找到了标题「部门整体支出绩效目标申报表」,但没有找到绩效指标表(一级指标/二级指标/三级指标)");
});
