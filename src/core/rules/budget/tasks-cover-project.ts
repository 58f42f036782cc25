/**
 * @fileoverview The key tasks should account for the bulk of 项目支出 (domain-rules R8, a heuristic
 * for 适当性): when they cover less than half, the form leaves most project money unexplained.
 */
import { formatWan } from "../../amount";
import { defineRule } from "../types";
import { formAmounts } from "../util/formAmounts";
import { numberOption } from "../util/options";
import { taskFunds } from "../util/taskFunds";

export default defineRule({
  meta: {
    id: "budget/tasks-cover-project",
    category: "budget",
    severity: "info",
    docs: {
      zh: "年度重点工作任务的拟投入资金合计宜覆盖项目支出的大部分(默认不低于 50%)",
      en: "The key tasks' planned funds should cover most of project expenditure (by default at least 50%)",
    },
    messages: {
      lowCoverage: {
        zh: "重点工作任务拟投入资金合计 {{tasks}} 万元,仅占项目支出 {{project}} 万元的 {{share}}%(低于 {{min}}%):请补充主要的重点工作任务,或核对各任务的拟投入资金",
        en: "The key tasks' planned funds total {{tasks}}, only {{share}}% of project expenditure {{project}} (10k yuan; below {{min}}%): add the main key tasks or check their amounts",
      },
    },
    kinds: ["department"],
    defaultOptions: { minShare: 0.5 },
    optionSchema: { minShare: { max: 1 } },
    optionDocs: {
      minShare: {
        zh: "任务资金占项目支出的最低比例(0–1),默认 0.5",
        en: "Lowest share of project expenditure the tasks should cover (0–1); default 0.5",
      },
    },
  },
  check(ctx) {
    const minShare = numberOption(ctx.options.minShare, 0.5);
    const funds = taskFunds(ctx.form);
    // An incomplete sum would understate coverage; tasks/incomplete-row reports the blanks first.
    if (funds.unusable || funds.hasEmpty || funds.cells.length === 0) return;
    const a = formAmounts(ctx.form, ["project"] as const);
    if (!a || a.project.value <= 0) return;
    const share = funds.sum / a.project.value;
    if (share >= minShare - 1e-9) return;
    ctx.report({
      messageId: "lowCoverage",
      data: {
        tasks: formatWan(funds.sum),
        project: formatWan(a.project.value),
        share: (share * 100).toFixed(1),
        min: String(Math.round(minShare * 1000) / 10),
      },
      cells: [a.project.cell, ...funds.cells],
    });
  },
});
