/**
 * @fileoverview A 三级 indicator whose name only repeats its category (「质量指标」 under 质量指标,
 * 「社会效益」 under 社会效益指标): nothing says what is measured. Published guidance asks each
 * 二级 to be "细分若干…三级指标,分别设定具体的指标值" (published-guidance §1); reviewers return
 * the row as 指向不明确. 服务对象满意度 under its own 二级 is left alone: it is the template's own
 * wording and names what is measured.
 */
import { contentRows, loc, rowName } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { fold } from "../../text";
import { defineRule } from "../types";

/** A category label reduced to its meaning: 「质量指标」, 「质量」 and 「（质量指标）」 are one. */
function categoryCore(text: string): string {
  return fold(text)
    .replace(/\s+/g, "")
    .replace(/[()（）【】[\]:：*＊]/g, "")
    .replace(/(指标|类)$/, "");
}

/** Every printed category, as categoryCore reduces it: a 三级 named 「社会成本指标」 under 成本指标
 * (岳阳楼区 2023) is a category too, only not its own. */
const CATEGORY_NAMES = new Set([
  "产出",
  "效益",
  "效果",
  "满意度",
  "成本",
  "数量",
  "质量",
  "时效",
  "经济效益",
  "社会效益",
  "生态效益",
  "可持续影响",
  "服务对象满意度",
  "经济成本",
  "社会成本",
  "生态环境成本",
]);

export default defineRule({
  meta: {
    id: "indicators/name-repeats-category",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "三级指标名称不能只重复它的一级或二级指标名称(如质量指标下的三级指标「质量指标」),应写明具体衡量什么",
      en: "A 三级 name must not merely repeat its 一级 or 二级 category (「质量指标」 under 质量指标); name what is measured",
    },
    messages: {
      repeats: {
        zh: "三级指标「{{text}}」只是指标类别名称「{{category}}」,没有说明衡量什么:请写成具体指标(如「…合格率(%)」「…次数(次)」)",
        en: 'The indicator "{{text}}" is only the category name "{{category}}" and does not say what is measured: name a concrete measure (e.g. "…合格率(%)", "…次数(次)")',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      // 「满意度」 or 「服务对象满意度」 under 满意度指标 is the template's own wording (湘潭 2024): it
      // names what is measured, the served people's satisfaction.
      if (!row.name.text || row.level2 === "服务对象满意度" || row.level1 === "满意度") continue;
      const core = categoryCore(rowName(t, row).core);
      if (!core) continue;
      const category =
        [row.level2Text, row.level1Text].find((c) => c && categoryCore(c) === core) ??
        (CATEGORY_NAMES.has(core) ? row.name.text : undefined);
      if (!category) continue;
      ctx.report({ messageId: "repeats", data: { text: clip(row.name.text), category: clip(category) }, cells: [loc(row.name)] });
    }
  },
});
