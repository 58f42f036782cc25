/**
 * @fileoverview An amount no sum can use or trust: an error value (#REF!), text that is no number,
 * a negative figure, more than 2 decimals, or a figure that looks like 元 where the form wants 万元
 * (text written with 元, or a department figure of 100000 万元 or more: 10 亿元).
 */
import { formatWan } from "../../amount";
import { Message, defineRule } from "../types";
import { Cell } from "../../form/model";
import { EditPlan, setValue } from "../../plan/editPlan";
import { rewritable } from "../../indicators/fix";
import { amountCells } from "../util/amountCells";
import { hasSubCents, roundCents, showWan } from "../util/money";
import { numberOption } from "../util/options";

export default defineRule({
  meta: {
    id: "budget/amount-invalid",
    category: "budget",
    severity: "error",
    docs: {
      zh: "金额无效:错误值(#REF!、#VALUE!)、无法识别的文本、负数、超过两位小数,或疑似按元而非万元填写(表头注明「元」的金额按元读取并折算为万元)",
      en: "An invalid amount: an error value (#REF!, #VALUE!), unreadable text, a negative figure, more than 2 decimals, or a figure apparently in yuan instead of 10k yuan (amounts under a header that says 元 are read in yuan and converted)",
    },
    messages: {
      errorValue: {
        zh: "{{name}} 显示错误值 {{raw}}:公式引用已失效或计算出错,请改为正确的金额(万元,两位小数)",
        en: "{{nameEn}} shows the error value {{raw}}: its formula is broken; enter the correct amount (10k yuan, 2 decimals)",
      },
      notANumber: {
        zh: "{{name}}「{{raw}}」不是金额,无法参与核对:请填写数字(万元,两位小数),说明文字请移到其他单元格",
        en: '{{nameEn}} "{{raw}}" is not an amount and cannot be reconciled: enter a number (10k yuan, 2 decimals) and move any remark elsewhere',
      },
      negative: {
        zh: "{{name}} 为负数 {{value}} 万元:预算金额不能为负,请核对后填写非负金额",
        en: "{{nameEn}} is negative ({{value}}, 10k yuan): budget amounts cannot be negative; check and enter a non-negative amount",
      },
      tooManyDecimals: {
        zh: "{{name}} 为 {{raw}},超过两位小数:金额以万元计、保留两位小数,请改为 {{rounded}} 并确认各合计仍然相符",
        en: "{{nameEn}} is {{raw}}, more than 2 decimals: amounts are in 10k yuan with 2 decimals; change it to {{rounded}} and check that the totals still agree",
      },
      unitYuan: {
        zh: "{{name}}「{{raw}}」以元为单位,而表中金额单位是万元:折合 {{wan}} 万元,请填写 {{wan}}",
        en: '{{nameEn}} "{{raw}}" is in yuan, but the form\'s unit is 10k yuan: that is {{wan}}; enter {{wan}}',
      },
      looksLikeYuan: {
        zh: "{{name}} 为 {{value}} 万元(即 {{yi}} 亿元),不低于 {{max}} 万元,疑似按元填写:若单位是元,应填 {{wan}} 万元",
        en: "{{nameEn}} is {{value}} (10k yuan), i.e. {{yi}} hundred million yuan, at least {{max}}: it looks like yuan; if so, enter {{wan}}",
      },
    },
    kinds: ["department"],
    defaultOptions: { maxWan: 100000 },
    fixable: true,
    optionDocs: {
      maxWan: {
        zh: "不低于此值(万元)的金额视为疑似按元填写;默认 100000 万元(10 亿元)",
        en: "Amounts at or above this figure (10k yuan) are taken to be in yuan by mistake; default 100000 (1 billion yuan)",
      },
    },
  },
  check(ctx) {
    const max = numberOption(ctx.options.maxWan, 100000);
    for (const a of amountCells(ctx.form)) {
      const { amount } = a;
      const names = { name: a.name.zh, nameEn: a.name.en, raw: amount.raw };
      const at = [{ row: a.cell.row, col: a.cell.col }];
      // One finding per cell, the one to fix first: an unreadable value hides every other problem.
      if (amount.state === "error") {
        ctx.report({ messageId: "errorValue", data: names, cells: at });
      } else if (amount.state === "invalid" || (amount.state !== "empty" && amount.value === null)) {
        ctx.report({ messageId: "notANumber", data: names, cells: at });
      } else if (amount.value === null) {
        continue; // empty: required/field-empty and tasks/incomplete-row report it
      } else if (amount.value < 0) {
        ctx.report({ messageId: "negative", data: { ...names, value: formatWan(amount.value) }, cells: at });
      } else if (a.yuan) {
        // The header says 元 and the figure was converted: only a fraction of a fen (分) is wrong.
        if (hasSubCents(amount.value * 10000)) {
          ctx.report({
            messageId: "tooManyDecimals",
            severity: "warning",
            data: { ...names, rounded: formatWan(roundCents(amount.value * 10000)) },
            cells: at,
          });
        }
      } else if (amount.unit === "元") {
        // Written in 元 under a 万元 header: the conversion is arithmetic, so it is a fix.
        const to = Number((amount.value / 10000).toFixed(6));
        ctx.report({
          messageId: "unitYuan",
          severity: "warning",
          data: { ...names, wan: wan(amount.value / 10000) },
          cells: at,
          fix: () =>
            rewritable(a.cell)
              ? writeAmount(ctx.form.sheet, a.cell, to, { zh: `折算为 ${wan(to)} 万元`, en: `Convert to ${wan(to)} (10k yuan)` })
              : undefined,
        });
      } else if (amount.value >= max) {
        ctx.report({
          messageId: "looksLikeYuan",
          severity: "warning",
          data: {
            ...names,
            value: formatWan(amount.value),
            yi: formatWan(amount.value / 10000),
            max: formatWan(max),
            wan: wan(amount.value / 10000),
          },
          cells: at,
        });
      } else if (hasSubCents(amount.value)) {
        ctx.report({
          messageId: "tooManyDecimals",
          severity: "warning",
          data: { ...names, rounded: formatWan(roundCents(amount.value)) },
          cells: at,
        });
      }
    }
  },
});

function writeAmount(sheet: string, cell: Cell, value: number, title: Message): EditPlan {
  return { title, edits: [setValue({ sheet, row: cell.row, col: cell.col }, value, cell.value)] };
}

/** A 元 figure in 万元, keeping the digits a cent would hide (1234 元 is 0.1234 万元, not 0.12). */
function wan(n: number): string {
  return showWan(Number(n.toFixed(6)));
}
