import rule from "../../../../src/core/rules/indicators/impossible-target";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example (＝100%, ≤100% for a cost control rate)", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "a growth rate may exceed 100%", sheet: setCells(cleanSheet(), { D34: "科普受众增长率(%)", E34: "≥120%", F34: "≥120%" }) },
    { name: "a value that speaks of growth", sheet: setCells(cleanSheet(), { E35: "比上年增长150%" }) },
    { name: "≥100% satisfaction is left to satisfaction-below-floor", sheet: setCells(cleanSheet(), { E37: "≥100%" }) },
    { name: "a neutral count with ≤", sheet: setCells(cleanSheet(), { E25: "≤3000人次" }) },
  ],
  invalid: [
    {
      name: "a rate above 100%",
      sheet: setCells(cleanSheet(), { F28: "≥120%" }),
      errors: [{ messageId: "over100", cells: [q("F28")], severity: "error", data: { text: "≥120%" } }],
    },
    {
      name: "＞100% cannot be met either",
      sheet: setCells(cleanSheet(), { E29: "＞100%", F29: "＞100%" }),
      errors: [{ messageId: "over100", cells: [q("E29"), q("F29")] }],
    },
    {
      name: "≥100% is fixed to ＝100%, keeping the rest of the text",
      sheet: setCells(cleanSheet(), { E30: "≥100%", F30: "合格率≥100%" }),
      errors: [
        {
          messageId: "atLeast100",
          cells: [q("E30"), q("F30")],
          severity: "warning",
          fix: { E30: "＝100%", F30: "合格率＝100%" },
        },
      ],
    },
    {
      name: "ASCII >=100% is fixed to ＝100% as well",
      sheet: setCells(cleanSheet(), { F32: ">=100%" }),
      errors: [{ messageId: "atLeast100", cells: [q("F32")], fix: { F32: "＝100%" } }],
    },
    {
      name: "a positive rate with an upper bound",
      sheet: setCells(cleanSheet(), { F31: "≤95%" }),
      errors: [{ messageId: "positiveUpper", cells: [q("F31")], data: { name: "重点工作任务按时完成率(%)" } }],
    },
    {
      name: "a cost control rate with a lower bound is not fixed to ＝",
      sheet: setCells(cleanSheet(), { E33: "≥100%", F33: "≥100%" }),
      errors: [{ messageId: "negativeLower", cells: [q("E33"), q("F33")] }],
    },
    {
      name: "a negative rate and a cost amount with lower bounds",
      sheet: setCells(cleanSheet(), {
        D29: "群众投诉率(%)",
        E29: "≥5%",
        F29: "≤5%",
        D36: "项目总成本(万元)",
        E36: "≥1125万元",
        F36: "≤1125万元",
      }),
      errors: [
        { messageId: "negativeLower", cells: [q("E29")] },
        { messageId: "negativeLower", cells: [q("E36")] },
      ],
    },
    {
      name: "a number cell of 120 under a (%) name",
      sheet: setCells(cleanSheet(), { F28: 120 }),
      errors: [{ messageId: "over100", cells: [q("F28")] }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ F30: "≥100%" }, OFF)),
      errors: [{ messageId: "atLeast100", cells: [q("F30", OFF)], fix: shifted({ F30: "＝100%" }, OFF) }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E30: "≥100%" }),
      errors: [{ messageId: "atLeast100", cells: [q("E30")], fix: { E30: "＝100%" } }],
    },
  ],
});
