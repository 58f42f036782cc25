import { CATALOGUE } from "../../../src/core/templates/catalogue";
import {
  CUSTOM_PREFIX,
  customId,
  exportLibrary,
  mergeLibraries,
  normalizeValue,
  parseLibrary,
  templateFromRow,
  validateLibrary,
} from "../../../src/core/templates/library";

const ok = (r: ReturnType<typeof validateLibrary>) => {
  if (!r.ok) throw new Error(r.errors.map((e) => e.zh).join("; "));
  return r.library.templates;
};

describe("custom template libraries", () => {
  test("a minimal template gets an id, both placements and a parsed value", () => {
    const [t] = ok(validateLibrary({ templates: [{ name: "档案数字化率(%)", level2: "质量指标", value: ">=80%" }] }));
    expect(t.id.startsWith(CUSTOM_PREFIX)).toBe(true);
    expect(t).toMatchObject({
      name: "档案数字化率(%)",
      kind: "quantitative",
      operator: "≥",
      unit: "%",
      period: "≥80%",
      annual: "≥80%",
      placement: { level1: "产出", level2: "质量" },
      placement101: { level1: "产出", level2: "质量" },
      source: "自定义",
    });
  });

  test("cost templates get the other layout's placement; 定性 values carry no operator", () => {
    const [a, b, c] = ok(
      validateLibrary([
        { name: "印刷费(万元)", level2: "成本", annual: "<=2万元", period: "<=6万元" },
        { name: "外协成本(万元)", level1: "成本", level2: "社会成本指标", annual: "≤1万元" },
        { name: "制度完善程度", level2: "可持续影响", annual: "优" },
      ]),
    );
    expect(a).toMatchObject({
      period: "≤6万元",
      annual: "≤2万元",
      placement: { level1: "产出", level2: "成本" },
      placement101: { level1: "成本", level2: "经济成本" },
    });
    expect(b).toMatchObject({ placement: { level1: "产出", level2: "成本" }, placement101: { level1: "成本", level2: "社会成本" } });
    expect(c).toMatchObject({ kind: "qualitative", operator: null, unit: null });
  });

  test("every problem is reported in Chinese, with the template number", () => {
    const r = validateLibrary({
      templates: [
        { level2: "数量", value: "≥1个" },
        { name: "x(个)", level2: "不存在的分类", value: "≥1个" },
        { name: "y(个)", level1: "效益", level2: "数量", value: "≥1个" },
        { name: "z(个)", level2: "数量" },
        { id: "quality.mine", name: "w(个)", level2: "数量", value: "≥1个" },
        "not an object",
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = r.errors.map((e) => e.zh);
    expect(zh).toEqual([
      "第 1 个模板:缺少三级指标名称(name)",
      expect.stringMatching(/^第 2 个模板:二级指标无法识别/),
      "第 3 个模板:二级 数量 不属于一级 效益(应为 产出)",
      "第 4 个模板:缺少指标值(annual 或 value)",
      `第 5 个模板:编号 quality.mine 须以 "custom." 开头`,
      "第 6 个模板:应为对象",
    ]);
    for (const e of r.errors) expect(e.en).toMatch(/^template \d+: /);
  });

  test("duplicate ids, wrong format, bad JSON", () => {
    const dup = validateLibrary([
      { id: "custom.a", name: "a(个)", level2: "数量", value: "≥1个" },
      { id: "custom.a", name: "b(个)", level2: "数量", value: "≥1个" },
    ]);
    expect(dup.ok).toBe(false);
    expect(!dup.ok && dup.errors[0].zh).toBe("编号 custom.a 重复");
    const fmt = validateLibrary({ format: "something-else", templates: [] });
    expect(!fmt.ok && fmt.errors[0].zh).toMatch(/不是指标模板库文件/);
    const json = parseLibrary("{ not json");
    expect(json.ok).toBe(false);
    expect(!json.ok && json.errors[0].zh).toMatch(/^模板库不是有效的 JSON/);
    const noList = parseLibrary("{}");
    expect(!noList.ok && noList.errors[0].zh).toBe("模板库应包含 templates 数组");
  });

  test("export → import round trip keeps custom templates and drops catalogue ones", () => {
    const custom = ok(validateLibrary([{ name: "档案数字化率(%)", level2: "质量", value: "≥80%", tags: ["档案管理", "档案管理", " "] }]));
    expect(custom[0].tags).toEqual(["档案管理"]);
    const text = exportLibrary([...CATALOGUE, ...custom]);
    const back = parseLibrary("\uFEFF" + text);
    expect(back.ok && back.library.templates).toEqual(custom);
    expect(JSON.parse(text).format).toBe("budget-form-templates");
  });

  test("merging: catalogue first, a re-imported id replaces the earlier one, non-custom ids ignored", () => {
    const v1 = ok(validateLibrary([{ id: "custom.x", name: "旧名(个)", level2: "数量", value: "≥1个" }]));
    const v2 = ok(validateLibrary([{ id: "custom.x", name: "新名(个)", level2: "数量", value: "≥2个" }]));
    const merged = mergeLibraries(v1, v2, [{ ...CATALOGUE[0], name: "篡改" }]);
    expect(merged.slice(0, CATALOGUE.length)).toEqual(CATALOGUE);
    expect(merged.length).toBe(CATALOGUE.length + 1);
    expect(merged[merged.length - 1]).toMatchObject({ id: "custom.x", name: "新名(个)", annual: "≥2个" });
  });

  test("ids are stable per name and unique", () => {
    const a = customId("服务对象满意度(%)", []);
    expect(customId("服务对象满意度(%)", [])).toBe(a);
    expect(customId("服务对象满意度(%)", [a])).toBe(`${a}-2`);
    expect(customId("另一个指标", [])).not.toBe(a);
  });

  test("a row of the form becomes a template", () => {
    const r = templateFromRow({ name: "会议代表出席率(%)", period: "≥95%", annual: "≥95%", level1: "产出", level2: "质量" }, [], {
      tags: ["会议培训"],
    });
    const [t] = ok(r);
    expect(t).toMatchObject({ name: "会议代表出席率(%)", annual: "≥95%", placement: { level2: "质量" }, tags: ["会议培训"] });
    expect(t.id.startsWith("custom.")).toBe(true);
  });

  test("normalizeValue turns ASCII and full-width operators into the official ones", () => {
    expect(normalizeValue(">= 95%")).toBe("≥95%");
    expect(normalizeValue("<=100%")).toBe("≤100%");
    expect(normalizeValue("=100%")).toBe("＝100%");
    expect(normalizeValue("＝100%")).toBe("＝100%");
    expect(normalizeValue("＞3%")).toBe("＞3%");
    expect(normalizeValue("优")).toBe("优");
  });
});
