import rule from "../../../../src/core/rules/indicators/operator-style";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example (full-width ＝ and ≥ ≤)", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "no operator at all", sheet: setCells(cleanSheet(), { E21: "2次", F21: "2次" }) },
  ],
  invalid: [
    {
      name: ">= in both value columns",
      sheet: setCells(cleanSheet(), { E21: ">=2次", F21: ">=2次" }),
      errors: [
        {
          messageId: "ascii",
          cells: [q("E21"), q("F21")],
          severity: "info",
          data: { text: ">=2次", op: ">=", official: "≥" },
          fix: { E21: "≥2次", F21: "≥2次" },
        },
      ],
    },
    {
      name: "an ASCII = in the annual column only; the rest of the text is kept",
      sheet: setCells(cleanSheet(), { F30: "检查合格率=100%" }),
      errors: [{ messageId: "ascii", cells: [q("F30")], data: { op: "=", official: "＝" }, fix: { F30: "检查合格率＝100%" } }],
    },
    {
      name: "<= and < in one value",
      sheet: setCells(cleanSheet(), { E33: "<=100%,<5万元" }),
      errors: [{ messageId: "ascii", cells: [q("E33")], fix: { E33: "≤100%,＜5万元" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ F22: "=1个" }, OFF)),
      errors: [{ messageId: "ascii", cells: [q("F22", OFF)], fix: shifted({ F22: "＝1个" }, OFF) }],
    },
    {
      name: "the single-value layout (指标值 in column E)",
      sheet: setCells(singleValueSheet(), { E26: ">6场" }),
      errors: [{ messageId: "ascii", cells: [q("E26")], data: { official: "＞" }, fix: { E26: "＞6场" } }],
    },
  ],
});
