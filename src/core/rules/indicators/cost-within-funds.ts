/**
 * @fileoverview A cost indicator (成本指标, 经济成本) whose target is an amount of money cannot be
 * more than the money the form has: on a project form, a 年度 target against the year's funds total
 * and an 实施期 target against the period's; on the department form, against its total expenditure
 * (部门预算支出合计, else 基本支出 + 项目支出). A cap above all the money constrains nothing: a
 * third-party review of 郫都区民政局 (published-guidance §2, PD) returns ≤160万 against 386万 spent
 * as "未及时更新", and 孤立化 targets out of scale with the money are a published fault (Z). A rate
 * or a unit cost (元/亩, 人均, 标准) is no amount of the whole and is left alone; an amount is read
 * only when its unit (元, 万元, 亿元) is written.
 */
import { formatWan } from "../../amount";
import { FormModel, FundsBlock, IndicatorRow } from "../../form/model";
import { contentRows, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";
import { formAmount } from "../util/formAmounts";
import { sumCents, usableValue } from "../util/money";

/** A whole amount: a number and a money unit, nothing per unit after it. */
const MONEY = /([\d,]+(?:\.\d+)?)\s*(亿元|万元|元)(?!\s*\/)/;
const PER_UNIT = /\/|每|人均|户均|亩均|单价|标准|单位成本|平均/;
const FLOOR = /^\s*(≥|>=|＞|>|不低于|不少于)/;
const TO_WAN: Record<string, number> = { 亿元: 10000, 万元: 1, 元: 0.0001 };

function isCost(r: IndicatorRow): boolean {
  return r.level1 === "成本" || r.level2 === "成本" || r.level2 === "经济成本";
}

/** The department's whole budget: its printed total, else basic + project expenditure. */
function departmentTotal(form: FormModel): { value: number; total: boolean } | null {
  const total = formAmount(form, "total");
  if (total) return { value: total.value, total: true };
  const basic = formAmount(form, "basic");
  const project = formAmount(form, "project");
  return basic && project ? { value: sumCents([basic.value, project.value]), total: false } : null;
}

export default defineRule({
  meta: {
    id: "indicators/cost-within-funds",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "成本指标的金额(写明元、万元的总额)不应超过表上的资金:项目表对项目资金总额(年度指标对年度资金,实施期指标对实施期资金),部门整体表对部门预算支出合计",
      en: "A cost indicator's amount (a total written in 元 or 万元) must not exceed the form's money: a project's funds (annual against the year's, period against the period's), or the department's total expenditure",
    },
    messages: {
      exceeds: {
        zh: "成本指标「{{name}}」的指标值「{{value}}」({{amount}} 万元)超过了{{block}}资金总额 {{total}} 万元:请核对金额和单位",
        en: 'Cost indicator "{{name}}" targets {{value}} ({{amount}}, 10k yuan), more than the {{blockEn}} funds total {{total}}: check the amount and its unit',
      },
      aboveBudget: {
        zh: "成本指标「{{name}}」的上限「{{value}}」({{amount}} 万元)超过了{{fundsName}} {{total}} 万元:请按实际预算测算成本上限",
        en: 'The cost indicator "{{name}}" caps at "{{value}}" ({{amount}} 万元), more than the {{fundsNameEn}} of {{total}} 万元: set the cap from the actual budget',
      },
    },
    kinds: ["department", "project"],
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const department = ctx.form.kind === "department" ? departmentTotal(ctx.form) : null;
    const funds = ctx.form.project?.funds ?? [];
    if (!department && funds.length === 0) return;
    const totalOf = (b: FundsBlock | undefined) => (b?.total ? usableValue(b.total.amount) : null);
    const annual = department?.value ?? totalOf(funds.find((b) => b.period === "annual"));
    const period = department?.value ?? totalOf(funds.find((b) => b.period === "period")) ?? annual;
    for (const r of contentRows(t)) {
      if (!isCost(r) || PER_UNIT.test(r.name.text)) continue;
      for (const v of valueCells(t, r)) {
        const text = v.cell.shown ?? v.cell.text;
        const m = MONEY.exec(text);
        // A floor on a cost points the wrong way: indicators/impossible-target says so.
        if (!m || PER_UNIT.test(text) || FLOOR.test(text)) continue;
        const total = v.column === "annual" ? annual : period;
        if (total === null || total <= 0) continue;
        const amount = Number(m[1].replace(/,/g, "")) * TO_WAN[m[2]];
        // Compared to the cent: a target written as the whole budget is fine.
        if (amount - total <= 0.005) continue;
        const isAnnual = v.column === "annual";
        if (department) {
          ctx.report({
            messageId: "aboveBudget",
            data: {
              name: clip(r.name.text),
              value: clip(text),
              amount: formatWan(amount),
              total: formatWan(total),
              fundsName: department.total ? "部门预算支出合计" : "基本支出与项目支出之和",
              fundsNameEn: department.total ? "total expenditure" : "basic plus project expenditure",
            },
            cells: [{ row: v.cell.row, col: v.cell.col }],
          });
          continue;
        }
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
