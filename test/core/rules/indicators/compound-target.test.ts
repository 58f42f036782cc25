import rule from "../../../../src/core/rules/indicators/compound-target";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    {
      name: "two figures in one unit (3个乡镇10个村)",
      sheet: setCells(cleanSheet(), { E22: "覆盖3个乡镇10个村", F22: "覆盖3个乡镇10个村" }),
    },
    { name: "a range", sheet: setCells(cleanSheet(), { F28: "90%-95%" }) },
    { name: "a count and a date", sheet: setCells(cleanSheet(), { F23: "2025年6月前召开1次" }) },
  ],
  invalid: [
    {
      // The example form itself (examples/seed-form.xlsx, 白云区科协 2024).
      name: "the seed: 科普咨询活动2次,受众1200人 and four more",
      sheet: seedSheet(),
      errors: [
        { messageId: "compound", cells: [q("E21"), q("F21")], severity: "warning", data: { first: "2次", second: "1200人" } },
        { messageId: "compound", cells: [q("E26"), q("F26")] },
        { messageId: "compound", cells: [q("E30"), q("F30")], data: { first: "250篇", second: "15000人次" } },
        { messageId: "compound", cells: [q("E32"), q("F32")] },
        { messageId: "compound", cells: [q("E46"), q("F46")], data: { second: "95%" } },
      ],
    },
    {
      name: "a count and a cost in one target",
      sheet: setCells(cleanSheet(), { F25: "≥3000人次,人均成本≤50元" }),
      errors: [
        {
          messageId: "compound",
          cells: [q("F25")],
          suggestions: [
            {
              zh: "拆成两个指标:本行改为「≥3000人次」,并新增「人均成本(元)」≤50元",
              en: 'Split into two indicators: this row becomes "≥3000人次" and a new row "人均成本(元)" ≤50元 is added',
              output: {
                [q("F25")]: ["≥3000人次,人均成本≤50元", "≥3000人次"],
                [q("D28")]: [null, "人均成本(元)"],
                [q("E28")]: [null, "≤50元"],
                [q("F28")]: [null, "≤50元"],
              },
            },
          ],
        },
      ],
    },
  ],
});
