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
    expect(findTemplate("quality.budget-execution-rate")?.name).toBe("预算执行率(%)");
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
});
