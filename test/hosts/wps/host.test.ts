/**
 * Every operation of the WPS host on the recording ET fake: mark, clear exactly what was marked,
 * go to a cell, fixes and template insertion end to end on the seed form (each write read back),
 * refusals before writing, undo by inverse steps where ET cannot roll back, state, live re-check.
 */
import { parseRange, rangeToA1, toA1 } from "../../../src/core/a1";
import { cellsOf } from "../../helpers/cells";
import { checkWorkbook } from "../../../src/core/engine";
import { MARK_COLORS, marksByCell } from "../../../src/core/marks";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { EditPlan } from "../../../src/core/plan/editPlan";
import { Finding } from "../../../src/core/rules/types";
import { SheetSnapshot } from "../../../src/core/snapshot";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { validate } from "../../../src/app/validate";
import { EtApp, activeDoc, bgr } from "../../../src/hosts/wps/et";
import { readWorkbook } from "../../../src/hosts/wps/read";
import { WpsHost, globalApplication, globalRoot } from "../../../src/hosts/wps/wpsHost";
import { FakeEtApp } from "./fakeEt";
import { fakeFrom, fixtureFake, hostOn, seedFake } from "./helpers";
import { readExample, toBytes } from "../../helpers/xlsx";
import { readXlsx } from "../../../src/hosts/file/read";
import { writeState } from "../../../src/hosts/file/state";

const WHITE = 16777215;
const cells = (s: SheetSnapshot) => {
  const out: Record<string, unknown> = {};
  s.values.forEach((row, i) => row.forEach((v, j) => v !== null && (out[`${s.originRow + i},${s.originCol + j}`] = v)));
  return out;
};
const merges = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();
const finding = (cell: string, severity: Finding["severity"] = "error"): Finding =>
  ({ rule: "t", severity, message: { zh: "x", en: "x" }, cells: cellsOf(cell) }) as unknown as Finding;

function smallSheet() {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = "a";
  ws.cell(0, 1).fill = { color: bgr("00FF00"), pattern: 1 };
  ws.cell(1, 0).fill = { color: WHITE, pattern: 1 };
  ws.cell(1, 1).v = 1;
  return { app, ws, host: hostOn(app) };
}

