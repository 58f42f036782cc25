import rule from "../../../../src/core/rules/indicators/annual-exceeds-period";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout has no period column", sheet: singleValueSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "a percentage may be higher in the year", sheet: setCells(cleanSheet(), { F28: "≥98%" }) },
    { name: "a smaller annual count", sheet: setCells(cleanSheet(), { E25: "≥9000人次" }) },
    { name: "a per-unit value is not cumulative", sheet: setCells(cleanSheet(), { E21: "每月≥2次", F21: "每月≥3次" }) },
    { name: "a duration is not cumulative", sheet: setCells(cleanSheet(), { D21: "办结时限(天)", E21: "≤5天", F21: "≤7天" }) },
  ],
  invalid: [
    {
      name: "the year promises more activities than the whole period",
      sheet: setCells(cleanSheet(), { F25: "≥5000人次" }),
      errors: [
        { messageId: "exceeds", cells: [q("F25"), q("E25")], severity: "warning", data: { annual: "≥5000人次", period: "≥3000人次" } },
      ],
    },
    {
      name: "amounts in 万元 (1.2万 written as a scale)",
      sheet: setCells(cleanSheet(), { D33: "会议经费支出(万元)", E33: "≤1万元", F33: "≤1.2万元" }),
      errors: [{ messageId: "exceeds", cells: [q("F33"), q("E33")] }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ F26: "≥8场" }, OFF)),
      errors: [{ messageId: "exceeds", cells: [q("F26", OFF), q("E26", OFF)] }],
    },
  ],
});
