/**
 * @fileoverview An ASCII operator (">=", "<=", "=", ">", "<") in an indicator value. The official
 * form and the budgeting systems use ≥ ≤ ＝ ＞ ＜ (domain-rules §2.2); the fix swaps the
 * characters and leaves the rest of the text as written.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { clip } from "../../indicators/quote";
import { officialOperators } from "../../indicators/value";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/operator-style",
    category: "indicators",
    severity: "info",
    docs: {
      zh: "指标值中的运算符应使用规范写法 ≥ ≤ ＝ ＞ ＜,而不是半角 >= <= = > <",
      en: "Operators in target values should be the official ≥ ≤ ＝ ＞ ＜, not ASCII >= <= = > <",
    },
    messages: {
      ascii: {
        zh: "「{{text}}」使用了半角运算符「{{op}}」,请改为规范写法「{{official}}」",
        en: '"{{text}}" uses the ASCII operator "{{op}}"; write it as "{{official}}"',
      },
    },
    defaultOptions: {},
    fixable: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const edits = valueCells(t, row)
        .filter((v) => v.parsed.asciiOperator)
        .map((v) => ({ v, cell: v.cell, value: officialOperators(v.parsed) }))
        .filter((e) => e.value !== e.v.parsed.raw);
      if (edits.length === 0) continue;
      const first = edits[0].v.parsed;
      ctx.report({
        messageId: "ascii",
        data: { text: clip(first.raw), op: first.operatorText ?? "", official: first.operator ?? "" },
        cells: edits.map((e) => loc(e.cell)),
        ...(edits.every((e) => rewritable(e.cell))
          ? { fix: setValuesPlan(ctx.form.sheet, { zh: "改为规范运算符", en: "Use the official operator" }, edits) }
          : {}),
      });
    }
  },
});
