import { setValue } from "../../../src/core/plan/editPlan";
import { cleanSheet, seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";
import { cellAt } from "../../helpers/cells";

const fix = (value: number) => ({ title: { zh: "改", en: "Fix" }, edits: [setValue(cellAt("申报表", "H40"), value)] });

describe("ExcelHost.onChange (live re-check)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("calls back once, 400 ms after the user's last edit", async () => {
    const excel = fakeWith(9, seedSheet());
    const { host } = hostFor(excel);
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    excel.userEdit("申报表", "D8", 1);
    await jest.advanceTimersByTimeAsync(100);
    excel.userEdit("申报表", "D9", 2);
    await jest.advanceTimersByTimeAsync(100);
    excel.userEdit("申报表", "D10", 3);
    await jest.advanceTimersByTimeAsync(400);
    expect(listener).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(50);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("ignores the add-in's own writes by a flag when Excel cannot say who wrote (ExcelApi 1.9)", async () => {
    const excel = fakeWith(9, seedSheet());
    const { host } = hostFor(excel);
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    expect(await host.apply(fix(1))).toEqual({ ok: true });
    await jest.advanceTimersByTimeAsync(2000);
    expect(listener).not.toHaveBeenCalled();
    excel.userEdit("申报表", "D9", 5);
    await jest.advanceTimersByTimeAsync(500);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("trusts Excel's triggerSource from ExcelApi 1.14: our writes' events are ignored however late they come", async () => {
    const excel = fakeWith(14, seedSheet());
    excel.eventDelayMs = 900; // later than the flag's grace period
    const { host } = hostFor(excel);
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    await host.apply(fix(1));
    await jest.advanceTimersByTimeAsync(900 + 400 + 100);
    expect(listener).not.toHaveBeenCalled();
    excel.userEdit("申报表", "D9", 5);
    await jest.advanceTimersByTimeAsync(900 + 400 + 10);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("from ExcelApi 1.14 hears the user even while our own write is settling", async () => {
    const excel = fakeWith(14, seedSheet());
    const { host } = hostFor(excel);
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    await host.apply(fix(1));
    excel.userEdit("申报表", "D9", 5);
    await jest.advanceTimersByTimeAsync(20 + 400 + 10);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("watches every sheet one by one on Office 2019 (ExcelApi 1.8)", async () => {
    const excel = fakeWith(8, seedSheet(), cleanSheet({ sheetName: "备份" }));
    const { host } = hostFor(excel);
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    expect(excel.handlers).toHaveLength(2);
    excel.userEdit("备份", "A1", "x");
    await jest.advanceTimersByTimeAsync(500);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("unsubscribes: handlers removed, a pending call cancelled", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    const listener = jest.fn();
    const stop = host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    expect(excel.handlers).toHaveLength(1);
    excel.userEdit("申报表", "D8", 1);
    await jest.advanceTimersByTimeAsync(100);
    stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(listener).not.toHaveBeenCalled();
    expect(excel.handlers).toHaveLength(0);
  });

  it("does nothing, and does not fail, where Excel has no change events (ExcelApi 1.6)", async () => {
    const excel = fakeWith(6, seedSheet());
    const { host } = hostFor(excel);
    const stop = host.onChange(jest.fn());
    await jest.advanceTimersByTimeAsync(0);
    expect(excel.handlers).toHaveLength(0);
    expect(excel.runs).toHaveLength(0);
    stop();
  });
});

// Issue #21 / office-js#5918: listing merged areas in a sync loses the user's undo stack, so a live
// re-check after a value edit reuses the last merge list; a structural change lists them again.
describe("live re-checks keep the user's undo stack", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("after a value edit the re-read lists no merged areas and the merges are those of the last full read", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    const first = (await host.read()).snapshot;
    const listener = jest.fn();
    host.onChange(listener);
    await jest.advanceTimersByTimeAsync(0);
    excel.userEdit("申报表", "D8", 1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(listener).toHaveBeenCalledTimes(1);
    excel.resetLog();
    const again = (await host.read()).snapshot;
    expect(excel.syncs.flatMap((s) => s.loads).filter((l) => l.includes("MergedAreas"))).toEqual([]);
    expect(excel.undo.filter((u) => u.by === "user")).toHaveLength(1);
    expect(again.sheets.map((s) => s.merges)).toEqual(first.sheets.map((s) => s.merges));
    // With no change since, a read (the user's own 校验) lists the merges again.
    excel.resetLog();
    await host.read();
    expect(excel.syncs.flatMap((s) => s.loads).some((l) => l.includes("MergedAreas"))).toBe(true);
  });

  it("after a co-author's change the merges are listed again", async () => {
    const excel = fakeWith(20, seedSheet());
    const { host } = hostFor(excel);
    await host.read();
    host.onChange(jest.fn());
    await jest.advanceTimersByTimeAsync(0);
    excel.remoteEdit("申报表", "D8", 1);
    await jest.advanceTimersByTimeAsync(1000);
    excel.resetLog();
    await host.read();
    expect(excel.syncs.flatMap((s) => s.loads).some((l) => l.includes("MergedAreas"))).toBe(true);
  });
});

describe("a change on one sheet re-reads that sheet only (issue #21)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const valueLoads = (excel: ReturnType<typeof fakeWith>) => excel.syncs.flatMap((s) => s.loads).filter((l) => l.includes("values")).length;

  it("after a value edit on the form, only the form's sheet is read; the other sheet is the last read's", async () => {
    const other = { ...cleanSheet(), name: "参考" };
    const excel = fakeWith(20, seedSheet(), other);
    const { host } = hostFor(excel);
    const first = (await host.read()).snapshot;
    expect(first.sheets.map((s) => s.name)).toEqual(["申报表", "参考"]);
    host.onChange(jest.fn());
    await jest.advanceTimersByTimeAsync(0);
    excel.userEdit("申报表", "D8", 123);
    await jest.advanceTimersByTimeAsync(1000);
    excel.resetLog();

    const again = (await host.read()).snapshot;

    expect(valueLoads(excel)).toBe(1);
    expect(excel.syncs).toHaveLength(1);
    expect(excel.syncs.flatMap((s) => s.loads).filter((l) => l.includes("MergedAreas"))).toEqual([]);
    const form = again.sheets.find((s) => s.name === "申报表")!;
    expect(form.values[7 - form.originRow][3 - form.originCol]).toBe(123);
    expect(again.sheets.find((s) => s.name === "参考")).toEqual(first.sheets.find((s) => s.name === "参考"));
    expect(again.sheets.map((s) => s.merges)).toEqual(first.sheets.map((s) => s.merges));
  });

  it("an edit on two sheets re-reads both; with no edit since, a read reads every sheet again", async () => {
    const excel = fakeWith(20, seedSheet(), { ...cleanSheet(), name: "参考" });
    const { host } = hostFor(excel);
    await host.read();
    host.onChange(jest.fn());
    await jest.advanceTimersByTimeAsync(0);
    excel.userEdit("申报表", "D8", 1);
    excel.userEdit("参考", "D8", 2);
    await jest.advanceTimersByTimeAsync(1000);
    excel.resetLog();
    const both = (await host.read()).snapshot;
    expect(valueLoads(excel)).toBe(2);
    const ref = both.sheets.find((s) => s.name === "参考")!;
    expect(ref.values[7 - ref.originRow][3 - ref.originCol]).toBe(2);
    excel.resetLog();
    await host.read();
    expect(valueLoads(excel)).toBe(2);
  });
});
