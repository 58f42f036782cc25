/**
 * @fileoverview Income must equal expenditure: 基本支出 + 项目支出 = 财政拨款 + 其他资金 (domain-rules
 * R1/R2), and, where the form prints 合计 under either side, 基本支出 + 项目支出 = 支出合计 and
 * 财政拨款 + 其他资金 = 收入合计. Amounts are compared in cents so float noise never reports a
 * difference; a missing operand skips the check.
 */
import { formatWan } from "../../amount";
import { defineRule } from "../types";
import { formAmount, formAmounts } from "../util/formAmounts";
import { differs, roundCents, sumCents } from "../util/money";
import { numberOption } from "../util/options";

export default defineRule({
  meta: {
    id: "budget/income-matches-expenditure",
    category: "budget",
    severity: "error",
    docs: {
      zh: "支出合计(基本支出 + 项目支出)应等于收入合计(财政拨款 + 其他资金),并分别等于表中部门预算支出、收入来源下的合计栏(如有)",
      en: "Expenditure (basic + project) must equal income (fiscal appropriation + other funds), and each must equal the total printed under its side, if there is one",
    },
    messages: {
      incomeMismatch: {
        zh: "支出合计 {{expenditure}} 万元(基本 {{basic}} + 项目 {{project}})≠ 收入合计 {{income}} 万元(财政拨款 {{fiscal}} + 其他资金 {{otherFunds}}),差额 {{diff}} 万元。请核对这四个金额,使收支相等",
        en: "Expenditure {{expenditure}} (basic {{basic}} + project {{project}}) ≠ income {{income}} (fiscal {{fiscal}} + other funds {{otherFunds}}), a difference of {{diff}} (10k yuan). Check these four amounts so income equals expenditure",
      },
      totalMismatch: {
        zh: "支出合计 {{expenditure}} 万元(基本 {{basic}} + 项目 {{project}})≠ 合计栏 {{total}} 万元,差额 {{diff}} 万元。请核对基本支出、项目支出与合计",
        en: "Expenditure {{expenditure}} (basic {{basic}} + project {{project}}) ≠ the printed total {{total}}, a difference of {{diff}} (10k yuan). Check basic, project and the total",
      },
      incomeTotalMismatch: {
        zh: "收入合计 {{income}} 万元(财政拨款 {{fiscal}} + 其他资金 {{otherFunds}})≠ 收入来源合计栏 {{incomeTotal}} 万元,差额 {{diff}} 万元。请核对财政拨款、其他资金与收入合计",
        en: "Income {{income}} (fiscal {{fiscal}} + other funds {{otherFunds}}) ≠ the income total printed {{incomeTotal}}, a difference of {{diff}} (10k yuan). Check fiscal appropriation, other funds and the income total",
      },
    },
    kinds: ["department"],
    defaultOptions: { tolerance: 0.005 },
    optionDocs: {
      tolerance: {
        zh: "允许的差额(万元),默认 0.005,即分位上不允许有差",
        en: "Allowed difference (10k yuan); default 0.005, i.e. the figures must agree to the cent",
      },
    },
  },
  check(ctx) {
    const tolerance = numberOption(ctx.options.tolerance, 0.005);
    const inc = formAmounts(ctx.form, ["fiscal", "otherFunds"] as const);
    const a = formAmounts(ctx.form, ["basic", "project"] as const);
    if (!a) {
      checkIncomeTotal();
      return;
    }
    const expenditure = sumCents([a.basic.value, a.project.value]);
    const spent = { expenditure: formatWan(expenditure), basic: formatWan(a.basic.value), project: formatWan(a.project.value) };

    if (inc) {
      const income = sumCents([inc.fiscal.value, inc.otherFunds.value]);
      if (differs(expenditure, income, tolerance)) {
        ctx.report({
          messageId: "incomeMismatch",
          data: {
            ...spent,
            income: formatWan(income),
            fiscal: formatWan(inc.fiscal.value),
            otherFunds: formatWan(inc.otherFunds.value),
            diff: formatWan(Math.abs(roundCents(expenditure - income))),
          },
          cells: [a.basic.cell, a.project.cell, inc.fiscal.cell, inc.otherFunds.cell],
        });
      }
    }

    const total = formAmount(ctx.form, "total");
    if (total && differs(expenditure, total.value, tolerance)) {
      ctx.report({
        messageId: "totalMismatch",
        data: { ...spent, total: formatWan(total.value), diff: formatWan(Math.abs(roundCents(expenditure - total.value))) },
        cells: [a.basic.cell, a.project.cell, total.cell],
      });
    }
    checkIncomeTotal();

    function checkIncomeTotal(): void {
      const printed = formAmount(ctx.form, "incomeTotal");
      if (!inc || !printed) return;
      const income = sumCents([inc.fiscal.value, inc.otherFunds.value]);
      if (!differs(income, printed.value, tolerance)) return;
      ctx.report({
        messageId: "incomeTotalMismatch",
        data: {
          income: formatWan(income),
          fiscal: formatWan(inc.fiscal.value),
          otherFunds: formatWan(inc.otherFunds.value),
          incomeTotal: formatWan(printed.value),
          diff: formatWan(Math.abs(roundCents(income - printed.value))),
        },
        cells: [inc.fiscal.cell, inc.otherFunds.cell, printed.cell],
      });
    }
  },
});
