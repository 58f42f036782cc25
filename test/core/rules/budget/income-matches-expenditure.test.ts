import { checkWorkbook } from "../../../../src/core/engine";
import rule from "../../../../src/core/rules/budget/income-matches-expenditure";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanRows, cleanSheet, layoutFromRows, seedSheet, setCells, workbook } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };

/** The corrected form with a 合计 row (row 10, value in D10) after 项目支出, as some variants print it. */
function withTotalRow(total: string) {
  const rows = cleanRows();
  const i = rows.findIndex((r) => r[1] === "项目支出");
  rows.splice(i + 1, 0, ["", "合计", "", total, "", ""]);
  return layoutFromRows(rows);
}

/** Row 10 prints 合计 on both sides: expenditure under 部门预算支出 (D10), income under 收入来源 (F10). */
function withBothTotals(expenditure: string, income: string) {
  const rows = cleanRows();
  const i = rows.findIndex((r) => r[1] === "项目支出");
  rows.splice(i + 1, 0, ["", "合计", "", expenditure, "合计", income]);
  return layoutFromRows(rows);
}

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed (326.60 + 40.64 = 367.24)", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text are reconciled by their values", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "0.1 + 0.2 equals 0.3 (no float noise)", sheet: setCells(cleanSheet(), { D8: 0.1, D9: 0.2, F8: 0.3, F9: 0 }) },
    { name: "a missing operand skips the check", sheet: setCells(cleanSheet(), { D9: null }) },
    { name: "an unreadable operand skips the check", sheet: setCells(cleanSheet(), { F9: "待定" }) },
    { name: "a difference within a widened tolerance", sheet: setCells(cleanSheet(), { D9: 40.65 }), options: { tolerance: 0.01 } },
    { name: "a matching 合计 row", sheet: withTotalRow("367.24") },
    { name: "matching 合计 on both sides of one row", sheet: withBothTotals("367.24", "367.24") },
    { name: "an empty income 合计 is left to required/field-empty", sheet: withBothTotals("367.24", "") },
  ],
  invalid: [
    {
      name: "expenditure over income",
      sheet: setCells(cleanSheet(), { D9: 50.64 }),
      errors: [
        {
          messageId: "incomeMismatch",
          cells: ["申报表!D8", "申报表!D9", "申报表!F8", "申报表!F9"],
          severity: "error",
          data: {
            expenditure: "377.24",
            basic: "326.60",
            project: "50.64",
            income: "367.24",
            fiscal: "367.24",
            otherFunds: "0.00",
            diff: "10.00",
          },
        },
      ],
    },
    {
      name: "a one-cent difference",
      sheet: setCells(cleanSheet(), { F9: 0.01 }),
      errors: [
        {
          messageId: "incomeMismatch",
          cells: ["申报表!D8", "申报表!D9", "申报表!F8", "申报表!F9"],
          data: { diff: "0.01", income: "367.25" },
        },
      ],
    },
    {
      name: "text amounts reconciled by their parsed values",
      sheet: setCells(cleanSheet({ numbersAsText: true }), { F8: "357.24万元" }),
      errors: [{ messageId: "incomeMismatch", cells: ["申报表!D8", "申报表!D9", "申报表!F8", "申报表!F9"], data: { diff: "10.00" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("F9", O)]: 5 }),
      errors: [{ messageId: "incomeMismatch", cells: ["申报表!F11", "申报表!F12", "申报表!H11", "申报表!H12"], data: { diff: "5.00" } }],
    },
    {
      name: "a 合计 row that disagrees with 基本 + 项目",
      sheet: withTotalRow("377.24"),
      errors: [
        {
          messageId: "totalMismatch",
          cells: ["申报表!D8", "申报表!D9", "申报表!D10"],
          data: { total: "377.24", expenditure: "367.24", diff: "10.00" },
        },
      ],
    },
    {
      name: "both income and the 合计 row disagree",
      sheet: setCells(withTotalRow("367.24"), { D9: 50.64 }),
      errors: [
        { messageId: "incomeMismatch", cells: ["申报表!D8", "申报表!D9", "申报表!F8", "申报表!F9"] },
        { messageId: "totalMismatch", cells: ["申报表!D8", "申报表!D9", "申报表!D10"] },
      ],
    },
    {
      name: "an income 合计 that disagrees with 财政拨款 + 其他资金",
      sheet: withBothTotals("367.24", "377.24"),
      errors: [
        {
          messageId: "incomeTotalMismatch",
          cells: ["申报表!F8", "申报表!F9", "申报表!F10"],
          data: { income: "367.24", fiscal: "367.24", otherFunds: "0.00", incomeTotal: "377.24", diff: "10.00" },
        },
      ],
    },
    {
      name: "the income 合计 is checked even when an expenditure figure is missing",
      sheet: setCells(withBothTotals("367.24", "360.00"), { D8: null }),
      errors: [{ messageId: "incomeTotalMismatch", cells: ["申报表!F8", "申报表!F9", "申报表!F10"], data: { diff: "7.24" } }],
    },
    {
      name: "each side's 合计 is reported against its own side",
      sheet: setCells(withBothTotals("367.24", "367.24"), { D9: 50.64, F9: 10 }),
      errors: [
        { messageId: "totalMismatch", cells: ["申报表!D8", "申报表!D9", "申报表!D10"], data: { diff: "10.00" } },
        { messageId: "incomeTotalMismatch", cells: ["申报表!F8", "申报表!F9", "申报表!F10"], data: { income: "377.24", diff: "10.00" } },
      ],
    },
  ],
});

describe("budget/income-matches-expenditure message", () => {
  test("states both sums and the difference with 2 decimals", () => {
    const [f] = checkWorkbook(workbook(setCells(cleanSheet(), { D9: 50.64 })), {}, [rule]).findings;
    expect(f.message.zh).toBe(
      "支出合计 377.24 万元(基本 326.60 + 项目 50.64)≠ 收入合计 367.24 万元(财政拨款 367.24 + 其他资金 0.00),差额 10.00 万元。请核对这四个金额,使收支相等",
    );
    expect(f.message.en).toContain("Expenditure 377.24 (basic 326.60 + project 50.64) ≠ income 367.24");
  });

  test("the income 合计 message states both figures and the difference", () => {
    const [f] = checkWorkbook(workbook(withBothTotals("367.24", "377.24")), {}, [rule]).findings;
    expect(f.message.zh).toBe(
      "收入合计 367.24 万元(财政拨款 367.24 + 其他资金 0.00)≠ 收入来源合计栏 377.24 万元,差额 10.00 万元。请核对财政拨款、其他资金与收入合计",
    );
  });

  test("the 合计 row is recognised where the variant prints it", () => {
    const [form] = checkWorkbook(workbook(withTotalRow("367.24")), {}, [rule]).forms;
    expect(form.model.amounts.total?.amount.value).toBe(367.24);
  });
});
