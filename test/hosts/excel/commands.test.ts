/** @jest-environment jsdom */
import { OUTCOME_KEY, readLastOutcome, subscribeOutcome } from "../../../src/app/lastResult";
import { validate } from "../../../src/app/validate";
import { registerCommands, runValidateCommand } from "../../../src/commands/commands";
import { checkWorkbook } from "../../../src/core/engine";
import { ignoreKey } from "../../../src/hosts/host";
import { isMarkerFormula } from "../../../src/hosts/excel/markAreas";
import { seedSheet, workbook } from "../../helpers/forms";
import { FakeExcel } from "./fakeExcel";
import { fakeWith, hostFor } from "./helpers";

const markCount = (excel: FakeExcel) => excel.sheets.reduce((n, s) => n + s.cfs.filter((cf) => isMarkerFormula(cf.formula)).length, 0);

describe("ribbon command 一键校验", () => {
  beforeEach(() => localStorage.clear());

  it("validates, marks, tells the pane the counts, opens it on errors, then completes", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    const showPane = jest.fn(async () => undefined);
    const heard = jest.fn();
    const stop = subscribeOutcome(() => host.documentId(), heard);
    let marksWhenCompleted = -1;
    const event = { completed: jest.fn(() => (marksWhenCompleted = markCount(excel))) };
    await runValidateCommand(event, { host: () => host, showPane });
    stop();
    const expected = checkWorkbook(workbook(seedSheet())).summary;
    expect(expected.error).toBeGreaterThan(0);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(marksWhenCompleted).toBeGreaterThan(0);
    expect(showPane).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ summary: expected, ignored: 0, doc: host.documentId() }));
    expect(readLastOutcome(host.documentId())).toEqual(expect.objectContaining({ summary: expected }));
  });

  it("calls event.completed() even when validation throws, and reports the failure", async () => {
    const excel = fakeWith(20, seedSheet());
    const run = async () => {
      throw new Error("工作簿正在编辑");
    };
    const { host } = hostFor(excel, { run });
    const event = { completed: jest.fn() };
    const showPane = jest.fn(async () => {
      throw new Error("no shared runtime");
    });
    await expect(runValidateCommand(event, { host: () => host, showPane })).resolves.toBeUndefined();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(readLastOutcome(host.documentId())?.error?.zh).toContain("工作簿正在编辑");
  });

  it("calls event.completed() even when the host cannot be created", async () => {
    const event = { completed: jest.fn() };
    await runValidateCommand(event, {
      host: () => {
        throw new Error("Excel 未就绪");
      },
      showPane: async () => undefined,
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("leaves the pane closed when every finding is ignored in the workbook's settings", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    const all = checkWorkbook(workbook(seedSheet())).findings;
    await host.saveState({ ignored: all.map(ignoreKey), settings: { lang: "zh", liveCheck: true, config: {} } });
    const showPane = jest.fn(async () => undefined);
    await runValidateCommand({ completed: jest.fn() }, { host: () => host, showPane });
    expect(showPane).not.toHaveBeenCalled();
    expect(markCount(excel)).toBe(0);
    expect(readLastOutcome(host.documentId())).toEqual(
      expect.objectContaining({ summary: { error: 0, warning: 0, info: 0 }, ignored: all.length }),
    );
  });

  it("registers validateWorkbook with Office.actions.associate and on the page for older runtimes", async () => {
    const associate = jest.fn();
    const g = globalThis as unknown as { Office?: unknown; validateWorkbook?: unknown };
    g.Office = { actions: { associate } };
    try {
      const excel = fakeWith(20, seedSheet());
      const { host } = hostFor(excel);
      registerCommands({ host: () => host, showPane: async () => undefined });
      expect(associate).toHaveBeenCalledWith("validateWorkbook", expect.any(Function));
      expect(g.validateWorkbook).toBe(associate.mock.calls[0][1]);
      const event = { completed: jest.fn() };
      (associate.mock.calls[0][1] as (e: unknown) => void)(event);
      await new Promise((r) => setTimeout(r, 50));
      expect(event.completed).toHaveBeenCalledTimes(1);
      expect(markCount(excel)).toBeGreaterThan(0);
    } finally {
      delete g.Office;
      delete g.validateWorkbook;
    }
  });

  it("hears another page's outcomes through storage events only for its own document, and only when asked to", () => {
    const heard = jest.fn();
    const stop = subscribeOutcome(() => "url:a.xlsx", heard, { crossPage: true });
    const event = (doc: string | undefined) =>
      new StorageEvent("storage", {
        key: OUTCOME_KEY,
        newValue: JSON.stringify({ at: 1, doc, summary: { error: 2, warning: 0, info: 0 } }),
      });
    window.dispatchEvent(event("url:b.xlsx"));
    window.dispatchEvent(event(undefined));
    window.dispatchEvent(new StorageEvent("storage", { key: "other", newValue: "x" }));
    window.dispatchEvent(event("url:a.xlsx"));
    stop();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0][0]).toEqual(expect.objectContaining({ doc: "url:a.xlsx", summary: { error: 2, warning: 0, info: 0 } }));

    const samePageOnly = jest.fn();
    const stop2 = subscribeOutcome(() => "url:a.xlsx", samePageOnly);
    window.dispatchEvent(event("url:a.xlsx"));
    stop2();
    expect(samePageOnly).not.toHaveBeenCalled();
  });

  // Issue #21: localStorage is not partitioned in Office on Windows, so every open workbook's pane heard
  // every 一键校验 and re-checked with marks, writing into workbooks nobody asked to check.
  it("一键校验 in one workbook neither re-checks nor re-marks another open workbook's pane", async () => {
    const { loadExcel } = await import("../../../src/taskpane/loadExcel");
    const a = fakeWith(20, seedSheet());
    const b = fakeWith(20, seedSheet());
    const hostA = hostFor(a, { documentId: "page:a" }).host;
    const hostB = hostFor(b, { documentId: "page:b" }).host;
    const paneB = await loadExcel();
    const recheckB = jest.fn();
    // The other document's pane, subscribed as the pane does, through its own host's identity.
    const stopB = subscribeOutcome(
      () => hostB.documentId(),
      () => recheckB(),
    );
    const recheckOwn = jest.fn();
    const stopOwn = paneB.onRibbonCheck(recheckOwn);
    await runValidateCommand({ completed: jest.fn() }, { host: () => hostA, showPane: async () => undefined });
    // The same outcome arriving from another page (an unpartitioned localStorage) is not heard either.
    window.dispatchEvent(new StorageEvent("storage", { key: OUTCOME_KEY, newValue: localStorage.getItem(OUTCOME_KEY) }));
    stopB();
    stopOwn();
    expect(markCount(a)).toBeGreaterThan(0);
    expect(recheckB).not.toHaveBeenCalled();
    expect(recheckOwn).not.toHaveBeenCalled();
    expect(markCount(b)).toBe(0);
  });

  it("the pane that shares the ribbon's runtime hears its own document's check in process", async () => {
    const { loadExcel } = await import("../../../src/taskpane/loadExcel");
    const pane = await loadExcel();
    const heard = jest.fn();
    const stop = pane.onRibbonCheck(heard);
    const excel = fakeWith(20, seedSheet());
    const ribbon = hostFor(excel, { documentId: pane.host.documentId!()! }).host;
    await runValidateCommand({ completed: jest.fn() }, { host: () => ribbon, showPane: async () => undefined });
    stop();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});

describe("validate()", () => {
  it("marks only the findings the user has not ignored, and counts agree with the list", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    const all = checkWorkbook(workbook(seedSheet())).findings;
    const skip = all.filter((f) => f.severity === "error" && f.cells.length > 0).slice(0, 1);
    expect(skip).toHaveLength(1);
    const result = await validate(host, { state: { ignored: skip.map(ignoreKey), settings: { lang: "zh", liveCheck: true, config: {} } } });
    expect(result.ignored).toBe(1);
    expect(result.findings).toHaveLength(all.length - 1);
    expect(result.summary.error).toBe(all.filter((f) => f.severity === "error").length - 1);
    expect(result.forms.flatMap((f) => f.findings).every((f) => ignoreKey(f) !== ignoreKey(skip[0]))).toBe(true);
    expect(markCount(excel)).toBeGreaterThan(0);
  });

  it("can check without marking", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    await validate(host, { mark: false });
    expect(markCount(excel)).toBe(0);
  });
});
