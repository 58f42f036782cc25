/**
 * @fileoverview A cost ceiling larger than all the money the form has: 「≤500万元」 on a department
 * whose whole budget is 367.24万元. Such a cap constrains nothing; a third-party review of 郫都区
 * 民政局 (published-guidance §2, PD) returns a cap of ≤160万 against 386万 spent as "未及时更新",
 * and 孤立化 targets out of scale with the money are a published fault (Z). Compared with the
 * department's total expenditure (部门预算支出合计, else 基本支出 + 项目支出). A warning: the
 * figures are the form's own, but a cap may deliberately cover other funds.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";
import { formAmount } from "../util/formAmounts";
import { showWan, sumCents } from "../util/money";

/** The amount of a value in 万元, when it is money. */
function wan(value: number, unit: string | null): number | null {
  if (unit === "万元") return value;
  if (unit === "元") return value / 10000;
  return null;
}

export default defineRule({
  meta: {
    id: "indicators/cost-above-funds",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "成本指标的金额上限不应超过表上可用的全部资金(部门预算支出合计):超过了的上限不构成约束",
      en: "A cost ceiling must not exceed all the money on the form (the department's total expenditure): such a cap constrains nothing",
    },
    messages: {
      aboveTotal: {
        zh: "成本指标「{{name}}」的上限「{{text}}」({{cap}} 万元)超过了{{fundsName}} {{funds}} 万元:请按实际预算测算成本上限",
        en: 'The cost indicator "{{name}}" caps at "{{text}}" ({{cap}} 万元), more than the {{fundsNameEn}} of {{funds}} 万元: set the cap from the actual budget',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const total = formAmount(ctx.form, "total");
    const basic = formAmount(ctx.form, "basic");
    const project = formAmount(ctx.form, "project");
    const funds = total?.value ?? (basic && project ? sumCents([basic.value, project.value]) : null);
    if (funds === null || funds <= 0) return;
    for (const row of contentRows(t)) {
      const isCost =
        row.level2 === "成本" ||
        row.level2 === "经济成本" ||
        (row.level1 === "成本" && row.level2 !== "社会成本" && row.level2 !== "生态环境成本");
      if (!isCost) continue;
      const over = valueCells(t, row).filter((v) => {
        const p = v.parsed;
        if (!p.main || p.main.date || (p.operator !== null && p.operator !== "≤" && p.operator !== "＜" && p.operator !== "＝"))
          return false;
        const cap = wan(p.main.value, p.unit);
        // A cent of rounding is no excess.
        return cap !== null && cap - funds > 0.005;
      });
      if (over.length === 0) continue;
      const p = over[0].parsed;
      ctx.report({
        messageId: "aboveTotal",
        data: {
          name: clip(row.name.text),
          text: clip(p.raw),
          cap: showWan(wan(p.main!.value, p.unit)!),
          funds: showWan(funds),
          fundsName: total ? "部门预算支出合计" : "基本支出与项目支出之和",
          fundsNameEn: total ? "total expenditure" : "basic plus project expenditure",
        },
        cells: over.map((v) => loc(v.cell)),
      });
    }
  },
});
