import rule from "../../../../src/core/rules/indicators/input-as-output";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    {
      name: "money under 成本 is where it belongs",
      sheet: setCells(cleanSheet(), { D33: "会议经费(万元)", E33: "≤3.5万元", F33: "≤3.5万元" }),
    },
    { name: "a funding rate is not an amount", sheet: setCells(cleanSheet(), { D29: "资金到位率(%)" }) },
  ],
  invalid: [
    {
      name: "岳阳楼区 2023: 业务工作支出安排金额 28.8万元 under 数量指标",
      sheet: corpusSheet("yueyanglou-2023"),
      errors: [{ messageId: "money", cells: [q("E7")], severity: "warning", data: { text: "28.8万元" } }],
    },
    {
      name: "a bare amount whose name asks 万元",
      sheet: setCells(cleanSheet(), { D22: "资金投入金额(万元)", E22: "40.64", F22: "40.64" }),
      errors: [{ messageId: "money", cells: [q("E22"), q("F22")] }],
    },
  ],
});
