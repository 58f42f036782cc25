import rule from "../../../../src/core/rules/layout/misaligned-row";
import { Changes, ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const ROW_44_MOVED: Changes = {
  "申报表!B44": ["成本指标", null],
  "申报表!C44": ["会议经费预算执行率", "成本指标"],
  "申报表!D44": ["会议经费预算执行率100%", "会议经费预算执行率"],
  "申报表!F44": [null, "会议经费预算执行率100%"],
};
const SATISFACTION_MOVED: Changes = {
  "申报表!A49": ["服务对象满意度指标", null],
  "申报表!C49": ["服务对象满意度", "服务对象满意度指标"],
  "申报表!D49": ["科技工作者和公众满意度95%", "服务对象满意度"],
  "申报表!F49": [null, "科技工作者和公众满意度95%"],
  "申报表!C50": ["公众对科普工作满意度(%)", null],
  "申报表!D50": ["公众对科普工作满意度达95%", "公众对科普工作满意度(%)"],
  "申报表!F50": [null, "公众对科普工作满意度达95%"],
};

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet({ rowOffset: 3, colOffset: 2 }) },
  ],
  invalid: [
    {
      name: "the seed: empty 时效 group, 成本 and both 满意度 rows slid left",
      sheet: seedSheet(),
      errors: [
        {
          messageId: "slidLeft",
          cells: ["申报表!B43"],
          fixTitle: { zh: "把第 43 行移回对应列", en: "Move row 43 back into its columns" },
          output: { "申报表!B43": ["时效指标", null], "申报表!C43": [null, "时效指标"] },
        },
        {
          messageId: "slidLeft",
          cells: ["申报表!C44"],
          data: { row: 44, n: 1, col: "D" },
          // E44 keeps its text: the 实施周期 value moved into it is the same as the 年度 one moved out.
          output: {
            "申报表!B44": ["成本指标", null],
            "申报表!C44": ["会议经费预算执行率", "成本指标"],
            "申报表!D44": ["会议经费预算执行率100%", "会议经费预算执行率"],
            "申报表!F44": [null, "会议经费预算执行率100%"],
          },
        },
        // Rows 49 and 50 share the merged label A49:A50, so either finding moves both (the merge to C49:C50).
        { messageId: "slidLeft", cells: ["申报表!C49"], output: SATISFACTION_MOVED },
        { messageId: "slidLeft", cells: ["申报表!C50"], output: SATISFACTION_MOVED },
      ],
    },
    {
      name: "content back in place but the 二级 label still in the 一级 column (seed row 43 filled in)",
      sheet: setCells(seedSheet(), { D43: "资金支付及时率(%)", E43: "＝100%", F43: "＝100%" }),
      errors: [
        {
          messageId: "labelMoved",
          cells: ["申报表!B43"],
          data: { row: 43, label: "时效指标", at: "B", col: "C" },
          fixTitle: { zh: "把「时效指标」移到二级指标列", en: 'Move "时效指标" into the 二级 (second-level) column' },
          output: { "申报表!B43": ["时效指标", null], "申报表!C43": [null, "时效指标"] },
        },
        { messageId: "slidLeft", cells: ["申报表!C44"], output: ROW_44_MOVED },
        { messageId: "slidLeft", cells: ["申报表!C49"], output: SATISFACTION_MOVED },
        { messageId: "slidLeft", cells: ["申报表!C50"], output: SATISFACTION_MOVED },
      ],
    },
    {
      name: "a row slid right by one",
      // Row 28 of the clean form (科普活动参与群众受益率): 三级 moved from D to E, values from E/F to F/G.
      sheet: setCells(cleanSheet(), { D28: null, E28: "公众科普知识知晓率(%)", F28: "≥95%", G28: "≥95%" }),
      errors: [
        {
          messageId: "slidRight",
          cells: ["申报表!E28"],
          // G28 lies outside the table: read, moved back in, and cleared.
          output: {
            "申报表!D28": [null, "公众科普知识知晓率(%)"],
            "申报表!E28": ["公众科普知识知晓率(%)", "≥95%"],
            "申报表!G28": ["≥95%", null],
          },
        },
      ],
    },
  ],
});
