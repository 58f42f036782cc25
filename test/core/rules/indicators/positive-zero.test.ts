import rule from "../../../../src/core/rules/indicators/positive-zero";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "zero accidents is the goal", sheet: setCells(cleanSheet(), { D23: "安全事故发生次数(次)", E23: "＝0次", F23: "＝0次" }) },
    { name: "zero public-opinion incidents", sheet: setCells(cleanSheet(), { D23: "重大舆情事件数量(件)", E23: "0件", F23: "0件" }) },
    {
      name: "a growth rate of 0% is no promise of nothing",
      sheet: setCells(cleanSheet(), { D29: "参与人数增长率(%)", E29: "≥0%", F29: "≥0%" }),
    },
    { name: "a count not under 数量", sheet: setCells(cleanSheet(), { D35: "科普日活动场次(场)", E35: "＝0场", F35: "＝0场" }) },
  ],
  invalid: [
    {
      // The 一体化 system's alert (published-guidance §2, T): 正向指标年度指标值等于0.
      name: "a count of meetings set to ＝0次",
      sheet: setCells(cleanSheet(), { E23: "＝0次", F23: "＝0次" }),
      errors: [{ messageId: "zero", cells: [q("E23"), q("F23")], severity: "warning", data: { text: "＝0次" } }],
    },
    {
      name: "a completion rate of 0%",
      sheet: setCells(cleanSheet(), { F31: "0%" }),
      errors: [{ messageId: "zero", cells: [q("F31")] }],
    },
  ],
});
