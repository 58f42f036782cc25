import rule from "../../../../src/core/rules/indicators/timeliness-deadline";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

const TITLE_2025 = { A3: "2025年部门整体预算绩效目标申报表" };
// Row 32 is the second 时效 row of the corrected form; a name without 率 so no bare number reads as a rate.
const PAYMENT = "资金支付时间";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the corrected example in the single-value layout", sheet: singleValueSheet() },
    { name: "the seed (its 时效 row is empty: missing-category's finding)", sheet: seedSheet() },
    { name: "the corrected example with a budget year", sheet: cleanSheet(), options: { budgetYear: 2025 } },
    { name: "a month deadline", sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "12月底前", F32: "≤12月" }) },
    { name: "durations", sheet: setCells(cleanSheet(), { D32: "办结时限", E32: "≤5个工作日", F32: "3天内" }) },
    {
      name: "a year-end deadline",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "年底前完成", F32: "2025年内完成" }),
      options: { budgetYear: 2025 },
    },
    { name: "a rate stored as a number under a (%) name", sheet: setCells(cleanSheet(), { E31: 1, F31: 1 }) },
    {
      name: "full dates inside the year from the title",
      sheet: setCells(cleanSheet(), { ...TITLE_2025, D32: PAYMENT, E32: "2026年6月30日前", F32: "2025年12月31日前" }),
    },
    {
      name: "a date cell (Excel serial) inside the budget year",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: 46022, F32: 46022 }),
      options: { budgetYear: 2025 },
    },
    {
      name: "without a budget year the year is not checked",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "2024年6月30日前", F32: "2024年12月31日前" }),
    },
    { name: "only 时效 rows are checked", sheet: setCells(cleanSheet(), { E21: "按月安排", F21: "按月安排" }) },
  ],
  invalid: [
    {
      // 宁德 2019: 时效指标 | 项目完成时间 | 指标解释 2019年12月(计划标准) | 目标值 100%.
      name: "a time asked for, a rate given",
      sheet: corpusSheet("ningde-fzw-2019"),
      errors: [{ messageId: "noDeadline", cells: ["申报表!E17"], severity: "warning", data: { text: "100%" } }],
    },
    {
      name: "按月安排 has no deadline",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "按月安排", F32: "按月安排" }),
      errors: [
        {
          messageId: "noDeadline",
          cells: [q("E32"), q("F32")],
          severity: "warning",
          data: { name: PAYMENT, text: "按月安排", example: "12月31日前" },
          suggestions: [
            {
              zh: "写明截止时间「≤12月31日前」",
              en: 'State the deadline "≤12月31日前"',
              output: { [q("E32")]: ["按月安排", "≤12月31日前"], [q("F32")]: ["按月安排", "≤12月31日前"] },
            },
            {
              zh: "改用比率「按时完成率＝100%」",
              en: 'Use the rate "按时完成率＝100%" (on-time completion)',
              output: { [q("E32")]: ["按月安排", "按时完成率＝100%"], [q("F32")]: ["按月安排", "按时完成率＝100%"] },
            },
          ],
        },
      ],
    },
    {
      name: "a year alone is not a deadline",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "≤12月", F32: "2021年全年" }),
      errors: [{ messageId: "noDeadline", cells: [q("F32")], data: { text: "2021年全年" } }],
    },
    {
      name: "及时 in the single-value layout",
      sheet: setCells(singleValueSheet(), { E31: "及时" }),
      errors: [{ messageId: "noDeadline", cells: [q("E31")], data: { name: "重点工作任务按时完成率(%)", text: "及时" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E31: "及时", F31: "及时" }, OFF)),
      errors: [{ messageId: "noDeadline", cells: [q("E31", OFF), q("F31", OFF)] }],
    },
    {
      name: "a count is not a deadline",
      sheet: setCells(cleanSheet(), { E31: "≥2次" }),
      errors: [{ messageId: "noDeadline", cells: [q("E31")], data: { text: "≥2次" } }],
    },
    {
      name: "the example names the budget year from the title",
      sheet: setCells(cleanSheet(), { ...TITLE_2025, D32: PAYMENT, F32: "按月安排", E32: "按月安排" }),
      errors: [{ messageId: "noDeadline", cells: [q("E32"), q("F32")], data: { example: "2025年12月31日前" } }],
    },
    {
      name: "an annual deadline outside the title's year",
      sheet: setCells(cleanSheet(), { ...TITLE_2025, D32: PAYMENT, E32: "2026年3月31日前", F32: "2026年3月31日前" }),
      errors: [{ messageId: "outsideYear", cells: [q("F32")], data: { year: 2026, budgetYear: 2025, column: "年度指标值" } }],
    },
    {
      // 原州区 2022 prints its year on the line under the title: 「(2022年度)」.
      name: "the year on the line under the title",
      sheet: setCells(cleanSheet(), { A4: "(2025年度)", D32: PAYMENT, E32: "2026年3月31日前", F32: "2026年3月31日前" }),
      errors: [{ messageId: "outsideYear", cells: [q("F32")], data: { year: 2026, budgetYear: 2025 } }],
    },
    {
      name: "an annual deadline outside the budget year of the option",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "2024年12月31日前", F32: "2024年12月31日前" }),
      options: { budgetYear: 2025 },
      errors: [{ messageId: "outsideYear", cells: [q("F32")], severity: "warning", data: { year: 2024, budgetYear: 2025 } }],
    },
    {
      name: "the option overrides the title's year",
      sheet: setCells(cleanSheet(), { ...TITLE_2025, D32: PAYMENT, E32: "2025年12月31日前", F32: "2025年12月31日前" }),
      options: { budgetYear: 2024 },
      errors: [{ messageId: "outsideYear", cells: [q("F32")], data: { year: 2025, budgetYear: 2024 } }],
    },
    {
      name: "the single value outside the budget year",
      sheet: setCells(singleValueSheet(), { D32: PAYMENT, E32: "2024/12/31前" }),
      options: { budgetYear: 2025 },
      errors: [{ messageId: "outsideYear", cells: [q("E32")], data: { column: "指标值", year: 2024 } }],
    },
    {
      name: "the period deadline before the annual one",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "2025年6月30日前", F32: "2025年12月31日前" }),
      options: { budgetYear: 2025 },
      errors: [
        {
          messageId: "periodBeforeAnnual",
          cells: [q("E32"), q("F32")],
          data: { periodDate: "2025年6月30日", annualDate: "2025年12月31日" },
        },
      ],
    },
    {
      name: "months without a year take the title's year",
      sheet: setCells(cleanSheet(), { ...TITLE_2025, D32: PAYMENT, E32: "≤6月", F32: "12月底前" }),
      errors: [
        { messageId: "periodBeforeAnnual", cells: [q("E32"), q("F32")], data: { periodDate: "2025年6月", annualDate: "2025年12月" } },
      ],
    },
    {
      name: "outside the year and before the annual deadline are both said",
      sheet: setCells(cleanSheet(), { D32: PAYMENT, E32: "2024年12月31日前", F32: "2026年1月31日前" }),
      options: { budgetYear: 2025 },
      errors: [
        { messageId: "outsideYear", cells: [q("F32")], data: { year: 2026 } },
        { messageId: "periodBeforeAnnual", cells: [q("E32"), q("F32")] },
      ],
    },
  ],
});
