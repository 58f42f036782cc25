/**
 * @fileoverview An amount typed as text ("326.60" stored as text, "40.64万元", full-width digits).
 * The checker reads the number, but Excel's SUM and the finance system skip text, so a total built on
 * it comes out short. The fix writes the same number back as a number.
 */
import { toA1 } from "../../a1";
import { setValue } from "../../plan/editPlan";
import { defineRule } from "../types";
import { amountCells } from "../util/amountCells";
import { showWan } from "../util/money";

export default defineRule({
  meta: {
    id: "budget/amount-not-number",
    category: "budget",
    severity: "warning",
    fixable: true,
    docs: {
      zh: "金额单元格存的是文本(如文本格式的 326.60、“40.64万元”、全角数字):核对时按读出的数字计算,但 Excel 求和会忽略文本",
      en: 'An amount cell holds text ("326.60" stored as text, "40.64万元", full-width digits): the check uses the number read, but Excel\'s SUM ignores text',
    },
    messages: {
      textAmount: {
        zh: "{{name}}「{{raw}}」是文本而不是数字:核对时按 {{value}} 万元计算,但 Excel 求和会忽略它。请改为数字 {{value}}(可一键修正)",
        en: '{{nameEn}} "{{raw}}" is text, not a number: the check reads {{value}} (10k yuan), but Excel\'s SUM ignores it. Enter it as the number {{value}} (one-click fix available)',
      },
    },
    kinds: ["department"],
    defaultOptions: {},
  },
  check(ctx) {
    for (const a of amountCells(ctx.form)) {
      // A figure in 元 would become a wrong 万元 number: budget/amount-invalid asks for the conversion instead.
      if (a.amount.state !== "text-number" || a.amount.value === null || a.amount.unit === "元") continue;
      const address = toA1(a.cell.row, a.cell.col);
      const value = showWan(a.amount.value);
      ctx.report({
        messageId: "textAmount",
        data: { name: a.name.zh, nameEn: a.name.en, raw: a.amount.raw, value },
        cells: [{ row: a.cell.row, col: a.cell.col }],
        fix: {
          title: { zh: `将 ${address} 改为数字 ${value}`, en: `Store ${address} as the number ${value}` },
          edits: [setValue({ sheet: ctx.form.sheet, row: a.cell.row, col: a.cell.col }, a.amount.value, a.cell.value)],
        },
      });
    }
  },
});
