import rule from "../../../../src/core/rules/indicators/duplicate";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "a bracket that is not a unit tells names apart", sheet: setCells(cleanSheet(), { D26: "举办科技夏令营次数(次)" }) },
  ],
  invalid: [
    {
      name: "the same name with full-width brackets and a space",
      sheet: setCells(cleanSheet(), { D29: "科普活动参与 群众受益率（％）" }),
      errors: [{ messageId: "duplicate", cells: [q("D29")], severity: "warning", data: { first: "D28" } }],
    },
    {
      name: "across categories, without the unit, twice",
      sheet: setCells(cleanSheet(), { D35: "组织学会开展科普咨询活动次数", D36: "组织学会开展科普咨询活动次数(次)" }),
      errors: [
        { messageId: "duplicate", cells: [q("D35")], data: { first: "D21" } },
        { messageId: "duplicate", cells: [q("D36")], data: { first: "D21" } },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ D38: "科技工作者和公众满意度(%)" }, OFF)),
      errors: [{ messageId: "duplicate", cells: [q("D38", OFF)], data: { first: "F40" } }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { D23: "建设社区科普图书室个数(个)" }),
      errors: [{ messageId: "duplicate", cells: [q("D23")], data: { first: "D22" } }],
    },
  ],
});
