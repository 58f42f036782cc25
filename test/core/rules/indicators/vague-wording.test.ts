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
        {
          messageId: "vague",
          cells: [q("E25"), q("F25")],
          severity: "warning",
          data: { words: "约", suggestion: "≥3000人次" },
          fixTitle: { zh: "改为明确目标「各科普活动参加人数≥3000人次」", en: 'State the definite target "各科普活动参加人数≥3000人次"' },
          output: {
            [q("E25")]: ["各科普活动参加人数约3000人次", "各科普活动参加人数≥3000人次"],
            [q("F25")]: ["各科普活动参加人数约3000人次", "各科普活动参加人数≥3000人次"],
          },
        },
        {
          messageId: "vague",
          cells: [q("E30"), q("F30")],
          data: { words: "积极、约", suggestion: "≥250篇" },
          // The effort word goes, each 约 becomes the floor: every number of the sentence is a target.
          output: {
            [q("E30")]: [
              "积极实施科普公众号推送科普文章约250篇,阅读量约15000人次。",
              "实施科普公众号推送科普文章≥250篇,阅读量≥15000人次。",
            ],
            [q("F30")]: [
              "积极实施科普公众号推送科普文章约250篇,阅读量约15000人次。",
              "实施科普公众号推送科普文章≥250篇,阅读量≥15000人次。",
            ],
          },
        },
        {
          messageId: "vague",
          cells: [q("E35"), q("F35")],
          data: { words: "约" },
          output: {
            [q("E35")]: ["科普志愿者人数约300人", "科普志愿者人数≥300人"],
            [q("F35")]: ["科普志愿者人数约300人", "科普志愿者人数≥300人"],
          },
        },
        {
          messageId: "vague",
          cells: [q("E38"), q("F38")],
          data: { words: "约" },
          output: {
            [q("E38")]: ["参加科普活动的青少年约1000人次", "参加科普活动的青少年≥1000人次"],
            [q("F38")]: ["参加科普活动的青少年约1000人次", "参加科普活动的青少年≥1000人次"],
          },
        },
        {
          messageId: "vague",
          cells: [q("E39"), q("F39")],
          data: { words: "约", suggestion: "≥80%" },
          output: {
            [q("E39")]: ["提高公众的科技素质程度约80%", "提高公众的科技素质程度≥80%"],
            [q("F39")]: ["提高公众的科技素质程度约80%", "提高公众的科技素质程度≥80%"],
          },
        },
        {
          messageId: "vague",
          cells: [q("E46"), q("F46")],
          data: { words: "约" },
          output: {
            [q("E46")]: [
              "举办的各种科普宣传活动预期受众人数约10000人次,科普日活动受益度95%",
              "举办的各种科普宣传活动预期受众人数≥10000人次,科普日活动受益度95%",
            ],
            [q("F46")]: [
              "举办的各种科普宣传活动预期受众人数约10000人次,科普日活动受益度95%",
              "举办的各种科普宣传活动预期受众人数≥10000人次,科普日活动受益度95%",
            ],
          },
        },
      ],
    },
    {
      name: "different words in the two columns are listed together",
      sheet: setCells(cleanSheet(), { E25: "约3000人次", F25: "3000人次左右" }),
      errors: [
        {
          messageId: "vague",
          cells: [q("E25"), q("F25")],
          data: { words: "约、左右" },
          output: { [q("E25")]: ["约3000人次", "≥3000人次"], [q("F25")]: ["3000人次左右", "≥3000人次"] },
        },
      ],
    },
    {
      name: "a number without a unit: the advice asks for a measurable target",
      sheet: setCells(cleanSheet(), { F34: "进一步提高到95" }),
      errors: [{ messageId: "vagueNoNumber", cells: [q("F34")], data: { words: "进一步" } }],
    },
    {
      name: "a cost suggests an upper bound",
      sheet: setCells(cleanSheet(), { D33: "会议经费支出(万元)", E33: "约5万元", F33: "≤5万元" }),
      errors: [{ messageId: "vague", cells: [q("E33")], data: { suggestion: "≤5万元" }, output: { [q("E33")]: ["约5万元", "≤5万元"] } }],
    },
    {
      name: "an amount that may be a cost or an investment: a choice, no fix",
      sheet: setCells(cleanSheet(), { D21: "带动社会投入资金(万元)", E21: "约50万元", F21: "≥50万元" }),
      errors: [
        {
          messageId: "vague",
          cells: [q("E21")],
          suggestions: [
            {
              zh: "改为明确目标「≥50万元」:下限(不少于)",
              en: 'State the definite target "≥50万元": a floor (at least)',
              output: { [q("E21")]: ["约50万元", "≥50万元"] },
            },
            {
              zh: "改为明确目标「≤50万元」:上限(不超过)",
              en: 'State the definite target "≤50万元": a ceiling (at most)',
              output: { [q("E21")]: ["约50万元", "≤50万元"] },
            },
          ],
        },
      ],
    },
    {
      name: "a word that says nothing of the number (明显) has no fix",
      sheet: setCells(cleanSheet(), { F25: "参加人数明显增加至3000人次" }),
      errors: [{ messageId: "vague", cells: [q("F25")], data: { words: "明显" } }],
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
      errors: [
        { messageId: "vague", cells: [q("E36", OFF)], data: { words: "力争" }, output: { [q("E36", OFF)]: ["力争300人", "≥300人"] } },
      ],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E36: "300人左右" }),
      errors: [{ messageId: "vague", cells: [q("E36")], data: { words: "左右" }, output: { [q("E36")]: ["300人左右", "≥300人"] } }],
    },
  ],
});
