import rule from "../../../../src/core/rules/indicators/cost-within-funds";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

// On the department form the money is its total expenditure: the corrected example spends 326.60 + 40.64 = 367.24万元.
ruleTester(rule, {
  valid: [
    { name: "the corrected example (a rate, not an amount)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "a cap within the budget", sheet: setCells(cleanSheet(), { D33: "会议经费(万元)", E33: "≤3.5万元", F33: "≤3.5万元" }) },
    { name: "exactly the budget, in 元", sheet: setCells(cleanSheet(), { D33: "部门运行成本(元)", F33: "≤3672400元" }) },
    { name: "a floor on money is not a cap", sheet: setCells(cleanSheet(), { D33: "会议经费(万元)", F33: "≥500万元" }) },
  ],
  invalid: [
    {
      // 郫都区民政局 2025 (published-guidance §2, PD): a cap not updated to the budget.
      name: "a cap of ≤500万元 on a 367.24万元 budget",
      sheet: setCells(cleanSheet(), { D33: "会议经费(万元)", E33: "≤500万元", F33: "≤500万元" }),
      errors: [
        {
          messageId: "aboveBudget",
          cells: [q("E33")],
          severity: "warning",
          data: { amount: "500.00", total: "367.24", fundsName: "基本支出与项目支出之和" },
        },
        { messageId: "aboveBudget", cells: [q("F33")], data: { amount: "500.00", total: "367.24" } },
      ],
    },
    {
      name: "a cap in 元 above the budget",
      sheet: setCells(cleanSheet(), { D33: "部门运行成本(元)", F33: "≤4000000元" }),
      errors: [{ messageId: "aboveBudget", cells: [q("F33")], data: { amount: "400.00" } }],
    },
  ],
});
