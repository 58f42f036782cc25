import rule from "../../../../src/core/rules/indicators/vague-wording";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    {
      name: "ordinary words that contain a vague one (节约, 可持续, 有效期)",
      sheet: setCells(cleanSheet(), { E33: "节约经费≤100%", F33: "≤100%(有效期内)", E36: "可持续≥300人" }),
    },
    {
      name: "a word of the indicator's own name repeated in the value",
      sheet: setCells(cleanSheet(), { D28: "安全隐患有效处置率(%)", E28: "安全隐患有效处置率≥95%", F28: "有效处置率≥95%" }),
    },
    {
      // 金寨 2021 / 棠溪 2022: a value with nothing to measure is indicators/not-quantified's finding;
      // a second finding on the same cell for the same cause is noise.
      name: "a value with no number at all (显著改善, 效果明显) is left to not-quantified",
      sheet: setCells(cleanSheet(), { F34: "进一步提高知晓率", E35: "显著改善", F35: "效果明显" }),
    },
    {
      name: "a word the configured list leaves out",
      sheet: setCells(cleanSheet(), { E25: "约3000人次" }),
      options: { words: "积极、力争" },
    },
  ],
  invalid: [
    {
      name: "the seed's 约 targets",
      sheet: seedSheet(),
      errors: [
        { messageId: "vague", cells: [q("E25"), q("F25")], severity: "warning", data: { words: "约", suggestion: "≥3000人次" } },
        { messageId: "vague", cells: [q("E30"), q("F30")], data: { words: "积极、约", suggestion: "≥250篇" } },
        { messageId: "vague", cells: [q("E35"), q("F35")], data: { words: "约" } },
        { messageId: "vague", cells: [q("E38"), q("F38")], data: { words: "约" } },
        { messageId: "vague", cells: [q("E39"), q("F39")], data: { words: "约", suggestion: "≥80%" } },
        { messageId: "vague", cells: [q("E46"), q("F46")], data: { words: "约" } },
      ],
    },
    {
      name: "different words in the two columns are listed together",
      sheet: setCells(cleanSheet(), { E25: "约3000人次", F25: "3000人次左右" }),
      errors: [{ messageId: "vague", cells: [q("E25"), q("F25")], data: { words: "约、左右" } }],
    },
    {
      name: "a number without a unit: the advice asks for a measurable target",
      sheet: setCells(cleanSheet(), { F34: "进一步提高到95" }),
      errors: [{ messageId: "vagueNoNumber", cells: [q("F34")], data: { words: "进一步" } }],
    },
    {
      name: "a cost suggests an upper bound",
      sheet: setCells(cleanSheet(), { D33: "会议经费支出(万元)", E33: "约5万元", F33: "≤5万元" }),
      errors: [{ messageId: "vague", cells: [q("E33")], data: { suggestion: "≤5万元" } }],
    },
    {
      name: "a configured list",
      sheet: setCells(cleanSheet(), { F21: "争创2次" }),
      options: { words: "争创" },
      errors: [{ messageId: "vague", cells: [q("F21")], data: { words: "争创" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E36: "力争300人" }, OFF)),
      errors: [{ messageId: "vague", cells: [q("E36", OFF)], data: { words: "力争" } }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E36: "300人左右" }),
      errors: [{ messageId: "vague", cells: [q("E36")], data: { words: "左右" } }],
    },
  ],
});
