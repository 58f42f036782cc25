/**
 * @fileoverview A cumulative count or amount (次, 个, 人次, 场, 篇, 万元 …; not %, not durations)
 * whose 年度指标值 exceeds its 实施周期指标值: a year is part of the period, so its target cannot
 * be larger (domain-rules §2.5 check 3). Per-unit values (每周, 人均, 平均) are not cumulative.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { isCumulativeUnit, unitsCompatible } from "../../indicators/units";
import { defineRule } from "../types";

const PER_UNIT = /(每|人均|平均|单次|单场|单个|次均|户均|日均|月均|年均|\/)/;

export default defineRule({
  meta: {
    id: "indicators/annual-exceeds-period",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "累计性数量指标(次、个、人次、万元等)的年度指标值不应大于实施周期指标值",
      en: "For cumulative counts and amounts (次, 个, 人次, 万元 …) the annual target must not exceed the period target",
    },
    messages: {
      exceeds: {
        zh: "「{{name}}」的年度指标值「{{annual}}」大于实施周期指标值「{{period}}」:年度是实施周期的一部分,请核对两列数值",
        en: '"{{name}}": the annual target "{{annual}}" exceeds the period target "{{period}}"; a year is part of the period, check both values',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t || t.layout !== "two-values") return;
    for (const row of contentRows(t)) {
      const cells = valueCells(t, row);
      const p = cells[0];
      const a = cells[1];
      if (!p || !a || p.column !== "period") continue;
      const pm = p.parsed.main;
      const am = a.parsed.main;
      if (!pm || !am || !pm.unit || !am.unit) continue;
      if (!isCumulativeUnit(am.unit) || !(unitsCompatible(pm.unit, am.unit) || unitsCompatible(am.unit, pm.unit))) continue;
      if ([row.name.text, p.parsed.raw, a.parsed.raw].some((s) => PER_UNIT.test(s))) continue;
      if (am.value <= pm.value) continue;
      ctx.report({
        messageId: "exceeds",
        data: { name: clip(row.name.text || a.parsed.raw), annual: clip(a.parsed.raw), period: clip(p.parsed.raw) },
        cells: [loc(a.cell), loc(p.cell)],
      });
    }
  },
});
