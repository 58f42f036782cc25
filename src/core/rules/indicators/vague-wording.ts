/**
 * @fileoverview Vague words in a target value (约, 左右, 力争, 进一步, 明显 …): reviewers call this
 * 模糊化 (domain-rules §1.3, §2.2). Words that are part of the indicator's own name, repeated in
 * the value, are not counted. The word list is an option.
 */
import { contentRows, loc, rowKind, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { isUnmeasured } from "../../indicators/value";
import { DEFAULT_VAGUE_WORDS, findVague, parseWordList } from "../../indicators/vague";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { definiteTarget } from "../../indicators/rewrite";
import { Direction } from "../../indicators/direction";
import { ParsedValue } from "../../indicators/value";
import { defineRule } from "../types";

/** The operator a target of this kind takes, or several when only the user can tell (an amount may be a cost or an investment). */
function operatorsOf(direction: Direction, p: ParsedValue): string[] {
  if (direction === "negative") return ["≤"];
  if (p.date && (!p.main || p.main.date)) return ["≤"];
  if (direction === "positive") return ["≥"];
  if (p.main?.unit && /元/.test(p.main.unit)) return ["≥", "≤"];
  return ["≥"];
}

export default defineRule({
  meta: {
    id: "indicators/vague-wording",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "指标值中不应有“约、左右、力争、进一步、明显”等模糊表述",
      en: "Target values should not use vague wording such as 约 (about), 左右 (or so), 力争 (strive to), 进一步 (further), 明显 (markedly)",
    },
    messages: {
      vague: {
        zh: "「{{text}}」含模糊表述「{{words}}」,请改为明确的目标值(如「{{suggestion}}」)",
        en: '"{{text}}" uses vague wording ({{words}}); state a definite target (e.g. "{{suggestion}}")',
      },
      vagueNoNumber: {
        zh: "「{{text}}」含模糊表述「{{words}}」,请改为明确、可衡量的目标值(运算符+数值+单位,如 ≥95%)",
        en: '"{{text}}" uses vague wording ({{words}}); state a definite, measurable target (operator + number + unit, e.g. ≥95%)',
      },
    },
    defaultOptions: { words: DEFAULT_VAGUE_WORDS.join("、") },
    fixable: true,
    hasSuggestions: true,
    optionDocs: {
      words: { zh: "视为模糊表述的词语,用顿号或逗号分隔", en: "Words counted as vague, separated by 、 or commas" },
    },
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const words = parseWordList(String(ctx.options.words));
    for (const row of contentRows(t)) {
      const core = rowName(t, row).core;
      const found: string[] = [];
      const cells = valueCells(t, row).filter((v) => {
        if (isUnmeasured(v.parsed)) return false;
        // A value that repeats (part of) the name ("有效处置率≥95%") is not blamed for the name's words.
        const hits = findVague(v.parsed.raw, words).filter((w) => !core.includes(w));
        for (const w of hits) if (!found.includes(w)) found.push(w);
        return hits.length > 0;
      });
      if (cells.length === 0) continue;
      // The suggestion keeps the user's own number and unit: "约3000人次" → "≥3000人次".
      const main = cells[0].parsed.main;
      const bound = rowKind(t, row, row.name.text).direction === "negative" ? "≤" : "≥";
      const own = words.filter((w) => !core.includes(w));
      const sheet = ctx.form.sheet;
      const direction = rowKind(t, row, row.name.text).direction;
      /** Every flagged cell rewritten with `op`, or undefined when one of them cannot be. */
      const planFor = (op: string) => {
        const edits = cells.map((v) => ({ cell: v.cell, value: rewritable(v.cell) ? definiteTarget(v.parsed.raw, own, op) : null }));
        if (edits.some((e) => e.value === null)) return undefined;
        return setValuesPlan(
          sheet,
          { zh: `改为明确目标「${edits[0].value}」`, en: `State the definite target "${edits[0].value}"` },
          edits as { cell: (typeof edits)[0]["cell"]; value: string }[],
        );
      };
      const ops = operatorsOf(direction, cells[0].parsed);
      ctx.report({
        messageId: main?.unit ? "vague" : "vagueNoNumber",
        data: { text: clip(cells[0].parsed.raw), words: found.join("、"), suggestion: main?.unit ? `${bound}${main.text}` : "" },
        cells: cells.map((v) => loc(v.cell)),
        ...(ops.length === 1
          ? { fix: () => planFor(ops[0]) }
          : {
              suggestions: () =>
                ops.flatMap((op) => {
                  const plan = planFor(op);
                  const meaning =
                    op === "≤" ? { zh: "上限(不超过)", en: "a ceiling (at most)" } : { zh: "下限(不少于)", en: "a floor (at least)" };
                  return plan ? [{ desc: { zh: `${plan.title.zh}:${meaning.zh}`, en: `${plan.title.en}: ${meaning.en}` }, plan }] : [];
                }),
            }),
      });
    }
  },
});
