/**
 * @fileoverview Two measures in one target: 「科普咨询活动2次,受众1200人」 (the example form),
 * 「培训100人次,人均成本≤500元」. A row is one indicator with one target (财预〔2020〕10号: each
 * 三级 indicator "分别设定具体的指标值"); two figures in different units cannot both be the row's
 * target, and the self-evaluation cannot score them as one. Same-unit figures (「3个乡镇10个村」, a
 * range 90%–95%) and dates are left alone.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/compound-target",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "一个指标值里写了两个不同单位的目标(如「活动2次,受众1200人」):应拆成两个三级指标,各写一个目标值",
      en: "One target holds two measures in different units (「活动2次,受众1200人」): split it into two indicators, one target each",
    },
    messages: {
      compound: {
        zh: "指标值「{{text}}」包含两个目标({{first}}、{{second}}):请拆成两个三级指标,每个指标只写一个目标值",
        en: 'The target "{{text}}" holds two targets ({{first}}, {{second}}): split it into two indicators with one target each',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const hits = valueCells(t, row).flatMap((v) => {
        const quantities = v.parsed.numbers.filter((h) => !h.date && h.unit !== null);
        const second = quantities.find((h) => h.unit !== quantities[0]?.unit);
        return second ? [{ v, first: quantities[0], second }] : [];
      });
      if (hits.length === 0) continue;
      ctx.report({
        messageId: "compound",
        data: { text: clip(hits[0].v.parsed.raw, 30), first: hits[0].first.text, second: hits[0].second.text },
        cells: hits.map((h) => loc(h.v.cell)),
      });
    }
  },
});
