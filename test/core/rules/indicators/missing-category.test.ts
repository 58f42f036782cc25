import rule from "../../../../src/core/rules/indicators/missing-category";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, cleanWithout, costLevel1Sheet, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "成本 as a 一级 with an indicator", sheet: costLevel1Sheet() },
    { name: "效益 with only one of its four 二级", sheet: cleanWithout(36) },
    {
      name: "a 二级 label on a row of its own, its indicators below it",
      sheet: setCells(cleanSheet(), { D28: null, E28: null, F28: null }),
    },
  ],
  invalid: [
    {
      name: "the seed: empty 时效 (slid), 生态效益 and 可持续影响 rows, each reported once",
      sheet: seedSheet(),
      errors: [
        { messageId: "emptyGroup", cells: [q("B43")], severity: "warning", data: { group: "时效指标" } },
        {
          messageId: "emptyGroup",
          cells: [q("C47")],
          severity: "warning",
          data: { group: "生态效益指标" },
          // Fill the printed row from the catalogue's template for the group, or take the group out.
          suggestions: [
            {
              zh: "按模板填写「无纸化办公覆盖率(%)」≥80%",
              en: 'Fill in from the template "无纸化办公覆盖率(%)" ≥80%',
              output: { [q("D47")]: [null, "无纸化办公覆盖率(%)"], [q("E47")]: [null, "≥80%"], [q("F47")]: [null, "≥80%"] },
            },
            {
              zh: "删去空行的「生态效益指标」(不需要该类指标时;空行可在表格中整行删除)",
              en: 'Remove "生态效益指标" from the empty row (when the group is not needed; delete the blank row in the sheet)',
              output: { [q("C47")]: ["生态效益指标", null] },
            },
          ],
        },
        { messageId: "emptyGroup", cells: [q("C48")], severity: "warning", data: { group: "可持续影响指标" } },
      ],
    },
    {
      name: "a printed 时效 row emptied: only the empty-row finding",
      sheet: setCells(cleanSheet(), { D31: null, E31: null, F31: null, D32: null, E32: null, F32: null }),
      errors: [{ messageId: "emptyGroup", cells: [q("C31")], data: { group: "时效指标" } }],
    },
    {
      name: "no 时效 rows at all",
      sheet: cleanWithout(31, 32),
      errors: [{ messageId: "missingGroup", cells: [q("B21")], severity: "warning", data: { group: "时效指标" } }],
    },
    {
      name: "no 质量 and no 时效 rows",
      sheet: cleanWithout(28, 29, 30, 31, 32),
      errors: [
        { messageId: "missingGroup", cells: [q("B21")], data: { group: "质量指标" } },
        { messageId: "missingGroup", cells: [q("B21")], data: { group: "时效指标" } },
      ],
    },
    {
      name: "效益 printed but empty: one error, its empty rows as further cells",
      sheet: setCells(cleanSheet(), { D34: null, E34: null, F34: null, D35: null, E35: null, F35: null, D36: null, E36: null, F36: null }),
      errors: [{ messageId: "missingLevel1", cells: [q("B34"), q("C34"), q("C36")], severity: "error", data: { level: "效益指标" } }],
    },
    {
      name: "no 满意度 block at all: points at the 一级指标 header",
      sheet: cleanWithout(37, 38),
      errors: [{ messageId: "missingLevel1", cells: [q("B20")], data: { level: "满意度指标" } }],
    },
    {
      name: "成本 printed as a 一级 but empty",
      sheet: costLevel1Sheet("", "", ""),
      errors: [{ messageId: "missingLevel1", cells: [q("B33"), q("C33")], severity: "error", data: { level: "成本指标" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ D36: null, E36: null, F36: null }, OFF)),
      errors: [{ messageId: "emptyGroup", cells: [q("C36", OFF)], data: { group: "可持续影响指标" } }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { D36: null, E36: null }),
      errors: [{ messageId: "emptyGroup", cells: [q("C36")] }],
    },
  ],
});
