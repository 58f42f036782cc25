/**
 * Template insertion through the file host on the real example workbooks: plan from the core,
 * applied with exceljs, written, read back. The pure snapshot application is the reference for
 * values and merges; styles are compared cell by cell with the original.
 */
import { CellRef, formatRef } from "../../src/core/a1";
import { readFileSync } from "fs";
import { join } from "path";
import type { Workbook } from "exceljs";
import { parseRange, rangeToA1 } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { applyToSnapshot } from "../../src/core/plan/applyToSnapshot";
import { SheetSnapshot, cellValue, sheetExtent } from "../../src/core/snapshot";
import { findTemplate } from "../../src/core/templates/catalogue";
import { InsertionPlan, isInsertError, planInsertion } from "../../src/core/templates/insert";
import { applyPlan, readXlsx } from "../../src/hosts/file";

const EXAMPLES = join(__dirname, "../../examples");
const read = (file: string) => readXlsx(readFileSync(join(EXAMPLES, file)), file);
const merges = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();
const styleOf = (wb: Workbook, row: number, col: number) => JSON.stringify(wb.worksheets[0].getRow(row).getCell(col).style ?? {});

async function roundTrip(file: string, templateId: string) {
  const before = await read(file);
  const check0 = checkWorkbook(before.snapshot);
  const form = check0.recognitions[0].forms[0];
  const plan = planInsertion(form.model, form.grid, findTemplate(templateId)!);
  if (isInsertError(plan)) throw new Error(plan.error.zh);
  const expected = applyToSnapshot(before.snapshot.sheets[0], plan);
  if (!expected.ok) throw new Error(expected.reason.zh);

  const applied = applyPlan(before.workbook, plan);
  expect(applied).toEqual({ ok: true });
  const bytes = await before.workbook.xlsx.writeBuffer();
  const after = await read(file);
  const reread = await readXlsx(new Uint8Array(bytes as ArrayBuffer), file);
  return { plan, original: after, reread, expected: expected.value, check0 };
}

const mapRow = (plan: InsertionPlan) => (r: number) => (plan.target.mode !== "fill" && r >= plan.target.row ? r + 1 : r);

async function verify(file: string, templateId: string) {
  const { plan, original, reread, expected, check0 } = await roundTrip(file, templateId);
  const sheet = reread.snapshot.sheets[0];
  // Merges and values exactly as the reference application says.
  expect(merges(sheet)).toEqual(merges(expected));
  const ext = sheetExtent(expected);
  for (let r = 0; r <= ext.lastRow + 1; r++) {
    for (let c = 0; c <= ext.lastCol + 1; c++) expect([r, c, cellValue(sheet, r, c)]).toEqual([r, c, cellValue(expected, r, c)]);
  }
  // Every original cell keeps its style at its (possibly moved) place.
  const m = mapRow(plan);
  const ws = original.workbook.worksheets[0];
  const changed: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    for (let c = 1; c <= 6; c++)
      if (styleOf(reread.workbook, m(r - 1) + 1, c) !== styleOf(original.workbook, r, c))
        changed.push(`${String.fromCharCode(64 + c)}${r}`);
  }
  // The new row has the table's borders on every column.
  const row = plan.target.row + 1;
  const unbordered: number[] = [];
  for (let c = 1; c <= 6; c++) {
    const b = reread.workbook.worksheets[0].getRow(row).getCell(c).border;
    if (![b?.top, b?.bottom, b?.left, b?.right].every((x) => x?.style === "thin")) unbordered.push(c);
  }
  // The checker reads the new row in its group and reports nothing new.
  const check1 = checkWorkbook(reread.snapshot);
  const t = findTemplate(templateId)!;
  const got = check1.forms[0].model.indicators!.rows.find((x) => x.row === plan.target.row)!;
  expect({ level1: got.level1, level2: got.level2, name: got.name.value }).toEqual({ ...t.placement, name: t.name });
  const shift = (c: CellRef): CellRef => ({ ...c, row: m(c.row) });
  const old = new Set(check0.findings.map((f) => `${f.rule} ${f.cells.map(shift).map(formatRef).join(",")}`));
  expect(check1.findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")}`).filter((k) => !old.has(k))).toEqual([]);
  return { plan, reread, changed, unbordered };
}

describe("templates into the example workbooks through the file host", () => {
  test("corrected form, middle group (时效)", async () => {
    const { plan } = await verify("corrected-form.xlsx", "timeliness.project-on-schedule");
    expect(plan.target).toMatchObject({ row: 32, mode: "append" });
  });

  test("corrected form, a group of one row (成本) gets a new 二级 merge", async () => {
    const { reread } = await verify("corrected-form.xlsx", "cost.three-public-change");
    expect(merges(reread.snapshot.sheets[0])).toContain("C33:C34");
  });

  test("corrected form, last group (满意度)", async () => {
    await verify("corrected-form.xlsx", "satisfaction.public");
  });

  test("corrected form, a missing first group (经济效益) takes over the 一级 label", async () => {
    const { reread } = await verify("corrected-form.xlsx", "benefit.economic.income-increase");
    expect(merges(reread.snapshot.sheets[0])).toContain("B34:B37");
  });

  test("seed form, two pages: 数量 continues after row 38", async () => {
    const { plan } = await verify("seed-form.xlsx", "quantity.training-sessions");
    expect(plan.target.row).toBe(38);
  });

  test("seed form, the empty printed 时效 row is filled", async () => {
    const { plan } = await verify("seed-form.xlsx", "timeliness.payment");
    expect(plan.target.mode).toBe("fill");
  });
});

/*
 * Styles: every original cell keeps its style and the new row gets the table's borders. exceljs's
 * unMergeCells wipes the styles of a merge's other cells, so this guards the file host's restoring them.
 */
describe("styles through the file host", () => {
  const cases: [string, string][] = [
    ["corrected-form.xlsx", "timeliness.project-on-schedule"],
    ["corrected-form.xlsx", "cost.three-public-change"],
    ["corrected-form.xlsx", "satisfaction.public"],
    ["corrected-form.xlsx", "benefit.economic.income-increase"],
    ["seed-form.xlsx", "quantity.training-sessions"],
  ];
  test.each(cases)("%s + %s: styles unchanged, new row bordered", async (file, id) => {
    const { changed, unbordered } = await verify(file, id);
    expect({ changed, unbordered }).toEqual({ changed: [], unbordered: [] });
  });

  test("a fill changes no style at all", async () => {
    const { changed } = await verify("seed-form.xlsx", "timeliness.payment");
    expect(changed).toEqual([]);
  });
});
