/**
 * @fileoverview 财政供养人员数 and 下属二级单位数 are counts: non-negative whole numbers (R13). A count
 * typed as text ("5", "5人") is readable, so it is a warning with a fix that stores the number; a
 * fraction, a negative or something unreadable is an error. Empty cells are required/field-empty's.
 * A count written in the label's own cell ("财政供养人员数：5") can only be text, so it is read, not flagged.
 */
import { toA1 } from "../../a1";
import { Field } from "../../form/model";
import { setValue } from "../../plan/editPlan";
import { Message, defineRule } from "../types";
import { parseCount } from "../util/count";

const COUNTS: { field: "headcount" | "subUnits"; name: Message }[] = [
  { field: "headcount", name: { zh: "财政供养人员数", en: "the headcount funded by the budget" } },
  { field: "subUnits", name: { zh: "下属二级单位数", en: "the number of subordinate units" } },
];

export default defineRule({
  meta: {
    id: "budget/headcount-invalid",
    category: "budget",
    severity: "error",
    fixable: true,
    docs: {
      zh: "财政供养人员数、下属二级单位数应为非负整数;写成文本(如“5人”)时提示改为数字",
      en: 'The headcount and the number of subordinate units must be non-negative whole numbers; text such as "5人" is flagged with a fix to the number',
    },
    messages: {
      textCount: {
        zh: "{{name}}「{{raw}}」是文本而不是数字:按 {{value}} 读取,请改为数字 {{value}}(可一键修正)",
        en: '{{nameEn}} "{{raw}}" is text, not a number: read as {{value}}; enter the number {{value}} (one-click fix available)',
      },
      notWhole: {
        zh: "{{name}}为 {{raw}},应为非负整数:请填写实际的人数或单位数",
        en: "{{nameEn}} is {{raw}}; it must be a non-negative whole number: enter the actual count",
      },
      unreadable: {
        zh: "{{name}}「{{raw}}」不是数字:请填写非负整数(没有时填 0)",
        en: '{{nameEn}} "{{raw}}" is not a number: enter a non-negative whole number (0 if there are none)',
      },
    },
    kinds: ["department"],
    defaultOptions: {},
  },
  check(ctx) {
    for (const { field, name } of COUNTS) {
      const f: Field | null = ctx.form[field];
      if (!f?.value) continue;
      const cell = f.value;
      const c = parseCount(cell.value);
      const data = { name: name.zh, nameEn: name.en, raw: c.raw };
      const at = [{ row: cell.row, col: cell.col }];
      if (c.state === "empty") continue;
      if (c.value === null) {
        ctx.report({ messageId: "unreadable", data, cells: at });
      } else if (c.value < 0 || !Number.isInteger(c.value)) {
        ctx.report({ messageId: "notWhole", data, cells: at });
      } else if (c.state === "text-number" && !f.inline) {
        const address = toA1(cell.row, cell.col);
        ctx.report({
          messageId: "textCount",
          severity: "warning",
          data: { ...data, value: c.value },
          cells: at,
          fix: {
            title: { zh: `将 ${address} 改为数字 ${c.value}`, en: `Store ${address} as the number ${c.value}` },
            edits: [setValue({ sheet: ctx.form.sheet, row: cell.row, col: cell.col }, c.value, cell.value)],
          },
        });
      }
    }
  },
});
