import { rangeToA1, parseRange } from "../../../src/core/a1";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { copySpans, sourceRow } from "../../../src/hosts/stepGeometry";
import { Step } from "../../../src/core/plan/steps";
import { cleanSheet, seedSheet } from "../../helpers/forms";
import { DEFAULT_SETTINGS } from "../../../src/hosts/host";
import { FakeExcel, FakeSheet } from "./fakeExcel";
import { fakeWith, hostFor } from "./helpers";
import { cellAt } from "../../helpers/cells";

const plan = (...edits: EditPlan["edits"]): EditPlan => ({ title: { zh: "修复", en: "Fix" }, edits });
const merges = (s: FakeSheet) => s.merges.map(rangeToA1).sort();

function form(minor = 20): { excel: FakeExcel; sheet: FakeSheet } {
  const excel = fakeWith(minor, seedSheet());
  return { excel, sheet: excel.find("申报表")! };
}

describe("ExcelHost.apply", () => {
  it("writes a value whose cell still holds what the plan expects: a read sync, a sync that writes, a sync that re-reads", async () => {
    const { excel, sheet } = form();
    sheet.set(39, 7, 5);
    const { host } = hostFor(excel);
    const res = await host.apply(plan(setValue(cellAt("申报表", "H40"), 300, 5)));
    expect(res).toEqual({ ok: true });
    expect(sheet.get(39, 7)).toBe(300);
    expect(excel.syncs).toHaveLength(3);
    expect(excel.syncs[0].writes).toEqual([]);
    expect(excel.syncs[1].writes).toEqual(["values="]);
    // The verification's re-read has a sync of its own (issue #21): a refused re-read cannot undo the write's report.
    expect(excel.syncs[1].loads).toEqual([]);
    expect(excel.syncs[2].writes).toEqual([]);
    expect(excel.syncs[2].loads.length).toBeGreaterThan(0);
  });

  it("verifies with the user's rule settings (as loaded or saved), not the defaults", async () => {
    // D8 = 300 breaks income = expenditure (an error by default) and the levels' sum (a warning).
    const change = () => plan(setValue(cellAt("申报表", "D8"), 300, 326.6));
    const off = fakeWith(20, cleanSheet());
    const a = hostFor(off).host;
    await a.saveState({
      ignored: [],
      settings: { ...DEFAULT_SETTINGS, config: { rules: { "budget/income-matches-expenditure": "off" } } },
    });
    expect(await a.apply(change())).toEqual({ ok: true });
    expect(off.find("申报表")!.get(7, 3)).toBe(300);

    const strict = fakeWith(20, cleanSheet());
    const { host: b, settings } = hostFor(strict);
    // Saved by another session (the ribbon's runtime): this one learns it by loading the state.
    await hostFor(strict, { settings }).host.saveState({
      ignored: [],
      settings: {
        ...DEFAULT_SETTINGS,
        config: { rules: { "budget/income-matches-expenditure": "off", "budget/levels-match-expenditure": "error" } },
      },
    });
    await b.loadState();
    const res = await b.apply(change());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.reason.zh).toMatch(/出现新的错误:/);
    expect(strict.find("申报表")!.get(7, 3)).toBe(326.6);
  });

  it("refuses a stale cell and writes nothing at all", async () => {
    const { excel, sheet } = form();
    const planned = sheet.get(7, 3);
    const { host } = hostFor(excel);
    excel.userEdit("申报表", "D8", 999);
    const res = await host.apply(
      plan(setValue(cellAt("申报表", "D9"), 1, sheet.get(8, 3)), setValue(cellAt("申报表", "D8"), 300, planned)),
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.reason.zh).toContain("D8");
      expect(res.reason.zh).toContain("999");
    }
    expect(sheet.get(7, 3)).toBe(999);
    expect(excel.writeSyncs).toHaveLength(0);
  });

  it("refuses a protected sheet with a message that says what to do", async () => {
    const { excel, sheet } = form();
    sheet.protected = true;
    const { host } = hostFor(excel);
    const res = await host.apply(plan(setValue(cellAt("申报表", "D8"), 1)));
    expect(res).toEqual({ ok: false, reason: { zh: expect.stringContaining("撤销工作表保护"), en: expect.stringContaining("Unprotect") } });
    expect(excel.writeSyncs).toHaveLength(0);
  });

  it("refuses a sheet that no longer exists", async () => {
    const { excel } = form();
    const { host } = hostFor(excel);
    const res = await host.apply(plan(setValue(cellAt("旧表", "D8"), 1)));
    expect(res.ok).toBe(false);
    expect(excel.writeSyncs).toHaveLength(0);
  });

  it("inserts whole rows inside a merged block: the merge grows, formats and height are copied, later edits land on the new rows", async () => {
    const { excel, sheet } = form();
    // An indicator block with a vertically merged first column, a fill and a tall row to copy.
    sheet.merges = sheet.merges.filter((m) => m.bottom < 20 || m.top > 24);
    sheet.merges.push({ top: 20, bottom: 23, left: 1, right: 1 });
    for (let c = 2; c <= 5; c++) sheet.fills.set(`21,${c}`, "#E2EFDA");
    sheet.rowHeights.set(22, 30);
    const { host } = hostFor(excel);
    const res = await host.apply(
      plan(
        { op: "insertRows", sheet: "申报表", row: 22, count: 2, formatFrom: 21 },
        ...["D23", "D24"].map((a, i) => setValue(cellAt("申报表", a), i ? "第二个(次)" : "新指标(次)", null)),
        ...["E23", "F23", "E24", "F24"].map((a) => setValue(cellAt("申报表", a), "≥1次", null)),
      ),
    );
    expect(res).toEqual({ ok: true });
    expect(merges(sheet)).toContain("B21:B26");
    // Column B is merged through the template row, so only the other columns take its formats.
    for (const r of [22, 23]) for (let c = 2; c <= 5; c++) expect(sheet.fills.get(`${r},${c}`)).toBe("#E2EFDA");
    expect(sheet.fills.get("22,1")).toBeUndefined();
    expect(sheet.rowHeights.get(23)).toBe(30);
    expect(sheet.rowHeights.get(24)).toBe(30);
    expect(sheet.get(22, 3)).toBe("新指标(次)");
    expect(sheet.get(23, 3)).toBe("第二个(次)");
    expect(excel.writeSyncs).toHaveLength(1);
  });

  it("checks `expected` against the cell's position after earlier insertions in the plan", async () => {
    const { excel, sheet } = form();
    const f30 = sheet.get(29, 5);
    const { host } = hostFor(excel);
    // After inserting 2 rows at 25, the old F30 is F32.
    const ok = await host.apply(
      plan({ op: "insertRows", sheet: "申报表", row: 24, count: 2, formatFrom: 23 }, setValue(cellAt("申报表", "F32"), "≥250篇", f30)),
    );
    expect(ok).toEqual({ ok: true });
    expect(sheet.get(31, 5)).toBe("≥250篇");
  });

  it("merges and unmerges, refusing a merge that would swallow another", async () => {
    const { excel, sheet } = form();
    const { host } = hostFor(excel);
    expect(await host.apply(plan({ op: "merge", sheet: "申报表", range: parseRange("E60:F60") }))).toEqual({ ok: true });
    expect(merges(sheet)).toContain("E60:F60");
    expect(await host.apply(plan({ op: "unmerge", sheet: "申报表", range: parseRange("E60:F60") }))).toEqual({ ok: true });
    expect(merges(sheet)).not.toContain("E60:F60");
    const clash = await host.apply(plan({ op: "merge", sheet: "申报表", range: parseRange("A3:B4") }));
    expect(clash.ok).toBe(false);
    expect(merges(sheet)).toContain("A3:F3");
  });

  it("asks Excel for one undo step where ExcelApi 1.20 allows it", async () => {
    const modern = form(20);
    await hostFor(modern.excel).host.apply(plan(setValue(cellAt("申报表", "D8"), 1)));
    expect(modern.excel.runs[0].options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    const office2021 = form(14);
    await hostFor(office2021.excel).host.apply(plan(setValue(cellAt("申报表", "D8"), 1)));
    expect(office2021.excel.runs[0].options).toEqual({ delayForCellEdit: true });
  });

  it("on Office 2019 (no merged-area API) still unmerges what the plan names", async () => {
    const { excel, sheet } = form(8);
    const { host } = hostFor(excel);
    expect(await host.apply(plan({ op: "unmerge", sheet: "申报表", range: parseRange("B5:F5") }))).toEqual({ ok: true });
    expect(merges(sheet)).not.toContain("B5:F5");
  });
});

