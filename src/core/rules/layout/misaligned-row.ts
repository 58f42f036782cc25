/**
 * @fileoverview An indicator row whose cells slid across columns (the seed's 成本指标 and 满意度
 * rows). The checker still reads the row by what its cells say; this tells the user to move them.
 */
import { columnName } from "../../a1";
import { moveRowsPlan } from "../../indicators/moveRow";
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
      labelMoved: {
        zh: "第 {{row}} 行的「{{label}}」写在了 {{at}} 列,应在{{level}}列({{col}} 列),已按内容读取,请移回",
        en: 'Row {{row}}: "{{label}}" is in column {{at}}; it belongs in the {{levelEn}} column ({{col}}); read by content, please move it',
      },
    },
    defaultOptions: {},
    fixable: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of t.rows) {
      if (row.shift === 0 && row.labelShift !== 0) {
        // The content is where it belongs, only the category label is not (e.g. after a template
        // filled the seed's empty 时效 row, its 时效指标 still stands in the 一级 column).
        const cell = row.level2Cell && row.level2Cell.row === row.row ? row.level2Cell : row.level1Cell;
        if (!cell || cell.row !== row.row) continue;
        const isL2 = cell === row.level2Cell;
        const home = isL2 ? t.columns.level2 : t.columns.level1;
        ctx.report({
          messageId: "labelMoved",
          data: {
            row: row.row + 1,
            label: cell.text,
            at: columnName(cell.col),
            col: columnName(home),
            level: isL2 ? "二级指标" : "一级指标",
            levelEn: isL2 ? "二级 (second-level)" : "一级 (first-level)",
          },
          cells: [{ row: cell.row, col: cell.col }],
          fix: () =>
            moveRowsPlan(ctx.grid, ctx.form.sheet, t, ctx.form.left, row.row, {
              zh: `把「${cell.text}」移到${isL2 ? "二级指标" : "一级指标"}列`,
              en: `Move "${cell.text}" into the ${isL2 ? "二级 (second-level)" : "一级 (first-level)"} column`,
            }) ?? undefined,
        });
        continue;
      }
      if (row.shift === 0) continue;
      // Point at the first cell that holds content in the wrong place.
      const first = row.emptyGroup ? (row.level2Cell ?? row.level1Cell ?? row.name) : row.name;
      const at = row.row;
      ctx.report({
        messageId: row.shift < 0 ? "slidLeft" : "slidRight",
        data: { row: row.row + 1, n: Math.abs(row.shift), col: columnName(t.columns.level3) },
        cells: [{ row: first.row, col: first.col }],
        fix: () =>
          moveRowsPlan(ctx.grid, ctx.form.sheet, t, ctx.form.left, at, {
            zh: `把第 ${at + 1} 行移回对应列`,
            en: `Move row ${at + 1} back into its columns`,
          }) ?? undefined,
      });
    }
  },
});