describe("marks", () => {
  test("fills in BGR, and clearing puts back no fill, a white fill and a green fill exactly", async () => {
    const { app, ws, host } = smallSheet();
    expect(await host.mark([finding("表!A1"), finding("表!B1", "warning"), finding("表!A2", "info"), finding("表!A1", "warning")])).toEqual(
      { marked: 3, warnings: [] },
    );
    expect(ws.fillAt("A1")?.color).toBe(bgr(MARK_COLORS.error));
    // BGR: FFC7CE (red FF, green C7, blue CE) is 0xCEC7FF.
    expect(ws.fillAt("A1")?.color).toBe(0xcec7ff);
    expect(ws.fillAt("B1")?.color).toBe(bgr(MARK_COLORS.warning));
    expect(ws.fillAt("A2")?.color).toBe(bgr(MARK_COLORS.info));
    expect(await host.hasMarks()).toBe(true);
    // The record is in a very hidden sheet, saved with the workbook.
    const rec = app.ActiveWorkbook.sheet("_BudgetFormMarks")!;
    expect(rec.Visible).toBe(2);
    expect(app.activeSheet).toBe("表");

    await host.clearMarks();
    expect(ws.fillAt("A1")).toBeUndefined();
    expect(ws.fillAt("B1")).toEqual({ color: bgr("00FF00"), pattern: 1 });
    expect(ws.fillAt("A2")).toEqual({ color: WHITE, pattern: 1 });
    expect(await host.hasMarks()).toBe(false);
  });

  test("marking again replaces the marks: a cell no longer flagged gets its own fill back, a re-flagged one keeps its record", async () => {
    const { ws, host } = smallSheet();
    await host.mark([finding("表!A1"), finding("表!B1")]);
    await host.mark([finding("表!B1", "info")]);
    expect(ws.fillAt("A1")).toBeUndefined();
    expect(ws.fillAt("B1")?.color).toBe(bgr(MARK_COLORS.info));
    await host.clearMarks();
    expect(ws.fillAt("B1")).toEqual({ color: bgr("00FF00"), pattern: 1 });
  });

  test("a fill the user changed after marking is theirs: clearing leaves it", async () => {
    const { ws, host } = smallSheet();
    await host.mark([finding("表!A1")]);
    ws.cell(0, 0).fill = { color: bgr("0000FF"), pattern: 1 };
    await host.clearMarks();
    expect(ws.fillAt("A1")?.color).toBe(bgr("0000FF"));
  });

  test("a restarted pane (a new host) clears the marks an earlier one made, from the workbook's record", async () => {
    const { app, ws, host } = smallSheet();
    await host.mark([finding("表!B1")]);
    await hostOn(app).clearMarks();
    expect(ws.fillAt("B1")).toEqual({ color: bgr("00FF00"), pattern: 1 });
  });

  test("a protected sheet is not marked and says so; screen updating is off while marking and back after", async () => {
    const { app, ws, host } = smallSheet();
    ws.ProtectContents = true;
    const out = await host.mark([finding("表!A1")]);
    expect(ws.fillAt("A1")).toBeUndefined();
    expect(out).toMatchObject({ marked: 0, warnings: [{ zh: expect.stringContaining("受保护") }] });
    expect(app.screenUpdates).toEqual([false, true]);
  });

  test("checking again with the same findings writes nothing to the workbook", async () => {
    const { app } = await seedFake();
    const host = hostOn(app);
    await validate(host);
    app.log = [];
    await validate(host);
    const writes = app.log.filter(
      (l) =>
        (l.endsWith("=") && !l.startsWith("Application.")) || ["Range.Insert", "Range.Merge", "Range.UnMerge", "Range.Clear"].includes(l),
    );
    expect(writes).toEqual([]);
  });

  test("marks are read back: a fill that did not take is not counted and is said", async () => {
    const { app, host } = smallSheet();
    app.dropFills = true;
    expect(await host.mark([finding("表!A1"), finding("表!A2")])).toEqual({
      marked: 0,
      warnings: [{ zh: "有 2 个单元格未能标记颜色。", en: "2 cell(s) could not be coloured." }],
    });
  });

  test("a record that cannot be saved takes the new fills back: no colour is left that nothing could clear", async () => {
    const { app, ws, host } = smallSheet();
    await host.mark([finding("表!A1")]);
    app.ActiveWorkbook.sheet("_BudgetFormMarks")!.ProtectContents = true;
    const out = await host.mark([finding("表!A1"), finding("表!A2")]);
    expect(out).toMatchObject({ marked: 0, warnings: [{ zh: expect.stringContaining("已撤销本次标记") }] });
    expect(ws.fillAt("A2")).toEqual({ color: WHITE, pattern: 1 });
    // The earlier mark is still on record and still clears.
    app.ActiveWorkbook.sheet("_BudgetFormMarks")!.ProtectContents = false;
    await host.clearMarks();
    expect(ws.fillAt("A1")).toBeUndefined();
  });

  test("settings that do not read back as written are an error, not a silent loss", async () => {
    const { app, host } = smallSheet();
    await host.saveState({ ignored: [], settings: { lang: "zh", liveCheck: true, config: {} } });
    app.ActiveWorkbook.sheet("_BudgetFormState")!.ProtectContents = true;
    await expect(host.saveState({ ignored: ["x@表!A1"], settings: { lang: "zh", liveCheck: true, config: {} } })).rejects.toThrow();
  });

  test("a sheet protected after marking: re-marking and clearing leave it alone and keep its record until it is unprotected", async () => {
    const { ws, host } = smallSheet();
    await host.mark([finding("表!A1"), finding("表!B1")]);
    ws.ProtectContents = true;
    expect(await host.mark([finding("表!A1")])).toMatchObject({ marked: 0, warnings: [{ zh: expect.stringContaining("受保护") }] });
    await host.clearMarks();
    expect(ws.fillAt("B1")?.color).toBe(bgr(MARK_COLORS.error));
    ws.ProtectContents = false;
    await host.clearMarks();
    expect(ws.fillAt("A1")).toBeUndefined();
    expect(ws.fillAt("B1")).toEqual({ color: bgr("00FF00"), pattern: 1 });
  });

  test("the one check flow marks the seed form's findings and clearing restores every original fill", async () => {
    const { app } = await seedFake();
    const before = new Map(
      app.ActiveWorkbook.sheets.map((s) => [s.name, JSON.stringify([...s.cells].map(([k, c]) => [k, c.fill ?? null]))]),
    );
    const host = hostOn(app);
    const result = await validate(host);
    expect(result.findings.length).toBeGreaterThan(0);
    const ws = app.ActiveWorkbook.sheets[0];
    // Each marked cell shows the colour of the most serious finding on it.
    const marks = marksByCell(result.findings);
    expect(marks.length).toBe(result.marked);
    for (const m of marks) expect(ws.fillAt(toA1(m.row, m.col))?.color).toBe(bgr(MARK_COLORS[m.severity]));
    await host.clearMarks();
    for (const s of app.ActiveWorkbook.sheets.filter((x) => before.has(x.name))) {
      expect(JSON.stringify([...s.cells].map(([k, c]) => [k, c.fill ?? null]).filter(([, f]) => f !== null))).toEqual(
        JSON.stringify((JSON.parse(before.get(s.name)!) as [string, unknown][]).filter(([, f]) => f !== null)),
      );
    }
  });
});

