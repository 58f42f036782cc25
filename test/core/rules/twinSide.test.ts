/**
 * The 实施期 side of a table printing 实施期 and 年度 indicators side by side (东莞 2022:
 * 一级 | 二级 | 三级 | 实施周期指标值 | 二级 | 三级 | 当年度指标值): the indicator rules check its values
 * too, and a row whose two values are the same text is reported once.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { rangeToA1 } from "../../../src/core/a1";
import { CellValue } from "../../../src/core/snapshot";
import { workbook } from "../../helpers/forms";
import { sheetOf } from "../form/printed";

const form = (rows: CellValue[][]) =>
  checkWorkbook(
    workbook(
      sheetOf(
        [
          ["东莞市财政项目支出绩效目标表", "", "", "", "", "", "", ""],
          ["项目名称", "物业管理费支出", "", "", "", "", "", ""],
          ["绩效指标", "一级指标", "二级指标", "三级指标", "实施周期指标值", "二级指标", "三级指标", "当年度指标值"],
          ...rows,
        ],
        ["A3:A6"],
      ),
    ),
  );

const at = (rule: string, r: ReturnType<typeof form>) =>
  r.findings
    .filter((f) => f.rule === rule)
    .map((f) => rangeToA1({ top: f.cells[0].row, left: f.cells[0].col, bottom: f.cells[0].row, right: f.cells[0].col }));

test("a vague 实施期 value is found at its own cell; the 年度 value beside it is fine", () => {
  const r = form([
    ["", "产出指标", "数量指标", "物管服务面积", "显著提高", "数量指标", "物管服务面积", "≥2.6万平方米"],
    ["", "效益指标", "社会效益指标", "场馆正常开放率", "100%", "社会效益指标", "场馆正常开放率", "100%"],
    ["", "满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "服务对象满意度指标", "观众满意度", "≥90%"],
  ]);
  expect(r.forms[0].model.indicators!.columns.twin).toEqual({ level3: 3, value: 4 });
  expect(at("indicators/not-quantified", r)).toEqual(["E4"]);
});

test("the same vague text on both sides is one problem, reported at the 年度 value", () => {
  const r = form([
    ["", "产出指标", "数量指标", "物管服务面积", "显著提高", "数量指标", "物管服务面积", "显著提高"],
    ["", "效益指标", "社会效益指标", "场馆正常开放率", "100%", "社会效益指标", "场馆正常开放率", "100%"],
    ["", "满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "服务对象满意度指标", "观众满意度", "≥90%"],
  ]);
  expect(at("indicators/not-quantified", r)).toEqual(["H4"]);
});

test("a different indicator on the 实施期 side is not this row's: its value is not read as the row's", () => {
  const r = form([
    ["", "产出指标", "数量指标", "三年累计服务面积", "显著提高", "数量指标", "物管服务面积", "≥2.6万平方米"],
    ["", "效益指标", "社会效益指标", "场馆正常开放率", "100%", "社会效益指标", "场馆正常开放率", "100%"],
    ["", "满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", "服务对象满意度指标", "观众满意度", "≥90%"],
  ]);
  expect(r.forms[0].model.indicators!.rows[0].twin).toBeUndefined();
  expect(at("indicators/not-quantified", r)).toEqual([]);
});
