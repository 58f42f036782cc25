/**
 * @fileoverview The same 三级 indicator twice (names compared folded, without unit brackets and
 * spaces). The second occurrence is reported and names the first one's cell.
 */
import { toA1 } from "../../a1";
import { Cell } from "../../form/model";
import { contentRows, loc, rowName } from "../../indicators/cells";
import { parsedNameKey } from "../../indicators/name";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "indicators/duplicate",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "同一三级指标不应重复填写",
      en: "The same indicator should not appear twice",
    },
    messages: {
      duplicate: {
        zh: "三级指标「{{name}}」与 {{first}} 重复,请删除重复的一行,或改为不同的指标",
        en: 'The indicator "{{name}}" repeats {{first}}; delete the repeated row or make it a different indicator',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const seen = new Map<string, Cell>();
    for (const row of contentRows(t)) {
      const key = parsedNameKey(rowName(t, row));
      if (key === "") continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, row.name);
        continue;
      }
      ctx.report({
        messageId: "duplicate",
        data: { name: clip(row.name.text), first: toA1(first.row, first.col) },
        cells: [loc(row.name)],
      });
    }
  },
});
