import rule from "../../../../src/core/rules/indicators/not-quantified";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    {
      name: "graded qualitative values and a deadline are measurable",
      sheet: setCells(cleanSheet(), { E36: "优", F36: "达成预期指标", E31: "2025年12月31日前", F31: "较好" }),
    },
    { name: "an empty value is missing-value's business", sheet: setCells(cleanSheet(), { F28: null }) },
    {
      // Pass/fail targets of real forms: 鄂州 2022 成本控制率 不超预算, 棠溪 2022 经费支出合规性 严格执行相关制度规定
      // and 单项业务成本 符合相关规定; 湘潭 2024 成本 控制在预算内; 验收 通过 / 合格 / 达标 / 是.
      name: "pass/fail targets reviewers accept",
      sheet: setCells(cleanSheet(), {
        F33: "不超预算",
        E33: "控制在预算内",
        E30: "严格执行相关制度规定",
        F30: "符合相关规定",
        E29: "通过",
        F29: "达标",
        E36: "是",
      }),
    },
    {
      // 岳阳楼区 2023 时效 按月安排, 棠溪 2022 在项目计划完成时间内完成: timeliness-deadline says what a deadline looks like.
      name: "a 时效 value without a date is timeliness-deadline's finding",
      sheet: setCells(cleanSheet(), { E31: "按月安排", F31: "在项目计划完成时间内完成" }),
    },
    { name: "a bare number whose name gives the unit in brackets", sheet: setCells(cleanSheet(), { F28: "95" }) },
    {
      // 同心 2023: 种植作物成活率(≥**%) | >=85: the template's placeholder keeps its unit.
      name: "a bare number whose name gives the unit in a template placeholder",
      sheet: corpusSheet("tongxin-xmg-2023"),
    },
  ],
  invalid: [
    {
      // 形式化 (published-guidance §2, Z): the value is the name written again.
      name: "a value that only restates the name",
      sheet: setCells(cleanSheet(), { D30: "设备正常运行", E30: "设备正常运行", F30: "设备正常运行。" }),
      errors: [{ messageId: "restatesName", cells: [q("E30"), q("F30")], severity: "error", data: { text: "设备正常运行" } }],
    },
    {
      // 宁德 2019: 各类书籍审稿率 | 指标解释 100%(计划标准) | 目标值 1.
      name: "a bare number with no unit anywhere is a warning",
      sheet: setCells(cleanSheet(), { D30: "各类书籍审稿率", E30: "1", F30: "1" }),
      errors: [{ messageId: "noUnit", cells: [q("E30"), q("F30")], severity: "warning", data: { text: "1", number: "1" } }],
    },
    {
      // 同心 2023 wrote ">=85" with no unit: the suggestion quotes the number, not the operator again (not "≥>=85次").
      name: "a bare number with its own operator: the example keeps one operator",
      sheet: setCells(cleanSheet(), { D30: "葡萄种植成活率", E30: ">=85", F30: ">=85" }),
      errors: [{ messageId: "noUnit", cells: [q("E30"), q("F30")], severity: "warning", data: { text: ">=85", number: "85" } }],
    },
    {
      name: "an error value in a value cell is named as one, not as wording",
      sheet: setCells(cleanSheet(), { F21: { error: "#REF!" } }),
      errors: [{ messageId: "errorValue", cells: ["申报表!F21"], data: { text: "#REF!" } }],
    },
    {
      name: "the seed's 按上级要求 row",
      sheet: seedSheet(),
      errors: [
        {
          messageId: "notQuantified",
          cells: [q("E41"), q("F41")],
          severity: "error",
          data: { text: "按上级要求,落实财务管理、保密工作、档案…" },
        },
      ],
    },
    {
      // 棠溪 2022 村级补助: 补助资格合规性 | 合规 is a pass/fail target; the two 效果明显 are not measurable.
      name: "合规 passes, 效果明显 does not",
      sheet: corpusSheet("tangxi-cunji-2022"),
      errors: [
        { messageId: "notQuantified", cells: ["申报表!E13"], data: { text: "效果明显" } },
        { messageId: "notQuantified", cells: ["申报表!E14"], data: { text: "效果明显" } },
      ],
    },
    {
      name: "one column without a number",
      sheet: setCells(cleanSheet(), { F28: "群众普遍受益" }),
      errors: [
        {
          messageId: "notQuantified",
          cells: [q("F28")],
          data: { text: "群众普遍受益" },
          // The name asks for % (公众科普知识知晓率(%)): a graded level, or all of it.
          suggestions: [
            {
              zh: "改为「达成预期指标」(分级定性表述)",
              en: 'Write "达成预期指标" (a graded qualitative target)',
              output: { [q("F28")]: ["群众普遍受益", "达成预期指标"] },
            },
            { zh: "改为「＝100%」(全部完成)", en: 'Write "＝100%" (all of it done)', output: { [q("F28")]: ["群众普遍受益", "＝100%"] } },
          ],
        },
      ],
    },
    {
      name: "vague praise is not a graded level",
      sheet: setCells(cleanSheet(), { E34: "显著提高", F34: "效果明显" }),
      errors: [{ messageId: "notQuantified", cells: [q("E34"), q("F34")] }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E30: "按要求落实" }, OFF)),
      errors: [{ messageId: "notQuantified", cells: [q("E30", OFF)] }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E30: "按要求落实" }),
      errors: [{ messageId: "notQuantified", cells: [q("E30")] }],
    },
  ],
});
