/**
 * @fileoverview A quantified target with no comparison operator ("建设科普图书室1个", "满意度95%"):
 * a quantitative value is operator + number + unit (≥95%, ＝100%, ≥2次 — domain-rules §2.2), and
 * the budgeting systems store the operator in a field of its own (计算符号), so a bare number
 * leaves that field to guesswork.
 *
 * Scope, so that one problem is reported once:
 * - Only values with a quantity (a number that is not part of a date). A value with no number,
 *   date or grade is indicators/not-quantified's; a deadline or a graded level (优, 达成预期指标)
 *   takes no operator. The two rules never fire on the same cell.
 * - Any operator counts, symbol or word (≥, >=, 不低于, 以上 …): ASCII forms are
 *   indicators/operator-style's, a wrong direction is indicators/impossible-target's.
 * - A vague value with a number ("约3000人次") still gets this tip: vague-wording asks for the
 *   hedge to go, this rule for the bound to be stated; deleting "约" alone would leave "3000人次".
 * Direction comes from the indicator's meaning: a cost, a rate that should stay low (差错率, 结余率)
 * and a deadline or duration under 时效 (12月, 5个工作日) are ceilings (≤); suggesting ≥ there would
 * point the target the wrong way (and impossible-target would then flag the suggestion).
 * A form where most rows lack the operator gets one grouped tip, not the same sentence on every row.
 * No fix: ≥ and ＝ mean different targets, only the user knows which one is meant.
 */
import { contentRows, loc, rowKind, rowLabel, rowName, ValueCell, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { ParsedValue, percentOf } from "../../indicators/value";
import { defineRule } from "../types";

function lacksOperator(p: ParsedValue): boolean {
  return !p.empty && !p.placeholder && p.grade === null && p.main !== null && !p.main.date && p.operator === null;
}

/** The number as the target should state it: the user's own text, or a number cell as a percentage. */
function targetText(p: ParsedValue, pct: number | null): string {
  if (p.numberCell && pct !== null) return `${pct}%`;
  // A unit the parser does not know ("13969.56标箱") is kept as the user wrote it.
  const whole = p.raw.trim();
  if (p.main && whole.startsWith(p.main.text) && /^[\u4e00-\u9fff]{1,3}$/.test(whole.slice(p.main.text.length))) return whole;
  return p.main?.text ?? p.raw;
}

type Suggestion = { messageId: "missing"; suggestion: string } | { messageId: "missingEither"; atLeast: string; exactly: string };

/** From this many rows without an operator on, one grouped tip replaces a tip per row. */
const GROUP_FROM = 4;

/** Units of a time limit: under 时效 "12月" means by December, "5个工作日" within five working days. */
const TIME_UNITS = /^(月|个月|日|天|工作日|个工作日|小时|周|季度)$/;

function suggest(v: ValueCell, negative: boolean, assumePercent: boolean): Suggestion {
  const p = v.parsed;
  const rate = p.main?.unit === "%" || (p.numberCell && assumePercent);
  const pct = rate ? percentOf(p, assumePercent) : null;
  const n = targetText(p, pct);
  // A cost or a negative rate is a ceiling; a rate is a floor, except 100%, which nothing exceeds.
  if (negative) return { messageId: "missing", suggestion: `≤${n}` };
  if (pct !== null) return { messageId: "missing", suggestion: pct === 100 ? `＝${n}` : `≥${n}` };
  return { messageId: "missingEither", atLeast: `≥${n}`, exactly: `＝${n}` };
}

export default defineRule({
  meta: {
    id: "indicators/missing-operator",
    category: "indicators",
    severity: "info",
    docs: {
      zh: "定量指标值应写明比较符号(≥ ≤ ＝ ＞ ＜),如 ≥2次、＝100%,而不是只写数值;建议的方向按指标含义(成本、时限、越低越好的比率用 ≤);多数行缺少时合并为一条提示",
      en: "A quantified target should state its comparison operator (≥ ≤ ＝ ＞ ＜), e.g. ≥2次, ＝100%, not a bare number; the suggested direction follows the indicator's meaning (≤ for costs, deadlines and rates that should stay low); when most rows lack it, one grouped tip",
    },
    messages: {
      missing: {
        zh: "「{{text}}」没有写明比较符号,目标值建议写成「{{suggestion}}」(一体化系统把计算符号单独存放)",
        en: '"{{text}}" states no comparison operator; write the target as "{{suggestion}}" (the budgeting system stores the operator separately)',
      },
      missingMany: {
        zh: "{{count}} 个指标值没有写明比较符号,如「{{text}}」建议写成「{{suggestion}}」:请为每个指标值补上 ≥、≤ 或 ＝(成本、时限和应当越低越好的比率用 ≤;一体化系统把计算符号单独存放)",
        en: '{{count}} targets state no comparison operator, e.g. "{{text}}" should read "{{suggestion}}": add ≥, ≤ or ＝ to each (≤ for costs, deadlines and rates that should stay low; the budgeting system stores the operator separately)',
      },
      missingEither: {
        zh: "「{{text}}」没有写明比较符号,目标值建议写成「{{atLeast}}」或「{{exactly}}」(一体化系统把计算符号单独存放)",
        en: '"{{text}}" states no comparison operator; write the target as "{{atLeast}}" or "{{exactly}}" (the budgeting system stores the operator separately)',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const tips: { cells: ValueCell[]; advice: Suggestion }[] = [];
    for (const row of contentRows(t)) {
      const values = valueCells(t, row);
      const bare = values.filter((v) => lacksOperator(v.parsed));
      if (bare.length === 0) continue;
      const label = rowLabel(row, values);
      const limit = row.level2 === "时效" && TIME_UNITS.test(bare[0].parsed.main?.unit ?? "");
      const negative = limit || rowKind(t, row, label).direction === "negative";
      const assumePercent = rowName(t, row).units.includes("%");
      tips.push({ cells: bare, advice: suggest(bare[0], negative, assumePercent) });
    }
    if (tips.length >= GROUP_FROM) {
      const first = tips[0];
      const suggestion =
        first.advice.messageId === "missing" ? first.advice.suggestion : `${first.advice.atLeast} / ${first.advice.exactly}`;
      ctx.report({
        messageId: "missingMany",
        data: { count: tips.reduce((n, tip) => n + tip.cells.length, 0), text: clip(first.cells[0].parsed.raw), suggestion },
        cells: tips.flatMap((tip) => tip.cells.map((v) => loc(v.cell))),
      });
      return;
    }
    for (const { cells, advice } of tips) {
      const { messageId, ...data } = advice;
      ctx.report({ messageId, data: { text: clip(cells[0].parsed.raw), ...data }, cells: cells.map((v) => loc(v.cell)) });
    }
  },
});
