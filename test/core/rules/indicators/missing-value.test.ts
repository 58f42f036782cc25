import rule from "../../../../src/core/rules/indicators/missing-value";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "the seed: every indicator has values (its empty 二级 rows are another rule's)", sheet: seedSheet() },
  ],
  invalid: [
    {
      name: "the annual value is missing",
      sheet: setCells(cleanSheet(), { F25: null }),
      errors: [{ messageId: "missingValue", cells: [q("F25")], severity: "error", data: { columns: "年度指标值" } }],
    },
    {
      name: "both values are missing",
      sheet: setCells(cleanSheet(), { E25: null, F25: null }),
      errors: [{ messageId: "missingValue", cells: [q("E25"), q("F25")], data: { columns: "实施周期指标值和年度指标值" } }],
    },
    {
      name: "values without a name",
      sheet: setCells(cleanSheet(), { D29: null }),
      errors: [{ messageId: "missingName", cells: [q("D29")], data: { row: 29, text: "≥95%" } }],
    },
    {
      name: "a name that is only a unit bracket",
      sheet: setCells(cleanSheet(), { D27: "（篇）" }),
      errors: [{ messageId: "missingName", cells: [q("D27")], data: { row: 27, text: "≥250篇" } }],
    },
    {
      name: "a placeholder is no value",
      sheet: setCells(cleanSheet(), { E29: "/", F32: "无" }),
      errors: [
        { messageId: "placeholder", cells: [q("E29")], data: { text: "/" } },
        { messageId: "placeholder", cells: [q("F32")], data: { text: "无" } },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ F36: null }, OFF)),
      errors: [{ messageId: "missingValue", cells: [q("F36", OFF)] }],
    },
    {
      name: "the single-value layout names its one column 指标值",
      sheet: setCells(singleValueSheet(), { E27: null }),
      errors: [{ messageId: "missingValue", cells: [q("E27")], data: { columns: "指标值" } }],
    },
    {
      name: "a slid row: the missing value is reported where the row's cells actually are",
      // The seed's 成本 row (44) sits one column left: name C44, values D44/E44.
      sheet: setCells(seedSheet(), { E44: null }),
      errors: [{ messageId: "missingValue", cells: [q("E44")], data: { columns: "年度指标值" } }],
    },
  ],
});
