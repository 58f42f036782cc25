/**
 * The Excel host against the strict fake's documented behaviours (see fakeExcel.ts for the doc page of
 * each): undo history, cell-edit mode, co-authoring events, stale conditional-format ids, typed-input
 * parsing, formats copied to inserted rows, size limits and settings saves. Each test failed on the
 * host as it was before issue #8.
 */
import { rangeToA1 } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { validate } from "../../../src/app/validate";
import { ExcelHost } from "../../../src/hosts/excel/excelHost";
import { isMarkerFormula } from "../../../src/hosts/excel/markAreas";
import { capsFor } from "../../../src/hosts/excel/capabilities";
import { ExcelRun } from "../../../src/hosts/excel/runner";
import { HostBusyError, WorkbookState } from "../../../src/hosts/host";
import { seedSheet } from "../../helpers/forms";
import { FakeError, FakeExcel, FakeSettings, FakeSheet, typedInput, userRule } from "./fakeExcel";
import { fakeWith, finding, hostFor } from "./helpers";
import { cellAt } from "../../helpers/cells";

const ours = (s: FakeSheet) => s.cfs.filter((cf) => isMarkerFormula(cf.formula));
const plan = (...edits: EditPlan["edits"]): EditPlan => ({ title: { zh: "修改", en: "Change" }, edits });

/** Cells our rules colour, as A1 strings. */
function markedCells(s: FakeSheet): Set<string> {
  const cells = new Set<string>();
  for (const cf of ours(s))
    for (const r of cf.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let c = r.left; c <= r.right; c++) cells.add(rangeToA1({ top: row, bottom: row, left: c, right: c }));
  return cells;
}

/** What the pane does on every change event with marks on: read, check, mark. */
function liveCheck(host: ExcelHost): () => void {
  return host.onChange(() => {
    void (async () => {
      const wb = (await host.read()).snapshot;
      await host.mark(checkWorkbook(wb).findings);
    })();
  });
}

describe("undo history (1): a live re-check writes nothing when the marks would not change", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([20, 14])(
    "typing ten values creates no undo record from the add-in and never clears the stack (ExcelApi 1.%i)",
    async (minor) => {
      const excel = fakeWith(minor, seedSheet());
      excel.sheet("说明", (s) => s.put("A1", [["备注"]]));
      const { host } = hostFor(excel);
      await host.mark(checkWorkbook((await host.read()).snapshot).findings);
      const stop = liveCheck(host);
      await jest.advanceTimersByTimeAsync(0);
      excel.undo = [];
      excel.undoClears = 0;
      const syncsBefore = excel.writeSyncs.length;
      for (let i = 0; i < 10; i++) {
        excel.userEdit("说明", `B${i + 1}`, `第 ${i + 1} 条`);
        // Slower than the debounce, so every keystroke gets its own re-check.
        await jest.advanceTimersByTimeAsync(600);
      }
      stop();
      expect(excel.runs.length).toBeGreaterThan(10);
      expect(excel.writeSyncs.length).toBe(syncsBefore);
      expect(excel.addinUndoRecords).toBe(0);
      expect(excel.undoClears).toBe(0);
      expect(excel.undo.filter((u) => u.by === "user")).toHaveLength(10);
    },
  );

  it("re-marks when the findings change, as one undo record (mergeUndoGroup, ExcelApi 1.20)", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    await host.mark([finding("a", "error", "申报表!D8")]);
    excel.undo = [];
    await host.mark([finding("a", "error", "申报表!D9"), finding("b", "warning", "申报表!F8")]);
    expect(excel.addinUndoRecords).toBe(1);
    expect([...markedCells(excel.find("申报表")!)].sort()).toEqual(["D9", "F8"]);
  });

  it("gathers a burst of settings saves into one saveAsync, and skips a save that changes nothing", async () => {
    const excel = fakeWith(20, seedSheet());
    const settings = new FakeSettings(excel);
    const host = new ExcelHost({ run: excel.run, caps: capsFor(20), settings, saveDelayMs: 1000 });
    const base: WorkbookState = { ignored: [], settings: { lang: "zh", liveCheck: true, config: {} } };
    const saves = [1, 2, 3, 4, 5].map((n) =>
      host.saveState({ ...base, ignored: Array.from({ length: n }, (_, i) => `r@申报表!D${i + 1}`) }),
    );
    // Until the save lands, loading gives what was asked for, not the document's older copy.
    expect((await host.loadState()).ignored).toHaveLength(5);
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all(saves);
    expect(settings.saves).toBe(1);
    expect((settings.saved.get("budgetFormAssistant.state") as WorkbookState).ignored).toHaveLength(5);
    const again = host.saveState({ ...base, ignored: Array.from({ length: 5 }, (_, i) => `r@申报表!D${i + 1}`) });
    await jest.advanceTimersByTimeAsync(1000);
    await again;
    expect(settings.saves).toBe(1);
  });

  it("reports a failed or oversized save instead of losing it silently", async () => {
    const excel = fakeWith(20, seedSheet());
    const settings = new FakeSettings(excel);
    const host = new ExcelHost({ run: excel.run, caps: capsFor(20), settings, saveDelayMs: 0 });
    settings.failNextSave = true;
    const base: WorkbookState = { ignored: ["x@申报表!D8"], settings: { lang: "zh", liveCheck: true, config: {} } };
    const failed = expect(host.saveState(base)).rejects.toThrow("保存设置失败");
    await jest.advanceTimersByTimeAsync(0);
    await failed;
    settings.maxBytes = 100;
    const big = expect(host.saveState({ ...base, ignored: Array.from({ length: 50 }, (_, i) => `rule@申报表!D${i}`) })).rejects.toThrow(
      "exceed",
    );
    await jest.advanceTimersByTimeAsync(0);
    await big;
  });
});

