import rule from "../../../../src/core/rules/indicators/name-repeats-category";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed (服务对象满意度 under its own 二级 is the template's wording)", sheet: seedSheet() },
    { name: "a name that contains its category among other words", sheet: setCells(cleanSheet(), { D29: "会议质量评价合格率(%)" }) },
  ],
  invalid: [
    {
      name: "三级 「质量指标」 under 质量指标",
      sheet: setCells(cleanSheet(), { D29: "质量指标" }),
      errors: [{ messageId: "repeats", cells: [q("D29")], severity: "warning", data: { text: "质量指标", category: "质量指标" } }],
    },
    {
      name: "三级 「社会效益」 under 社会效益指标",
      sheet: setCells(cleanSheet(), { D35: "社会效益" }),
      errors: [{ messageId: "repeats", cells: [q("D35")] }],
    },
    {
      name: "岳阳楼区 2023: a 三级 named 社会成本指标 under 成本指标",
      sheet: corpusSheet("yueyanglou-2023"),
      errors: [{ messageId: "repeats", cells: [q("C10")], data: { text: "社会成本指标" } }],
    },
  ],
});
