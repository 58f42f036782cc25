/**
 * The patched copy's read-back on a large sheet (issue #25): the corrected example with 3,000 more
 * rows, three value fixes patched in, read back whole (fastRead.ts) against row by row (readBack.ts,
 * only the rewritten rows parsed). Medians of 31 after a warm-up. npx tsx bench/readback-large.ts
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { performance } from "perf_hooks";
import { inflateRawSync } from "zlib";
import { patchValues } from "../src/hosts/file/patch";
import { readSnapshotFast } from "../src/hosts/file/fastRead";
import { packagePair, readBackCells } from "../src/hosts/file/readBack";

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

void (async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(__dirname, "../examples/corrected-form.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  for (let r = 60; r < 3060; r++) {
    ws.getCell(r, 2).value = `行${r}`;
    ws.getCell(r, 3).value = r * 1.5;
  }
  const input = new Uint8Array(await wb.xlsx.writeBuffer());
  const before = (await readSnapshotFast(input, "x.xlsx", { inflateRaw: inflateRawSync })).snapshot;
  const sheet = ws.name;
  const edits = [
    { sheet, row: 7, col: 3, value: 300 },
    { sheet, row: 8, col: 3, value: 40 },
    { sheet, row: 21, col: 4, value: "≥3次" },
  ];
  const patched = (await patchValues(input, edits)).bytes;
  const only = new Set([sheet]);
  const whole: number[] = [],
    rows: number[] = [];
  let copied = 0;
  for (let i = 0; i < 36; i++) {
    let t = performance.now();
    await readSnapshotFast(patched, "x.xlsx", { inflateRaw: inflateRawSync, sheets: only });
    if (i >= 5) whole.push(performance.now() - t);
    t = performance.now();
    copied = readBackCells(packagePair(input, patched), before, inflateRawSync, only)!.copiedRows;
    if (i >= 5) rows.push(performance.now() - t);
  }
  console.log({ rows: before.sheets[0].values.length, copied, wholeMs: median(whole), rowByRowMs: median(rows) });
})();
