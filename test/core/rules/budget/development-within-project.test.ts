import rule from "../../../../src/core/rules/budget/development-within-project";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };

ruleTester(rule, {
  valid: [
    { name: "the corrected example (0.00 + 0.00 ≤ 40.64)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "equal to 项目支出 is within", sheet: setCells(cleanSheet(), { D11: 30.64, D12: 10 }) },
    { name: "mode equal, equal sums", sheet: setCells(cleanSheet(), { D11: 30.64, D12: 10 }), options: { mode: "equal" } },
    {
      name: "0.1 + 0.2 against 0.3 (no float noise)",
      sheet: setCells(cleanSheet(), { D11: 0.1, D12: 0.2, D9: 0.3 }),
      options: { mode: "equal" },
    },
    { name: "a missing operand skips the check", sheet: setCells(cleanSheet(), { D11: null, D12: 100 }) },
  ],
  invalid: [
    {
      name: "development spending over 项目支出",
      sheet: setCells(cleanSheet(), { D11: 30, D12: 20 }),
      errors: [
        {
          messageId: "exceedsProject",
          cells: ["申报表!D11", "申报表!D12", "申报表!D9"],
          severity: "warning",
          data: { development: "50.00", special: "30.00", otherDevelopment: "20.00", project: "40.64", diff: "9.36" },
        },
      ],
    },
    {
      name: "mode equal on the corrected example",
      sheet: cleanSheet(),
      options: { mode: "equal" },
      errors: [
        { messageId: "notEqualProject", cells: ["申报表!D11", "申报表!D12", "申报表!D9"], data: { development: "0.00", diff: "40.64" } },
      ],
    },
    {
      name: "text amounts by their values",
      sheet: setCells(cleanSheet({ numbersAsText: true }), { D11: "40.65" }),
      errors: [{ messageId: "exceedsProject", cells: ["申报表!D11", "申报表!D12", "申报表!D9"], data: { diff: "0.01" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("D12", O)]: 41 }),
      errors: [{ messageId: "exceedsProject", cells: ["申报表!F14", "申报表!F15", "申报表!F12"] }],
    },
  ],
});
