/**
 * @fileoverview The same percentage copied down a whole group: three or more indicators of one 二级
 * all targeting 「≥95%」 (马踏镇 2023's 效益 rows). Each indicator should be set from its own basis
 * (计划标准, 历史标准, 行业标准: the 一体化 library's 取值依据, published-guidance §1), and identical
 * values across unlike measures suggest none was. It may also be right, so it is a hint (info) until
 * the corpus shows it is precise enough for a warning. Satisfaction rates are left alone: ≥90% or
 * ≥95% on every surveyed group is the common practice (published-guidance §5), not a copy.
 */
import { IndicatorRow } from "../../form/model";
import { ValueCell, contentRows, loc, rowKind, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { fold } from "../../text";
import { defineRule } from "../types";
import { numberOption } from "../util/options";

export default defineRule({
  meta: {
    id: "indicators/identical-targets",
    category: "indicators",
    severity: "info",
    docs: {
      zh: "同一二级指标下多个不同指标都定为同一个百分比(如都写 ≥95%),可能是照抄而非按各自依据测算(默认 4 个及以上时提示;满意度除外)",
      en: "Several different indicators of one 二级 all target the same percentage (all ≥95%): possibly copied rather than set from each one's basis (hinted at 4 or more; satisfaction aside)",
    },
    messages: {
      identical: {
        zh: "「{{group}}」下 {{count}} 个指标都定为「{{text}}」:请按各指标的计划、历史或行业标准分别测算目标值",
        en: 'The {{count}} indicators under "{{group}}" all target "{{text}}": set each from its own plan, history or standard',
      },
    },
    defaultOptions: { minRows: 4 },
    optionSchema: { minRows: { min: 2, max: 50, integer: true } },
    optionDocs: {
      minRows: {
        zh: "同一目标值至少出现在几个指标上才提示,默认 4",
        en: "How many indicators must share a target before the hint, default 4",
      },
    },
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const minRows = numberOption(ctx.options.minRows, 4);
    const groups = new Map<IndicatorRow["level2Cell"], IndicatorRow[]>();
    for (const row of contentRows(t)) {
      if (!row.level2Cell || !row.name.text || rowKind(t, row, row.name.text).satisfaction) continue;
      const list = groups.get(row.level2Cell);
      if (list) list.push(row);
      else groups.set(row.level2Cell, [row]);
    }
    for (const rows of groups.values()) {
      if (rows.length < minRows) continue;
      const byTarget = new Map<string, ValueCell[]>();
      for (const row of rows) {
        // The annual target is what each year's form sets; the period one repeats it on a one-year project.
        const cells = valueCells(t, row);
        const v = cells[cells.length - 1];
        if (!v.parsed.isPercent || v.parsed.numbers.length !== 1) continue;
        const key = fold(v.parsed.raw).replace(/\s+/g, "");
        const list = byTarget.get(key);
        if (list) list.push(v);
        else byTarget.set(key, [v]);
      }
      for (const cells of byTarget.values()) {
        // ＝100% on completion and payment rates is the norm, not a copy.
        if (cells.length < minRows || cells[0].parsed.main?.value === 100) continue;
        ctx.report({
          messageId: "identical",
          data: { group: clip(rows[0].level2Text), count: cells.length, text: clip(cells[0].parsed.raw) },
          cells: cells.map((v) => loc(v.cell)),
        });
      }
    }
  },
});