describe("apply helpers", () => {
  it("maps rows back through earlier insertions, and a new row to the row its formats came from", () => {
    const steps: Step[] = [
      { op: "insertRows", sheet: "S", at: 9, count: 3 },
      { op: "copyFormat", sheet: "S", from: 8, to: 9, count: 3 },
      { op: "write", sheet: "S", row: 10, col: 3, value: 1 },
    ];
    expect(sourceRow(steps, 2, "S", 8)).toBe(8);
    expect(sourceRow(steps, 2, "S", 10)).toBe(8);
    expect(sourceRow(steps, 2, "S", 10, false)).toBeNull();
    expect(sourceRow(steps, 1, "S", 10)).toBeNull();
    expect(sourceRow(steps, 2, "S", 14)).toBe(11);
    expect(sourceRow(steps, 2, "T", 14)).toBe(14);
  });

  it("leaves out of the format copy vertical merges crossing the source row and merges already on the new rows", () => {
    const s = {
      name: "S",
      originRow: 0,
      originCol: 0,
      values: [["a", "b", "c", "d", "e", "f"]],
      merges: ["B3:B6", "C4:D4", "E1:E2", "F6:F9"],
      hiddenRows: [],
    };
    // Row 4 (0-based 3) copied onto rows 7-8 (0-based 6-7): B crosses the source, F is merged on the new rows.
    expect(copySpans(s, 3, 6, 2)).toEqual([
      [0, 0],
      [2, 4],
    ]);
    // A merge on the new rows that cuts the source's single-row merge C4:D4 takes all of it out.
    const cut = { ...s, merges: ["C4:D4", "D7:D9"] };
    expect(copySpans(cut, 3, 6, 2)).toEqual([
      [0, 1],
      [4, 5],
    ]);
  });
});
