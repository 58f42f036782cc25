/** The indicator rules together: registered, silent on the corrected form, loud on the seed. */
import { formatRef } from "../../../../src/core/a1";
import { checkWorkbook } from "../../../../src/core/engine";
import { recognizeWorkbook } from "../../../../src/core/form/recognize";
import { RULES } from "../../../../src/core/rules/registry";
import { cleanSheet, seedSheet, setCells, workbook } from "../../../helpers/forms";
import { OFF, singleValueSheet } from "./fixtures";

const IDS = [
  "indicators/annual-exceeds-period",
  "indicators/bare-percent",
  "indicators/category-mismatch",
  "indicators/complaints-as-satisfaction",
  "indicators/compound-target",
  "indicators/cost-within-funds",
  "indicators/duplicate",
  "indicators/identical-targets",
  "indicators/impossible-target",
  "indicators/input-as-output",
  "indicators/missing-category",
  "indicators/missing-operator",
  "indicators/missing-value",
  "indicators/name-contradicts-target",
  "indicators/name-repeats-category",
  "indicators/not-quantified",
  "indicators/operator-style",
  "indicators/placeholder-left",
  "indicators/positive-zero",
  "indicators/satisfaction-below-floor",
  "indicators/timeliness-deadline",
  "indicators/unit-mismatch",
  "indicators/vague-wording",
];
const indicatorRules = RULES.filter((r) => r.meta.id.startsWith("indicators/"));
const listed = (sheet: ReturnType<typeof cleanSheet>) =>
  checkWorkbook(workbook(sheet), {}, indicatorRules).findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")}`);

test("every indicator rule is registered, in id order, in the indicators category", () => {
  expect(indicatorRules.map((r) => r.meta.id)).toEqual(IDS);
  const all = RULES.map((r) => r.meta.id);
  expect(all).toEqual([...all].sort());
  expect(indicatorRules.every((r) => r.meta.category === "indicators")).toBe(true);
});

test("the single-value fixture really is read as the single-value layout", () => {
  const t = recognizeWorkbook(workbook(singleValueSheet()))[0].forms[0].model.indicators;
  expect(t?.layout).toBe("single-value");
  expect(t?.rows).toHaveLength(18);
});

test.each([
  ["the corrected example", cleanSheet()],
  ["the corrected example at an offset", cleanSheet(OFF)],
  ["the corrected example as amounts-as-text", cleanSheet({ numbersAsText: true })],
  ["the single-value layout", singleValueSheet()],
])("%s yields no indicator finding", (_, sheet) => {
  expect(listed(sheet)).toEqual([]);
});

test("the seed's indicator findings, by rule and cell", () => {
  // missing-operator's info tips fall on nearly every seed row; missing-operator.test.ts counts them.
  const found = listed(seedSheet()).filter((f) => !f.startsWith("indicators/missing-operator "));
  // The problems a reviewer would raise on the seed, each where it is.
  const expected = [
    "indicators/compound-target 申报表!E21,申报表!F21", // 科普咨询活动2次,受众1200人
    "indicators/compound-target 申报表!E26,申报表!F26", // 学术交流1次,受众50人
    "indicators/compound-target 申报表!E30,申报表!F30", // 约250篇,阅读量约15000人次
    "indicators/compound-target 申报表!E32,申报表!F32", // 组织业务培训2场,受众200人
    "indicators/compound-target 申报表!E46,申报表!F46", // 约10000人次,科普日活动受益度95%
    "indicators/missing-category 申报表!B43", // the empty (and slid) 时效 row
    "indicators/missing-category 申报表!C47", // 生态效益, printed and empty
    "indicators/missing-category 申报表!C48", // 可持续影响, printed and empty
    "indicators/not-quantified 申报表!E41,申报表!F41", // 按上级要求,落实…
    "indicators/vague-wording 申报表!E25,申报表!F25", // 约3000人次
    "indicators/vague-wording 申报表!E30,申报表!F30", // 积极 … 约250篇
    "indicators/vague-wording 申报表!E35,申报表!F35", // 约300人
    "indicators/vague-wording 申报表!E38,申报表!F38", // 约1000人次
    "indicators/vague-wording 申报表!E39,申报表!F39", // 约80%
    "indicators/vague-wording 申报表!E46,申报表!F46", // 约10000人次
    "indicators/unit-mismatch 申报表!E25,申报表!F25", // (人数) vs 人次
    "indicators/unit-mismatch 申报表!E35,申报表!F35", // (个) vs 人
    "indicators/unit-mismatch 申报表!E38,申报表!F38", // (人) vs 人次
  ];
  expect(found).toEqual(expect.arrayContaining(expected));
  // Nothing beyond them: the seed has no >100% rate, no duplicate, no ASCII operator.
  expect([...found].sort()).toEqual([...expected].sort());
});

test("odd cell contents never crash a rule", () => {
  const odd = setCells(cleanSheet(), {
    D21: { error: "#REF!" },
    E21: true,
    F21: { error: "#VALUE!" },
    E22: -0.5,
    F22: "≥".repeat(200),
    E23: "=",
    F23: "＞＝＜≤≥",
    D24: "(%)",
    E24: "一二三四五六七八九十百千万亿次",
    F24: "1,2,3,4,5,6,7,8,9,0万亿千元%‰",
    E25: "２０２５年１３月４５日前",
    F25: "9".repeat(400) + "%",
  });
  expect(() => listed(odd)).not.toThrow();
  expect(listed(odd).length).toBeGreaterThan(0);
});
