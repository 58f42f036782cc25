import { readFileSync } from "fs";
import { validateLibrary } from "../../../src/core/templates/library";
import { IndicatorTemplate } from "../../../src/core/templates/types";
import { DEFAULT_SETTINGS, WorkbookState } from "../../../src/hosts/host";
import { FileHost } from "../../../src/hosts/file/fileHost";
import { STATE_SHEET, writeState } from "../../../src/hosts/file/state";
import { examplePath } from "../../helpers/xlsx";

const open = (name: string) => FileHost.fromData(readFileSync(examplePath(name)), name);

function library(raw: unknown[]): IndicatorTemplate[] {
  const r = validateLibrary(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.library.templates;
}

const templates = library([
  { id: "custom.archives", name: "档案数字化率(%)", level2: "质量", value: "≥80%", tags: ["档案"] },
  { id: "custom.cost", name: "单次培训成本(万元)", level2: "成本", value: "≤2万元", placement101: { level2: "经济成本" } },
]);

describe("FileHost state: the workbook's template library", () => {
  test("saveState → toBuffer → reopen → loadState keeps the templates and the rest of the state", async () => {
    const host = await open("corrected-form.xlsx");
    const state: WorkbookState = {
      ignored: ["indicators/vague-wording@申报表!E25"],
      settings: { lang: "en", liveCheck: false, config: {} },
      templates,
    };
    await host.saveState(state);
    const again = await FileHost.fromData(await host.toBuffer(), "again.xlsx");
    expect(await again.loadState()).toEqual(state);
    expect((await again.read()).snapshot.sheets.map((s) => s.name)).toEqual(["申报表"]);
    // Removing the library (a state without templates) is saved too.
    await again.saveState({ ignored: state.ignored, settings: state.settings });
    const third = await FileHost.fromData(await again.toBuffer(), "third.xlsx");
    expect(await third.loadState()).toEqual({ ignored: state.ignored, settings: state.settings });
  });

  test("a large library is split over the state sheet's cells and comes back whole", async () => {
    const host = await open("corrected-form.xlsx");
    const many = library(
      Array.from({ length: 400 }, (_, i) => ({
        id: `custom.t${i}`,
        name: `自定义指标第${i}项(个)`,
        level2: "数量",
        value: `≥${i}个`,
        formula: "说明".repeat(40),
      })),
    );
    await host.saveState({ ignored: [], settings: DEFAULT_SETTINGS, templates: many });
    const again = await FileHost.fromData(await host.toBuffer(), "big.xlsx");
    expect(again.excelWorkbook.getWorksheet(STATE_SHEET)!.getCell(2, 1).value).toEqual(expect.any(String));
    expect((await again.loadState()).templates).toEqual(many);
  });

  test("a damaged library in the file is dropped; ignored findings and settings survive", async () => {
    const host = await open("corrected-form.xlsx");
    const damaged = { ignored: ["x@申报表!D8"], settings: { ...DEFAULT_SETTINGS, lang: "en" }, templates: [{ id: "bad id", name: "" }, 7] };
    writeState(host.excelWorkbook, damaged as unknown as WorkbookState);
    const fresh = await FileHost.fromData(await host.toBuffer(), "x.xlsx");
    expect(await fresh.loadState()).toEqual({ ignored: ["x@申报表!D8"], settings: { ...DEFAULT_SETTINGS, lang: "en" } });
  });
});