describe("one queue for every Excel.run (4): conditional formats are addressed by priority", () => {
  it("the pane re-marking while the ribbon validates never deletes the user's own rule", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    const users = userRule(sheet, "H1:H3", "Custom", "=H1>0", "#00B050");
    const pane = hostFor(excel).host;
    await pane.mark([finding("a", "error", "申报表!D8")]);
    // Without a shared runtime the ribbon builds its own host on the same Excel.
    const ribbon = hostFor(excel).host;
    excel.resetLog();
    const [, result] = await Promise.all([
      pane.mark([finding("a", "error", "申报表!D9")]),
      validate(ribbon, { state: { ignored: [], settings: { lang: "zh", liveCheck: true, config: {} } } }),
    ]);
    expect(sheet.cfs).toContain(users);
    expect(excel.maxActiveRuns).toBe(1);
    // The ribbon's run came last: exactly its marks are left, as if it had run alone on a clean copy.
    const alone = fakeWith(20, seedSheet());
    await hostFor(alone).host.mark(result.findings);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(markedCells(sheet)).toEqual(markedCells(alone.find("申报表")!));
    expect(ours(sheet)).toHaveLength(ours(alone.find("申报表")!).length);
  });

  it("a stale id deletes whatever rule now has that priority (the fake models it)", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    const first = userRule(sheet, "A1", "Custom", "=A1>0");
    const second = userRule(sheet, "B1", "Custom", "=B1>0");
    const run = excel.run;
    await run(null, async (ctx) => {
      const formats = ctx.workbook.worksheets.getItem("申报表").getRange().conditionalFormats;
      formats.load("items/type");
      await ctx.sync();
      sheet.cfs.splice(0, 1); // a co-author deletes the first rule between the two syncs
      formats.items[0].delete();
      await ctx.sync();
    });
    expect(sheet.cfs).not.toContain(first);
    expect(sheet.cfs).not.toContain(second);
  });
});