describe("marks in bulk", () => {
  test("one union range per severity: the seed form is checked and marked in ≤ 300 bridge calls", async () => {
    const { app } = await seedFake();
    const result = await validate(hostOn(app));
    expect(result.marked).toBeGreaterThan(5);
    const fills = app.log.filter((l) => l === "Interior.Color=").length;
    const severities = new Set(marksByCell(result.findings).map((m) => m.severity)).size;
    expect(fills).toBe(severities);
    expect(app.calls).toBeLessThanOrEqual(300);
  });

  test("hundreds of marked cells go in unions of at most 255 characters, and clearing restores each cell's own fill", async () => {
    const app = new FakeEtApp();
    const ws = app.ActiveWorkbook.addSheet("表");
    const findings: Finding[] = [];
    for (let r = 0; r < 300; r++) {
      ws.cell(r, 0).v = r;
      if (r % 3 === 1) ws.cell(r, 0).fill = { color: bgr("00FF00"), pattern: 1 };
      if (r % 3 === 2) ws.cell(r, 0).fill = { color: WHITE, pattern: 1 };
      findings.push(finding(`表!A${r + 1}`, r % 2 ? "error" : "warning"));
    }
    const host = hostOn(app);
    expect(await host.mark(findings)).toEqual({ marked: 300, warnings: [] });
    expect(app.log.filter((l) => l === "Interior.Color=").length).toBeLessThan(30);
    // The user re-fills one marked cell: it is theirs, the others go back to what they had.
    ws.cell(4, 0).fill = { color: bgr("0000FF"), pattern: 1 };
    await host.clearMarks();
    for (let r = 0; r < 300; r++) {
      const want =
        r === 4
          ? { color: bgr("0000FF"), pattern: 1 }
          : r % 3 === 1
            ? { color: bgr("00FF00"), pattern: 1 }
            : r % 3 === 2
              ? { color: WHITE, pattern: 1 }
              : undefined;
      expect([r, ws.fillAt(`A${r + 1}`)]).toEqual([r, want]);
    }
  });
});

describe("no workbook open", () => {
  test("every operation says so in words instead of failing on a null", async () => {
    const app = new FakeEtApp();
    (app as unknown as { ActiveWorkbook: null }).ActiveWorkbook = null;
    const host = hostOn(app);
    for (const op of [
      () => host.read(),
      () => host.mark([]),
      () => host.clearMarks(),
      () => host.goTo({ sheet: "表", row: 0, col: 0 }),
      () => host.loadState(),
    ]) {
      await expect(op()).rejects.toThrow("没有打开的工作簿");
    }
    expect(typeof host.onChange(() => undefined)).toBe("function");
  });
});

