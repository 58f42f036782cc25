import rule from "../../../../src/core/rules/indicators/unit-mismatch";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    {
      name: "near-synonyms and a duration (次/场, 人/名, 时长/小时)",
      sheet: setCells(cleanSheet(), { E26: "≥6次", F36: "≥300名", D27: "科普图书室开放(时长)", E27: "每周≥5小时", F27: "每周≥5小时" }),
    },
    {
      name: "a value naming the unit among other numbers",
      sheet: setCells(cleanSheet(), { E21: "科普咨询活动2次,受众1200人" }),
    },
    { name: "a value without a unit says nothing about units", sheet: setCells(cleanSheet(), { E28: "95" }) },
    {
      name: "a name ending in 人数 counted in 人 or 名",
      sheet: setCells(cleanSheet(), { D21: "科普咨询活动参与人数", E21: "≥1200名", F21: "≥1200人" }),
    },
    {
      // 岳阳楼区 2023 (Hunan: 指标值 | 计量单位 columns), its two flawed rows corrected.
      name: "a 计量单位 column that agrees with the value",
      sheet: corpusSheet("yueyanglou-2023", { E7: "28.8", F7: "万元", F12: null }),
    },
  ],
  invalid: [
    {
      name: "岳阳楼区 2023: 28.8万元 under the unit %, and 应保尽保 with the unit %",
      sheet: corpusSheet("yueyanglou-2023"),
      errors: [
        { messageId: "unitColumn", cells: ["申报表!E7", "申报表!F7"], severity: "warning", data: { valueUnit: "万元", unit: "%" } },
        { messageId: "gradeWithUnit", cells: ["申报表!E12", "申报表!F12"], data: { text: "应保尽保", unit: "%" } },
      ],
    },
    {
      name: "棠溪 2022 村级补助: a name ending in 人数 (保障村干部人数) with the value =42个",
      sheet: corpusSheet("tangxi-cunji-2022"),
      errors: [{ messageId: "nameMismatch", cells: ["申报表!E8"], data: { nameUnit: "人", valueUnit: "个", text: "=42个" } }],
    },
    {
      name: "马踏镇 2023: a name counting 人 (村组干部230人) with the unit 个",
      sheet: corpusSheet("mata-2023"),
      errors: [{ messageId: "nameMismatch", cells: ["申报表!F13"], data: { nameUnit: "人", valueUnit: "个", text: "≥230个" } }],
    },
    {
      name: "the seed: 人数 counted in 人次, 个 for people",
      sheet: seedSheet(),
      errors: [
        { messageId: "nameMismatch", cells: [q("E25"), q("F25")], severity: "warning", data: { nameUnit: "人", valueUnit: "人次" } },
        {
          messageId: "nameMismatch",
          cells: [q("E35"), q("F35")],
          data: { nameUnit: "个", valueUnit: "人" },
          // Which unit is meant only the user knows: the value in the name's unit, or the name in the value's.
          suggestions: [
            {
              zh: "指标值改用名称要求的单位「个」:「科普志愿者人数约300个」",
              en: 'Write the target in the name\'s unit "个": "科普志愿者人数约300个"',
              output: {
                [q("E35")]: ["科普志愿者人数约300人", "科普志愿者人数约300个"],
                [q("F35")]: ["科普志愿者人数约300人", "科普志愿者人数约300个"],
              },
            },
            {
              zh: "名称括号内的单位改为指标值的「人」:「科普志愿者人数(人)」",
              en: 'Change the unit in the name to the target\'s "人": "科普志愿者人数(人)"',
              output: { [q("D35")]: ["科普志愿者人数(个)", "科普志愿者人数(人)"] },
            },
          ],
        },
        { messageId: "nameMismatch", cells: [q("E38"), q("F38")], data: { nameUnit: "人", valueUnit: "人次" } },
      ],
    },
    {
      name: "a percentage for a count, in one column",
      sheet: setCells(cleanSheet(), { F23: "＝100%" }),
      errors: [{ messageId: "nameMismatch", cells: [q("F23")], data: { nameUnit: "次", valueUnit: "%", text: "＝100%" } }],
    },
    {
      name: "the two columns disagree when the name gives no unit",
      sheet: setCells(cleanSheet(), { D21: "组织学会开展科普咨询活动", E21: "≥2次", F21: "≥2个" }),
      errors: [{ messageId: "columnsDiffer", cells: [q("F21"), q("E21")], data: { periodUnit: "次", annualUnit: "个" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E35: "≥10000人" }, OFF)),
      errors: [{ messageId: "nameMismatch", cells: [q("E35", OFF)], data: { nameUnit: "人次", valueUnit: "人" } }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E22: "＝1人" }),
      errors: [{ messageId: "nameMismatch", cells: [q("E22")] }],
    },
  ],
});