describe("cell-edit mode (5)", () => {
  it("a read waits while the user is typing instead of failing", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    excel.startCellEdit();
    let done = false;
    const read = host.read().then((wb) => {
      done = true;
      return wb;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    excel.endCellEdit();
    expect((await read).snapshot.sheets).toHaveLength(1);
  });

  it("marks wait too, and an Excel that ignores delayForCellEdit gives a quiet 'busy', not an error", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    excel.startCellEdit();
    const marking = host.mark([finding("a", "error", "申报表!D8")]);
    setTimeout(() => excel.endCellEdit(), 10);
    await marking;
    expect(markedCells(excel.find("申报表")!)).toEqual(new Set(["D8"]));

    const old: ExcelRun = (first, batch) => excel.run(null, batch); // drops the run options
    const legacy = hostFor(excel, { run: old }).host;
    excel.startCellEdit();
    await expect(legacy.read()).rejects.toBeInstanceOf(HostBusyError);
    excel.endCellEdit();
  });
});

describe("co-authoring (6)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("a co-author's edits never trigger a check; they are checked once when the user comes back to the pane", async () => {
    const excel = fakeWith(20, seedSheet());
    const focus = new EventTarget();
    const { host } = hostFor(excel, { focusEvents: focus });
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) excel.remoteEdit("申报表", `D${8 + i}`, i);
    await jest.advanceTimersByTimeAsync(1000);
    expect(listener).not.toHaveBeenCalled();
    focus.dispatchEvent(new Event("focus"));
    await jest.advanceTimersByTimeAsync(500);
    expect(listener).toHaveBeenCalledTimes(1);
    // Nothing new from co-authors: coming back again checks nothing.
    focus.dispatchEvent(new Event("focus"));
    await jest.advanceTimersByTimeAsync(500);
    expect(listener).toHaveBeenCalledTimes(1);
    excel.userEdit("申报表", "D9", 7);
    await jest.advanceTimersByTimeAsync(500);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe("text written as text (8)", () => {
  it("the fake parses strings like typed input", () => {
    expect(typedInput("95%")).toBe(0.95);
    expect(typedInput("100")).toBe(100);
    expect(typedInput("1,234.5")).toBe(1234.5);
    expect(typedInput("2025-12-31")).toBe(46022);
    expect(typedInput("TRUE")).toBe(true);
    expect(typedInput("#N/A")).toEqual({ error: "#N/A" });
    expect(typedInput("'95%")).toBe("95%");
    expect(typedInput("≥95%")).toBe("≥95%");
  });

  it.each(["95%", "100", "2025-12-31", "-5", "TRUE", "#N/A", "'引号", "１００", "=1+1", "€5", "Dec 31"])(
    "a template value %s is stored as that text",
    async (text) => {
      const excel = fakeWith(20, seedSheet());
      const { host } = hostFor(excel);
      const sheet = excel.find("申报表")!;
      expect(await host.apply(plan(setValue(cellAt("申报表", "H40"), text, null)))).toEqual({ ok: true });
      expect(sheet.get(39, 7)).toBe(text);
      expect(sheet.cells.get("39,7")?.formula).toBeUndefined();
    },
  );

  it("text that Excel keeps as typed is written unchanged", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    await host.apply(plan(setValue(cellAt("申报表", "H40"), "≥95%", null)));
    expect(excel.writeSyncs.at(-1)!.writes).toEqual(["values="]);
    expect(excel.find("申报表")!.get(39, 7)).toBe("≥95%");
  });
});

