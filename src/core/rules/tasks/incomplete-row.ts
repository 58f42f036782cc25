/**
 * @fileoverview Key tasks (年度重点工作任务) filled only in part: a name without content, funds or
 * goal, or content without a name, one finding per row naming the empty cells; a task with a blank
 * or 0 拟投入的资金 (R9); and a form with no key task at all.
 */
import { Cell } from "../../form/model";
import { loc } from "../../indicators/cells";
import { Message, defineRule } from "../types";
import { usableValue } from "../util/money";

const PARTS: { part: "name" | "content" | "amount" | "goal"; name: Message }[] = [
  { part: "name", name: { zh: "名称", en: "name" } },
  { part: "content", name: { zh: "主要实施内容", en: "main content" } },
  { part: "amount", name: { zh: "拟投入的资金", en: "planned funds" } },
  { part: "goal", name: { zh: "期望达到的目标", en: "expected goal" } },
];

export default defineRule({
  meta: {
    id: "tasks/incomplete-row",
    category: "tasks",
    severity: "error",
    docs: {
      zh: "年度重点工作任务未填完整:有名称缺内容/资金/目标,或有内容缺名称;拟投入资金为空或为 0;或一项任务都没有",
      en: "Key tasks filled in part: a name without content, funds or goal (or the reverse); blank or zero planned funds; or no key task at all",
    },
    messages: {
      incomplete: {
        zh: "第 {{row}} 行重点工作任务{{task}}未填完整:缺少{{missing}}。请补全,或整行删除",
        en: "The key task in row {{row}}{{taskEn}} is incomplete: {{missingEn}} missing. Fill it in or delete the row",
      },
      noAmount: {
        zh: "重点工作任务「{{task}}」未填拟投入的资金:请填写金额(万元,两位小数)",
        en: 'Key task "{{task}}" has no planned funds: enter the amount (10k yuan, 2 decimals)',
      },
      zeroAmount: {
        zh: "重点工作任务「{{task}}」拟投入的资金为 0:重点工作任务应有资金安排,请填写金额,或说明该任务不需资金",
        en: "Key task {{taskEn}} has zero planned funds: a key task should be funded; enter the amount, or explain why it needs none",
      },
      noTasks: {
        zh: "未填写任何年度重点工作任务:请至少填写一项任务的名称、主要实施内容、拟投入的资金和期望达到的目标",
        en: "No key task is filled in: enter at least one task with its name, main content, planned funds and expected goal",
      },
    },
    kinds: ["department"],
    defaultOptions: {},
  },
  check(ctx) {
    const { form } = ctx;
    if (form.tasks.length === 0) {
      // A provincial form that prints no key-task table is not asked for one.
      if (!form.tasksLabel) return;
      const at = form.tasksLabel;
      ctx.report({ messageId: "noTasks", cells: [{ row: at.row, col: at.col }] });
      return;
    }
    for (const t of form.tasks) {
      const empty = PARTS.filter(({ part }) => isBlank(t[part]));
      const task = t.name.text;
      const onlyAmount = empty.length === 1 && empty[0].part === "amount";
      if (empty.length > 0 && !onlyAmount) {
        ctx.report({
          messageId: "incomplete",
          data: {
            row: t.row + 1,
            task: task ? `「${task}」` : "",
            taskEn: task ? ` ("${task}")` : "",
            missing: empty.map((e) => e.name.zh).join("、"),
            missingEn: empty.map((e) => e.name.en).join(", "),
          },
          cells: empty.map(({ part }) => ({ row: t[part].row, col: t[part].col })),
        });
      } else if (onlyAmount) {
        ctx.report({ messageId: "noAmount", severity: "warning", data: { task }, cells: [loc(t.amount)] });
      }
      if (usableValue(t.parsedAmount) === 0) {
        ctx.report({
          messageId: "zeroAmount",
          severity: "warning",
          data: { task: task || `第 ${t.row + 1} 行`, taskEn: task ? `"${task}"` : `in row ${t.row + 1}` },
          cells: [loc(t.amount)],
        });
      }
    }
  },
});

function isBlank(c: Cell): boolean {
  return c.text === "";
}
