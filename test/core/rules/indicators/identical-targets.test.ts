import rule from "../../../../src/core/rules/indicators/identical-targets";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "three of one target is below the default of four", sheet: setCells(cleanSheet(), { F30: "≥95%" }) },
    {
      name: "satisfaction rates at ≥95% are common practice",
      sheet: setCells(cleanSheet(), {
        D36: "参训人员满意度(%)",
        E36: "≥95%",
        F36: "≥95%",
        D35: "社区群众满意度(%)",
        F35: "≥95%",
        E35: "≥95%",
      }),
    },
    { name: "the seed", sheet: seedSheet() },
    { name: "＝100% on rates is the norm", sheet: setCells(cleanSheet(), { E28: "＝100%", F28: "＝100%", E29: "＝100%", F29: "＝100%" }) },
    {
      name: "a higher minimum",
      sheet: setCells(cleanSheet(), { F30: "≥95%", D31: "会议材料准确率(%)", F31: "≥95%" }),
      options: { minRows: 5 },
    },
  ],
  invalid: [
    {
      // 马踏镇 2023 copies ≥95% down its 效益 rows (published-guidance §3 #31).
      name: "three ≥95% under 质量指标 with a minimum of three",
      sheet: setCells(cleanSheet(), { F30: "≥95%" }),
      options: { minRows: 3 },
      errors: [{ messageId: "identical", cells: [q("F28"), q("F29"), q("F30")], severity: "info", data: { count: 3, text: "≥95%" } }],
    },
  ],
});
