/** Real .xlsx files for tests: the committed examples and the generated fixtures (see jest globalSetup). */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { ReadResult, readXlsx } from "../../src/hosts/file/read";

export const ROOT = join(__dirname, "../..");
export const FIXTURES = join(ROOT, "test/fixtures/generated");
export const EXAMPLES = join(ROOT, "examples");

export const fixturePath = (name: string): string => join(FIXTURES, name);
export const examplePath = (name: string): string => join(EXAMPLES, name);

export function readFixture(name: string): Promise<ReadResult> {
  return readXlsx(readFileSync(fixturePath(name)), name);
}

export function readExample(name: string): Promise<ReadResult> {
  return readXlsx(readFileSync(examplePath(name)), name);
}

/** Writes a workbook and reads it back with exceljs alone (what Excel would open). */
export async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return again;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
