/**
 * Batch benchmark: the CLI checking 200 workbooks against merely loading the same 200 files with
 * exceljs, each in its own fresh Node process so neither warms the other and peak memory (maxRSS)
 * is the batch's own. Parsing is the floor; the ratio shows what checking adds.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

const root = join(__dirname, "..");
const N = 200;
const STEMS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉";

/**
 * 200 distinct workbooks: the two examples with every indicator text numbered per file, so no
 * cache carries over from one file to the next, as with a real batch from different departments.
 */
async function makeBatch(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bfa-batch-"));
  const sources = ["seed-form.xlsx", "corrected-form.xlsx"].map((f) => readFileSync(join(root, "examples", f)));
  for (let i = 0; i < N; i++) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sources[i % 2] as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // A tag without digits, so the checker reads the same numbers and units as in the example.
    const tag = `(${STEMS[i % STEMS.length]}${STEMS[Math.floor(i / STEMS.length) % STEMS.length]})`;
    ws.eachRow((row, r) => {
      if (r <= 20) return;
      for (const c of [4, 5, 6]) {
        const cell = row.getCell(c);
        if (typeof cell.value === "string" && cell.value.length > 6) cell.value = `${cell.value}${tag}`;
      }
    });
    writeFileSync(join(dir, `form-${String(i).padStart(3, "0")}.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  return dir;
}

/** Runs a script in a child node and returns its own report: wall ms and maxRSS (KB). */
function child(script: string, dir: string): { ms: number; rssMB: number } {
  const r = spawnSync(process.execPath, ["-e", script, dir], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const line = r.stderr.trim().split("\n").pop() ?? "";
  try {
    const j = JSON.parse(line) as { ms: number; rss: number };
    return { ms: j.ms, rssMB: j.rss / 1024 };
  } catch {
    throw new Error(`bench child failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  }
}

const LOAD_ONLY = `
const ExcelJS = require("exceljs"); const fs = require("fs"); const path = require("path");
const dir = process.argv[1]; const files = fs.readdirSync(dir).map(f => path.join(dir, f));
(async () => { const t = performance.now();
  for (const f of files) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(fs.readFileSync(f)); }
  process.stderr.write(JSON.stringify({ ms: performance.now() - t, rss: process.resourceUsage().maxRSS }) + "\\n"); })();`;

/** The CLI in a child; `extra` are further arguments of check (the summary goes beside the batch). */
const cli = (extra: string) => `
const { main } = require("./lib/cli/main.js"); const dir = process.argv[1];
const sink = { write() {} };
(async () => { const t = performance.now();
  const code = await main(["check", dir, "--format", "json"${extra}], { stdout: sink, stderr: sink, isTTY: false, cwd: process.cwd() });
  if (code === 2) throw new Error("a file could not be read or written");
  process.stderr.write(JSON.stringify({ ms: performance.now() - t, rss: process.resourceUsage().maxRSS }) + "\\n"); })();`;
const CLI = cli("");
// The reviewer's run: the same check plus the summary workbook (汇总 + 明细, every finding).
const CLI_SUMMARY = cli(`, "--summary", require("path").join(dir, "..", require("path").basename(dir) + "-汇总.xlsx")`);

export interface BatchResult {
  loadMs: number;
  cliMs: number;
  summaryMs: number;
  ratio: number;
  summaryRatio: number;
  peakMB: number;
  files: number;
}

export async function runBatchBench(rounds = 3): Promise<BatchResult> {
  const dir = await makeBatch();
  const summary = join(dir, "..", `${basename(dir)}-汇总.xlsx`);
  try {
    const loads: number[] = [];
    const clis: number[] = [];
    const summaries: number[] = [];
    let peak = 0;
    for (let i = 0; i < rounds; i++) {
      // Rotate the order so no side always runs on a cooler (or warmer) machine.
      const order = [LOAD_ONLY, CLI, CLI_SUMMARY].map((script, k) => ({ script, k }));
      for (let r = 0; r < i % 3; r++) order.push(order.shift()!);
      const ms: number[] = [];
      for (const { script, k } of order) {
        rmSync(summary, { force: true });
        const m = child(script, dir);
        ms[k] = m.ms;
        if (k > 0) peak = Math.max(peak, m.rssMB);
      }
      loads.push(ms[0]);
      clis.push(ms[1]);
      summaries.push(ms[2]);
    }
    const best = (xs: number[]) => Math.min(...xs);
    return {
      loadMs: best(loads),
      cliMs: best(clis),
      summaryMs: best(summaries),
      ratio: best(clis) / best(loads),
      summaryRatio: best(summaries) / best(loads),
      peakMB: peak,
      files: readdirSync(dir).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(summary, { force: true });
  }
}

if (require.main === module) void main();

async function main(): Promise<void> {
  const r = await runBatchBench();
  const ok = (b: boolean) => (b ? "PASS" : "MISS");
  console.log(`exceljs load only, ${r.files} workbooks (best of 3):  ${r.loadMs.toFixed(0)} ms`);
  console.log(`budget-form check, ${r.files} workbooks (best of 3):  ${r.cliMs.toFixed(0)} ms`);
  console.log(`budget-form check --summary (best of 3):      ${r.summaryMs.toFixed(0)} ms`);
  console.log(`ratio check / load:                          ${r.ratio.toFixed(2)} ×   target ≤ 1.25 ×   ${ok(r.ratio <= 1.25)}`);
  console.log(
    `ratio check --summary / load:                ${r.summaryRatio.toFixed(2)} ×   target ≤ 1.25 ×   ${ok(r.summaryRatio <= 1.25)}`,
  );
  console.log(`peak memory of the batch (maxRSS):           ${r.peakMB.toFixed(0)} MB   target ≤ 300 MB   ${ok(r.peakMB <= 300)}`);
}
