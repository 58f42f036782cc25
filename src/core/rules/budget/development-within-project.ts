/**
 * @fileoverview 事业发展性支出 (财政专项资金 + 其他事业发展性支出) is project-type money, so it should
 * not exceed 项目支出. Whether the two must be equal is UNCONFIRMED (domain-rules §2.4 R3): `mode`
 * "within" (default) checks ≤, "equal" checks =.
 */
import { formatWan } from "../../amount";
import { defineRule } from "../types";
import { formAmounts } from "../util/formAmounts";
import { differs, roundCents, sumCents } from "../util/money";
import { choiceOption, numberOption } from "../util/options";

const MODES = ["within", "equal"] as const;

export default defineRule({
  meta: {
    id: "budget/development-within-project",
    category: "budget",
    severity: "warning",
    docs: {
      zh: "事业发展性支出(财政专项资金 + 其他事业发展性支出)不应超过项目支出;是否须相等未经确认,可设为相等",
      en: "Development spending (special fiscal funds + other development spending) should not exceed project expenditure; whether they must be equal is unconfirmed and can be required",
    },
    messages: {
      exceedsProject: {
        zh: "事业发展性支出 {{development}} 万元(财政专项 {{special}} + 其他事业发展性 {{otherDevelopment}})> 项目支出 {{project}} 万元,超出 {{diff}} 万元。事业发展性支出属于项目支出,请核对这三个金额",
        en: "Development spending {{development}} (special {{special}} + other {{otherDevelopment}}) > project expenditure {{project}}, {{diff}} over (10k yuan). Development spending is part of project expenditure; check these three amounts",
      },
      notEqualProject: {
        zh: "事业发展性支出 {{development}} 万元(财政专项 {{special}} + 其他事业发展性 {{otherDevelopment}})≠ 项目支出 {{project}} 万元,差额 {{diff}} 万元。请核对这三个金额",
        en: "Development spending {{development}} (special {{special}} + other {{otherDevelopment}}) ≠ project expenditure {{project}}, a difference of {{diff}} (10k yuan). Check these three amounts",
      },
    },
    kinds: ["department"],
    defaultOptions: { mode: "within", tolerance: 0.005 },
    optionSchema: { mode: { choices: ["within", "equal"] } },
    optionDocs: {
      mode: {
        zh: "within = 不超过项目支出(默认);equal = 须等于项目支出",
        en: "within = at most project expenditure (default); equal = must equal project expenditure",
      },
      tolerance: { zh: "允许的差额(万元),默认 0.005", en: "Allowed difference (10k yuan); default 0.005" },
    },
  },
  check(ctx) {
    const mode = choiceOption(ctx.options.mode, MODES, "within");
    const tolerance = numberOption(ctx.options.tolerance, 0.005);
    const a = formAmounts(ctx.form, ["special", "otherDevelopment", "project"] as const);
    if (!a) return;
    const development = sumCents([a.special.value, a.otherDevelopment.value]);
    const over = roundCents(development - a.project.value);
    const failed = mode === "equal" ? differs(development, a.project.value, tolerance) : over > tolerance + 1e-9;
    if (!failed) return;
    ctx.report({
      messageId: mode === "equal" ? "notEqualProject" : "exceedsProject",
      data: {
        development: formatWan(development),
        special: formatWan(a.special.value),
        otherDevelopment: formatWan(a.otherDevelopment.value),
        project: formatWan(a.project.value),
        diff: formatWan(Math.abs(over)),
      },
      cells: [a.special.cell, a.otherDevelopment.cell, a.project.cell],
    });
  },
});
