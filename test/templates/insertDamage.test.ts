/**
 * Insertions that used to damage the form (issue #7): a new group created right under a multi-row
 * group was swallowed into that group's merged label, whose text was then overwritten; a value
 * cell merged over the last rows of a group was overwritten by an appended row's value. Each case is
 * a generated real .xlsx, run through the same path as `budget-form add`, and proved on the written
 * file by the independent reader (the raw OOXML reader, no exceljs), with which exceljs's read agrees.
 */
import { findTemplate } from "../../src/core/templates/catalogue";
import { CLASSIC_GROUPS, COST101_GROUPS, GenSpec, buildForm, disagreements, exceljsRead, independentRead } from "../helpers/genForm";
import { brokenConditions } from "../helpers/postConditions";
import { insertIntoFile } from "../helpers/insertFile";

const groups = (table: [string, string][], rows: Record<string, number | "empty">, dflt: number | "empty" = 1) =>
  table.map(([level1, level2]) => ({ level1, level2, rows: rows[level2] ?? dflt }));

async function broken(spec: GenSpec, templateId: string): Promise<string[]> {
  const form = await buildForm(spec);
  const r = await insertIntoFile(form.bytes, findTemplate(templateId)!);
  if ("error" in r) return [`refused: ${r.error}`];
  const after = await independentRead(r.bytes);
  const { diffs } = disagreements(after, await exceljsRead(r.bytes));
  return [...brokenConditions(await independentRead(form.bytes), after, r.inserted), ...diffs];
}

describe("creating a missing group under a multi-row group keeps that group", () => {
  test("时效 after a two-row 质量", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 数量指标: 2, 质量指标: 2, 时效指标: 0 }) };
    expect(await broken(spec, "timeliness.payment")).toEqual([]);
  });
  test("生态效益 after a three-row 社会效益", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 社会效益指标: 3, 生态效益指标: 0 }) };
    expect(await broken(spec, "benefit.ecological.paperless")).toEqual([]);
  });
  test("成本 after a two-row 时效", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 时效指标: 2, 成本指标: 0 }) };
    expect(await broken(spec, "cost.control-rate")).toEqual([]);
  });
  test("a new 满意度 一级 after a multi-row 效益", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 可持续影响指标: 2, 服务对象满意度指标: 0 }) };
    expect(await broken(spec, "satisfaction.public")).toEqual([]);
  });
  test("a new 效益 一级 after a multi-row 产出", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 成本指标: 2, 经济效益指标: 0, 社会效益指标: 0, 生态效益指标: 0, 可持续影响指标: 0 }) };
    expect(await broken(spec, "benefit.social.public-awareness")).toEqual([]);
  });
  test("a new 成本 一级 (101 layout) after a multi-row 时效", async () => {
    const spec = { groups: groups(COST101_GROUPS, { 时效指标: 2, 经济成本指标: 0, 社会成本指标: 0, 生态环境成本指标: 0 }) };
    expect(await broken(spec, "cost.control-rate")).toEqual([]);
  });
});

describe("appending to a group whose value cell is merged over its rows", () => {
  test("the shared 实施周期 target keeps its text; the new row gets its own cells", async () => {
    const spec = { groups: groups(CLASSIC_GROUPS, { 质量指标: 3 }), mergedValueGroup: 1 };
    expect(await broken(spec, "quality.coverage")).toEqual([]);
  });
});
