/**
 * @fileoverview Targets that cannot be met or point the wrong way (domain-rules §2.2 "Operator-
 * direction sanity"): a rate above 100% (growth and change rates excepted), "≥100%" (nothing
 * can exceed 100%: write ＝100%; fixed mechanically), a rate that should be high given an upper
 * bound (完成率≤95%), a cost or negative rate given a lower bound (投诉率≥5%, 项目总成本≥…).
 * Satisfaction at ≥100% is left to indicators/satisfaction-below-floor, which gives better advice.
 */
import { contentRows, loc, rowKind, rowLabel, rowName, ValueCell, valueCells } from "../../indicators/cells";
import { IndicatorKind, mentionsGrowth } from "../../indicators/direction";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { clip } from "../../indicators/quote";
import { percentOf, withOperator } from "../../indicators/value";
import { defineRule } from "../types";

type Problem = "over100" | "atLeast100" | "positiveUpper" | "negativeLower";

function problemOf(v: ValueCell, kind: IndicatorKind, assumePercent: boolean): Problem | null {
  const p = v.parsed;
  const pct = percentOf(p, assumePercent);
  const op = p.operator;
  const bounded = !kind.growth && !mentionsGrowth(p.raw);
  if (pct !== null && bounded && (pct > 100 || (pct === 100 && op === "＞"))) return "over100";
  if (kind.direction === "positive" && (op === "≤" || op === "＜")) return "positiveUpper";
  if (kind.direction === "negative" && (op === "≥" || op === "＞")) return "negativeLower";
  if (pct === 100 && op === "≥" && bounded && !kind.satisfaction) return "atLeast100";
  return null;
}

export default defineRule({
  meta: {
    id: "indicators/impossible-target",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "指标值不可能实现或方向相反:比率超过100%、写成≥100%、正向指标用≤、成本或反向指标用≥",
      en: "Targets that are impossible or point the wrong way: a rate above 100%, ≥100%, ≤ on a rate that should be high, ≥ on a cost or negative rate",
    },
    messages: {
      over100: {
        zh: "「{{text}}」超过 100%:「{{name}}」不可能超过 100%,请改为不超过 100% 的目标(如 ＝100%、≥95%)",
        en: '"{{text}}" exceeds 100%: "{{name}}" cannot exceed 100%; set a target of at most 100% (e.g. ＝100%, ≥95%)',
      },
      atLeast100: {
        zh: "「{{text}}」写成 ≥100% 没有意义(比率不可能超过 100%),请改为 ＝100%",
        en: '"{{text}}": ≥100% makes no sense (a rate cannot exceed 100%); write ＝100%',
      },
      positiveUpper: {
        zh: "「{{name}}」是越高越好的指标,「{{text}}」却给了上限,请改用 ≥ 或 ＝",
        en: '"{{name}}" should be as high as possible, but "{{text}}" sets an upper bound; use ≥ or ＝',
      },
      negativeLower: {
        zh: "「{{name}}」是应控制的指标(成本、费用或反向比率),「{{text}}」却给了下限,请改用 ≤ 或 ＝",
        en: '"{{name}}" should be kept down (a cost or a negative rate), but "{{text}}" sets a lower bound; use ≤ or ＝',
      },
    },
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const values = valueCells(t, row).filter((v) => !v.parsed.empty);
      const label = rowLabel(row, values);
      const kind = rowKind(t, row, label);
      const assumePercent = rowName(t, row).units.includes("%");
      // Made at the first problem: most rows have none.
      let groups: Map<Problem, ValueCell[]> | null = null;
      for (const v of values) {
        const p = problemOf(v, kind, assumePercent);
        if (p) {
          groups ??= new Map();
          groups.set(p, [...(groups.get(p) ?? []), v]);
        }
      }
      if (!groups) continue;
      for (const [problem, cells] of groups) {
        const fixable = problem === "atLeast100" && cells.every((v) => v.parsed.symbolOperator && rewritable(v.cell));
        ctx.report({
          messageId: problem,
          severity: problem === "over100" ? "error" : undefined,
          data: { text: clip(cells[0].parsed.raw), name: clip(row.name.text || cells[0].parsed.raw) },
          cells: cells.map((v) => loc(v.cell)),
          ...(fixable
            ? {
                fix: setValuesPlan(
                  ctx.form.sheet,
                  { zh: "把 ≥100% 改为 ＝100%", en: "Change ≥100% to ＝100%" },
                  cells.map((v) => ({ cell: v.cell, value: withOperator(v.parsed, "＝") })),
                ),
              }
            : {}),
          // The wrong way round: a floor (≥) keeps the number, ＝100% asks for all of it; only the user knows which is meant.
          ...(problem === "positiveUpper" || problem === "negativeLower"
            ? {
                suggestions: () => {
                  if (!cells.every((v) => v.parsed.symbolOperator && rewritable(v.cell))) return [];
                  const flip = problem === "positiveUpper" ? "≥" : "≤";
                  const choices = [
                    flip,
                    ...(problem === "positiveUpper" && cells.every((v) => percentOf(v.parsed, assumePercent) !== null) ? ["＝100%"] : []),
                  ];
                  return choices.map((c) => {
                    const value = (v: ValueCell) =>
                      c === "＝100%" ? withOperator(v.parsed, "＝").replace(/[\d.]+\s*[%％]/, "100%") : withOperator(v.parsed, c);
                    const first = value(cells[0]);
                    return {
                      desc: { zh: `改为「${first}」`, en: `Change it to "${first}"` },
                      plan: setValuesPlan(
                        ctx.form.sheet,
                        { zh: `改为「${first}」`, en: `Change it to "${first}"` },
                        cells.map((v) => ({ cell: v.cell, value: value(v) })),
                      ),
                    };
                  });
                },
              }
            : {}),
        });
      }
    }
  },
});
