import rule from "../../../../src/core/rules/budget/tasks-cover-project";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
const TASKS = ["申报表!D15", "申报表!D16", "申报表!D17", "申报表!D18"];

ruleTester(rule, {
  valid: [
    { name: "the corrected example (32.50 of 40.64, 80%)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "exactly half", sheet: setCells(cleanSheet(), { D9: 65 }) },
    { name: "a blank task amount would understate coverage", sheet: setCells(cleanSheet(), { D9: 100, D16: null }) },
    { name: "no 项目支出 to cover", sheet: setCells(cleanSheet(), { D9: 0 }) },
  ],
  invalid: [
    {
      name: "tasks cover a third of 项目支出",
      sheet: setCells(cleanSheet(), { D9: 100 }),
      errors: [
        {
          messageId: "lowCoverage",
          cells: ["申报表!D9", ...TASKS],
          severity: "info",
          data: { tasks: "32.50", project: "100.00", share: "32.5", min: "50" },
        },
      ],
    },
    {
      name: "a raised minimum share",
      sheet: cleanSheet(),
      options: { minShare: 0.9 },
      errors: [{ messageId: "lowCoverage", cells: ["申报表!D9", ...TASKS], data: { share: "80.0", min: "90" } }],
    },
    {
      name: "text amounts by their values",
      sheet: setCells(cleanSheet({ numbersAsText: true }), { D9: "100.00" }),
      errors: [{ messageId: "lowCoverage", cells: ["申报表!D9", ...TASKS], data: { share: "32.5" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("D9", O)]: 100 }),
      errors: [{ messageId: "lowCoverage", cells: ["申报表!F12", "申报表!F18", "申报表!F19", "申报表!F20", "申报表!F21"] }],
    },
  ],
});
