import { validateLibrary } from "../../../src/core/templates/library";
import { IndicatorTemplate } from "../../../src/core/templates/types";
import { SETTINGS_KEY, sanitizeState } from "../../../src/hosts/excel/state";
import { WorkbookState } from "../../../src/hosts/host";
import { seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";

function library(raw: unknown[]): IndicatorTemplate[] {
  const r = validateLibrary(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.library.templates;
}

const templates = library([
  { id: "custom.archives", name: "档案数字化率(%)", level2: "质量", value: "≥80%", tags: ["档案"], formula: "已数字化卷数 / 馆藏卷数" },
  { id: "custom.cost", name: "单次培训成本(万元)", level1: "成本", level2: "经济成本", value: "≤2万元", needsValue: true },
  { id: "custom.grade", name: "宣传效果", level2: "社会效益", value: "良好" },
]);

const state: WorkbookState = {
  ignored: ["budget/x@申报表!D8"],
  settings: { lang: "en", liveCheck: false, config: { rules: { "budget/x": "off" } } },
  templates,
};

describe("ExcelHost state: the workbook's template library", () => {
  it("saves the templates with the rest of the state and reads them back unchanged", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host, settings } = hostFor(excel);
    await host.saveState(state);
    expect((settings.data.get(SETTINGS_KEY) as WorkbookState).templates).toEqual(templates);
    const other = hostFor(excel, { settings }).host;
    const loaded = await other.loadState();
    expect(loaded).toEqual(state);
    expect(loaded.templates!.map((t) => [t.id, t.kind, t.placement101.level2])).toEqual([
      ["custom.archives", "quantitative", "质量"],
      ["custom.cost", "quantitative", "经济成本"],
      ["custom.grade", "qualitative", "社会效益"],
    ]);
  });

  it("reads the templates the command-line tool left in its very hidden sheet", async () => {
    const excel = fakeWith(20, seedSheet());
    const json = JSON.stringify(state);
    excel.sheet("_BudgetFormState", (s) => s.put("A1", [[json.slice(0, 100)], [json.slice(100)]]));
    expect((await hostFor(excel).host.loadState()).templates).toEqual(templates);
  });

  it("an old state without templates stays as it was, with no templates field", () => {
    const old = { ignored: ["a@申报表!D8"], settings: { lang: "zh", liveCheck: true, config: {} } };
    const s = sanitizeState(old);
    expect(s).toEqual(old);
    expect("templates" in s).toBe(false);
  });

  it("drops a malformed library without touching the rest of the state", () => {
    for (const bad of ["junk", 42, { templates: "x" }, { format: "other", templates: [] }, [], [null, { name: "" }]]) {
      const s = sanitizeState({ ...state, templates: bad });
      expect(s).toEqual({ ignored: state.ignored, settings: state.settings });
    }
  });

  it("keeps the good templates of a partly damaged library; bad entries, foreign and repeated ids go", () => {
    const s = sanitizeState({
      ...state,
      templates: [
        templates[0],
        { id: "custom.broken", name: "无二级", value: "≥1" },
        { id: "satisfaction.service-recipients", name: "冒充目录", level2: "服务对象满意度", value: "≥90%" },
        { ...templates[0], name: "重复编号" },
        "not a template",
        templates[2],
      ],
    });
    expect(s.templates).toEqual([templates[0], templates[2]]);
    expect(s.ignored).toEqual(state.ignored);
  });

  it("a damaged library saved by another runtime never breaks loadState", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host, settings } = hostFor(excel);
    settings.set(SETTINGS_KEY, { ...state, templates: { templates: [{ name: 3 }] } });
    expect(await host.loadState()).toEqual({ ignored: state.ignored, settings: state.settings });
  });
});
