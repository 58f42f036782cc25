import rule from "../../../../src/core/rules/indicators/placeholder-left";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the single-value layout", sheet: singleValueSheet() },
    // 同心 2022 and 2023 print the template's unit guide after every name; it is not a placeholder left unfilled.
    { name: "同心 2023: 「(≥**%)」 guides after the names", sheet: corpusSheet("tongxin-xmg-2023") },
    { name: "金寨 2021: 「(≤**万元)」 guides after the names", sheet: corpusSheet("jinzhai-2021") },
    { name: "one X is a letter (X光机)", sheet: setCells(cleanSheet(), { D22: "X光机配置台数(台)", E22: "＝1台", F22: "＝1台" }) },
    { name: "one * is a footnote mark", sheet: setCells(cleanSheet(), { D22: "*建设社区科普图书室个数(个)" }) },
  ],
  invalid: [
    {
      name: "a value left as the template's ≥**个 (金寨's placeholder style)",
      sheet: setCells(cleanSheet(), { E22: "≥**个", F22: "≥**个" }),
      errors: [{ messageId: "inValue", cells: [q("E22"), q("F22")], severity: "error", data: { text: "≥**个", mark: "**" } }],
    },
    {
      name: "XX% in one column",
      sheet: setCells(cleanSheet(), { F29: "XX%" }),
      errors: [{ messageId: "inValue", cells: [q("F29")], data: { mark: "XX" } }],
    },
    {
      name: "a name that still says ××",
      sheet: setCells(cleanSheet(), { D22: "建设××社区科普图书室个数(个)" }),
      errors: [{ messageId: "inName", cells: [q("D22")], severity: "warning", data: { mark: "××" } }],
    },
    {
      name: "a name placeholder and a value placeholder on one row: two findings",
      sheet: setCells(cleanSheet(), { D22: "某某图书室个数(个)", E22: "＝**个" }),
      errors: [
        { messageId: "inValue", cells: [q("E22")] },
        { messageId: "inName", cells: [q("D22")] },
      ],
    },
  ],
});
