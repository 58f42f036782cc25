/**
 * npm run bench: every speed and memory target of the project, measured and printed. Builds what it
 * measures first (the CLI into lib/, the pane into dist/) so the numbers are for the current code.
 */
import { execSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { runBatchBench } from "./cli-batch";
import { runEngineBench } from "./engine";
import { runWpsBench } from "./wps";
import { runWriteBench } from "./writes";

const root = join(__dirname, "..");
const ok = (b: boolean) => (b ? "PASS" : "MISS");
const line = (label: string, value: string, target = "", pass?: boolean) =>
  console.log(`${label.padEnd(58)} ${value.padStart(12)}   ${target.padEnd(16)} ${pass === undefined ? "" : ok(pass)}`);

/** WPS 表格's bridge calls (issue #22): read ≤ 150, check + mark ≤ 300, insert ≤ 400 on the example. */
const WPS_TARGETS = { read: 150, mark: 300, insert: 400 };

async function wps(): Promise<void> {
  const w = await runWpsBench();
  console.log(`wps bridge calls: read=${w.read} mark=${w.mark} insert=${w.insert}`);
  const miss = (Object.keys(WPS_TARGETS) as (keyof typeof WPS_TARGETS)[]).filter((k) => w[k] > WPS_TARGETS[k]);
  if (miss.length) console.log(`wps bridge calls over target: ${miss.map((k) => `${k} > ${WPS_TARGETS[k]}`).join(", ")}`);
}

/** The 200-workbook batch against a plain exceljs load (npm run bench -- --only batch runs it alone). */
async function batch(): Promise<void> {
  execSync("npm run build:cli", { cwd: root, stdio: "ignore" });
  const b = await runBatchBench();
  line(`batch: exceljs load only, ${b.files} workbooks (best of 3)`, `${b.loadMs.toFixed(0)} ms`);
  line(`batch: budget-form check, ${b.files} workbooks (best of 3)`, `${b.cliMs.toFixed(0)} ms`);
  line(`batch: budget-form check --summary, ${b.files} workbooks (best of 3)`, `${b.summaryMs.toFixed(0)} ms`);
  line("batch: ratio check / load", `${b.ratio.toFixed(2)} ×`, "≤ 1.25 ×", b.ratio <= 1.25);
  line("batch: ratio check --summary / load", `${b.summaryRatio.toFixed(2)} ×`, "≤ 1.25 ×", b.summaryRatio <= 1.25);
  line("batch: peak memory (maxRSS of the CLI process)", `${b.peakMB.toFixed(0)} MB`, "≤ 300 MB", b.peakMB <= 300);
}

/** The target of issues #7 and #25: a write's verification costs at most a fifth of the write. */
function verificationShare(command: string, verifyMs: number, writeMs: number): void {
  line(`${command}: verification / write`, `${((100 * verifyMs) / writeMs).toFixed(0)} %`, "≤ 20 %", verifyMs <= 0.2 * writeMs);
}

/** add and fix: the write against its verification (npm run bench -- --only writes runs it alone). */
async function writes(): Promise<void> {
  const w = await runWriteBench();
  line(
    "add: write (read for the edit, steps run with their undo copy, package patch, atomic file write; median)",
    `${w.addWriteMs.toFixed(1)} ms`,
  );
  line("add: re-check of the result (add reports it; verification reuses it)", `${w.addRecheckMs.toFixed(1)} ms`);
  line("add: verification (re-read + post-conditions + patched package read back)", `${w.addVerifyMs.toFixed(1)} ms`);
  verificationShare("add", w.addVerifyMs, w.addWriteMs);
  line(`fix: write, ${w.fixes} fixes (median)`, `${w.fixWriteMs.toFixed(1)} ms`);
  line("fix: re-check after each fix (the next fix is planned on it; verification reuses it)", `${w.fixRecheckMs.toFixed(1)} ms`);
  line("fix: verification (re-reads + post-conditions + patched package read back)", `${w.fixVerifyMs.toFixed(1)} ms`);
  line("fix: of which the patched package read back and compared", `${w.fixReadBackMs.toFixed(1)} ms`);
  verificationShare("fix", w.fixVerifyMs, w.fixWriteMs);
}

async function main(): Promise<void> {
  // npm run bench -- --only wps: the bridge-call line alone (no build, no timing).
  const only = process.argv.indexOf("--only");
  if (only >= 0 && process.argv[only + 1] === "wps") return wps();
  if (only >= 0 && process.argv[only + 1] === "batch") return batch();
  if (only >= 0 && process.argv[only + 1] === "writes") return writes();
  console.log("绩效表助手 benchmarks (this machine: 2 cores; numbers vary with load)\n");
  const e = runEngineBench();
  line(
    `engine: example form, first check (median of 300; JIT settled in ${e.warmup})`,
    `${e.exampleMs.toFixed(3)} ms`,
    "≤ 2 ms",
    e.exampleMs <= 2,
  );
  line("engine: the same first checks in CPU time (load-independent)", `${e.exampleCpuMs.toFixed(3)} ms`);
  line("engine: example form, re-check with warm caches", `${e.exampleWarmMs.toFixed(3)} ms`);
  line("engine: 500 indicator rows (median)", `${e.t500.toFixed(2)} ms`);
  line("engine: 5,000 indicator rows (median)", `${e.t5000.toFixed(2)} ms`);
  line("engine: growth 5,000 / 500 rows (median of 7 rounds)", `${e.ratio.toFixed(2)} ×`, "≤ 12 ×", e.ratio <= 12);
  line("engine: the same growth in CPU time", `${e.ratioCpu.toFixed(2)} ×`);

  await writes();

  await batch();

  if (!existsSync(join(root, "dist", "taskpane.html"))) execSync("npm run build", { cwd: root, stdio: "ignore" });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pane = require("./bundle-size.js") as {
    measureBundle(): { gzip: number; exceljsInInitialBundle: boolean | null };
    measureCheckTime(runs: number): Promise<{ skipped?: string; medianMs?: number; runs?: number }>;
  };
  const bundle = pane.measureBundle();
  const kb = bundle.gzip / 1024;
  line("pane: initial JavaScript of the Excel task pane (gzip)", `${kb.toFixed(1)} KB`, "≤ 200 KB", kb <= 200);
  line(
    "pane: exceljs in that initial JavaScript",
    bundle.exceljsInInitialBundle === null ? "unknown" : bundle.exceljsInInitialBundle ? "yes" : "no",
    "no",
    bundle.exceljsInInitialBundle === false,
  );
  await wps();
  const c = await pane.measureCheckTime(9);
  if (c.skipped) console.log(`pane: 一键校验 → findings shown: skipped (${c.skipped})`);
  else line(`pane: 一键校验 → findings shown, preview (median of ${c.runs})`, `${c.medianMs} ms`);
}

void main();