describe("older WPS builds", () => {
  const g = globalThis as { Application?: unknown; wps?: unknown };
  afterEach(() => {
    delete g.Application;
    delete g.wps;
  });

  test("without a global Application the ET object is wps.EtApplication(): the host reads the open workbook", async () => {
    const { app } = await seedFake();
    // The older root: the add-in functions on `wps`, the ET model behind EtApplication() (notes A.14).
    g.wps = { EtApplication: () => app, ApiEvent: app.ApiEvent };
    expect(globalApplication()).toBe(app);
    const { snapshot } = await new WpsHost().read();
    expect(snapshot.source).toBe("seed-form.xlsx");
    expect(snapshot.sheets.length).toBeGreaterThan(0);
    const off = new WpsHost().onChange(() => undefined);
    expect(app.listenerCount("SheetChange")).toBe(1);
    off();
  });

  test("with the global Application, that is both the root and the ET object", async () => {
    const { app } = await seedFake();
    g.Application = app;
    expect(globalApplication()).toBe(app);
    expect(globalRoot()).toBe(app);
  });
});

describe("go to cell", () => {
  test("activates the cell's sheet, then selects the cell", async () => {
    const app = new FakeEtApp();
    app.ActiveWorkbook.addSheet("封面");
    app.ActiveWorkbook.addSheet("申报 表");
    const host = hostOn(app);
    await host.goTo({ sheet: "申报 表", row: 4, col: 3 });
    expect(app.activeSheet).toBe("申报 表");
    expect(app.selection).toEqual({ sheet: "申报 表", area: parseRange("D5") });
  });

  test("a sheet renamed since the check is a clear message, not a crash", async () => {
    const app = new FakeEtApp();
    app.ActiveWorkbook.addSheet("表");
    await expect(hostOn(app).goTo({ sheet: "旧表", row: 0, col: 0 })).rejects.toThrow("找不到单元格 旧表!A1");
  });
});

