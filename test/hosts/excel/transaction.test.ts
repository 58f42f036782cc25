/**
 * Issue #21, whole or not at all, on the Excel fake: a batch is not a transaction (a failing sync
 * keeps what ran before the failing operation), so the host re-reads and restores exactly what ran —
 * rows, merges, values, number formats, fills, heights and the marks — whichever step fails. A
 * verifying re-read that Excel refuses does not turn a completed write into a reported failure, and a
 * sheet with more than 512 merged areas can still be edited.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { validate } from "../../../src/app/validate";
import { readXlsx } from "../../../src/hosts/file/read";
import { buildForm, CLASSIC_GROUPS } from "../../helpers/genForm";
import { cellAt } from "../../helpers/cells";
import { seedSheet } from "../../helpers/forms";
import { FakeExcel, FakeSheet } from "./fakeExcel";
import { fakeWith, hostFor, sheetState } from "./helpers";

const state = (s: FakeSheet) => sheetState(s, { marks: true });

async function insertion(): Promise<{ excel: () => FakeExcel; plan: EditPlan }> {
  const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: level2 === "时效指标" ? 0 : 2 }));
  const file = await readXlsx((await buildForm({ groups })).bytes, "form.xlsx");
  const form = checkWorkbook(file.snapshot).recognitions[0].forms[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("timeliness.payment")!);
  if (isInsertError(plan)) throw new Error(plan.error.zh);
  const excel = () => {
    const x = fakeWith(20, file.snapshot.sheets[0]);
    const sheet = x.find("申报表")!;
    sheet.fills.set("3,3", "#FFFF00");
    sheet.numberFormats.set("7,3", "0.00");
    sheet.rowHeights.set(10, 30);
    return x;
  };
  return { excel, plan };
}

describe("Excel apply is whole or not at all", () => {
  test("a template insertion that fails at any one of its writes leaves the sheet (and its marks) exactly as it was", async () => {
    const { excel: fresh, plan } = await insertion();
    expect(plan.edits.some((e) => e.op === "insertRows")).toBe(true);
    // How many writes the steps' sync sends, measured on a run that succeeds.
    const probe = fresh();
    const ok = await hostFor(probe).host.apply(plan);
    expect(ok).toEqual({ ok: true });
    const writes = probe.writeSyncs[0].writes.length;
    expect(writes).toBeGreaterThan(5);
    for (let k = 1; k <= writes; k++) {
      const excel = fresh();
      const { host } = hostFor(excel);
      const checked = await validate(host);
      const sheet = excel.find("申报表")!;
      expect(sheet.cfs.length).toBeGreaterThan(0);
      expect(checked.findings.length).toBeGreaterThan(0);
      const before = state(sheet);
      excel.failAtWrite = k;
      const res = await host.apply(plan);
      expect({ k, ok: res.ok }).toEqual({ k, ok: false });
      if (!res.ok) {
        expect(res.reason.zh).toContain("表格已恢复原状");
        expect(res.reason.en).toContain("as it was");
        expect(res.reason.zh).not.toContain("Ctrl+Z");
      }
      expect({ k, state: state(sheet) }).toEqual({ k, state: before });
    }
  });

  test("a single value whose write fails is reported as not applied, and nothing changed", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    sheet.set(39, 7, 5);
    const before = state(sheet);
    excel.failAtWrite = 1;
    const res = await hostFor(excel).host.apply({ title: { zh: "修复", en: "Fix" }, edits: [setValue(cellAt("申报表", "H40"), 300, 5)] });
    expect(res).toMatchObject({ ok: false, reason: { zh: expect.stringContaining("未应用") } });
    expect(state(sheet)).toEqual(before);
  });

  test("a verifying re-read Excel refuses does not report a completed write as failed", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    sheet.set(39, 7, 5);
    // The first read-only sync is the plan's own read; the second, the verification, is refused.
    excel.failReadSync = 2;
    const res = await hostFor(excel).host.apply({ title: { zh: "修复", en: "Fix" }, edits: [setValue(cellAt("申报表", "H40"), 300, 5)] });
    expect(res).toEqual({ ok: true, warning: { zh: expect.stringContaining("已写入"), en: expect.stringContaining("written") } });
    expect(sheet.get(39, 7)).toBe(300);
  });

  test("a sheet with more than 512 merged areas is edited, read without the merge list as the check does", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    for (let r = 0; r < 600; r++) sheet.merges.push({ top: 1000 + r, bottom: 1000 + r, left: 20, right: 21 });
    sheet.set(39, 7, 5);
    const res = await hostFor(excel).host.apply({ title: { zh: "修复", en: "Fix" }, edits: [setValue(cellAt("申报表", "H40"), 300, 5)] });
    expect(res.ok).toBe(true);
    expect(sheet.get(39, 7)).toBe(300);
  });
});

describe("UndoNotSupported (undo grouping refused)", () => {
  test("apply and mark run again without the undo group, and later runs do not ask for it", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.refuseUndoGroup = true;
    const sheet = excel.find("申报表")!;
    sheet.set(39, 7, 5);
    const { host } = hostFor(excel);
    const res = await host.apply({ title: { zh: "修复", en: "Fix" }, edits: [setValue(cellAt("申报表", "H40"), 300, 5)] });
    expect(res).toEqual({ ok: true });
    expect(sheet.get(39, 7)).toBe(300);
    expect(excel.runs[0].options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(excel.runs[1].options).toEqual({ delayForCellEdit: true });
    excel.resetLog();
    await validate(host);
    expect(sheet.cfs.length).toBeGreaterThan(0);
    expect(excel.runs.some((r) => typeof r.options === "object" && r.options !== null && "mergeUndoGroup" in r.options)).toBe(false);
  });
});
