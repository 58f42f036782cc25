import rule from "../../../../src/core/rules/indicators/identical-targets";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example (two ≥95% under 质量 is not three)", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "＝100% on rates is the norm", sheet: setCells(cleanSheet(), { E28: "＝100%", F28: "＝100%", E29: "＝100%", F29: "＝100%" }) },
    { name: "a higher minimum", sheet: setCells(cleanSheet(), { F30: "≥95%" }), options: { minRows: 4 } },
  ],
  invalid: [
    {
      // 马踏镇 2023 copies ≥95% down its 效益 rows (published-guidance §3 #31).
      name: "three ≥95% under 质量指标",
      sheet: setCells(cleanSheet(), { F30: "≥95%" }),
      errors: [{ messageId: "identical", cells: [q("F28"), q("F29"), q("F30")], severity: "info", data: { count: 3, text: "≥95%" } }],
    },
  ],
});
