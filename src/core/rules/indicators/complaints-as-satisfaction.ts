/**
 * @fileoverview A 满意度 indicator measured by the absence of complaints (「无有效投诉」, 「投诉率≤1%」):
 * a third-party review of 郫都区民政局's 2025 self-evaluations sends it back as "不投诉=满意", and
 * published guidance lists "将满意度指标代替…" among the usual faults (published-guidance §2, PD and
 * S). Satisfaction is asked of the people served (a survey's rate); few complaints is at most a
 * quality measure. A warning: the row may still be kept beside a real satisfaction rate.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

const COMPLAINT = /(投诉|信访|上访|举报)/;

export default defineRule({
  meta: {
    id: "indicators/complaints-as-satisfaction",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "满意度指标不能用“无投诉”“投诉率”代替:满意度应是服务对象的满意率(如 ≥90%),投诉情况可作为质量指标",
      en: "A satisfaction indicator must not be the absence of complaints: satisfaction is the served people's rate (e.g. ≥90%); complaints belong under quality",
    },
    messages: {
      complaints: {
        zh: "满意度指标「{{text}}」以投诉情况衡量,不投诉不等于满意:请改为服务对象满意度(如「群众满意度(%) ≥90%」),投诉情况可移到质量指标",
        en: 'The satisfaction indicator "{{text}}" is measured by complaints, and no complaint is not satisfaction: use the served people\'s satisfaction rate (e.g. ≥90%) and move complaints under quality',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      if (row.level1 !== "满意度" && row.level2 !== "服务对象满意度") continue;
      const values = valueCells(t, row);
      const inName = COMPLAINT.test(row.name.text);
      const inValue = values.filter((v) => COMPLAINT.test(v.parsed.raw));
      if (!inName && inValue.length === 0) continue;
      const cell = inName ? row.name : inValue[0].cell;
      ctx.report({
        messageId: "complaints",
        data: { text: clip(inName ? row.name.text : inValue[0].parsed.raw) },
        cells: [loc(cell)],
      });
    }
  },
});
