import rule from "../../../../src/core/rules/budget/headcount-invalid";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "zero units", sheet: setCells(cleanSheet(), { F6: 0 }) },
    { name: "an empty count is left to required/field-empty", sheet: setCells(cleanSheet(), { D6: null }) },
  ],
  invalid: [
    {
      name: "counts stored as text, with fixes",
      sheet: cleanSheet({ numbersAsText: true }),
      errors: [
        { messageId: "textCount", cells: ["申报表!D6"], severity: "warning", fix: { D6: 5 }, data: { raw: "5", value: 5 } },
        { messageId: "textCount", cells: ["申报表!F6"], severity: "warning", fix: { F6: 1 } },
      ],
    },
    {
      name: "a count with its unit, full-width digits",
      sheet: setCells(cleanSheet(), { D6: "5人", F6: "１个" }),
      errors: [
        { messageId: "textCount", cells: ["申报表!D6"], fix: { D6: 5 }, data: { raw: "5人" } },
        { messageId: "textCount", cells: ["申报表!F6"], fix: { F6: 1 } },
      ],
    },
    {
      name: "a fraction and a negative",
      sheet: setCells(cleanSheet(), { D6: 5.5, F6: "-1" }),
      errors: [
        { messageId: "notWhole", cells: ["申报表!D6"], severity: "error", data: { raw: "5.5" } },
        { messageId: "notWhole", cells: ["申报表!F6"], severity: "error" },
      ],
    },
    {
      name: "unreadable text and an error value",
      sheet: setCells(cleanSheet(), { D6: "若干", F6: { error: "#N/A" } }),
      errors: [
        { messageId: "unreadable", cells: ["申报表!D6"], severity: "error", data: { raw: "若干" } },
        { messageId: "unreadable", cells: ["申报表!F6"], data: { raw: "#N/A" } },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("D6", O)]: "5人" }),
      errors: [{ messageId: "textCount", cells: ["申报表!F9"], fix: { F9: 5 } }],
    },
  ],
});
