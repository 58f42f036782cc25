import rule from "../../../../src/core/rules/tasks/no-matching-indicator";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };
const NO_NAMES: Record<string, null> = {};
for (let r = 21; r <= 38; r++) NO_NAMES[`D${r}`] = null;
// 学术交流 with content that shares only 学会 with 组织学会开展科普咨询活动次数.
const THIN_CONTENT = { C16: "组织区属学会开展交流。加强为科技工作者服务。" };

ruleTester(rule, {
  valid: [
    // 学术交流 has no indicator of its own name: its content's first sentence (区属学会…科普咨询活动) is
    // what 组织学会开展科普咨询活动次数 counts.
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    {
      name: "the seed without 组织学术交流次数: 学术交流 is still tied to 组织学会开展科普活动次数 by its content",
      sheet: setCells(seedSheet(), { D26: "组织专题讲座次数(次)" }),
    },
    {
      name: "a word inside a longer indicator name (档案 in 财务、保密、档案管理检查合格率)",
      sheet: setCells(cleanSheet(), { B18: "档案数字化" }),
    },
    { name: "full-width brackets in the name", sheet: setCells(cleanSheet(), { B18: "换届（选举）工作" }) },
    {
      name: "a name of generic words only is read through its content",
      sheet: setCells(cleanSheet(), { B18: "其他工作", C18: "组织科普志愿者参加科普宣传活动。编印宣传资料。" }),
    },
    { name: "a task without a name is left to tasks/incomplete-row", sheet: setCells(cleanSheet(), { B18: null }) },
    { name: "no 三级 indicator at all is left to the indicator rules", sheet: setCells(cleanSheet(), NO_NAMES) },
    {
      name: "contentOverlap 1: one shared word in the content is enough",
      sheet: setCells(cleanSheet(), THIN_CONTENT),
      options: { contentOverlap: 1 },
    },
  ],
  invalid: [
    {
      // 指标推荐 (issue #20): a count the content names becomes a 数量 indicator, the planned funds a cost ceiling.
      name: "drafted indicators from the task's own text, each inserted in its group",
      sheet: setCells(cleanSheet(), { B18: "机关党建", C18: "组织党员集中学习活动12次,开展主题党日。", D18: 3.5 }),
      errors: [
        {
          messageId: "noIndicator",
          cells: ["申报表!B18"],
          suggestions: [
            {
              zh: "增加指标「党员集中学习活动次数(次)」≥12次(据任务内容拟定)",
              en: 'Add the indicator "党员集中学习活动次数(次)" ≥12次 (drafted from the task)',
              output: { "申报表!D28": [null, "党员集中学习活动次数(次)"], "申报表!E28": [null, "≥12次"], "申报表!F28": [null, "≥12次"] },
            },
            {
              zh: "增加指标「机关党建成本(万元)」≤3.5万元(据任务内容拟定)",
              en: 'Add the indicator "机关党建成本(万元)" ≤3.5万元 (drafted from the task)',
              output: { "申报表!D34": [null, "机关党建成本(万元)"], "申报表!E34": [null, "≤3.5万元"], "申报表!F34": [null, "≤3.5万元"] },
            },
          ],
        },
      ],
    },
    {
      name: "a task no indicator measures",
      sheet: setCells(cleanSheet(), { B18: "机关党建" }),
      errors: [
        {
          messageId: "noIndicator",
          cells: ["申报表!B18"],
          severity: "warning",
          data: { task: "机关党建", example: "组织机关党建次数(次)" },
        },
      ],
    },
    {
      name: "content sharing a single word with an indicator is not enough by default",
      sheet: setCells(cleanSheet(), THIN_CONTENT),
      errors: [{ messageId: "noIndicator", cells: ["申报表!B16"], data: { task: "学术交流", example: "组织学术交流次数(次)" } }],
    },
    {
      name: "a stop word does not bridge into a match (组织学术… vs 组织学会…)",
      sheet: setCells(cleanSheet(), { B16: "组织学术交流", C16: "加强学术交流。" }),
      errors: [{ messageId: "noIndicator", cells: ["申报表!B16"], data: { example: "组织学术交流次数(次)" } }],
    },
    {
      name: "the seed with its 换届 indicators renamed",
      sheet: setCells(seedSheet(), { D23: "召开会议次数(次)", D36: "会议参会人数(人数)" }),
      errors: [{ messageId: "noIndicator", cells: ["申报表!B18"], data: { task: "换届工作" } }],
    },
    {
      name: "a generic name with content that matches nothing",
      sheet: setCells(cleanSheet(), { B18: "日常工作", C18: "开展党员学习教育。" }),
      errors: [{ messageId: "noIndicator", cells: ["申报表!B18"], data: { task: "日常工作" } }],
    },
    {
      name: "several tasks, in row order",
      sheet: setCells(cleanSheet(), { B15: "机关党建", C15: "开展党员学习教育。", B17: "法律援助", C17: "提供法律咨询。" }),
      errors: [
        { messageId: "noIndicator", cells: ["申报表!B15"], data: { task: "机关党建" } },
        { messageId: "noIndicator", cells: ["申报表!B17"], data: { task: "法律援助" } },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("B18", O)]: "机关党建" }),
      errors: [{ messageId: "noIndicator", cells: ["申报表!D21"], data: { task: "机关党建" } }],
    },
    {
      name: "a stop list that drops 换届 leaves 换届工作 unmatched",
      sheet: cleanSheet(),
      options: { stopWords: "换届、工作" },
      errors: [{ messageId: "noIndicator", cells: ["申报表!B18"], data: { task: "换届工作" } }],
    },
    {
      name: "contentOverlap 0 compares names only",
      sheet: cleanSheet(),
      options: { contentOverlap: 0 },
      errors: [{ messageId: "noIndicator", cells: ["申报表!B16"], data: { task: "学术交流" } }],
    },
  ],
});
