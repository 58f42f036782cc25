import rule from "../../../../src/core/rules/required/field-empty";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanRows, cleanSheet, layoutFromRows, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
/** A variant whose 项目支出 label is followed straight by the 其他资金 label: no cell to type in. */
function noValueCell() {
  const rows = cleanRows();
  const i = rows.findIndex((r) => r[1] === "项目支出");
  rows[i] = ["", "项目支出", "其他资金", "0.00", "", ""];
  return layoutFromRows(rows);
}

const GOAL_20 = "一二三四五六七八九十一二三四五六七八九十";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text count as filled", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "a goal of exactly 20 characters", sheet: setCells(cleanSheet(), { B13: GOAL_20 }) },
    { name: "zero is a value, not a blank", sheet: setCells(cleanSheet(), { F6: 0, F9: 0 }) },
  ],
  invalid: [
    {
      name: "an empty department name",
      sheet: setCells(cleanSheet(), { B5: null }),
      errors: [{ messageId: "emptyField", cells: ["申报表!B5"], severity: "error", data: { label: "部门名称" } }],
    },
    {
      name: "both head counts empty",
      sheet: setCells(cleanSheet(), { D6: null, F6: "  " }),
      errors: [
        { messageId: "emptyField", cells: ["申报表!D6"], data: { label: "财政供养人员数" } },
        { messageId: "emptyField", cells: ["申报表!F6"], data: { label: "下属二级单位数" } },
      ],
    },
    {
      // The form holds the answer: income (财政拨款 + 其他资金) less the other expenditure. A choice, since either side may be wrong.
      name: "an empty amount the other amounts give is offered, computed",
      sheet: setCells(cleanSheet(), { D8: null }),
      errors: [
        {
          messageId: "emptyAmount",
          cells: ["申报表!D8"],
          suggestions: [
            {
              zh: "填入 326.60(= 财政拨款 + 其他资金 − 项目支出)",
              en: "Enter 326.60 (from the form's other amounts)",
              output: { "申报表!D8": [null, 326.6] },
            },
          ],
        },
      ],
    },
    {
      name: "empty amounts, required and optional ones, in reading order",
      sheet: setCells(cleanSheet(), { D8: null, F9: null, D11: null, F12: null }),
      errors: [
        { messageId: "emptyAmount", cells: ["申报表!D8"], severity: "error", data: { label: "基本支出" } },
        { messageId: "emptyAmount", cells: ["申报表!F9"], data: { label: "其他资金" } },
        { messageId: "emptyAmount", cells: ["申报表!D11"], data: { label: "财政专项资金" } },
        { messageId: "emptyAmount", cells: ["申报表!F12"], data: { label: "拟用于对下转移支付资金" } },
      ],
    },
    {
      name: "an amount label with no value cell points at the label, not at the next label",
      sheet: noValueCell(),
      errors: [{ messageId: "emptyAmount", cells: ["申报表!B9"], data: { label: "项目支出" } }],
    },
    {
      name: "an empty overall goal",
      sheet: setCells(cleanSheet(), { B13: null }),
      errors: [{ messageId: "goalEmpty", cells: ["申报表!B13"], severity: "error" }],
    },
    {
      name: "a goal shorter than 20 characters",
      sheet: setCells(cleanSheet(), { B13: "做好 科协 工作" }),
      errors: [{ messageId: "goalShort", cells: ["申报表!B13"], severity: "warning", data: { length: 6, min: 20 } }],
    },
    {
      name: "a raised minimum goal length",
      sheet: cleanSheet(),
      options: { minGoalLength: 500 },
      errors: [{ messageId: "goalShort", cells: ["申报表!B13"], severity: "warning" }],
    },
    {
      // The model's top-left is the first row of the form's band (A1 here, the sheet's used range starts there).
      name: "a form without the 其他资金 row points at the form's top-left cell",
      sheet: setCells(cleanSheet(), { E9: null, F9: null }),
      errors: [{ messageId: "missingLabel", cells: ["申报表!A3"], severity: "error", data: { label: "其他资金" } }],
    },
    {
      name: "a form without 下属二级单位数 and 总体绩效目标: one finding names both",
      sheet: setCells(cleanSheet(), { E6: null, F6: null, A13: null, B13: null }),
      errors: [
        {
          messageId: "missingLabel",
          cells: ["申报表!A3"],
          data: { label: "下属二级单位数、总体绩效目标", labelEn: "subordinate units, overall performance goal" },
        },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("B5", O)]: null, [at("D9", O)]: null, [at("B13", O)]: "短" }),
      errors: [
        { messageId: "emptyField", cells: ["申报表!D8"] },
        { messageId: "emptyAmount", cells: ["申报表!F12"] },
        { messageId: "goalShort", cells: ["申报表!D16"] },
      ],
    },
    {
      name: "missing label at an offset",
      sheet: setCells(cleanSheet(O), { [at("E9", O)]: null, [at("F9", O)]: null }),
      errors: [{ messageId: "missingLabel", cells: ["申报表!C6"] }],
    },
  ],
});
