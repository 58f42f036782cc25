/**
 * One edit engine (issue #7): the same plan, compiled by the core, gives the same workbook through the
 * file host (exceljs, on real .xlsx files), the Excel host (on the strict fake) and the pure
 * reference (applyToWorkbook) — cell by cell and merge by merge. And an Excel host whose steps go
 * wrong undoes them: the sheet is restored exactly and the result is a refusal, never success.
 */
import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { EditPlan } from "../../../src/core/plan/editPlan";
import { SheetSnapshot, cellShown } from "../../../src/core/snapshot";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { applyVerified } from "../../../src/hosts/file/apply";
import { readXlsx } from "../../../src/hosts/file/read";
import { buildForm, CLASSIC_GROUPS } from "../../helpers/genForm";
import { readExample, toBytes } from "../../helpers/xlsx";
import { cellsOf, fakeWith, hostFor, sheetState } from "./helpers";

const mergesOf = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();
const sorted = (s: SheetSnapshot) => [...cellsOf(s).entries()].sort(([a], [b]) => a.localeCompare(b));

type PlanOf = (check: ReturnType<typeof checkWorkbook>) => EditPlan;

const template =
  (id: string): PlanOf =>
  (check) => {
    const form = check.recognitions[0].forms[0];
    const plan = planInsertion(form.model, form.grid, findTemplate(id)!);
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    return plan;
  };

/** The same plan through the three: returns the three resulting sheets. */
async function threeWays(bytes: Uint8Array, planOf: PlanOf) {
  const file = await readXlsx(bytes, "form.xlsx");
  const check = checkWorkbook(file.snapshot);
  const plan = planOf(check);
  const sheet0 = file.snapshot.sheets[0];

  const reference = applyToWorkbook(file.snapshot, plan);
  if (!reference.ok) throw new Error(reference.reason.zh);

  const applied = await applyVerified(file.workbook, plan, { snapshot: file.snapshot, check });
  expect(applied).toMatchObject({ ok: true });
  const fileAfter = (await readXlsx(await toBytes(file.workbook), "form.xlsx")).snapshot.sheets[0];

  const excel = fakeWith(20, sheet0);
  const { host } = hostFor(excel);
  expect(await host.apply(plan)).toEqual({ ok: true });
  const excelAfter = (await host.read()).snapshot.sheets[0];
  return { plan, reference: reference.value.sheets[0], file: fileAfter, excel: excelAfter, fake: excel.find(sheet0.name)! };
}

function expectSame(r: Awaited<ReturnType<typeof threeWays>>): void {
  expect(sorted(r.file)).toEqual(sorted(r.reference));
  expect(sorted(r.excel)).toEqual(sorted(r.reference));
  expect(mergesOf(r.file)).toEqual(mergesOf(r.reference));
  expect(mergesOf(r.excel)).toEqual(mergesOf(r.reference));
}

describe("the same plan gives the same workbook in the file host, the Excel host and the reference", () => {
  test("a template creating a missing group (经济效益) that takes over the 一级 label", async () => {
    const bytes = await toBytes((await readExample("corrected-form.xlsx")).workbook);
    const r = await threeWays(bytes, template("benefit.economic.income-increase"));
    expect(r.plan.edits.some((e) => e.op === "insertRows")).toBe(true);
    expectSame(r);
  });

  test("a template appended to a group whose 实施周期 value is one merged cell", async () => {
    const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: level2 === "质量指标" ? 3 : 1 }));
    const form = await buildForm({ groups, mergedValueGroup: 1 });
    const r = await threeWays(form.bytes, template("quality.coverage"));
    expect(r.plan.edits.some((e) => e.op === "insertRows")).toBe(true);
    expectSame(r);
  });

  test("a template whose whole 一级 (效益) is missing", async () => {
    const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: level1 === "效益指标" ? 0 : 1 }));
    const form = await buildForm({ groups });
    const r = await threeWays(form.bytes, template("benefit.social.no-accidents"));
    expect(r.plan.edits.filter((e) => e.op === "setValue").length).toBeGreaterThan(3);
    expectSame(r);
  });

  test.each([
    ["the seed form's empty printed 时效 row filled", "timeliness.payment"],
    ["the seed form's 数量 group continued on its second page", "quantity.training-sessions"],
  ])("%s", async (_, id) => {
    const bytes = await toBytes((await readExample("seed-form.xlsx")).workbook);
    expectSame(await threeWays(bytes, template(id)));
  });

  test("fixes: an amount stored as text with its decimals, and ASCII operators", async () => {
    const read = await readExample("corrected-form.xlsx");
    const ws = read.workbook.getWorksheet("申报表")!;
    ws.getCell("D8").value = "326.60";
    // Every target written with "≥" gets the ASCII ">=" a user types.
    let changed = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("≥")) {
          cell.value = `>=${cell.value.slice(1)}`;
          changed++;
        }
      }),
    );
    expect(changed).toBeGreaterThan(0);
    const fixes: PlanOf = (check) => {
      const plans = check.findings.flatMap((f) => (f.fix ? [f.fix] : []));
      expect(plans.length).toBeGreaterThan(1);
      return { title: { zh: "修复全部", en: "Fix all" }, edits: plans.flatMap((p) => p.edits) };
    };
    const r = await threeWays(await toBytes(read.workbook), fixes);
    expect(r.plan.edits).toContainEqual(expect.objectContaining({ row: 7, col: 3, value: 326.6 })); // D8
    expectSame(r);
    // The amount now a number keeps showing its decimals in Excel, as in the file.
    expect(r.fake.numberFormats.get("7,3")).toBe("0.00");
    expect(cellShown(r.excel, 7, 3)).toBe("326.60");
  });
});