describe("applying plans", () => {
  test("the safe fixes of a form with amounts typed as text, applied one by one and read back, equal the core's reference", async () => {
    const { app } = await fixtureFake("text-amounts.xlsx");
    const host = hostOn(app);
    let snap = (await host.read()).snapshot;
    const fixes = checkWorkbook(snap).findings.filter((f) => f.fix);
    expect(fixes.length).toBeGreaterThan(3);
    for (const f of fixes) {
      const reference = applyToWorkbook(snap, f.fix!);
      if (!reference.ok) throw new Error(reference.reason.zh);
      expect(await host.apply(f.fix!)).toEqual({ ok: true });
      const after = (await host.read()).snapshot;
      for (const sheet of after.sheets) {
        const want = reference.value.sheets.find((s) => s.name === sheet.name)!;
        expect(cells(sheet)).toEqual(cells(want));
        expect(merges(sheet)).toEqual(merges(want));
      }
      snap = after;
    }
    expect(checkWorkbook(snap).findings.filter((f) => f.fix)).toEqual([]);
    // "326.60" became the number 326.6 and still shows 326.60: the General cell took "0.00".
    const shown = snap.sheets.flatMap((s) => (s.texts ?? []).flat()).filter((t): t is string => !!t);
    expect(shown.some((t) => /^\d+\.\d0$/.test(t))).toBe(true);
  });

  test("a template inserted on the seed form: rows inserted, formats copied, merges repeated, values written, all read back", async () => {
    const { app } = await seedFake();
    const host = hostOn(app);
    await validate(host);
    const snap = (await host.read()).snapshot;
    const check = checkWorkbook(snap);
    const form = check.recognitions[0].forms[0];
    const plan = planInsertion(form.model, form.grid, findTemplate("quality.coverage")!);
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    const reference = applyToWorkbook(snap, plan);
    if (!reference.ok) throw new Error(reference.reason.zh);

    expect(await host.apply(plan)).toEqual({ ok: true });
    const after = (await host.read()).snapshot;
    expect(plan.edits.some((e) => e.op === "insertRows")).toBe(true);
    const name = plan.edits[0].sheet;
    const got = after.sheets.find((s) => s.name === name)!;
    const want = reference.value.sheets.find((s) => s.name === name)!;
    expect(cells(got)).toEqual(cells(want));
    expect(merges(got)).toEqual(merges(want));
    // No merge prompt was left waiting, and the clipboard's marching ants are off.
    expect(app.prompts).toEqual([]);
    expect(app.CutCopyMode).toBe(false);
    expect(app.screenUpdates.at(-1)).toBe(true);
    // The marks followed their cells: re-checking and clearing leaves no mark fill behind.
    await host.clearMarks();
    const colours = new Set(Object.values(MARK_COLORS).map(bgr));
    const ws = app.ActiveWorkbook.sheet(name)!;
    const left = [...ws.cells].filter(([, c]) => c.fill && colours.has(c.fill.color)).map(([k]) => k);
    const original = (await seedFake()).app.ActiveWorkbook.sheet(name)!;
    const had = [...original.cells].filter(([, c]) => c.fill && colours.has(c.fill.color)).length;
    expect(left.length).toBe(had);
  });

  test("a stale plan is refused before anything is written", async () => {
    const { app } = await fixtureFake("text-amounts.xlsx");
    const host = hostOn(app);
    const snap = (await host.read()).snapshot;
    const fix = checkWorkbook(snap).findings.find(
      (f) => f.fix && f.fix.edits.some((e) => e.op === "setValue" && e.expected !== undefined),
    )!;
    const e = fix.fix!.edits.find((x) => x.op === "setValue")!;
    if (e.op !== "setValue") throw new Error("a setValue edit");
    app.userEdit(e.sheet, toA1(e.row, e.col), "别人改过");
    const writes = app.log.length;
    const res = await host.apply(fix.fix!);
    expect(res.ok).toBe(false);
    expect(
      app.log
        .slice(writes)
        .filter((l) => (l.endsWith("=") && !l.startsWith("Application.")) || ["Range.Insert", "Range.Merge", "Range.UnMerge"].includes(l)),
    ).toEqual([]);
  });

  test("a fix that inserts no rows leaves the marks alone: a refused one writes nothing at all", async () => {
    const { app } = await fixtureFake("text-amounts.xlsx");
    const host = hostOn(app);
    const result = await validate(host);
    const fix = result.findings.find((f) => f.fix)!;
    const e = fix.fix!.edits[0];
    if (e.op !== "setValue") throw new Error("a setValue edit");
    app.userEdit(e.sheet, toA1(e.row, e.col), "别人改过");
    app.log = [];
    expect((await host.apply(fix.fix!)).ok).toBe(false);
    expect(
      app.log.filter(
        (l) => (l.endsWith("=") && !l.startsWith("Application.")) || ["Range.Insert", "Range.Merge", "Range.UnMerge"].includes(l),
      ),
    ).toEqual([]);
  });

  test("a protected sheet is refused up front with a clear message", async () => {
    const { app } = await fixtureFake("text-amounts.xlsx");
    const host = hostOn(app);
    const snap = (await host.read()).snapshot;
    const fix = checkWorkbook(snap).findings.find((f) => f.fix)!;
    app.ActiveWorkbook.sheet(fix.fix!.edits[0].sheet)!.ProtectContents = true;
    const res = await host.apply(fix.fix!);
    expect(res).toMatchObject({ ok: false, reason: { zh: expect.stringContaining("受保护") } });
  });

  test("merging cells that hold values would prompt: the host merges with DisplayAlerts off and puts it back", async () => {
    const app = new FakeEtApp();
    const ws = app.ActiveWorkbook.addSheet("表");
    ws.cell(0, 0).v = "标题";
    const host = hostOn(app);
    const plan: EditPlan = {
      title: { zh: "合并", en: "merge" },
      edits: [{ op: "merge", sheet: "表", range: parseRange("A1:C1") }],
    } as EditPlan;
    expect(await host.apply(plan)).toEqual({ ok: true });
    expect(ws.mergeList()).toEqual(["A1:C1"]);
    expect(app.DisplayAlerts).toBe(true);
    // Without the host's care the same merge, over a second value, prompts (and throws in the fake).
    ws.cell(1, 0).v = "a";
    ws.cell(1, 1).v = "b";
    expect(() => ws.Range("A2:B2").Merge()).toThrow("prompt");
    expect(app.prompts).toHaveLength(1);
  });

  test("a step that fails midway is undone by the inverse steps (ET has no rollback)", async () => {
    const { app } = await seedFake();
    const host = hostOn(app);
    const snap = (await host.read()).snapshot;
    const check = checkWorkbook(snap);
    const form = check.recognitions[0].forms[0];
    const plan = planInsertion(form.model, form.grid, findTemplate("quality.coverage")!);
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    const sheet = plan.edits[0].sheet;
    const before = snap.sheets.find((s) => s.name === sheet)!;
    // The insertion and the format copy go through; a later write fails.
    app.failAfter = 4;
    const res = await host.apply(plan);
    expect(res).toMatchObject({ ok: false, reason: { zh: expect.stringContaining("已恢复原状") } });
    // The screen is unfrozen and the merge alerts are back even though a call threw.
    expect(app.screenUpdates.at(-1)).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
    const now = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets.find((s) => s.name === sheet)!;
    expect(cells(now)).toEqual(cells(before));
    expect(merges(now)).toEqual(merges(before));
  });

  test("a step that does the wrong thing fails verification and is undone", async () => {
    const app = new FakeEtApp();
    const ws = app.ActiveWorkbook.addSheet("表");
    ws.cell(0, 0).v = "标题";
    ws.cell(3, 3).v = "别动";
    const host = hostOn(app);
    app.misMerge = parseRange("A1:D4");
    const plan = { title: { zh: "合并", en: "merge" }, edits: [{ op: "merge", sheet: "表", range: parseRange("A1:C1") }] } as EditPlan;
    const res = await host.apply(plan);
    expect(res.ok).toBe(false);
    expect(ws.mergeList()).toEqual([]);
    expect(ws.valueAt("D4")).toBe("别动");
  });
});

