/**
 * npm run examples: lays the example sources (examples/source/*.tsv) out as the official table and
 * writes examples/seed-form.xlsx (every flaw of the real form kept) and examples/corrected-form.xlsx
 * (the version every rule accepts); and examples/project-form.xlsx, a real published project form
 * laid out as printed (examples/source/project-form.json, in the printed corpus's format).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { writeForm } from "./lib/formWorkbook";
import { layoutFromRows, parseTsv } from "./lib/tsvLayout";
import { PrintedForm, printedWorkbook } from "./lib/printedCorpus";

const ROOT = join(__dirname, "..");

export async function formXlsx(tsv: string): Promise<Uint8Array> {
  const rows = parseTsv(tsv);
  const wb = new ExcelJS.Workbook();
  // Fixed metadata so rebuilding an unchanged source gives the same bytes to commit.
  wb.creator = "绩效表助手";
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet("申报表", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  writeForm(ws, layoutFromRows(rows), { texts: rows });
  return stableZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** A form of the printed corpus's format as its .xlsx, with the same fixed bytes as the others. */
export async function printedXlsx(json: string): Promise<Uint8Array> {
  return stableZip(await printedWorkbook(JSON.parse(json) as PrintedForm));
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** Re-packs the zip with fixed entry dates, so rebuilding an unchanged source gives the same bytes. */
async function stableZip(bytes: Uint8Array): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    out.file(name, await f.async("uint8array"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

export async function buildExamples(): Promise<string[]> {
  const out: string[] = [];
  for (const [src, dst] of [
    ["seed.tsv", "seed-form.xlsx"],
    ["corrected.tsv", "corrected-form.xlsx"],
  ]) {
    const file = join(ROOT, "examples", dst);
    writeFileSync(file, await formXlsx(readFileSync(join(ROOT, "examples/source", src), "utf8")));
    out.push(file);
  }
  const project = join(ROOT, "examples", "project-form.xlsx");
  writeFileSync(project, await printedXlsx(readFileSync(join(ROOT, "examples/source/project-form.json"), "utf8")));
  out.push(project);
  return out;
}

if (require.main === module) {
  buildExamples().then(
    (files) => files.forEach((f) => console.log(`已写入 ${f}`)),
    (e: Error) => {
      console.error(`生成示例失败:${e.message}`);
      process.exitCode = 1;
    },
  );
}
