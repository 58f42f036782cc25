/**
 * @fileoverview A bare 「1」 (or 「0.9」) where the name asks for a percentage: 宁德 2019 prints 「1」
 * under 覆盖率(%) while its other value column says 90%. Read literally it is 1%, a target no one
 * sets; more likely 100% (a fraction typed as text, or a cell without its % format) or an unfinished
 * value. The reviewer sends it back either way (published-guidance §3, #33), so a warning that asks
 * which was meant; the value is never rewritten without the user choosing.
 */
import { contentRows, loc, rowKind, rowLabel, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/bare-percent",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "名称要求百分比(%)的指标,指标值却只写了「1」「0.9」这样不带 % 的小数:是 100%、90% 还是 1%?须写明",
      en: "The name asks for a percentage but the target is a bare 「1」 or 「0.9」 without %: is it 100%, 90% or 1%? Say which",
    },
    messages: {
      bare: {
        zh: "「{{name}}」要求百分比,指标值「{{text}}」却没有 %:按字面是 {{literal}}%,若指 {{meant}}% 请写成「{{suggested}}」{{other}}",
        en: '"{{name}}" asks for a percentage but the target "{{text}}" has no %: literally {{literal}}%; if {{meant}}% is meant, write "{{suggested}}"{{otherEn}}',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      if (rowName(t, row).unit !== "%") continue;
      const values = valueCells(t, row);
      // A 满意度 row below the floor is satisfaction-below-floor's, which quotes the same number.
      if (rowKind(t, row, rowLabel(row, values)).satisfaction) continue;
      const bare = values.filter((v) => {
        const p = v.parsed;
        return p.main !== null && !p.main.date && p.unit === null && p.numbers.length === 1 && p.main.value > 0 && p.main.value <= 1;
      });
      if (bare.length === 0) continue;
      const p = bare[0].parsed;
      const meant = Math.round(p.main!.value * 10000) / 100;
      const other = values.find((v) => !bare.includes(v) && v.parsed.isPercent);
      ctx.report({
        messageId: "bare",
        data: {
          name: clip(row.name.text),
          text: clip(p.raw),
          literal: p.main!.value,
          meant,
          suggested: `${p.operator ?? "≥"}${meant}%`,
          other: other ? `(同一行另一列写的是「${clip(other.parsed.raw)}」)` : "",
          otherEn: other ? ` (the row's other column says "${clip(other.parsed.raw)}")` : "",
        },
        cells: bare.map((v) => loc(v.cell)),
      });
    }
  },
});
