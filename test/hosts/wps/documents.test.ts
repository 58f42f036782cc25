/**
 * Issue #21 on the ET fake with two workbooks: a WPS host is bound to the workbook it first read (the
 * object and its FullName). After the user switches windows, or closes the workbook, every call that
 * would touch a workbook refuses in words and nothing is written to either; the pane is told to start
 * afresh on the workbook in front. Two units' copies of one template have the same anchors, so a fix
 * looked up anew on Application.ActiveWorkbook used to land in the other copy.
 */
import { toA1 } from "../../../src/core/a1";
import { MARK_COLORS } from "../../../src/core/marks";
import { validate } from "../../../src/app/validate";
import { DEFAULT_SETTINGS } from "../../../src/hosts/host";
import { EtApp, bgr } from "../../../src/hosts/wps/et";
import { DocumentChangedError, WpsHost } from "../../../src/hosts/wps/wpsHost";
import { FakeEtApp, FakeEtWorkbook } from "./fakeEt";
import { fixtureFake } from "./helpers";
import { loadSheet } from "./load";

const colours = new Set(Object.values(MARK_COLORS).map(bgr));
const marked = (wb: FakeEtWorkbook) => wb.sheets.some((s) => [...s.cells.values()].some((c) => c.fill && colours.has(c.fill.color)));
const content = (wb: FakeEtWorkbook) => JSON.stringify(wb.sheets.map((s) => [s.name, [...s.cells], s.merges]));

/** Form A (active first) and an identical copy B from another unit, opened later; A is active again. */
async function twoCopies() {
  const { app, read } = await fixtureFake("text-amounts.xlsx");
  const a = app.books[0];
  const b = app.open("乙单位.xlsx");
  for (const s of read.snapshot.sheets) loadSheet(app, s);
  app.activate(a);
  const changed = jest.fn();
  const host = new WpsHost({ app: app as unknown as EtApp, onDocumentChanged: changed });
  return { app, a, b, host, changed };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("a WPS host is bound to one workbook", () => {
  test("after a window switch, 修复 is refused and writes into neither workbook", async () => {
    const { app, a, b, host, changed } = await twoCopies();
    const result = await validate(host);
    const fix = result.findings.find((f) => f.fix)!;
    expect(fix).toBeDefined();
    expect(marked(a)).toBe(true);
    const before = { a: content(a), b: content(b) };
    app.activate(b);
    const res = await host.apply(fix.fix!);
    expect(res).toMatchObject({
      ok: false,
      reason: { zh: expect.stringContaining("乙单位.xlsx"), en: expect.stringContaining("乙单位.xlsx") },
    });
    if (!res.ok) expect(res.reason.zh).toContain("未做任何修改");
    expect(content(a)).toBe(before.a);
    expect(content(b)).toBe(before.b);
    await settle();
    expect(changed).toHaveBeenCalled();
    // Back in A's window the same fix goes where it belongs.
    app.activate(a);
    expect((await host.apply(fix.fix!)).ok).toBe(true);
    expect(content(a)).not.toBe(before.a);
    expect(content(b)).toBe(before.b);
  });

  test("marks, state, the report and goTo are refused after a switch; the other workbook gets no sheet, fill or state", async () => {
    const { app, b, host } = await twoCopies();
    const result = await validate(host);
    app.activate(b);
    const bBefore = content(b);
    const names = b.sheets.map((s) => s.name);
    for (const op of [
      () => host.read(),
      () => host.mark(result.findings),
      () => host.clearMarks(),
      () => host.loadState(),
      () => host.saveState({ ignored: ["x@A1"], settings: DEFAULT_SETTINGS }),
      () => host.writeReport(result.findings, "zh"),
      () => host.goTo(result.findings[0].cells[0]),
    ]) {
      await expect(op()).rejects.toThrow(DocumentChangedError);
    }
    expect(content(b)).toBe(bBefore);
    expect(b.sheets.map((s) => s.name)).toEqual(names);
    expect(marked(b)).toBe(false);
  });

  test("a closed workbook is said to be closed; nothing is written to the one now active", async () => {
    const { app, a, b, host } = await twoCopies();
    const result = await validate(host);
    const bBefore = content(b);
    app.close(a);
    await expect(host.mark(result.findings)).rejects.toThrow("已关闭");
    const res = await host.apply(result.findings.find((f) => f.fix)!.fix!);
    expect(res).toMatchObject({ ok: false, reason: { zh: expect.stringContaining("已关闭") } });
    expect(content(b)).toBe(bBefore);
  });

  test("the id names the workbook bound, not the window in front", async () => {
    const { app, a, b, host } = await twoCopies();
    expect(host.documentId()).toBeNull();
    await host.read();
    expect(host.documentId()).toBe(`wps:${a.FullName}`);
    app.activate(b);
    expect(host.documentId()).toBe(`wps:${a.FullName}`);
    const other = new WpsHost({ app: app as unknown as EtApp });
    await other.read();
    expect(other.documentId()).toBe(`wps:${b.FullName}`);
  });

  test("an edit in another workbook does not re-check this one; an edit in this one does", async () => {
    const { app, a, b, host } = await twoCopies();
    await host.read();
    jest.useFakeTimers();
    try {
      let heard = 0;
      const stop = host.onChange(() => heard++);
      const sheet = a.sheets[0].name;
      app.userEdit(sheet, toA1(30, 1), "乙单位的修改", b);
      jest.runAllTimers();
      expect(heard).toBe(0);
      app.userEdit(sheet, toA1(30, 1), "本表的修改", a);
      jest.runAllTimers();
      stop();
      expect(heard).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  test("with no workbook open every call says so", async () => {
    const app = new FakeEtApp();
    app.close(app.books[0]);
    const host = new WpsHost({ app: app as unknown as EtApp });
    await expect(host.read()).rejects.toThrow("没有打开的工作簿");
  });
});
