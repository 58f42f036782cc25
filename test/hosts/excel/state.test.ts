import { SETTINGS_KEY, sanitizeState } from "../../../src/hosts/excel/state";
import { WorkbookState } from "../../../src/hosts/host";
import { seedSheet } from "../../helpers/forms";
import { FakeSettings } from "./fakeExcel";
import { fakeWith, hostFor } from "./helpers";

const state: WorkbookState = {
  ignored: ["budget/x@申报表!D8"],
  settings: { lang: "en", liveCheck: false, config: { rules: { "budget/x": "off" } } },
};

describe("ExcelHost state (document settings)", () => {
  it("saves into the workbook's settings and reads the same back", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host, settings } = hostFor(excel);
    await host.saveState(state);
    expect(settings.saves).toBe(1);
    expect(settings.data.get(SETTINGS_KEY)).toEqual(state);
    // A second host (another runtime opening the same workbook) sees it after a refresh.
    const other = hostFor(excel, { settings }).host;
    expect(await other.loadState()).toEqual(state);
    expect(settings.refreshes).toBeGreaterThan(0);
  });

  it("gives defaults for a workbook that never saved, without touching Excel when settings exist", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    expect(await host.loadState()).toEqual({ ignored: [], settings: { lang: "zh", liveCheck: true, config: {} } });
  });

  it("reads the state the command-line tool left in its very hidden sheet", async () => {
    const excel = fakeWith(20, seedSheet());
    const json = JSON.stringify(state);
    excel.sheet("_BudgetFormState", (s) => s.put("A1", [[json.slice(0, 40)], [json.slice(40)]]));
    const { host } = hostFor(excel);
    expect(await host.loadState()).toEqual(state);
  });

  it("drops whatever does not have the right shape", () => {
    expect(sanitizeState({ ignored: ["a", 3, null], settings: { lang: "fr", liveCheck: "yes", config: [1] } })).toEqual({
      ignored: ["a"],
      settings: { lang: "zh", liveCheck: true, config: {} },
    });
    expect(sanitizeState("{not json")).toEqual(sanitizeState(null));
    expect(sanitizeState(JSON.stringify(state))).toEqual(state);
  });

  it("reports a failed save instead of pretending", async () => {
    const excel = fakeWith(20, seedSheet());
    const settings = new FakeSettings();
    settings.saveAsync = (cb) => cb?.({ status: "failed", error: { message: "磁盘已满" } } as unknown as Office.AsyncResult<void>);
    const { host } = hostFor(excel, { settings });
    await expect(host.saveState(state)).rejects.toThrow("磁盘已满");
  });

  it("says plainly when Office settings are unavailable", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel, { settings: null });
    await expect(host.saveState(state)).rejects.toThrow("无法保存设置");
    expect((await host.loadState()).ignored).toEqual([]);
  });
});
