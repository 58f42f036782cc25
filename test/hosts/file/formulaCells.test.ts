/** A fix computed from a formula's result must never replace the user's formula with a constant. */
import { formatRef } from "../../../src/core/a1";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../../src/core/engine";
import { setValue } from "../../../src/core/plan/editPlan";
import { applyPlan } from "../../../src/hosts/file/apply";
import { readXlsx } from "../../../src/hosts/file/read";
import { readExample, toBytes } from "../../helpers/xlsx";
import { run } from "../../cli/capture";
import { cellAt } from "../../helpers/cells";

/** The clean form with 基本支出 (D8) computed as text by a formula, as some bureaus' templates do. */
async function withTextFormula(): Promise<ExcelJS.Workbook> {
  const { workbook } = await readExample("corrected-form.xlsx");
  const cell = workbook.getWorksheet("申报表")!.getCell("D8");
  const v = cell.value as number;
  cell.value = { formula: `TEXT(${v},"0.00")`, result: v.toFixed(2) } as ExcelJS.CellFormulaValue;
  return workbook;
}

test("applyPlan refuses to write over a formula, and says so", async () => {
  const wb = await withTextFormula();
  const snap = (await readXlsx(await toBytes(wb), "a.xlsx")).snapshot;
  const fix = checkWorkbook(snap).findings.find(
    (f) => f.rule === "budget/amount-not-number" && f.cells[0] && formatRef(f.cells[0]) === "申报表!D8",
  )?.fix;
  expect(fix).toBeDefined();
  const r = applyPlan(wb, fix!);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.reason.zh).toContain("公式");
    expect(r.reason.zh).toContain("D8");
  }
  expect(wb.getWorksheet("申报表")!.getCell("D8").formula).toMatch(/^TEXT\(/);
});

test("a formula below an inserted row is still recognised as one", async () => {
  const wb = await withTextFormula();
  const r = applyPlan(wb, {
    title: { zh: "测试", en: "test" },
    edits: [{ op: "insertRows", sheet: "申报表", row: 4, count: 1, formatFrom: 5 }, setValue(cellAt("申报表", "D9"), 1)],
  });
  expect(r.ok).toBe(false);
});

test("budget-form fix leaves the formula in the copy it writes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "budget-form-f-"));
  const input = join(dir, "in.xlsx");
  writeFileSync(input, await toBytes(await withTextFormula()));
  const before = readFileSync(input);
  const out = join(dir, "out.xlsx");
  const r = await run(["fix", input, "--out", out]);
  expect(r.out).toContain("未修复");
  expect(r.out).toContain("公式");
  // Nothing else to fix in this form, so no copy is written; if one were, it would keep the formula.
  if (existsSync(out))
    expect((await readXlsx(readFileSync(out), "out.xlsx")).workbook.getWorksheet("申报表")!.getCell("D8").formula).toMatch(/^TEXT\(/);
  expect(readFileSync(input)).toEqual(before);
});
