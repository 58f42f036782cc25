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
      name: "a row slid right by one",
      // Row 28 of the clean form (科普活动参与群众受益率): 三级 moved from D to E, values from E/F to F/G.
      sheet: setCells(cleanSheet(), { D28: null, E28: "公众科普知识知晓率(%)", F28: "≥95%", G28: "≥95%" }),
      errors: [{ messageId: "slidRight", cells: ["申报表!E28"] }],
    },
  ],
});
