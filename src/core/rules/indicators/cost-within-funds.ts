/**
 * @fileoverview A cost indicator (成本指标, 经济成本) whose target is an amount of money cannot be
 * more than the project's funds: a 年度 target against the year's funds total, an 实施期 target
 * against the period's. A rate or a unit cost (元/亩, 人均, 标准) is no amount of the whole project
 * and is left alone; an amount is read only when its unit (元, 万元, 亿元) is written.
 */
import { formatWan } from "../../amount";
import { FundsBlock, IndicatorRow } from "../../form/model";
import { contentRows, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";
import { usableValue } from "../util/money";

/** A whole amount: a number and a money unit, nothing per unit after it. */
const MONEY = /([\d,]+(?:\.\d+)?)\s*(亿元|万元|元)(?!\s*\/)/;
const PER_UNIT = /\/|每|人均|户均|亩均|单价|标准|单位成本|平均/;
const TO_WAN: Record<string, number> = { 亿元: 10000, 万元: 1, 元: 0.0001 };

function isCost(r: IndicatorRow): boolean {
  return r.level1 === "成本" || r.level2 === "成本" || r.level2 === "经济成本";
}

export default defineRule({
  meta: {
    id: "indicators/cost-within-funds",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "成本指标的金额(写明元、万元的总额)不应超过项目资金总额(年度指标对年度资金,实施期指标对实施期资金)",
      en: "A cost indicator's amount (a total written in 元 or 万元) must not exceed the project's funds (annual target against the year's funds, period target against the period's)",
    },
    messages: {
      exceeds: {
        zh: "成本指标「{{name}}」的指标值「{{value}}」({{amount}} 万元)超过了{{block}}资金总额 {{total}} 万元:请核对金额和单位",
        en: 'Cost indicator "{{name}}" targets {{value}} ({{amount}}, 10k yuan), more than the {{blockEn}} funds total {{total}}: check the amount and its unit',
      },
    },
    kinds: ["project"],
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    const funds = ctx.form.project?.funds ?? [];
    if (!t || funds.length === 0) return;
    const totalOf = (b: FundsBlock | undefined) => (b?.total ? usableValue(b.total.amount) : null);
    const annual = totalOf(funds.find((b) => b.period === "annual"));
    const period = totalOf(funds.find((b) => b.period === "period")) ?? annual;
    for (const r of contentRows(t)) {
      if (!isCost(r) || PER_UNIT.test(r.name.text)) continue;
      for (const v of valueCells(t, r)) {
        const text = v.cell.shown ?? v.cell.text;
        const m = MONEY.exec(text);
        if (!m || PER_UNIT.test(text)) continue;
        const total = v.column === "annual" ? annual : period;
        if (total === null || total <= 0) continue;
        const amount = Number(m[1].replace(/,/g, "")) * TO_WAN[m[2]];
        // Compared to the cent: a target written as the whole budget is fine.
        if (amount - total <= 0.005) continue;
        const isAnnual = v.column === "annual";
        ctx.report({
          messageId: "exceeds",
          data: {
            name: clip(r.name.text),
            value: clip(text),
            amount: formatWan(amount),
            total: formatWan(total),
            block: isAnnual ? "年度" : "实施期",
            blockEn: isAnnual ? "annual" : "implementation-period",
          },
          cells: [{ row: v.cell.row, col: v.cell.col }],
        });
      }
    }
  },
});
