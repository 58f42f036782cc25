/**
 * Recognition of the variants real published forms use (test/corpus): labels with required marks
 * and score ranges, 目标 for 指标, 效果 / 进度 categories, a target split over operator / value / unit
 * columns, money in 元, and the text a number format shows.
 */
import { recognizeSheet } from "../../../src/core/form/recognize";
import { FormModel } from "../../../src/core/form/model";
import { categoryKey, level1Of, level2Of } from "../../../src/core/form/labels";
import { SheetSnapshot } from "../../../src/core/snapshot";
import { checkWorkbook } from "../../../src/core/engine";
import { cleanSheet, corpusSheet, setCells, workbook } from "../../helpers/forms";

function model(sheet: SheetSnapshot): FormModel {
  const forms = recognizeSheet(sheet).forms;
  expect(forms).toHaveLength(1);
  return forms[0].model;
}

describe("category labels as templates print them", () => {
  test.each([
    ["成本指标(0-20)分", "成本指标"], // 奉节 2023
    ["产出指标(40-50)分", "产出指标"],
    ["*产出指标", "产出指标"],
    ["产出目标", "产出指标"], // 宁德 2020
    ["数量目标", "数量指标"],
  ])("%s reads as %s", (printed, key) => expect(categoryKey(printed)).toBe(key));

  test("效果指标 is 效益, 进度指标 is 时效, 社会效果指标 is 社会效益", () => {
    expect(level1Of("效果指标")).toBe("效益");
    expect(level2Of("进度指标")).toBe("时效");
    expect(level2Of("社会效果指标")).toBe("社会效益");
    expect(level1Of("成本指标(0-20)分")).toBe("成本");
  });
});

describe("real forms' layouts", () => {
  test("岳阳楼区 2023: *-marked labels, 计量单位 column joined to the value", () => {
    const m = model(corpusSheet("yueyanglou-2023"));
    expect(m.overallGoal?.value?.text).toBe("做好涉案、价格认定工作。");
    const t = m.indicators!;
    expect(t.columns.unit).toBe(5);
    const byRow = new Map(t.rows.map((r) => [r.row + 1, r]));
    expect(byRow.get(8)?.annual.shown).toBe("100%");
    expect(byRow.get(8)?.annual.split).toBe(true);
    expect(byRow.get(8)?.shift).toBe(0);
    expect(byRow.get(11)?.emptyGroup).toBe(true); // 经济效益指标 printed empty
  });

  test("马踏镇 2023: 指标性质 | 指标值 | 度量单位 read as one target; 元 converted to 万元", () => {
    const m = model(corpusSheet("mata-2023"));
    const first = m.indicators!.rows[0];
    expect(first.annual.shown).toBe("≥95%");
    expect(m.tasks.map((t) => t.parsedAmount.value)).toEqual([330.984, 66]);
    expect(m.tasks.every((t) => t.yuan)).toBe(true);
    expect(m.amounts.project?.amount.value).toBeCloseTo(882.762053, 6);
    expect(m.amounts.project?.yuan).toBe(true);
  });

  test("奉节 2023: 成本 as 一级 with its score range, rows not taken for slid", () => {
    const t = model(corpusSheet("fengjie-2023")).indicators!;
    expect(t.costIsLevel1).toBe(true);
    expect(t.rows.map((r) => [r.level1, r.level2, r.shift])).toEqual([
      ["成本", "经济成本", 0],
      ["成本", "社会成本", 0],
      ["成本", "生态环境成本", 0],
    ]);
  });

  test("宁德 2019: an 指标解释 column between 三级 and 目标值 is no slide", () => {
    const t = model(corpusSheet("ningde-fzw-2019")).indicators!;
    expect(t.rows.every((r) => r.shift === 0)).toBe(true);
    expect(t.rows[0].annual.text).toBe("100%");
  });

  test("通州 2026: 进度指标 counts as 时效, so 产出 is not short of it", () => {
    const findings = checkWorkbook(workbook(corpusSheet("tongzhou-2026"))).findings;
    expect(findings.filter((f) => f.rule === "indicators/missing-category" && f.messageId === "missingGroup")).toEqual([]);
  });
});

describe("what the user sees is what is read", () => {
  test("a 满意度 of 0.85 formatted as a percentage is quoted as 85%", () => {
    const sheet = setCells(cleanSheet(), { F37: 0.85 });
    const texts: (string | null)[][] = sheet.values.map(() => []);
    texts[36 - sheet.originRow][5 - sheet.originCol] = "85%";
    const findings = checkWorkbook(workbook({ ...sheet, texts })).findings.filter((f) => f.rule === "indicators/satisfaction-below-floor");
    expect(findings).toHaveLength(1);
    expect(findings[0].message.zh).toContain("85%");
    expect(findings[0].message.zh).not.toContain("0.85");
  });

  test("without a displayed text the value's own text stands", () => {
    const m = model(setCells(cleanSheet(), { F37: 0.95 }));
    const row = m.indicators!.rows.find((r) => r.row === 36)!;
    expect(row.annual.shown).toBeUndefined();
    expect(row.annual.text).toBe("0.95");
  });
});
