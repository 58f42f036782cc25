import rule from "../../../../src/core/rules/indicators/not-quantified";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    {
      name: "graded qualitative values and a deadline are measurable",
      sheet: setCells(cleanSheet(), { E36: "优", F36: "达成预期指标", E31: "2025年12月31日前", F31: "较好" }),
    },
    { name: "an empty value is missing-value's business", sheet: setCells(cleanSheet(), { F28: null }) },
  ],
  invalid: [
    {
      name: "an error value in a value cell is named as one, not as wording",
      sheet: setCells(cleanSheet(), { F21: { error: "#REF!" } }),
      errors: [{ messageId: "errorValue", cells: ["申报表!F21"], data: { text: "#REF!" } }],
    },
    {
      name: "the seed's 按上级要求 row",
      sheet: seedSheet(),
      errors: [{ messageId: "notQuantified", cells: [q("E41"), q("F41")], severity: "error", data: { text: "按上级要求,落实财务管理、保密工作、档案…" } }],
    },
    {
      name: "one column without a number",
      sheet: setCells(cleanSheet(), { F28: "群众普遍受益" }),
      errors: [{ messageId: "notQuantified", cells: [q("F28")], data: { text: "群众普遍受益" } }],
    },
    {
      name: "vague praise is not a graded level",
      sheet: setCells(cleanSheet(), { E34: "显著提高", F34: "效果明显" }),
      errors: [{ messageId: "notQuantified", cells: [q("E34"), q("F34")] }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E30: "按要求落实" }, OFF)),
      errors: [{ messageId: "notQuantified", cells: [q("E30", OFF)] }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E30: "按要求落实" }),
      errors: [{ messageId: "notQuantified", cells: [q("E30")] }],
    },
  ],
});
