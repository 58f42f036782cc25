/**
 * @fileoverview The split by budget level must add up: 区本级使用资金 + 拟用于对下转移支付资金 =
 * 基本支出 + 项目支出. Whether the split is of the whole budget or of 项目支出 only is UNCONFIRMED
 * (domain-rules §2.4 R4), hence the `base` option; "either" accepts both and says which one matched.
 */
import { formatWan } from "../../amount";
import { defineRule } from "../types";
import { formAmounts } from "../util/formAmounts";
import { differs, roundCents, sumCents } from "../util/money";
import { choiceOption, numberOption } from "../util/options";

const BASES = ["total", "project", "either"] as const;

export default defineRule({
  meta: {
    id: "budget/levels-match-expenditure",
    category: "budget",
    severity: "warning",
    docs: {
      zh: "按预算级次划分:区本级使用资金 + 拟用于对下转移支付资金应等于支出合计(基本 + 项目);口径未经确认,可改为项目支出或任一",
      en: "By budget level: district-level funds + transfers to lower levels must equal total expenditure (basic + project); the base is unconfirmed and can be set to project expenditure or either",
    },
    messages: {
      totalMismatch: {
        zh: "按预算级次划分合计 {{levels}} 万元(区本级 {{local}} + 对下转移 {{transfer}})≠ 支出合计 {{base}} 万元(基本 {{basic}} + 项目 {{project}}),差额 {{diff}} 万元。请核对区本级使用资金与对下转移支付资金",
        en: "The split by level {{levels}} (district {{local}} + transfers {{transfer}}) ≠ total expenditure {{base}} (basic {{basic}} + project {{project}}), a difference of {{diff}} (10k yuan). Check the district-level and transfer amounts",
      },
      projectMismatch: {
        zh: "按预算级次划分合计 {{levels}} 万元(区本级 {{local}} + 对下转移 {{transfer}})≠ 项目支出 {{base}} 万元,差额 {{diff}} 万元。请核对区本级使用资金与对下转移支付资金",
        en: "The split by level {{levels}} (district {{local}} + transfers {{transfer}}) ≠ project expenditure {{base}}, a difference of {{diff}} (10k yuan). Check the district-level and transfer amounts",
      },
      neitherMatches: {
        zh: "按预算级次划分合计 {{levels}} 万元(区本级 {{local}} + 对下转移 {{transfer}})既不等于支出合计 {{total}} 万元,也不等于项目支出 {{project}} 万元。请核对区本级使用资金与对下转移支付资金",
        en: "The split by level {{levels}} (district {{local}} + transfers {{transfer}}) equals neither total expenditure {{total}} nor project expenditure {{project}} (10k yuan). Check the district-level and transfer amounts",
      },
      matchedBase: {
        zh: "按预算级次划分合计 {{levels}} 万元与{{matched}}一致(口径设为“任一”,供确认本表采用的口径)",
        en: 'The split by level {{levels}} (10k yuan) matches {{matchedEn}} (base set to "either"; shown so the form\'s base can be confirmed)',
      },
    },
    kinds: ["department"],
    defaultOptions: { base: "total", tolerance: 0.005 },
    optionSchema: { base: { choices: ["total", "project", "either"] } },
    optionDocs: {
      base: {
        zh: "比较口径:total = 支出合计(基本 + 项目,默认);project = 项目支出;either = 任一相符即可,并提示相符的口径",
        en: "What the split must equal: total = basic + project (default); project = project expenditure; either = whichever matches, reporting which one as a tip",
      },
      tolerance: {
        zh: "允许的差额(万元),默认 0.005",
        en: "Allowed difference (10k yuan); default 0.005",
      },
    },
  },
  check(ctx) {
    const base = choiceOption(ctx.options.base, BASES, "total");
    const tolerance = numberOption(ctx.options.tolerance, 0.005);
    const lv = formAmounts(ctx.form, ["local", "transfer"] as const);
    if (!lv) return;
    const levels = sumCents([lv.local.value, lv.transfer.value]);
    const split = { levels: formatWan(levels), local: formatWan(lv.local.value), transfer: formatWan(lv.transfer.value) };
    const levelCells = [lv.local.cell, lv.transfer.cell];
    const diff = (b: number) => formatWan(Math.abs(roundCents(levels - b)));

    if (base === "project") {
      const p = formAmounts(ctx.form, ["project"] as const);
      if (p && differs(levels, p.project.value, tolerance)) {
        ctx.report({
          messageId: "projectMismatch",
          data: { ...split, base: formatWan(p.project.value), diff: diff(p.project.value) },
          cells: [...levelCells, p.project.cell],
        });
      }
      return;
    }
    const bp = formAmounts(ctx.form, ["basic", "project"] as const);
    if (!bp) return;
    const total = sumCents([bp.basic.value, bp.project.value]);
    const totalOk = !differs(levels, total, tolerance);
    if (base === "total") {
      if (!totalOk) {
        ctx.report({
          messageId: "totalMismatch",
          data: {
            ...split,
            base: formatWan(total),
            basic: formatWan(bp.basic.value),
            project: formatWan(bp.project.value),
            diff: diff(total),
          },
          cells: [...levelCells, bp.basic.cell, bp.project.cell],
        });
      }
      return;
    }
    const projectOk = !differs(levels, bp.project.value, tolerance);
    if (!totalOk && !projectOk) {
      ctx.report({
        messageId: "neitherMatches",
        data: { ...split, total: formatWan(total), project: formatWan(bp.project.value) },
        cells: [...levelCells, bp.basic.cell, bp.project.cell],
      });
      return;
    }
    // Both match only when 基本支出 is 0; naming both keeps the tip honest.
    const matched =
      totalOk && projectOk
        ? {
            zh: `支出合计 ${formatWan(total)} 万元和项目支出 ${formatWan(bp.project.value)} 万元`,
            en: `both total expenditure ${formatWan(total)} and project expenditure ${formatWan(bp.project.value)}`,
          }
        : totalOk
          ? { zh: `支出合计 ${formatWan(total)} 万元(基本 + 项目)`, en: `total expenditure ${formatWan(total)} (basic + project)` }
          : { zh: `项目支出 ${formatWan(bp.project.value)} 万元`, en: `project expenditure ${formatWan(bp.project.value)}` };
    ctx.report({
      messageId: "matchedBase",
      severity: "info",
      data: {
        levels: split.levels,
        matched: matched.zh,
        matchedEn: matched.en,
        base: totalOk && projectOk ? "both" : totalOk ? "total" : "project",
      },
      cells: levelCells,
    });
  },
});
