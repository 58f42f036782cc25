import rule from "../../../../src/core/rules/budget/levels-match-expenditure";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
/** The split of the corrected form redone as a split of 项目支出 (40.64). */
const projectSplit = () => setCells(cleanSheet(), { F11: 30.64, F12: 10 });

ruleTester(rule, {
  valid: [
    { name: "the corrected example (367.24 + 0.00 = 326.60 + 40.64)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "a split of 项目支出 with base project", sheet: projectSplit(), options: { base: "project" } },
    { name: "a missing operand skips the check", sheet: setCells(cleanSheet(), { F12: null }) },
    { name: "an unknown base falls back to the total", sheet: cleanSheet(), options: { base: "whatever" } },
  ],
  invalid: [
    {
      name: "a split that misses the total",
      sheet: setCells(cleanSheet(), { F11: 357.24 }),
      errors: [
        {
          messageId: "totalMismatch",
          cells: ["申报表!F11", "申报表!F12", "申报表!D8", "申报表!D9"],
          severity: "warning",
          data: { levels: "357.24", local: "357.24", transfer: "0.00", base: "367.24", diff: "10.00" },
        },
      ],
    },
    {
      name: "a split of 项目支出 fails the default base",
      sheet: projectSplit(),
      errors: [
        {
          messageId: "totalMismatch",
          cells: ["申报表!F11", "申报表!F12", "申报表!D8", "申报表!D9"],
          data: { levels: "40.64", diff: "326.60" },
        },
      ],
    },
    {
      name: "base project on the corrected example",
      sheet: cleanSheet(),
      options: { base: "project" },
      errors: [{ messageId: "projectMismatch", cells: ["申报表!F11", "申报表!F12", "申报表!D9"], data: { base: "40.64", diff: "326.60" } }],
    },
    {
      name: "base either: neither matches",
      sheet: setCells(cleanSheet(), { F11: 100 }),
      options: { base: "either" },
      errors: [
        {
          messageId: "neitherMatches",
          cells: ["申报表!F11", "申报表!F12", "申报表!D8", "申报表!D9"],
          data: { total: "367.24", project: "40.64" },
        },
      ],
    },
    {
      name: "base either says the total matched",
      sheet: cleanSheet(),
      options: { base: "either" },
      errors: [{ messageId: "matchedBase", cells: ["申报表!F11", "申报表!F12"], severity: "info", data: { base: "total" } }],
    },
    {
      name: "base either says 项目支出 matched",
      sheet: projectSplit(),
      options: { base: "either" },
      errors: [{ messageId: "matchedBase", cells: ["申报表!F11", "申报表!F12"], severity: "info", data: { base: "project" } }],
    },
    {
      name: "text amounts by their values",
      sheet: setCells(cleanSheet({ numbersAsText: true }), { F12: "5.00" }),
      errors: [{ messageId: "totalMismatch", cells: ["申报表!F11", "申报表!F12", "申报表!D8", "申报表!D9"], data: { diff: "5.00" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("F12", O)]: 1 }),
      errors: [{ messageId: "totalMismatch", cells: ["申报表!H14", "申报表!H15", "申报表!F11", "申报表!F12"] }],
    },
  ],
});
