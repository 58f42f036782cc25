/**
 * The mistakes reviewers send back (#23, published-guidance.md §2–3), planted one at a time into the
 * corrected example form as a reviewer would find them: each must be caught by the rule named for it,
 * at the planted cell, and nothing else may appear. Before the second catalogue the checker caught 3
 * of the 10 the issue planted.
 */
import { formatRef } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { CellValue } from "../../../src/core/snapshot";
import { cleanSheet, setCells, workbook } from "../../helpers/forms";

interface Plant {
  mistake: string;
  source: string;
  edits: Record<string, CellValue>;
  rule: string;
  at: string;
}

const PLANTS: Plant[] = [
  {
    mistake: "inputs given as outputs",
    source: "dybbs8: 财力、人力和物力等投入数量不能作为绩效目标; 岳阳楼区 2023",
    edits: { D22: "业务工作经费投入(万元)", E22: "40.64万元", F22: "40.64万元" },
    rule: "indicators/input-as-output",
    at: "E22",
  },
  {
    mistake: "a cost cap above the money available",
    source: "郫都区民政局 2025 review (PD): ≤160万 against 386万",
    edits: { D33: "会议经费(万元)", E33: "≤400万元", F33: "≤400万元" },
    rule: "indicators/cost-within-funds",
    at: "E33",
  },
  {
    mistake: "the name only repeats its category",
    source: "published-guidance §3 #25",
    edits: { D29: "质量指标" },
    rule: "indicators/name-repeats-category",
    at: "D29",
  },
  {
    mistake: "a positive indicator set to zero",
    source: "一体化 system alert (T): 正向指标年度指标值等于0",
    edits: { E24: "＝0次", F24: "＝0次" },
    rule: "indicators/positive-zero",
    at: "E24",
  },
  {
    mistake: "two measures in one target",
    source: "the example form: 科普咨询活动2次,受众1200人",
    edits: { E21: "≥2次,受众≥1200人", F21: "≥2次,受众≥1200人" },
    rule: "indicators/compound-target",
    at: "E21",
  },
  {
    mistake: "the target only restates the name",
    source: "Z: 形式化",
    edits: { D30: "财务档案管理规范", E30: "财务档案管理规范", F30: "财务档案管理规范" },
    rule: "indicators/not-quantified",
    at: "E30",
  },
  {
    mistake: "template placeholders left in",
    source: "金寨 2021 template: ≥**个",
    edits: { E22: "≥**个", F22: "≥**个" },
    rule: "indicators/placeholder-left",
    at: "E22",
  },
  {
    mistake: "the name contradicts its target",
    source: "川财绩〔2025〕8号: 相互匹配",
    edits: { D30: "财务、保密、档案管理检查合格率达到100%", E30: "≥98%", F30: "≥98%" },
    rule: "indicators/name-contradicts-target",
    at: "E30",
  },
  {
    mistake: "absence of complaints offered as satisfaction",
    source: "PD: 不投诉=满意",
    edits: { D38: "群众有效投诉(件)", E38: "＝0件", F38: "＝0件" },
    rule: "indicators/complaints-as-satisfaction",
    at: "D38",
  },
  {
    mistake: "a bare number where the name asks a percentage",
    source: "宁德 2019: 「1」 beside 90%",
    edits: { E28: "≥95%", F28: "1" },
    rule: "indicators/bare-percent",
    at: "F28",
  },
];

const listed = (edits: Record<string, CellValue>) =>
  checkWorkbook(workbook(setCells(cleanSheet(), edits)), {})
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${formatRef(f.cells[0]).replace(/^.*!/, "")}`);

test("the corrected example is clean before anything is planted", () => {
  expect(listed({})).toEqual([]);
});

test.each(PLANTS.map((p) => [p.mistake, p] as const))("planted: %s", (_, p) => {
  const found = listed(p.edits);
  // Only the planted mistake's rule speaks, and it points at the planted cell (a rule may report
  // each value column on its own).
  expect([...new Set(found.map((f) => f.split(" ")[0]))]).toEqual([p.rule]);
  expect(found).toContain(`${p.rule} ${p.at}`);
});
