import rule from "../../../../src/core/rules/budget/amount-invalid";
import { at } from "../../../../scripts/lib/tsvLayout";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells } from "../../../helpers/forms";

const O = { rowOffset: 3, colOffset: 2 };

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the seed", sheet: seedSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(O) },
    { name: "amounts stored as text still read as valid figures", sheet: cleanSheet({ numbersAsText: true }) },
    { name: "text with the 万元 unit", sheet: setCells(cleanSheet(), { D9: "40.64万元" }) },
    { name: "float noise from a formula is not a third decimal", sheet: setCells(cleanSheet(), { F9: 0.1 + 0.2 }) },
    { name: "an empty amount is left to required/field-empty", sheet: setCells(cleanSheet(), { D9: null }) },
    { name: "just under the 元 threshold", sheet: setCells(cleanSheet(), { D8: 99999.99 }) },
    { name: "a raised threshold", sheet: setCells(cleanSheet(), { D8: 3266000 }), options: { maxWan: 5000000 } },
    // 马踏镇 2023 prints 金额单位:元: 8,827,620.53 under 预算金额(元), 3,309,840.00 under 拟投入的资金(元).
    { name: "amounts under a 元 header are read in 元, not taken for 万元 typed wrongly", sheet: corpusSheet("mata-2023") },
  ],
  invalid: [
    {
      name: "under a 元 header only a fraction of a fen is too many decimals",
      sheet: corpusSheet("mata-2023", { D6: 3309840.005 }),
      errors: [{ messageId: "tooManyDecimals", cells: ["申报表!D6"], severity: "warning" }],
    },
    {
      name: "an error value",
      sheet: setCells(cleanSheet(), { D8: { error: "#REF!" } }),
      errors: [{ messageId: "errorValue", cells: ["申报表!D8"], severity: "error", data: { name: "基本支出", raw: "#REF!" } }],
    },
    {
      name: "text that is no number, in a task",
      sheet: setCells(cleanSheet(), { D16: "待定" }),
      errors: [{ messageId: "notANumber", cells: ["申报表!D16"], severity: "error", data: { raw: "待定" } }],
    },
    {
      name: "a negative amount",
      sheet: setCells(cleanSheet(), { F9: -1 }),
      errors: [{ messageId: "negative", cells: ["申报表!F9"], severity: "error", data: { value: "-1.00" } }],
    },
    {
      name: "a task amount written in 元",
      sheet: setCells(cleanSheet(), { D15: "162000元" }),
      errors: [
        {
          messageId: "unitYuan",
          cells: ["申报表!D15"],
          severity: "warning",
          data: { wan: "16.20" },
          fixTitle: { zh: "折算为 16.20 万元", en: "Convert to 16.20 (10k yuan)" },
          output: { "申报表!D15": ["162000元", 16.2] },
        },
      ],
    },
    {
      name: "a 元 figure that a cent would truncate",
      sheet: setCells(cleanSheet(), { D16: "1234元" }),
      errors: [{ messageId: "unitYuan", cells: ["申报表!D16"], data: { wan: "0.1234" }, output: { "申报表!D16": ["1234元", 0.1234] } }],
    },
    {
      name: "a department figure that looks like 元 (3266000 万元)",
      sheet: setCells(cleanSheet(), { D8: 3266000 }),
      errors: [{ messageId: "looksLikeYuan", cells: ["申报表!D8"], severity: "warning", data: { value: "3266000.00", wan: "326.60" } }],
    },
    {
      name: "a lowered threshold flags the larger figures",
      sheet: cleanSheet(),
      options: { maxWan: 300 },
      errors: [
        { messageId: "looksLikeYuan", cells: ["申报表!D8"] },
        { messageId: "looksLikeYuan", cells: ["申报表!F8"] },
        { messageId: "looksLikeYuan", cells: ["申报表!F11"] },
      ],
    },
    {
      name: "more than two decimals (a lost decimal point, 广水 style)",
      sheet: setCells(cleanSheet(), { D9: 40.6423 }),
      errors: [{ messageId: "tooManyDecimals", cells: ["申报表!D9"], severity: "warning", data: { raw: "40.6423", rounded: "40.64" } }],
    },
    {
      name: "several problems, one finding per cell in reading order",
      sheet: setCells(cleanSheet(), { F12: { error: "#VALUE!" }, D8: -5, D18: "2.505" }),
      errors: [
        { messageId: "negative", cells: ["申报表!D8"] },
        { messageId: "errorValue", cells: ["申报表!F12"] },
        { messageId: "tooManyDecimals", cells: ["申报表!D18"], data: { rounded: "2.51" } },
      ],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(O), { [at("D8", O)]: { error: "#VALUE!" }, [at("D15", O)]: "16.2.0" }),
      errors: [
        { messageId: "errorValue", cells: ["申报表!F11"] },
        { messageId: "notANumber", cells: ["申报表!F18"] },
      ],
    },
  ],
});