describe("inserted rows (9)", () => {
  it("copyFrom(Formats) in the fake copies merges and conditional formats", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    sheet.merges = [{ top: 0, bottom: 0, left: 20, right: 21 }];
    const rule = userRule(sheet, "U1", "Custom", "=U1>0");
    await excel.run(null, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("申报表");
      ws.getRange("U3:V4").copyFrom(ws.getRange("U1:V1"), "Formats");
      await ctx.sync();
    });
    expect(sheet.merges.map(rangeToA1).sort()).toEqual(["U1:V1", "U3:V3", "U4:V4"]);
    expect(rule.ranges.map(rangeToA1)).toEqual(["U1", "U3", "U4"]);
  });

  it("new rows do not inherit marks; marked cells keep theirs at their new place", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    const { host } = hostFor(excel);
    await host.read();
    // Marks on the row the formats are copied from and on cells above and below the insertion point.
    await host.mark([finding("a", "error", "申报表!C24:E24"), finding("b", "warning", "申报表!B23:B27")]);
    const res = await host.apply(plan({ op: "insertRows", sheet: "申报表", row: 24, count: 2, formatFrom: 23 }));
    expect(res).toEqual({ ok: true });
    const marked = markedCells(sheet);
    // Findings point at cells: each marked cell keeps its mark where its row went (B25:B27 → B27:B29),
    // and the two new rows, which no finding names, stay unmarked even inside the marked column.
    for (const c of ["C25", "D25", "E25", "C26", "D26", "E26", "B25", "B26"]) expect(marked.has(c)).toBe(false);
    for (const c of ["C24", "D24", "E24", "B23", "B24", "B27", "B28", "B29"]) expect(marked.has(c)).toBe(true);
    expect(marked.size).toBe(8);
  });
});

describe("size limits (7)", () => {
  it("edits a sheet whose formatting reaches far past the 5-million-cell read limit", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.find("申报表")!.formattedTo = { rows: 1_048_576, cols: 16 };
    const { host } = hostFor(excel);
    expect(await host.apply(plan(setValue(cellAt("申报表", "H40"), 5, null)))).toEqual({ ok: true });
    expect(excel.find("申报表")!.get(39, 7)).toBe(5);
  });

  it("refuses, changing nothing, when even the values of a sheet are too large to read", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.find("申报表")!.claimed = { rows: 1_000_000, cols: 6 };
    const { host } = hostFor(excel);
    const res = await host.apply(plan(setValue(cellAt("申报表", "H40"), 5, null)));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reason.zh).toContain("太大");
    expect(excel.writeSyncs).toHaveLength(0);
  });

  it("a sheet deleted during a read is read again, not reported as a merged-cell problem", async () => {
    const excel = fakeWith(20, seedSheet());
    let first = true;
    const flaky: ExcelRun = (opts, batch) => {
      if (first) {
        first = false;
        return Promise.reject(new FakeError("ItemNotFound", "sheet deleted by a co-author"));
      }
      return excel.run(opts, batch);
    };
    const { host } = hostFor(excel, { run: flaky });
    const { snapshot: wb, warnings } = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["申报表"]);
    expect(warnings).toEqual([]);
  });
});

describe("the strict fake itself", () => {
  it("rejects a proxy used after its Excel.run ended", async () => {
    const excel = fakeWith(20, seedSheet());
    const range = await excel.run(null, async (ctx) => ctx.workbook.worksheets.getItem("申报表").getRange("A1"));
    expect(() => range.load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("rejects writes to a protected sheet and counts undo per write sync", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    sheet.protected = true;
    await expect(
      excel.run(null, async (ctx) => {
        ctx.workbook.worksheets.getItem("申报表").getRange("A1").values = [["x"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    sheet.protected = false;
    await excel.run(null, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("申报表");
      ws.getRange("H1").values = [["x"]];
      await ctx.sync();
      ws.getRange("H2").values = [["y"]];
      await ctx.sync();
    });
    expect(excel.addinUndoRecords).toBe(2);
  });

  it("merge keeps only the top-left value; inserting rows moves formulas with the cells", async () => {
    const excel = new FakeExcel({ minor: 20 });
    const s = excel.sheet("表", (x) => {
      x.put("A1", [["左上", "右"]]);
      x.set(4, 0, 3, "=SUM(A3:A4)");
    });
    await excel.run(null, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("表");
      ws.getRange("A1:B1").merge(false);
      ws.getRange("2:2").insert("Down");
      await ctx.sync();
    });
    expect(s.get(0, 0)).toBe("左上");
    expect(s.get(0, 1)).toBeNull();
    expect(s.cells.get("5,0")?.formula).toBe("=SUM(A4:A5)");
  });
});
