import rule from "../../../../src/core/rules/indicators/complaints-as-satisfaction";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "complaints under quality are fine", sheet: setCells(cleanSheet(), { D29: "有效投诉率(%)", E29: "≤1%", F29: "≤1%" }) },
  ],
  invalid: [
    {
      // 郫都区民政局 2025 (published-guidance §2, PD): "不投诉=满意".
      name: "无有效投诉 as the satisfaction target",
      sheet: setCells(cleanSheet(), { E38: "无有效投诉", F38: "无有效投诉" }),
      errors: [{ messageId: "complaints", cells: [q("E38")], severity: "warning", data: { text: "无有效投诉" } }],
    },
    {
      name: "a complaint rate named under 满意度",
      sheet: setCells(cleanSheet(), { D38: "群众投诉率(%)", E38: "≤1%", F38: "≤1%" }),
      errors: [{ messageId: "complaints", cells: [q("D38")], data: { text: "群众投诉率(%)" } }],
    },
  ],
});
