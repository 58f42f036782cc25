import { checkWorkbook } from "../../../src/core/engine";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { SERVICE_SATISFACTION, templateIdsFor } from "../../../src/core/templates/suggest";
import { cleanSheet, seedSheet, setCells, workbook } from "../../helpers/forms";
import { insert, sheetFrom, withoutGroup } from "./support";

const findingsOf = (sheet: ReturnType<typeof cleanSheet>, rule: string) =>
  checkWorkbook(workbook(sheet)).findings.filter((f) => f.rule === rule);

describe("findings offer templates that resolve them", () => {
  test("templateIdsFor: the group's templates, department-wide first", () => {
    const ids = templateIdsFor("产出", "时效");
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => findTemplate(id)!.placement.level2 === "时效")).toBe(true);
    expect(findTemplate(ids[0])!.tags).toContain("部门整体");
    expect(templateIdsFor("产出").some((id) => id.startsWith("cost."))).toBe(false);
    expect(templateIdsFor("成本").every((id) => id.startsWith("cost."))).toBe(true);
    expect(templateIdsFor(null)).toEqual([]);
  });

  test("a missing 时效 group: the finding's template, inserted, clears it", () => {
    const sheet = sheetFrom(withoutGroup("时效指标"));
    const [f] = findingsOf(sheet, "indicators/missing-category");
    expect(f).toBeDefined();
    expect(f.templates!.length).toBeGreaterThan(0);
    expect(f.templates!.every((id) => findTemplate(id)!.placement.level2 === "时效")).toBe(true);
    const x = insert(sheet, findTemplate(f.templates![0])!);
    expect(findingsOf(x.after, "indicators/missing-category")).toEqual([]);
    expect(x.fresh).toEqual([]);
  });

  test("a missing 满意度 一级: the satisfaction templates are offered, and one clears it", () => {
    const sheet = sheetFrom(withoutGroup("服务对象满意度指标"));
    const [f] = findingsOf(sheet, "indicators/missing-category");
    expect(f.templates).toContain(SERVICE_SATISFACTION);
    const x = insert(sheet, findTemplate(SERVICE_SATISFACTION)!);
    expect(findingsOf(x.after, "indicators/missing-category")).toEqual([]);
  });

  test("the seed's empty printed rows offer their group's templates; filling one clears its finding", () => {
    const found = findingsOf(seedSheet(), "indicators/missing-category");
    const empty = found.filter((f) => f.messageId === "emptyGroup");
    expect(empty.length).toBeGreaterThan(0);
    for (const f of empty) expect(f.templates!.length).toBeGreaterThan(0);
    const timely = empty.find((f) => f.templates!.every((id) => id.startsWith("timeliness.")));
    expect(timely).toBeDefined();
    const id = timely!.templates!.find((i) => i !== "timeliness.payment")!;
    const x = insert(seedSheet(), findTemplate(id)!);
    expect(x.plan.target.mode).toBe("fill");
    expect(findingsOf(x.after, "indicators/missing-category").map((f) => f.cells[0])).not.toContain(timely!.cells[0]);
  });

  test("a low satisfaction target offers the ≥95% template", () => {
    const sheet = setCells(cleanSheet(), { E37: "≥80%", F37: "≥80%" });
    const [f] = findingsOf(sheet, "indicators/satisfaction-below-floor");
    expect(f.templates).toEqual([SERVICE_SATISFACTION]);
    expect(findTemplate(f.templates![0])!.annual).toBe("≥95%");
  });
});