describe("report", () => {
  test("校验报告: the shared rows with links, a user's own sheet of that name left alone, our own reused", async () => {
    const { app } = await seedFake();
    const user = app.ActiveWorkbook.addSheet("校验报告");
    user.cell(0, 0).v = "我的笔记";
    const host = hostOn(app);
    const { findings } = await validate(host, { mark: false });
    await host.writeReport(findings, "zh");
    const ws = app.ActiveWorkbook.sheet("校验报告 2")!;
    expect(user.valueAt("A1")).toBe("我的笔记");
    expect(String(ws.valueAt("A1"))).toContain("校验报告");
    expect(ws.valueAt("A4")).toBe("序号");
    expect(ws.peek(4, 4)?.f).toMatch(/^=HYPERLINK\(/);
    expect(ws.mergeList()).toEqual(["A1:F1", "A2:F2"]);
    expect(ws.fillAt("A4")?.color).toBe(bgr("D9E1F2"));
    expect(ws.fillAt("B5")?.color).toBe(bgr(MARK_COLORS[findings[0].severity]));
    expect(app.activeSheet).toBe("校验报告 2");
    // Written again (fewer findings): the same sheet, nothing left from the longer report.
    await host.writeReport(findings.slice(0, 1), "zh");
    expect(app.ActiveWorkbook.sheets.filter((s) => s.name.startsWith("校验报告"))).toHaveLength(2);
    expect(ws.valueAt("A6")).toBeUndefined();
    expect(ws.valueAt("A5")).toBe(1);
  });
});

describe("state", () => {
  test("what the command line saved in the workbook is what WPS loads (the same hidden sheet)", async () => {
    const read = await readExample("seed-form.xlsx");
    const state = {
      ignored: ["rule@申报表!D5"],
      settings: { lang: "en" as const, liveCheck: false, config: { rules: { "budget/amount-invalid": "off" as const } } },
    };
    writeState(read.workbook, state);
    const again = await readXlsx(await toBytes(read.workbook), "seed-form.xlsx");
    expect(await hostOn(fakeFrom(again)).loadState()).toMatchObject(state);
  });

  test("saved in the same very hidden sheet the file host uses, and read back", async () => {
    const { app } = await seedFake();
    const host = hostOn(app);
    expect((await host.loadState()).ignored).toEqual([]);
    const state = { ignored: ["rule@申报表!D5"], settings: { lang: "en" as const, liveCheck: false, config: {} } };
    await host.saveState(state);
    expect(await hostOn(app).loadState()).toMatchObject(state);
    expect(app.ActiveWorkbook.sheet("_BudgetFormState")!.Visible).toBe(2);
    // A longer state shrinks again without leaving old chunks behind.
    await host.saveState({ ...state, ignored: Array.from({ length: 3000 }, (_, i) => `rule-${i}@申报表!D${i}`) });
    await host.saveState(state);
    expect(await host.loadState()).toMatchObject(state);
  });
});

describe("live re-check", () => {
  afterEach(() => jest.useRealTimers());

  test("the user's edits call back once, debounced; our own writes and hidden sheets do not", async () => {
    const { app } = await seedFake();
    // After loading: exceljs reads the file on real timers.
    jest.useFakeTimers();
    let t = 1000;
    const host = hostOn(app, { now: () => t, debounceMs: 100 });
    const heard = jest.fn();
    const stop = host.onChange(heard);
    const sheet = app.ActiveWorkbook.sheets[0].name;

    app.userEdit(sheet, "A1", "x");
    app.userEdit(sheet, "A2", "y");
    jest.advanceTimersByTime(100);
    expect(heard).toHaveBeenCalledTimes(1);

    await host.mark([finding(`${sheet}!A1`)]);
    await host.saveState({ ignored: [], settings: { lang: "zh", liveCheck: true, config: {} } });
    jest.advanceTimersByTime(1000);
    expect(heard).toHaveBeenCalledTimes(1);

    // An event WPS delivers late, just after our write, is still ours; one after the grace is not.
    app.queueEvents = true;
    await host.mark([finding(`${sheet}!A2`)]);
    app.userEdit(sheet, "A3", "z");
    t += 1000;
    app.flushEvents();
    jest.advanceTimersByTime(100);
    expect(heard).toHaveBeenCalledTimes(2);

    stop();
    expect(app.listenerCount("SheetChange")).toBe(0);
  });

  test("a live re-check after the user's edit writes no marks (undo is unverified in WPS); 一键校验 still marks", async () => {
    const { app } = await seedFake();
    let t = 1000;
    const host = hostOn(app, { debounceMs: 0, now: () => t });
    const first = await validate(host, { mark: true });
    expect(first.marked).toBeGreaterThan(0);
    // Past the grace in which a change is taken for our own write.
    t += 10_000;
    const sheet = app.ActiveWorkbook.sheets[0];
    const fills = () => JSON.stringify([...sheet.cells].map(([k, c]) => [k, c.fill ?? null]));
    let live: Promise<unknown> | null = null;
    const heard = new Promise<void>((done) =>
      host.onChange(() => {
        live = validate(host, { mark: true });
        done();
      }),
    );
    const before = fills();
    const writesBefore = app.log.filter((l) => l.startsWith("Interior.") && l.endsWith("=")).length;
    // The user's edit turns an amount into #DIV/0!: a new finding, a cell that would be marked.
    const [k] = [...sheet.cells].find(
      ([key, c]) => typeof c.v === "number" && !marksByCell(first.findings).some((m) => `${m.row},${m.col}` === key),
    )!;
    const [r, c] = k.split(",").map(Number);
    app.userEdit(sheet.name, toA1(r, c), { err: 2007 });
    await heard;
    await live;
    expect(app.log.filter((l) => l.startsWith("Interior.") && l.endsWith("=")).length).toBe(writesBefore);
    expect(fills()).toBe(before);
    // The user asks: marks follow the findings again.
    const again = await validate(host, { mark: true });
    const want = marksByCell(again.findings);
    expect(again.marked).toBe(want.length);
    expect(want.some((m) => m.row === r && m.col === c)).toBe(true);
    for (const m of want) expect(sheet.fillAt(toA1(m.row, m.col))?.color).toBe(bgr(MARK_COLORS[m.severity]));
  });
});

describe("bridge calls of an insertion (issue #22)", () => {
  test("a template insertion lists the workbook's sheets once, not once per step, and its reads stay in bulk", async () => {
    const { app } = await seedFake();
    const host = hostOn(app);
    await validate(host);
    const snap = (await host.read()).snapshot;
    const form = checkWorkbook(snap).recognitions[0].forms[0];
    const plan = planInsertion(form.model, form.grid, findTemplate("quality.coverage")!);
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    app.log = [];
    const res = await host.apply(plan);
    expect(res.ok).toBe(true);
    const n = (what: string) => app.log.filter((l) => l === what).length;
    // One listing per host call (Count once; one Name per sheet), however many steps look a sheet up.
    expect(n("Worksheets.Count")).toBe(1);
    expect(n("Worksheet.Name")).toBeLessThanOrEqual(3 + 2);
    // The touched sheet is read before and after (nothing failed, so no third read).
    expect(n("Range.Formula")).toBe(2);
  });
});
