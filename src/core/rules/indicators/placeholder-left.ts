/**
 * @fileoverview A template placeholder left in the form: 「≥**个」, 「XX%」, 「××」, 「(≤**万元)」.
 * Published templates print these where the filler is to write the figure (金寨 2021 keeps 「(≥**%)」
 * in its names); left in, the target was never set. A value placeholder is an error (the target is
 * missing, as indicators/not-quantified would say, only less precisely); one in a 三级 name is a
 * warning, since the value beside it may still be right.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { hasTemplatePlaceholder } from "../../indicators/placeholders";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/placeholder-left",
    category: "indicators",
    severity: "error",
    docs: {
      zh: "模板占位符(**、XX、××、某某)未替换成实际内容:指标值里为错误,三级指标名称里为警告",
      en: "A template placeholder (**, XX, ××, 某某) left in place of real content: an error in a target, a warning in a 三级 name",
    },
    messages: {
      inValue: {
        zh: "指标值「{{text}}」还是模板占位符,目标值没有填写:请把「{{mark}}」换成实际目标(如 ≥95%、≥2次)",
        en: 'The target "{{text}}" is still a template placeholder, so no target was set: replace "{{mark}}" with the real target (e.g. ≥95%, ≥2次)',
      },
      inName: {
        zh: "三级指标名称「{{text}}」里留有模板占位符「{{mark}}」:请删去或换成实际内容",
        en: 'The indicator name "{{text}}" still holds the template placeholder "{{mark}}": remove it or write the real content',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      // 「(≥**%)」 after a name is the template's guide to the unit asked for, which 同心's published
      // forms keep on every row (2022, 2023); only a placeholder in the name itself is left unfilled.
      // So is 「≥**人」 written after the name without brackets (南岳 2018): an operator before the marks.
      const nameMark = hasTemplatePlaceholder(
        row.name.text.replace(/[(（][^()（）]*[)）]/g, "").replace(/(≥|≤|＝|＞|＜|>=|<=|=|>|<)\s*(\*{2,}|＊{2,}|[xX×]{2,})/g, ""),
      );
      if (nameMark) {
        ctx.report({
          messageId: "inName",
          severity: "warning",
          data: { text: clip(row.name.text), mark: nameMark },
          cells: [loc(row.name)],
        });
      }
      const values = valueCells(t, row).filter((v) => hasTemplatePlaceholder(v.parsed.raw));
      if (values.length === 0) continue;
      ctx.report({
        messageId: "inValue",
        data: { text: clip(values[0].parsed.raw), mark: hasTemplatePlaceholder(values[0].parsed.raw) ?? "" },
        cells: values.map((v) => loc(v.cell)),
      });
    }
  },
});
