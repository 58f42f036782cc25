/**
 * @fileoverview The key tasks cannot cost more than the budget: Σ 拟投入的资金 > 项目支出 is a
 * warning (tasks are normally project money, R7), > 基本支出 + 项目支出 an error (R6).
 */
import { formatWan } from "../../amount";
import { defineRule } from "../types";
import { formAmounts } from "../util/formAmounts";
import { roundCents, sumCents } from "../util/money";
import { numberOption } from "../util/options";
import { taskFunds } from "../util/taskFunds";

export default defineRule({
  meta: {
    id: "budget/tasks-within-budget",
    category: "budget",
    severity: "warning",
    docs: {
      zh: "年度重点工作任务的拟投入资金合计不应超过项目支出(警告),更不能超过支出合计(错误)",
      en: "The key tasks' planned funds should not exceed project expenditure (warning), and must not exceed total expenditure (error)",
    },
    messages: {
      exceedsProject: {
        zh: "重点工作任务拟投入资金合计 {{tasks}} 万元 > 项目支出 {{project}} 万元,超出 {{diff}} 万元。重点工作任务一般由项目支出安排,请核对各任务的拟投入资金或项目支出",
        en: "The key tasks' planned funds total {{tasks}} > project expenditure {{project}}, {{diff}} over (10k yuan). Key tasks are normally funded from project expenditure; check the task amounts or project expenditure",
      },
      exceedsTotal: {
        zh: "重点工作任务拟投入资金合计 {{tasks}} 万元 > 支出合计 {{total}} 万元(基本 {{basic}} + 项目 {{project}}),超出 {{diff}} 万元。任务资金不能超过部门全部预算,请核对各任务的拟投入资金",
        en: "The key tasks' planned funds total {{tasks}} > total expenditure {{total}} (basic {{basic}} + project {{project}}), {{diff}} over (10k yuan). Tasks cannot cost more than the whole budget; check the task amounts",
      },
    },
    kinds: ["department"],
    defaultOptions: { tolerance: 0.005 },
    optionDocs: {
      tolerance: { zh: "允许超出的金额(万元),默认 0.005", en: "Allowed excess (10k yuan); default 0.005" },
    },
  },
  check(ctx) {
    const tolerance = numberOption(ctx.options.tolerance, 0.005) + 1e-9;
    const funds = taskFunds(ctx.form);
    // An empty task amount only makes the sum a lower bound, and a lower bound over the budget is
    // already conclusive; an unreadable or negative one leaves nothing to conclude.
    if (funds.unusable || funds.cells.length === 0) return;
    const a = formAmounts(ctx.form, ["basic", "project"] as const);
    if (!a) return;
    const total = sumCents([a.basic.value, a.project.value]);
    const data = {
      tasks: formatWan(funds.sum),
      project: formatWan(a.project.value),
      basic: formatWan(a.basic.value),
      total: formatWan(total),
    };
    if (roundCents(funds.sum - total) > tolerance) {
      ctx.report({
        messageId: "exceedsTotal",
        severity: "error",
        data: { ...data, diff: formatWan(roundCents(funds.sum - total)) },
        cells: [...funds.cells, a.basic.cell, a.project.cell],
      });
    } else if (roundCents(funds.sum - a.project.value) > tolerance) {
      ctx.report({
        messageId: "exceedsProject",
        data: { ...data, diff: formatWan(roundCents(funds.sum - a.project.value)) },
        cells: [...funds.cells, a.project.cell],
      });
    }
  },
});
