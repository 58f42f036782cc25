/**
 * @fileoverview A name that states its own figure which the target then contradicts: 「检查合格率达到
 * 100%」 with ≥98%, 「培训不少于3次」 with ≥2次. One of the two is a slip, and a reviewer cannot tell
 * which is meant (相互匹配, 川财绩〔2025〕8号's four requirements; published-guidance §1). Only a
 * figure the name gives as a target (达到 / 不低于 / ≥ … or a percentage) is compared, in the same unit.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { parseValue } from "../../indicators/value";
import { defineRule } from "../types";

/** A figure stated as a target inside a name: after 达到/不低于/≥…. A bare figure is a description
 * (「档案存储环境达标率(温度14-24°C、湿度45%-60%)」, 通州 2026, names the standard, not the target). */
const STATED = /(达到|达|不低于|不少于|不小于|不高于|不超过|控制在|≥|≤|＞|＜|>=|<=|＝)\s*\d/;
/** A bracket explains the name (the standard, the unit asked for); its figures are not the target. */
const BRACKETS = /[(（][^()（）]*[)）]/g;

export default defineRule({
  meta: {
    id: "indicators/name-contradicts-target",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "三级指标名称里写了目标数值(如「合格率达到100%」),指标值却是另一个数(如 ≥98%):两者须一致",
      en: "The name states a target figure (「合格率达到100%」) and the target gives another (≥98%): they must agree",
    },
    messages: {
      contradicts: {
        zh: "名称「{{name}}」写的是 {{stated}},指标值「{{text}}」却是 {{given}}:请统一(名称只写指标,数值写在指标值里)",
        en: 'The name "{{name}}" states {{stated}} but the target "{{text}}" gives {{given}}: make them agree (keep the figure in the target only)',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const name = row.name.text.replace(BRACKETS, "");
      if (!name || !STATED.test(name)) continue;
      const inName = parseValue(name)
        .numbers.filter((h) => !h.date && h.unit !== null)
        .filter((h, i, all) => all.findIndex((o) => o.unit === h.unit) === i);
      if (inName.length !== 1) continue;
      const stated = inName[0];
      const off = valueCells(t, row).filter((v) => {
        const main = v.parsed.main;
        return main !== null && !main.date && main.unit === stated.unit && main.value !== stated.value;
      });
      if (off.length === 0) continue;
      const given = off[0].parsed.main!;
      ctx.report({
        messageId: "contradicts",
        data: { name: clip(row.name.text), stated: stated.text, text: clip(off[0].parsed.raw), given: given.text },
        cells: off.map((v) => loc(v.cell)),
      });
    }
  },
});
