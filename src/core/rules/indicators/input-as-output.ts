/**
 * @fileoverview Money put in, offered as an output: a 数量/质量/时效 row whose target is an amount
 * (岳阳楼区 2023: 28.8万元 under 数量指标). "财力、人力和物力等投入数量不能作为绩效目标"
 * (published-guidance §1, dybbs8): outputs are what the money buys; the money itself belongs in the
 * funds block, and a ceiling on it under 成本指标.
 */
import { contentRows, loc, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

const MONEY = new Set(["万元", "元"]);

export default defineRule({
  meta: {
    id: "indicators/input-as-output",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "投入的资金不能作为产出指标:数量、质量、时效指标的目标不应是金额(万元/元),金额的上限应写在成本指标里",
      en: "Money put in is not an output: a quantity, quality or timeliness target must not be an amount (万元/元); a ceiling on money belongs under cost",
    },
    messages: {
      money: {
        zh: "「{{level2}}」下的「{{name}}」以金额「{{text}}」为目标,这是投入而不是产出:请改为资金带来的产出(如完成的数量、覆盖的人数),金额上限可写在成本指标中",
        en: 'Under "{{level2}}", "{{name}}" targets the amount "{{text}}": money put in is not an output. State what it delivers (a count, the people reached); a ceiling on money goes under cost',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      if (row.level1 !== "产出" || (row.level2 !== "数量" && row.level2 !== "质量" && row.level2 !== "时效")) continue;
      const nameUnit = rowName(t, row).unit;
      const money = valueCells(t, row).filter((v) => {
        const unit = v.parsed.main && !v.parsed.main.date ? v.parsed.unit : null;
        return (unit !== null && MONEY.has(unit)) || (unit === null && v.parsed.main !== null && nameUnit !== null && MONEY.has(nameUnit));
      });
      if (money.length === 0) continue;
      ctx.report({
        messageId: "money",
        data: { level2: clip(row.level2Text), name: clip(row.name.text), text: clip(money[0].parsed.raw) },
        cells: money.map((v) => loc(v.cell)),
      });
    }
  },
});
