import { checkWorkbook } from "../../../../src/core/engine";
import rule from "../../../../src/core/rules/budget/amount-not-number";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells, workbook } from "../../../helpers/forms";
import { cellAt } from "../../../helpers/cells";

const O = { rowOffset: 3, colOffset: 2 };

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed (its amounts are numbers)", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "a text amount in 元 is left to budget/amount-invalid", sheet: setCells(cleanSheet(), { D9: "406400元" }) },
    { name: "unreadable text is left to budget/amount-invalid", sheet: setCells(cleanSheet(), { D9: "待定" }) },
  ],
  invalid: [
    {
      name: "every amount stored as text, in reading order, each with a fix to its number",
      sheet: cleanSheet({ numbersAsText: true }),
      errors: [
        {
          messageId: "textAmount",
          cells: ["申报表!D8"],
          severity: "warning",
          fix: { D8: 326.6 },
          data: { raw: "326.60", value: "326.60" },
        },
        { messageId: "textAmount", cells: ["申报表!F8"], fix: { F8: 367.24 } },
        { messageId: "textAmount", cells: ["申报表!D9"], fix: { D9: 40.64 } },
        { messageId: "textAmount", cells: ["申报表!F9"], fix: { F9: 0 } },
        { messageId: "textAmount", cells: ["申报表!D11"], fix: { D11: 0 } },
        { messageId: "textAmount", cells: ["申报表!F11"], fix: { F11: 367.24 } },
        { messageId: "textAmount", cells: ["申报表!D12"], fix: { D12: 0 } },
        { messageId: "textAmount", cells: ["申报表!F12"], fix: { F12: 0 } },
        { messageId: "textAmount", cells: ["申报表!D15"], fix: { D15: 16.2 }, data: { name: "重点工作任务「科普活动」的拟投入的资金" } },
        { messageId: "textAmount", cells: ["申报表!D16"], fix: { D16: 4 } },
        { messageId: "textAmount", cells: ["申报表!D17"], fix: { D17: 9.8 } },
        { messageId: "textAmount", cells: ["申报表!D18"], fix: { D18: 2.5 } },
      ],
    },
    {
      name: "an amount written with its unit",
      sheet: setCells(cleanSheet(), { D9: "40.64万元" }),
      errors: [
        { messageId: "textAmount", cells: ["申报表!D9"], fix: { D9: 40.64 }, data: { name: "项目支出", raw: "40.64万元", value: "40.64" } },
      ],
    },
    {
      name: "full-width digits",
      sheet: setCells(cleanSheet(), { D8: "３２６.６０" }),
      errors: [{ messageId: "textAmount", cells: ["申报表!D8"], fix: { D8: 326.6 } }],
    },
    {
      name: "a text task amount keeps the digits a cent would hide",
      sheet: setCells(cleanSheet(), { D16: "4.0025" }),
      errors: [{ messageId: "textAmount", cells: ["申报表!D16"], fix: { D16: 4.0025 }, data: { value: "4.0025" } }],
    },
    {
      name: "a text amount at an offset is reported and fixed at its own address",
      sheet: setCells(cleanSheet(O), { [at("D9", O)]: "40.64万元" }),
      errors: [{ messageId: "textAmount", cells: ["申报表!F12"], fix: { F12: 40.64 } }],
    },
  ],
});

describe("budget/amount-not-number fix", () => {
  test("the fix refuses to overwrite a cell that changed since (expected = the text as found)", () => {
    const [f] = checkWorkbook(workbook(setCells(cleanSheet(), { D9: "40.64万元" })), {}, [rule]).findings;
    expect(f.fix?.edits).toEqual([{ op: "setValue", ...cellAt("申报表", "D9"), value: 40.64, expected: "40.64万元" }]);
  });
});
