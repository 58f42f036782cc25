import { formatRef, parseRange } from "../../../src/core/a1";
import { readFileSync } from "fs";
import { checkWorkbook } from "../../../src/core/engine";
import { markArgb } from "../../../src/core/marks";
import { setValue } from "../../../src/core/plan/editPlan";
import { DEFAULT_SETTINGS, WorkbookState } from "../../../src/hosts/host";
import { FileHost, FileHostEvent } from "../../../src/hosts/file/fileHost";
import { readXlsx } from "../../../src/hosts/file/read";
import { STATE_NAME, STATE_SHEET } from "../../../src/hosts/file/state";
import { FileReadError } from "../../../src/hosts/file/errors";
import { examplePath, fixturePath } from "../../helpers/xlsx";
import { cellAt } from "../../helpers/cells";

const solidFill = (fill: unknown) => ((fill as { pattern?: string } | undefined)?.pattern === "solid" ? fill : undefined);
const open = (name: string) => FileHost.fromData(readFileSync(examplePath(name)), name);

describe("FileHost", () => {
  test("read() gives the snapshot of every sheet, named after the file", async () => {
    const host = await open("seed-form.xlsx");
    expect(host.kind).toBe("file");
    const snap = (await host.read()).snapshot;
    expect(snap.source).toBe("seed-form.xlsx");
    expect(snap.sheets.map((s) => s.name)).toEqual(["申报表"]);
    expect((await host.read()).snapshot).toBe(snap);
  });

  test("bad bytes reject with the FileReadError", async () => {
    await expect(FileHost.fromData(readFileSync(fixturePath("csv-renamed.xlsx")), "x.xlsx")).rejects.toBeInstanceOf(FileReadError);
  });

  test("mark() keeps marks in memory and tells subscribers; clearMarks() removes them", async () => {
    const host = await open("seed-form.xlsx");
    const events: FileHostEvent[] = [];
    const off = host.subscribe((e) => events.push(e));
    const read = await host.read();
    expect(read.warnings).toEqual([]);
    const findings = checkWorkbook(read.snapshot).findings;
    const outcome = await host.mark(findings);
    const marks = host.getMarks();
    // One per distinct cell, however many findings share it.
    expect(outcome).toEqual({ marked: new Set(findings.flatMap((f) => f.cells.map(formatRef))).size, warnings: [] });
    expect(outcome.marked).toBe(marks.length);
    const at = (a1: string) => marks.find((m) => formatRef(m) === a1);
    expect(marks.map((m) => formatRef(m))).toEqual(expect.arrayContaining(["申报表!E41", "申报表!B43", "申报表!E25"]));
    expect(at("申报表!E41")!.severity).toBe("error");
    // E25 carries several findings (unit, vague wording, missing operator): one mark lists them all.
    const onE25 = findings.filter((f) => f.cells.some((c) => formatRef(c) === "申报表!E25"));
    expect(onE25.length).toBeGreaterThan(1);
    expect(at("申报表!E25")!.findings).toEqual(onE25);
    expect(events).toEqual([{ type: "marks", marks }]);
    await host.clearMarks();
    expect(host.getMarks()).toEqual([]);
    expect(events[1]).toEqual({ type: "marks", marks: [] });
    off();
    await host.mark(findings);
    expect(events.length).toBe(2);
    // The workbook itself is not marked: marks are drawn by the preview.
    expect(solidFill(host.excelWorkbook.getWorksheet("申报表")!.getCell("E41").fill)).toBeUndefined();
  });

  test("goTo() records the selection and notifies", async () => {
    const host = await open("seed-form.xlsx");
    const events: FileHostEvent[] = [];
    host.subscribe((e) => events.push(e));
    await host.goTo({ sheet: "申报表", row: 43, col: 2 });
    expect(host.getSelection()).toEqual({ sheet: "申报表", row: 43, col: 2 });
    await host.goTo({ sheet: "申报表", row: 4, col: 3 });
    expect(host.getSelection()).toEqual({ sheet: "申报表", row: 4, col: 3 });
    expect(events).toEqual([
      { type: "selection", sheet: "申报表", row: 43, col: 2 },
      { type: "selection", sheet: "申报表", row: 4, col: 3 },
    ]);
  });

  test("apply() changes the workbook, re-reads it and calls onChange listeners", async () => {
    const host = await open("corrected-form.xlsx");
    const changed = jest.fn();
    const off = host.onChange(changed);
    const before = (await host.read()).snapshot;
    // A change that adds no error (applied plans are verified: one that adds an error is undone, below).
    const r = await host.apply({
      title: { zh: "改名称", en: "rename" },
      edits: [setValue(cellAt("申报表", "B5"), "白云区科协", "广州市白云区科学技术协会(部门)")],
    });
    expect(r).toEqual({ ok: true });
    expect(changed).toHaveBeenCalledTimes(1);
    const after = (await host.read()).snapshot;
    expect(after).not.toBe(before);
    expect(after.sheets[0].values[5 - 1 - after.sheets[0].originRow][1 - after.sheets[0].originCol]).toBe("白云区科协");
    off();
    await host.apply({ title: { zh: "再改", en: "again" }, edits: [setValue(cellAt("申报表", "B5"), "科协", "白云区科协")] });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  test("a plan that would add an error is undone and says why", async () => {
    const host = await open("corrected-form.xlsx");
    const changed = jest.fn();
    host.onChange(changed);
    const r = await host.apply({ title: { zh: "改金额", en: "fix amount" }, edits: [setValue(cellAt("申报表", "D8"), 300, 326.6)] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/^“改金额”应用后核对未通过,已撤销,表格未被修改:出现新的错误:支出合计 340\.64 万元/);
    expect(changed).not.toHaveBeenCalled();
    expect(host.excelWorkbook.getWorksheet("申报表")!.getCell("D8").value).toBe(326.6);
  });

  test("the plan is verified with the workbook's own rule settings, not the defaults", async () => {
    // D8 = 300 breaks income = expenditure (an error by default) and the levels' sum (a warning).
    const plan = { title: { zh: "改金额", en: "fix amount" }, edits: [setValue(cellAt("申报表", "D8"), 300, 326.6)] };
    const off = await open("corrected-form.xlsx");
    await off.saveState({
      ignored: [],
      settings: { ...DEFAULT_SETTINGS, config: { rules: { "budget/income-matches-expenditure": "off" } } },
    });
    // The user switched that rule off: its finding is no new error, and the change is not refused.
    expect(await off.apply(plan)).toEqual({ ok: true });

    const strict = await open("corrected-form.xlsx");
    await strict.saveState({
      ignored: [],
      settings: {
        ...DEFAULT_SETTINGS,
        config: { rules: { "budget/income-matches-expenditure": "off", "budget/levels-match-expenditure": "error" } },
      },
    });
    // The user made the levels rule an error: the change adds one, so it is undone.
    const r = await strict.apply(plan);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/已撤销,表格未被修改:出现新的错误:/);
    expect(strict.excelWorkbook.getWorksheet("申报表")!.getCell("D8").value).toBe(326.6);
  });

  test("a refused plan changes nothing and calls nobody", async () => {
    const host = await open("corrected-form.xlsx");
    const changed = jest.fn();
    host.onChange(changed);
    const r = await host.apply({ title: { zh: "过期", en: "stale" }, edits: [setValue(cellAt("申报表", "D8"), 300, 1)] });
    expect(r.ok).toBe(false);
    expect(changed).not.toHaveBeenCalled();
  });

  test("a structural plan failing part way is rolled back", async () => {
    const host = await open("corrected-form.xlsx");
    const r = await host.apply({
      title: { zh: "插入并合并", en: "insert and merge" },
      edits: [
        { op: "insertRows", sheet: "申报表", row: 21, count: 1, formatFrom: 20 },
        { op: "merge", sheet: "申报表", range: parseRange("D21:D23") }, // D21 and D23 hold indicator names
      ],
    });
    expect(r.ok).toBe(false);
    const snap = (await host.read()).snapshot;
    const s = snap.sheets[0];
    expect(s.values[22 - 1 - s.originRow][3]).toBe("建设社区科普图书室个数(个)");
    expect(s.merges).toContain("C21:C27");
  });

  test("state: defaults first; saved state travels in the downloaded file, hidden from the snapshot", async () => {
    const host = await open("corrected-form.xlsx");
    expect(await host.loadState()).toEqual({ ignored: [], settings: DEFAULT_SETTINGS });
    const state: WorkbookState = {
      ignored: ["indicators/vague-wording@申报表!E25", "x".repeat(40000)],
      settings: { lang: "en", liveCheck: false, config: { rules: { "indicators/vague-wording": "off" } } },
    };
    await host.saveState(state);
    expect(await host.loadState()).toEqual(state);
    const bytes = await host.toBuffer();
    const again = await FileHost.fromData(bytes, "again.xlsx");
    expect(await again.loadState()).toEqual(state);
    expect((await again.read()).snapshot.sheets.map((s) => s.name)).toEqual(["申报表"]);
    const wb = again.excelWorkbook;
    expect(wb.getWorksheet(STATE_SHEET)!.state).toBe("veryHidden");
    expect(wb.definedNames.model.find((n) => n.name === STATE_NAME)?.ranges).toEqual([`'${STATE_SHEET}'!$A$1`]);
    // Saving twice replaces, not duplicates.
    await again.saveState({ ...state, ignored: [] });
    expect((await again.loadState()).ignored).toEqual([]);
    expect(again.excelWorkbook.worksheets.filter((w) => w.name === STATE_SHEET).length).toBe(1);
  });

  test("loadState() is never broken by a damaged state sheet", async () => {
    const host = await open("corrected-form.xlsx");
    host.excelWorkbook.addWorksheet(STATE_SHEET).getCell("A1").value = "{not json";
    const fresh = await FileHost.fromData(await host.toBuffer(), "x.xlsx");
    expect(await fresh.loadState()).toEqual({ ignored: [], settings: DEFAULT_SETTINGS });
  });

  test("toBuffer({annotate}) carries the marks; the host's workbook stays unmarked", async () => {
    const host = await open("seed-form.xlsx");
    await host.mark(checkWorkbook((await host.read()).snapshot).findings);
    const plain = await readXlsx(await host.toBuffer(), "plain.xlsx");
    expect(solidFill(plain.workbook.getWorksheet("申报表")!.getCell("E41").fill)).toBeUndefined();
    const marked = await readXlsx(await host.toBuffer({ annotate: "zh" }), "marked.xlsx");
    const cell = marked.workbook.getWorksheet("申报表")!.getCell("E41");
    expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(markArgb("error"));
    // The note is written in runs, as Excel writes notes (issue #25): exceljs reads it as { texts }.
    const note = cell.note as string | { texts?: { text: string }[] };
    expect(typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("")).toContain("【错误】");
    expect(host.excelWorkbook.getWorksheet("申报表")!.getCell("E41").note).toBeUndefined();
  });
});