describe("a step Excel executes wrongly is undone", () => {
  test("a template insertion whose merge swallows the row below: restored exactly, not ok, said in both languages", async () => {
    const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: level2 === "时效指标" ? 0 : 2 }));
    const form = await buildForm({ groups });
    const file = await readXlsx(form.bytes, "form.xlsx");
    const plan = template("timeliness.payment")(checkWorkbook(file.snapshot));
    expect(plan.edits.some((e) => e.op === "merge")).toBe(true);
    const excel = fakeWith(20, file.snapshot.sheets[0]);
    const sheet = excel.find("申报表")!;
    sheet.fills.set("3,3", "#FFFF00");
    sheet.numberFormats.set("7,3", "0.00");
    const before = sheetState(sheet);
    // Excel merges the 一级 column one row further than asked, once: the next group loses its 一级 label.
    let faults = 1;
    excel.misMerge = (p) => (p.left === 1 && faults-- > 0 ? { ...p, bottom: p.bottom + 1 } : p);
    const res = await hostFor(excel).host.apply(plan);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.reason.zh).toContain("已撤销");
      expect(res.reason.en).toContain("undone");
    }
    expect(sheetState(sheet)).toEqual(before);
    // Attempt and undo are one Excel.run of five syncs (read; steps; the verifying re-read in its own
    // sync, issue #21; undo; the re-read that proves it). The re-reads list merged areas, which loses
    // the undo stack (office-js#5918): the undo records are not what proves the restore, the re-read is.
    expect(excel.runs).toHaveLength(1);
    expect(excel.syncs.map((s) => (s.writes.length ? "write" : "read"))).toEqual(["read", "write", "read", "write", "read"]);
  });

  test("a fault that also spoils the undo is reported as such: not ok, and the user is told to press Ctrl+Z", async () => {
    const groups = CLASSIC_GROUPS.map(([level1, level2]) => ({ level1, level2, rows: level2 === "时效指标" ? 0 : 2 }));
    const file = await readXlsx((await buildForm({ groups })).bytes, "form.xlsx");
    const plan = template("timeliness.payment")(checkWorkbook(file.snapshot));
    const excel = fakeWith(20, file.snapshot.sheets[0]);
    excel.misMerge = (p) => ({ ...p, bottom: p.bottom + 1 });
    const res = await hostFor(excel).host.apply(plan);
    expect(res).toEqual({ ok: false, reason: { zh: expect.stringContaining("Ctrl+Z"), en: expect.stringContaining("Ctrl+Z") } });
    if (!res.ok) expect(res.reason.zh).toContain("未能完全恢复");
  });

  test("a fix whose merge is mis-executed over a filled cell: the lost value comes back", async () => {
    const excel = fakeWith(20, (await readExample("corrected-form.xlsx")).snapshot.sheets[0]);
    const sheet = excel.find("申报表")!;
    sheet.put("H40", [["备注"], ["第二行"]]);
    const before = sheetState(sheet);
    excel.misMerge = (p) => ({ ...p, bottom: p.bottom + 1 });
    const res = await hostFor(excel).host.apply({
      title: { zh: "合并", en: "Merge" },
      edits: [{ op: "merge", sheet: "申报表", range: parseRange("H40:I40") }],
    });
    expect(res).toEqual({ ok: false, reason: { zh: expect.stringContaining("H41"), en: expect.stringContaining("H41") } });
    expect(sheetState(sheet)).toEqual(before);
  });
});
