import rule from "../../../../src/core/rules/budget/tasks-within-budget";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
const TASKS = ["申报表!D15", "申报表!D16", "申报表!D17", "申报表!D18"];

ruleTester(rule, {
  valid: [
    { name: "the corrected example (32.50 ≤ 40.64)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "tasks exactly equal to 项目支出 (24.34 + 4 + 9.8 + 2.5)", sheet: setCells(cleanSheet(), { D15: 24.34 }) },
    { name: "an unreadable task amount leaves nothing to conclude", sheet: setCells(cleanSheet(), { D15: 400, D16: "待定" }) },
    { name: "a missing 项目支出 skips the check", sheet: setCells(cleanSheet(), { D9: null, D15: 400 }) },
  ],
  invalid: [
    {
      name: "tasks over 项目支出",
      sheet: setCells(cleanSheet(), { D15: 30 }),
      errors: [
        {
          messageId: "exceedsProject",
          cells: [...TASKS, "申报表!D9"],
          severity: "warning",
          data: { tasks: "46.30", project: "40.64", diff: "5.66" },
        },
      ],
    },
    {
      name: "tasks over the whole budget",
      sheet: setCells(cleanSheet(), { D15: 400 }),
      errors: [
        {
          messageId: "exceedsTotal",
          cells: [...TASKS, "申报表!D8", "申报表!D9"],
          severity: "error",
          data: { tasks: "416.30", total: "367.24", basic: "326.60", project: "40.64", diff: "49.06" },
        },
      ],
    },
    {
      name: "a blank task amount: the others alone already exceed the budget",
      sheet: setCells(cleanSheet(), { D15: 400, D16: null }),
      errors: [
        {
          messageId: "exceedsTotal",
          cells: ["申报表!D15", "申报表!D17", "申报表!D18", "申报表!D8", "申报表!D9"],
          data: { tasks: "412.30" },
        },
      ],
    },
    {
      name: "text amounts by their values",
      sheet: setCells(cleanSheet({ numbersAsText: true }), { D15: "30万元" }),
      errors: [{ messageId: "exceedsProject", cells: [...TASKS, "申报表!D9"], data: { tasks: "46.30" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("D15", O)]: 30 }),
      errors: [{ messageId: "exceedsProject", cells: ["申报表!F18", "申报表!F19", "申报表!F20", "申报表!F21", "申报表!F12"] }],
    },
  ],
});
