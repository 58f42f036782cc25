import rule from "../../../../src/core/rules/indicators/bare-percent";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "95 under (%) reads as 95%", sheet: setCells(cleanSheet(), { F29: "95" }) },
    { name: "a satisfaction row is satisfaction-below-floor's", sheet: setCells(cleanSheet(), { F38: "1" }) },
    { name: "a count of 1", sheet: setCells(cleanSheet(), { F22: "1" }) },
  ],
  invalid: [
    {
      // 宁德 2019 prints 「1」 under a rate while its other column says 90% (published-guidance §3 #33).
      name: "「1」 under 覆盖率(%) beside 90%",
      sheet: setCells(cleanSheet(), { D28: "科普活动覆盖率(%)", E28: "≥90%", F28: "1" }),
      errors: [{ messageId: "bare", cells: [q("F28")], severity: "warning", data: { literal: 1, meant: 100, suggested: "≥100%" } }],
    },
    {
      name: "a fraction typed as text",
      sheet: setCells(cleanSheet(), { E29: "≥0.95", F29: "≥0.95" }),
      errors: [{ messageId: "bare", cells: [q("E29"), q("F29")], data: { meant: 95, suggested: "≥95%" } }],
    },
  ],
});
