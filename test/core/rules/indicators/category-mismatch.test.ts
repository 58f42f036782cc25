import rule from "../../../../src/core/rules/indicators/category-mismatch";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, costLevel1Sheet, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "the seed", sheet: seedSheet() },
    {
      name: "a completion rate under 数量 is customary (培训完成率)",
      sheet: setCells(cleanSheet(), { D23: "培训完成率(%)", E23: "＝100%", F23: "＝100%" }),
    },
    {
      name: "a saving under 经济效益 is a benefit",
      sheet: setCells(cleanSheet(), { D35: "节约运行成本(万元)", E35: "≥5万元", F35: "≥5万元" }),
    },
    {
      name: "a duration under 数量 is a quantity",
      sheet: setCells(cleanSheet(), { D27: "志愿服务时间(小时)", E27: "≥500小时", F27: "≥500小时" }),
    },
    {
      name: "投诉率 under 满意度 is a satisfaction proxy",
      sheet: setCells(cleanSheet(), { D38: "群众投诉率(%)", E38: "≤1%", F38: "≤1%" }),
    },
    {
      // 棠溪 2022 生态效益: the effect of cost control is a benefit, not a cost.
      name: "an effect on costs under 效益 is a benefit",
      sheet: setCells(cleanSheet(), { D35: "对控制基建项目成本影响程度", E35: "达成预期指标", F35: "达成预期指标" }),
    },
    {
      name: "a timeliness rate under 质量 that only mentions 及时 is left alone",
      sheet: setCells(cleanSheet(), { D29: "维修响应及时率(%)" }),
    },
  ],
  invalid: [
    {
      // 马踏镇 2023: 产出指标 | 质量指标 | 按时发放 | ≥ | 1 | 人/年.
      name: "a punctuality target under 质量",
      sheet: setCells(cleanSheet(), { D29: "按时发放", E29: "≥1人/年", F29: "≥1人/年" }),
      errors: [{ messageId: "misplaced", cells: [q("D29")], data: { target: "时效指标", level: "质量指标" } }],
    },
    {
      // 宁德 2019: 数量指标 | 志鉴地情相关工作开展所需资金的供应时效 | 100%.
      name: "a name ending in 时效 under 数量",
      sheet: setCells(cleanSheet(), { D22: "志鉴地情相关工作开展所需资金的供应时效", E22: "100%", F22: "100%" }),
      errors: [{ messageId: "misplaced", cells: [q("D22")], data: { target: "时效指标", level: "数量指标" } }],
    },
    {
      name: "a deadline under 数量",
      sheet: setCells(cleanSheet(), { D22: "科普图书室建设按时完成率(%)", E22: "＝100%", F22: "＝100%" }),
      errors: [{ messageId: "misplaced", cells: [q("D22")], severity: "warning", data: { target: "时效指标", level: "数量指标" } }],
    },
    {
      name: "a completion date under 数量",
      sheet: setCells(cleanSheet(), { D23: "换届会议召开时间", E23: "2025年12月31日前", F23: "2025年12月31日前" }),
      errors: [{ messageId: "misplaced", cells: [q("D23")], data: { target: "时效指标" } }],
    },
    {
      // 同心 2023: 数量指标 | 种植作物成活率(≥**%) | >=85.
      name: "a survival rate under 数量",
      sheet: corpusSheet("tongxin-xmg-2023"),
      errors: [{ messageId: "misplaced", cells: ["申报表!D8"], data: { target: "质量指标", level: "数量指标" } }],
    },
    {
      name: "a pass rate under 数量",
      sheet: setCells(cleanSheet(), { D24: "夏令营安全检查合格率(%)", E24: "＝100%", F24: "＝100%" }),
      errors: [{ messageId: "misplaced", cells: [q("D24")], data: { target: "质量指标" } }],
    },
    {
      name: "satisfaction under 效益",
      sheet: setCells(cleanSheet(), { D35: "参训人员满意度(%)", E35: "≥95%", F35: "≥95%" }),
      errors: [{ messageId: "misplaced", cells: [q("D35")], data: { target: "满意度指标(服务对象满意度指标)", level: "社会效益指标" } }],
    },
    {
      name: "an execution rate and a cost under 效益",
      sheet: setCells(cleanSheet(), { D34: "预算执行率(%)", D36: "会议经费支出(万元)", E36: "≤5万元", F36: "≤5万元" }),
      errors: [
        { messageId: "misplaced", cells: [q("D34")], data: { target: "产出指标(质量或时效指标)" } },
        { messageId: "misplaced", cells: [q("D36")], data: { target: "产出指标下的成本指标", level: "可持续影响指标" } },
      ],
    },
    {
      name: "a cost under 效益 when 成本 is a 一级",
      sheet: setCells(costLevel1Sheet(), { D36: "会议经费支出(万元)", E36: "≤5万元", F36: "≤5万元" }),
      errors: [{ messageId: "misplaced", cells: [q("D36")], data: { target: "成本指标" } }],
    },
    {
      name: "a count under 满意度",
      sheet: setCells(cleanSheet(), { D38: "科普活动参加人次(人次)", E38: "≥3000人次", F38: "≥3000人次" }),
      errors: [{ messageId: "misplaced", cells: [q("D38")], data: { target: "产出指标或效益指标", level: "服务对象满意度指标" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ D24: "夏令营安全检查合格率(%)", E24: "＝100%", F24: "＝100%" }, OFF)),
      errors: [{ messageId: "misplaced", cells: [q("D24", OFF)] }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { D35: "参训人员满意度(%)", E35: "≥95%" }),
      errors: [{ messageId: "misplaced", cells: [q("D35")] }],
    },
  ],
});
