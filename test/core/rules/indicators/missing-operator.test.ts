import { formatRef } from "../../../../src/core/a1";
import rule from "../../../../src/core/rules/indicators/missing-operator";
import { checkWorkbook } from "../../../../src/core/engine";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, corpusSheet, seedSheet, setCells, workbook } from "../../../helpers/forms";
import { OFF, q, shifted, singleValueSheet } from "./fixtures";

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the corrected example at an offset", sheet: cleanSheet(OFF) },
    { name: "the single-value layout", sheet: singleValueSheet() },
    {
      name: "operators written as words or in ASCII count (ASCII is operator-style's)",
      sheet: setCells(cleanSheet(), { E21: "不少于2次", F21: "2次以上", E22: ">=1个", F22: "=1个" }),
    },
    {
      name: "deadlines, graded levels and placeholders take no operator",
      sheet: setCells(cleanSheet(), { E31: "2025年12月31日前", F31: "12月底前", E36: "优", F36: "达成预期指标", F37: "-" }),
    },
    { name: "a value with no number is not-quantified's", sheet: setCells(cleanSheet(), { E28: "按要求落实", F28: "群众普遍受益" }) },
    { name: "an empty value is missing-value's", sheet: setCells(cleanSheet(), { F22: null }) },
  ],
  invalid: [
    {
      name: "a count in a sentence: ≥ or ＝, the user's own number and unit",
      sheet: setCells(cleanSheet(), { E22: "建设科普图书室1个", F22: "建设科普图书室1个" }),
      errors: [
        {
          messageId: "missingEither",
          cells: [q("E22"), q("F22")],
          severity: "info",
          data: { text: "建设科普图书室1个", atLeast: "≥1个", exactly: "＝1个" },
        },
      ],
    },
    {
      name: "only the column that lacks it",
      sheet: setCells(cleanSheet(), { F21: "科普咨询活动2次,受众1200人" }),
      errors: [{ messageId: "missingEither", cells: [q("F21")], data: { atLeast: "≥2次", exactly: "＝2次" } }],
    },
    {
      name: "a rate below 100% is a floor",
      sheet: setCells(cleanSheet(), { F28: "受益率95%" }),
      errors: [{ messageId: "missing", cells: [q("F28")], data: { text: "受益率95%", suggestion: "≥95%" } }],
    },
    {
      name: "a rate of 100% is ＝",
      sheet: setCells(cleanSheet(), { E30: "100%", F30: "检查合格率100%" }),
      errors: [{ messageId: "missing", cells: [q("E30"), q("F30")], data: { text: "100%", suggestion: "＝100%" } }],
    },
    {
      name: "a cost rate is a ceiling",
      sheet: setCells(cleanSheet(), { E33: "100%", F33: "100%" }),
      errors: [{ messageId: "missing", cells: [q("E33"), q("F33")], data: { suggestion: "≤100%" } }],
    },
    {
      name: "a number cell under a (%) name is read as Excel stores a percentage",
      sheet: setCells(cleanSheet(), { F29: 0.95 }),
      errors: [{ messageId: "missing", cells: [q("F29")], data: { text: "0.95", suggestion: "≥95%" } }],
    },
    {
      name: "a vague value with a number still lacks its operator",
      sheet: setCells(cleanSheet(), { E25: "约3000人次" }),
      errors: [{ messageId: "missingEither", cells: [q("E25")], data: { atLeast: "≥3000人次", exactly: "＝3000人次" } }],
    },
    {
      name: "at an offset",
      sheet: setCells(cleanSheet(OFF), shifted({ E26: "6场", F26: "6场" }, OFF)),
      errors: [{ messageId: "missingEither", cells: [q("E26", OFF), q("F26", OFF)], data: { atLeast: "≥6场" } }],
    },
    {
      name: "a month under 时效 is a deadline: a ceiling, not ≥",
      sheet: setCells(cleanSheet(), { D32: "资金支付完成时限", E32: "12月", F32: "12月" }),
      errors: [{ messageId: "missing", cells: [q("E32"), q("F32")], data: { suggestion: "≤12月" } }],
    },
    {
      name: "a cost in 万元 is a ceiling",
      sheet: setCells(cleanSheet(), { D33: "项目总成本", E33: "1125万元", F33: "1125万元" }),
      errors: [{ messageId: "missing", cells: [q("E33"), q("F33")], data: { suggestion: "≤1125万元" } }],
    },
    {
      // 通州 2026: six targets without an operator (13969.56标箱, 100%, 25% …): one tip, every cell in it.
      name: "most rows without an operator: one grouped tip",
      sheet: corpusSheet("tongzhou-2026"),
      errors: [
        {
          messageId: "missingMany",
          severity: "info",
          cells: ["E6", "E7", "E8", "E9", "E10", "E12"].map((c) => `申报表!${c}`),
          data: { count: 6, text: "13969.56标箱", suggestion: "≥13969.56标箱 / ＝13969.56标箱" },
        },
      ],
    },
    {
      name: "in the single-value layout (指标值 in column E)",
      sheet: setCells(singleValueSheet(), { E37: "满意度95%" }),
      errors: [{ messageId: "missing", cells: [q("E37")], data: { suggestion: "≥95%" } }],
    },
  ],
});

describe("indicators/missing-operator on the seed", () => {
  const findings = checkWorkbook(workbook(seedSheet()), {}, [rule]).findings;
  const at = (a1: string) => findings.find((f) => f.cells[0] && formatRef(f.cells[0]) === q(a1));

  test("the 25 rows whose values are sentences with a number get one grouped tip, not 25 copies", () => {
    // Rows 21-40 and 42-50 hold numbers; row 41 has none (not-quantified's), rows 28/43/47/48 are printed groups.
    expect(findings).toHaveLength(1);
    const [tip] = findings;
    expect(tip).toMatchObject({
      messageId: "missingMany",
      severity: "info",
      data: { count: 50, text: "科普咨询活动2次,受众1200人", suggestion: "≥2次 / ＝2次" },
    });
    expect(tip.cells).toHaveLength(50);
    const cells = tip.cells.map(formatRef);
    expect(cells.slice(0, 2)).toEqual([q("E21"), q("F21")]);
    expect(cells.some((c) => /\D41$/.test(c))).toBe(false);
    // The misaligned row 44 (values shifted left into D/E) is still read.
    expect(cells).toEqual(expect.arrayContaining([q("D44"), q("E44")]));
    expect(at("E21")?.message.zh).toBe(
      "50 个指标值没有写明比较符号,如「科普咨询活动2次,受众1200人」建议写成「≥2次 / ＝2次」:请为每个指标值补上 ≥、≤ 或 ＝(成本、时限和应当越低越好的比率用 ≤;一体化系统把计算符号单独存放)",
    );
  });
});
