/**
 * @fileoverview An indicator row whose cells slid across columns (the seed's 成本指标 and 满意度
 * rows). The checker still reads the row by what its cells say; this tells the user to move them.
 */
import { columnName } from "../../a1";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "layout/misaligned-row",
    category: "layout",
    severity: "warning",
    docs: {
      zh: "绩效指标行的单元格错位(整行左移或右移),已按内容读取,请移回对应列",
      en: "An indicator row's cells slid across columns; it was read by content, move the cells back",
    },
    messages: {
      slidLeft: {
        zh: "第 {{row}} 行错位:内容整体左移了 {{n}} 列(三级指标应在 {{col}} 列),已按内容读取,请移回对应列",
        en: "Row {{row}} is misaligned: its cells slid {{n}} column(s) left (三级 belongs in column {{col}}); read by content, please move them back",
      },
      slidRight: {
        zh: "第 {{row}} 行错位:内容整体右移了 {{n}} 列(三级指标应在 {{col}} 列),已按内容读取,请移回对应列",
        en: "Row {{row}} is misaligned: its cells slid {{n}} column(s) right (三级 belongs in column {{col}}); read by content, please move them back",
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of t.rows) {
      if (row.shift === 0) continue;
      // Point at the first cell that holds content in the wrong place.
      const first = row.emptyGroup ? (row.level2Cell ?? row.level1Cell ?? row.name) : row.name;
      ctx.report({
        messageId: row.shift < 0 ? "slidLeft" : "slidRight",
        data: { row: row.row + 1, n: Math.abs(row.shift), col: columnName(t.columns.level3) },
        cells: [{ row: first.row, col: first.col }],
      });
    }
  },
});
