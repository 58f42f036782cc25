/**
 * @fileoverview A target value with no number, no date and no graded level ("按上级要求,落实…"):
 * it cannot be measured. 财预〔2015〕88号 asks for quantified targets, or, where that is impossible,
 * a graded qualitative statement (优/良/中/差, 好/较好/一般, 达成预期指标) — domain-rules §1.2, §2.2.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { isMeasurable } from "../../indicators/value";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/not-quantified",
    category: "indicators",
    severity: "error",
    docs: {
      zh: "指标值应量化(运算符+数值+单位)或采用分级定性表述(优/良/中/差、达成预期指标)",
      en: "A target must be quantified (operator + number + unit) or a graded qualitative level (优/良/中/差, 达成预期指标)",
    },
    messages: {
      notQuantified: {
        zh: "「{{text}}」没有可衡量的数值,请改为定量目标(如 ≥95%、≥2次、＝100%)或分级定性表述(优/良/中/差、达成预期指标)",
        en: "\"{{text}}\" has nothing measurable; state a quantified target (e.g. ≥95%, ≥2次, ＝100%) or a graded level (优/良/中/差, 达成预期指标)",
      },
      errorValue: {
        zh: "指标值是错误值「{{text}}」(公式出错或引用失效),请检查公式或直接填写目标值",
        en: "The target is the error value \"{{text}}\" (a broken formula or reference); fix the formula or type the target",
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const cells = valueCells(t, row);
      // An error value is a broken formula, not a wording problem: say so first.
      const broken = cells.filter((v) => v.parsed.errorValue);
      if (broken.length > 0) {
        ctx.report({ messageId: "errorValue", data: { text: broken[0].parsed.raw }, cells: broken.map((v) => loc(v.cell)) });
        continue;
      }
      const bad = cells.filter((v) => !v.parsed.empty && !v.parsed.placeholder && !isMeasurable(v.parsed));
      if (bad.length === 0) continue;
      ctx.report({ messageId: "notQuantified", data: { text: clip(bad[0].parsed.raw) }, cells: bad.map((v) => loc(v.cell)) });
    }
  },
});
