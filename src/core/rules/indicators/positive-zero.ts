/**
 * @fileoverview An indicator the department wants more of, set to zero (「＝0次」 for a count of
 * activities, 「0%」 for a completion rate): the budget system of the 一体化 platform raises
 * "正向指标年度指标值等于0" (published-guidance §2, T), since a zero target promises nothing. Zero is
 * right for what should not happen (事故, 投诉, 差错 …: those read as negative and are left alone),
 * so only positive rates and plain counts of outputs are checked.
 */
import { contentRows, loc, rowKind, rowLabel, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

/** A count of things produced: 次数, 场次, 人数, 个数, 篇数 … */
const COUNT = /(次数|场次|人次|人数|户数|个数|篇数|件数|期数|项数|场数|册数|套数|台数|数量)$/;
/** What one wants none of, whatever the grammar of the name: 事故起数, 舆情数量, 违规件数 … */
const UNWANTED =
  /(事故|投诉|舆情|违规|违纪|违法|案件|纠纷|差错|失误|错误|上访|信访|伤亡|死亡|损失|超标|逾期|故障|缺陷|返工|流失|欠款|债务|隐患)/;

export default defineRule({
  meta: {
    id: "indicators/positive-zero",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "正向指标(越多越好的完成率、活动次数等)的指标值不能为 0:目标为 0 等于没有目标",
      en: "A positive indicator (a completion rate, a count of activities) must not target zero: a zero target promises nothing",
    },
    messages: {
      zero: {
        zh: "「{{name}}」是越多越好的正向指标,指标值「{{text}}」却为 0,等于没有目标:请填写计划达到的数量或比率",
        en: '"{{name}}" is an indicator where more is better, but its target "{{text}}" is zero, which promises nothing: state the planned count or rate',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const values = valueCells(t, row);
      const label = rowLabel(row, values);
      if (!row.name.text || UNWANTED.test(label)) continue;
      const kind = rowKind(t, row, label);
      const countOfOutputs = row.level2 === "数量" && COUNT.test(label.replace(/\([^()]*\)$/, ""));
      if (kind.growth || !(kind.direction === "positive" || (kind.direction === "neutral" && countOfOutputs))) continue;
      const zero = values.filter((v) => {
        const p = v.parsed;
        if (!p.main || p.main.date || p.main.value !== 0 || p.numbers.filter((h) => !h.date).length !== 1) return false;
        // 「≥0」 or 「≤0」 read the other way round are impossible-target's; 「＝0」, 「0次」 promise nothing.
        return p.operator === null || p.operator === "＝" || p.operator === "≤";
      });
      if (zero.length === 0) continue;
      ctx.report({
        messageId: "zero",
        data: { name: clip(row.name.text), text: clip(zero[0].parsed.raw) },
        cells: zero.map((v) => loc(v.cell)),
      });
    }
  },
});
