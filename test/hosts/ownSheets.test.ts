/**
 * The add-in's own record sheets are never part of the form: a workbook marked in WPS (which keeps the
 * replaced fills in `_BudgetFormMarks`) reads the same, in the file host and the CLI's check-only
 * reader, as the same workbook without that sheet.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { openXlsx } from "../../src/hosts/file/open";
import { readSnapshotFast } from "../../src/hosts/file/fastRead";
import { MARKS_SHEET, STATE_SHEET, isOwnSheetName } from "../../src/hosts/workbookState";
import { examplePath, toBytes } from "../helpers/xlsx";

async function seedWith(extra: string | null): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(examplePath("seed-form.xlsx")) as unknown as ArrayBuffer);
  if (extra) {
    const ws = wb.addWorksheet(extra, { state: "veryHidden" });
    // A record that, read as a form, would be a sheet full of text.
    ws.getCell("A1").value = JSON.stringify({ version: 1, cells: [{ sheet: "申报表", row: 4, col: 3, fill: null }] });
    ws.getCell("A2").value = "部门名称";
  }
  return toBytes(wb);
}

test("both record sheets are the add-in's own, and no other name is", () => {
  expect(isOwnSheetName(STATE_SHEET)).toBe(true);
  expect(isOwnSheetName(MARKS_SHEET)).toBe(true);
  expect(isOwnSheetName("申报表")).toBe(false);
  expect(isOwnSheetName("_BudgetFormMarks2")).toBe(false);
});

test("a WPS marks record is skipped by the file host and the check-only reader alike", async () => {
  const plain = await seedWith(null);
  const marked = await seedWith(MARKS_SHEET);
  const other = await seedWith("备注");
  for (const read of [
    async (b: Uint8Array) => (await openXlsx(b, "t.xlsx")).snapshot,
    async (b: Uint8Array) => (await readSnapshotFast(b, "t.xlsx")).snapshot,
  ]) {
    const names = async (b: Uint8Array) => (await read(b)).sheets.map((s) => s.name);
    expect(await names(marked)).toEqual(await names(plain));
    // The same reader does see an ordinary extra sheet: the skip is by name, not by visibility.
    expect(await names(other)).toEqual([...(await names(plain)), "备注"]);
  }
});
