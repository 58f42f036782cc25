import rule from "../../../../src/core/rules/indicators/satisfaction-below-floor";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, seedSheet, setCells } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example (≥95%)", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    { name: "the seed (95%, slid rows)", sheet: seedSheet() },
    { name: "exactly the floor", sheet: setCells(cleanSheet(), { E37: "≥90%", F37: "≥90%" }) },
    { name: "a lower configured floor", sheet: setCells(cleanSheet(), { F37: "≥85%" }), options: { floor: 80 } },
    { name: "other rates are not satisfaction", sheet: setCells(cleanSheet(), { F29: "≥80%", F30: "＝100%" }) },
    { name: "above 100% is impossible-target's", sheet: setCells(cleanSheet(), { F37: "≥120%" }) },
  ],
  invalid: [
    {
      name: "below the default floor of 90",
      sheet: setCells(cleanSheet(), { F37: "≥85%" }),
      errors: [{ messageId: "belowFloor", cells: [q("F37")], severity: "warning", data: { text: "≥85%", floor: 90 } }],
    },
    {
      name: "100% cannot be promised",
      sheet: setCells(cleanSheet(), { E38: "≥100%", F38: "＝100%" }),
      errors: [{ messageId: "unrealistic", cells: [q("E38"), q("F38")] }],
    },
    {
      name: "a configured floor of 95",
      sheet: setCells(cleanSheet(), { E37: "≥92%", F37: "≥92%" }),
      options: { floor: 95 },
      errors: [{ messageId: "belowFloor", cells: [q("E37"), q("F37")], data: { floor: 95 } }],
    },
    {
      name: "a number cell holding 0.8 (Excel's 80%)",
      sheet: setCells(cleanSheet(), { F38: 0.8 }),
      errors: [{ messageId: "belowFloor", cells: [q("F38")] }],
    },
    {
      name: "a satisfaction indicator outside the 满意度 block is still checked",
      sheet: setCells(cleanSheet(), { D34: "参训人员满意度(%)", E34: "≥80%", F34: "≥80%" }),
      errors: [{ messageId: "belowFloor", cells: [q("E34"), q("F34")] }],
    },
    {
      name: "the seed's slid 满意度 row is read where its cells are",
      sheet: setCells(seedSheet(), { E50: "公众对科普工作满意度达80%" }),
      errors: [{ messageId: "belowFloor", cells: [q("E50")] }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ F37: "≥85%" }, OFF)),
      errors: [{ messageId: "belowFloor", cells: [q("F37", OFF)] }],
    },
    {
      name: "a floor that is no number falls back to the default 90",
      sheet: setCells(cleanSheet(), { F37: "≥85%" }),
      options: { floor: "九十" },
      errors: [{ messageId: "belowFloor", cells: [q("F37")], data: { floor: 90 } }],
    },
    {
      name: "in the single-value layout",
      sheet: setCells(singleValueSheet(), { E38: "＝100%" }),
      errors: [{ messageId: "unrealistic", cells: [q("E38")] }],
    },
  ],
});
