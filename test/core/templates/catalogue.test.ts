import { PARENT_OF } from "../../../src/core/form/labels";
import { Level2 } from "../../../src/core/form/model";
import { nameUnit } from "../../../src/core/indicators/units";
import { CATALOGUE, allTags, findTemplate, search, templatesFor } from "../../../src/core/templates/catalogue";

describe("template catalogue", () => {
  test("has at least 30 templates with unique, well-formed ids", () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(30);
    const ids = CATALOGUE.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids)
      expect(id).toMatch(/^(quantity|quality|timeliness|cost|benefit\.(economic|social|ecological|sustainable)|satisfaction)\.[a-z0-9-]+$/);
  });

  test("covers every 二级 category in its layout", () => {
    const classic = new Set(CATALOGUE.map((t) => t.placement.level2));
    const modern = new Set(CATALOGUE.map((t) => t.placement101.level2));
    for (const l2 of ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"] as Level2[]) {
      expect(classic).toContain(l2);
    }
    for (const l2 of ["经济成本", "社会成本", "生态环境成本"] as Level2[]) expect(modern).toContain(l2);
    expect(modern).not.toContain("成本");
  });

  test("placements are canonical, and only 成本 templates move between layouts", () => {
    for (const t of CATALOGUE) {
      expect(PARENT_OF[t.placement.level2]).toBe(t.placement.level1);
      expect(PARENT_OF[t.placement101.level2]).toBe(t.placement101.level1);
      if (t.placement.level2 === "成本") {
        expect(t.placement101.level1).toBe("成本");
      } else {
        expect(t.placement101).toEqual(t.placement);
        expect(t.placement.level1).not.toBe("成本");
      }
    }
  });

  test("values use the official operators (full-width ＝) and the unit the name brackets", () => {
    for (const t of CATALOGUE) {
      for (const v of [t.period, t.annual]) {
        expect(v).not.toMatch(/[=<>]|>=|<=/); // no ASCII operators
        if (t.kind === "quantitative") {
          expect(v).toMatch(/^[≥≤＝＞＜]-?\d+(\.\d+)?\S*$/);
          expect(v.startsWith(t.operator!)).toBe(true);
          const bracket = /\(([^()]+)\)$/.exec(t.name);
          expect(bracket).not.toBeNull();
          expect(nameUnit(bracket![1])).toBe(t.unit);
          expect(v.endsWith(t.unit!)).toBe(true);
        } else {
          expect(t.operator).toBeNull();
          expect(["优", "良", "中", "低", "差", "达成预期指标"]).toContain(v);
        }
      }
      expect(t.formula.length).toBeGreaterThan(4);
      expect(t.source.length).toBeGreaterThan(2);
      expect(t.tags.length).toBeGreaterThan(0);
    }
  });

  test("the examples of the issue are there with their values", () => {
    const value = (id: string) => findTemplate(id)?.annual;
    expect(findTemplate("satisfaction.service-recipients")).toMatchObject({ name: "服务对象满意度(%)", annual: "≥95%", period: "≥95%" });
    expect(value("timeliness.payment")).toBe("＝100%");
    expect(value("timeliness.project-on-schedule")).toBe("＝100%");
    expect(value("quality.acceptance-pass-rate")).toBe("≥95%");
    // 预算执行率 was an example of an earlier issue; #23 took it out with the other process measures.
    expect(findTemplate("quality.budget-execution-rate")).toBeUndefined();
    expect(value("cost.three-public-change")).toBe("≤0%");
    expect(value("cost.control-rate")).toBe("≤100%");
    expect(findTemplate("no.such")).toBeUndefined();
  });

  test("templatesFor answers both placements of a cost template", () => {
    const classic = templatesFor("产出", "成本").map((t) => t.id);
    const modern = templatesFor("成本", "经济成本").map((t) => t.id);
    expect(classic).toContain("cost.control-rate");
    expect(modern).toContain("cost.control-rate");
    expect(templatesFor("成本", "社会成本").map((t) => t.id)).toEqual(["cost.social-negative-events"]);
    expect(templatesFor("满意度", "服务对象满意度").every((t) => t.id.startsWith("satisfaction."))).toBe(true);
    expect(templatesFor("产出", "时效").every((t) => t.placement.level2 === "时效")).toBe(true);
  });

  test("search by name words, full-width input, category and tag", () => {
    expect(search("满意度").map((t) => t.id)).toEqual(expect.arrayContaining(["satisfaction.service-recipients", "satisfaction.public"]));
    expect(search("资金 及时").map((t) => t.id)).toEqual(["timeliness.payment"]);
    expect(search("“三公”　经费").map((t) => t.id)).toEqual(["cost.three-public-change"]);
    expect(search("", { category: "时效" }).every((t) => t.placement.level2 === "时效")).toBe(true);
    expect(search("", { category: "效益" }).length).toBeGreaterThanOrEqual(5);
    expect(search("", { category: "社会成本" }).map((t) => t.id)).toEqual(["cost.social-negative-events"]);
    const training = search("", { tag: "会议培训" });
    expect(training.length).toBeGreaterThanOrEqual(5);
    expect(training.every((t) => t.tags.includes("会议培训"))).toBe(true);
    expect(search("满意度", { tag: "会议培训" }).map((t) => t.id)).toEqual(["satisfaction.trainees"]);
    expect(search("没有这个指标")).toEqual([]);
  });

  test("allTags lists every tag once, most used first", () => {
    const tags = allTags();
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags[0]).toBe("部门整体");
    for (const tag of ["会议培训", "科普", "信息化"]) expect(tags).toContain(tag);
  });

  test("every template names its published source: document, issuer and year (or none given)", () => {
    for (const t of CATALOGUE) {
      expect(t.citation).toBeDefined();
      const c = t.citation!;
      expect(c.document.trim().length).toBeGreaterThan(4);
      expect(c.issuer.trim().length).toBeGreaterThan(0);
      if (c.year !== null) {
        expect(Number.isInteger(c.year)).toBe(true);
        expect(c.year).toBeGreaterThanOrEqual(2000);
        expect(c.year).toBeLessThanOrEqual(2030);
      }
    }
  });

  // published-guidance §5: 「财力、人力和物力等投入数量不能作为绩效目标」.
  test("no input or process measure is offered as an output, and 结余率 is not an economic benefit", () => {
    const INPUT_OR_PROCESS = /足额保障|科目调整|预算执行|结转结余|结余率|人员控制|采购执行|资金到位/;
    for (const t of CATALOGUE) {
      if (t.placement.level1 === "产出" && t.placement.level2 !== "成本") expect(t.name).not.toMatch(INPUT_OR_PROCESS);
      if (t.placement.level2 === "经济效益") expect(t.name).not.toMatch(/结余|执行/);
      // Spending is an economic cost; 生态环境成本 is harm to the environment.
      if (t.placement101.level2 === "生态环境成本") expect(t.name).not.toMatch(/支出|经费|费/);
    }
    for (const id of ["quantity.full-funding", "quantity.budget-adjustments", "quality.carryover-rate", "benefit.economic.surplus-rate"])
      expect(findTemplate(id)).toBeUndefined();
  });

  test("cost templates give amounts beside the rates: 人均培训成本 and 单位购置成本 in 元", () => {
    const costs = CATALOGUE.filter((t) => t.placement.level2 === "成本");
    const amounts = costs.filter((t) => t.unit === "元" || t.unit === "万元");
    expect(amounts.map((t) => t.name)).toEqual(expect.arrayContaining(["人均培训成本(元)", "单位购置成本(元)"]));
    for (const t of amounts) {
      expect(t.operator).toBe("≤");
      // The figure is the department's own standard or budget, never the example's.
      expect(t.needsValue).toBe(true);
    }
  });
});
