import rule from "../../../../src/core/rules/layout/misaligned-row";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";

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
        { messageId: "slidLeft", cells: ["申报表!B43"] },
        { messageId: "slidLeft", cells: ["申报表!C44"], data: { row: 44, n: 1, col: "D" } },
        { messageId: "slidLeft", cells: ["申报表!C49"] },
        { messageId: "slidLeft", cells: ["申报表!C50"] },
      ],
    },
    {
      name: "content back in place but the 二级 label still in the 一级 column (seed row 43 filled in)",
      sheet: setCells(seedSheet(), { D43: "资金支付及时率(%)", E43: "＝100%", F43: "＝100%" }),
      errors: [
        { messageId: "labelMoved", cells: ["申报表!B43"], data: { row: 43, label: "时效指标", at: "B", col: "C" } },
        { messageId: "slidLeft", cells: ["申报表!C44"] },
        { messageId: "slidLeft", cells: ["申报表!C49"] },
        { messageId: "slidLeft", cells: ["申报表!C50"] },
      ],
    },
    {
      name: "a row slid right by one",
      // Row 28 of the clean form (科普活动参与群众受益率): 三级 moved from D to E, values from E/F to F/G.
      sheet: setCells(cleanSheet(), { D28: null, E28: "公众科普知识知晓率(%)", F28: "≥95%", G28: "≥95%" }),
      errors: [{ messageId: "slidRight", cells: ["申报表!E28"] }],
    },
  ],
});
