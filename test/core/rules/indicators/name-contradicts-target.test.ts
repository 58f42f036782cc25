import rule from "../../../../src/core/rules/indicators/name-contradicts-target";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";
import { q } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    // 通州 2026: the bracket gives the storage standard (湿度45%-60%), not the target.
    { name: "通州 2026: a standard in brackets", sheet: corpusSheet("tongzhou-2026") },
    {
      name: "the name's figure agrees with the target",
      sheet: setCells(cleanSheet(), { D30: "检查合格率达到100%", E30: "＝100%", F30: "＝100%" }),
    },
  ],
  invalid: [
    {
      name: "合格率达到100% with ≥98%",
      sheet: setCells(cleanSheet(), { D30: "检查合格率达到100%", E30: "≥98%", F30: "≥98%" }),
      errors: [
        {
          messageId: "contradicts",
          cells: [q("E30"), q("F30")],
          severity: "warning",
          data: { stated: "100%", given: "98%", text: "≥98%" },
        },
      ],
    },
    {
      name: "培训不少于3次 with ≥2次",
      sheet: setCells(cleanSheet(), { D24: "举办科技夏令营不少于3次", F24: "≥2次" }),
      errors: [{ messageId: "contradicts", cells: [q("E24"), q("F24")], data: { stated: "3次", given: "2次" } }],
    },
  ],
});
