/**
 * npx tsx scripts/build-corpus.ts: lays out each real published form of test/corpus/forms/*.json as an .xlsx
 * (test/fixtures/generated/corpus/), the way the official table is printed, and each form of the
 * printed corpus (test/corpus/printed/*.json, its own merges and sheets) into corpus/printed/. The
 * precision tests build the same workbooks in memory from the same functions.
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { join } from "path";
import { toA1 } from "../src/core/a1";
import { writeForm } from "./lib/formWorkbook";
import { layoutFromRows } from "./lib/tsvLayout";
import { loadPrinted, printedIds, printedWorkbook } from "./lib/printedCorpus";

const ROOT = join(__dirname, "..");
export const CORPUS_DIR = join(ROOT, "test/corpus");
const OUT = join(ROOT, "test/fixtures/generated/corpus");

/** A number the source prints with a format (8,827,620.53 → #,##0.00). */
export interface FormattedNumber {
  n: number;
  fmt: string;
}

export type CorpusCell = string | FormattedNumber;

export interface CorpusForm {
  id: string;
  title: string;
  source: string;
  published: string;
  province: string;
  year: number;
  level: "department" | "project";
  seen: string;
  layout: string;
  rows: CorpusCell[][];
}

export function corpusForms(): CorpusForm[] {
  const dir = join(CORPUS_DIR, "forms");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as CorpusForm);
}

const isFormatted = (c: CorpusCell): c is FormattedNumber => typeof c === "object" && c !== null;

export async function corpusWorkbook(form: CorpusForm): Promise<Uint8Array> {
  const texts = form.rows.map((r) => r.map((c) => (isFormatted(c) ? String(c.n) : c)));
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效表助手 corpus";
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet("申报表");
  writeForm(ws, layoutFromRows(texts, { sheetName: "申报表" }), { texts });
  // The source's own number format, so the file shows what the published form shows.
  form.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (isFormatted(c)) ws.getCell(toA1(i, j)).numFmt = c.fmt;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const form of corpusForms()) writeFileSync(join(OUT, `${form.id}.xlsx`), await corpusWorkbook(form));
  console.log(`corpus: ${corpusForms().length} workbooks in ${OUT}`);
  const printed = join(OUT, "printed");
  mkdirSync(printed, { recursive: true });
  for (const id of printedIds()) writeFileSync(join(printed, `${id}.xlsx`), await printedWorkbook(loadPrinted(id).form));
  console.log(`printed corpus: ${printedIds().length} workbooks in ${printed}`);
}

if (require.main === module) void main();
