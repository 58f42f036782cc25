/**
 * Write benchmark (issues #7, #25): `add` and `fix` on the examples, in process, through the very
 * calls the commands make — the verified transaction (src/app/apply.ts via applyVerified) and the
 * package patcher with its read-back (writePatched) — split by the transaction's own phase timings:
 * - write: the host's read for the edit, the compiled steps run (for `add` with the undo copy the
 *   transaction keeps to restore a failed insertion whole), the package patch, the atomic file write;
 * - verification: the re-read after the steps, the post-conditions (core/plan/verify.ts) and the
 *   patched package read back and compared with the edited model;
 * - the re-check of the result, listed apart: both commands need it whatever verification does
 *   (`add` reports it, `fix` plans its next fix on it) and verification reuses it.
 * Medians of interleaved rounds after a warm-up, so JIT and caches are the same for both commands.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { inflateRawSync } from "zlib";
import type { EditTimings } from "../src/app/apply";
import { writeFileAtomic } from "../src/cli/files";
import { checkWorkbook } from "../src/core/engine";
import { EditPlan } from "../src/core/plan/editPlan";
import { WorkbookSnapshot } from "../src/core/snapshot";
import { findTemplate } from "../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../src/core/templates/insert";
import { applyVerified } from "../src/hosts/file/apply";
import { openXlsx } from "../src/hosts/file/open";
import { EditLog, writePatched } from "../src/hosts/file/patchWrite";

const root = join(__dirname, "..");
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface WriteBench {
  addWriteMs: number;
  addVerifyMs: number;
  /** The re-check of the inserted form (`add` reports it). */
  addRecheckMs: number;
  fixWriteMs: number;
  fixVerifyMs: number;
  /** The re-check after each fix (the next fix is planned on it). */
  fixRecheckMs: number;
  /** Part of fixVerifyMs: reading the patched package back and comparing it with the model. */
  fixReadBackMs: number;
  fixes: number;
}

/** The corrected example with amounts as text and ASCII operators: several safe fixes. */
async function flawedBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(root, "examples/corrected-form.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.getCell("D8").value = "326.60";
  ws.getCell("D9").value = "40.64";
  ws.getCell("E22").value = ">=2次";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Split {
  write: number;
  verify: number;
  recheck: number;
  readBack: number;
}

/** Adds a transaction's phases to the running split. */
const phases = (acc: Split) => (t: EditTimings) => {
  acc.write += t.prepare + t.run;
  acc.verify += t.reread + t.verify;
  acc.recheck += t.checkAfter;
};

/**
 * Patches the logged edits into the input's package, reads it back against `model` (the last edit's
 * re-read, as the commands pass it) for verification, writes the file.
 */
async function save(
  bytes: Uint8Array,
  log: EditLog,
  wb: ExcelJS.Workbook,
  before: WorkbookSnapshot,
  model: WorkbookSnapshot,
  out: string,
  acc: Split,
) {
  const t = performance.now();
  const steps = log.structuralSteps();
  const patched = await writePatched(bytes, steps ? { steps } : log.edits(wb), model, {
    inflateRaw: inflateRawSync,
    before,
  });
  writeFileAtomic(out, patched.bytes, "replace");
  acc.write += performance.now() - t - patched.verifyMs;
  acc.verify += patched.verifyMs;
  acc.readBack += patched.verifyMs;
}

/** As `budget-form add` does it. */
async function addOnce(bytes: Uint8Array, out: string): Promise<Split> {
  const read = await openXlsx(bytes, "seed-form.xlsx");
  const check = checkWorkbook(read.snapshot);
  const form = check.recognitions.flatMap((r) => r.forms)[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("quantity.training-sessions")!);
  if (isInsertError(plan)) throw new Error(plan.error.en);
  const acc: Split = { write: 0, verify: 0, recheck: 0, readBack: 0 };
  const applied = await applyVerified(read.workbook, plan, { snapshot: read.snapshot, check }, undefined, { timings: phases(acc) });
  if (!applied.ok) throw new Error(applied.reason.en);
  const log = new EditLog();
  log.record(applied.steps);
  await save(bytes, log, read.workbook, read.snapshot, applied.after.snapshot, out, acc);
  return acc;
}

/** As `budget-form fix` does it: every safe fix through the transaction, then one patched copy. */
async function fixOnce(bytes: Uint8Array, out: string): Promise<Split & { fixes: number }> {
  const read = await openXlsx(bytes, "flawed.xlsx");
  const log = new EditLog();
  let snapshot = read.snapshot;
  let check = checkWorkbook(snapshot, undefined, undefined, { fixes: true });
  const acc: Split = { write: 0, verify: 0, recheck: 0, readBack: 0 };
  const isSafe = (p: EditPlan) => p.edits.length > 0 && p.edits.every((e) => e.op === "setValue");
  let fixes = 0;
  for (;;) {
    const next = check.findings.find((f) => f.fix && isSafe(f.fix));
    if (!next || fixes > 20) break;
    const t = performance.now();
    const touched = new EditLog();
    for (const e of next.fix!.edits) if (e.op === "setValue") touched.touch(read.workbook, e);
    acc.write += performance.now() - t;
    const r = await applyVerified(read.workbook, next.fix!, { snapshot, check }, undefined, {
      check: { fixes: true },
      timings: phases(acc),
    });
    if (!r.ok) throw new Error(r.reason.en);
    const t2 = performance.now();
    touched.record(r.steps);
    log.merge(touched);
    acc.write += performance.now() - t2;
    snapshot = r.after.snapshot;
    check = r.after.check;
    fixes++;
  }
  await save(bytes, log, read.workbook, read.snapshot, snapshot, out, acc);
  return { ...acc, fixes };
}

/** `warmup`: rounds run first and not counted (npm run bench: 3; more shows the cost once the JIT has settled). */
export async function runWriteBench(rounds = 31, warmup = 3): Promise<WriteBench> {
  const dir = mkdtempSync(join(tmpdir(), "bfa-writes-"));
  const seed = new Uint8Array(readFileSync(join(root, "examples/seed-form.xlsx")));
  const flawed = await flawedBytes();
  const a: Split[] = [];
  const f: (Split & { fixes: number })[] = [];
  try {
    for (let i = 0; i < warmup; i++) {
      await addOnce(seed, join(dir, "add.xlsx"));
      await fixOnce(flawed, join(dir, "fix.xlsx"));
    }
    for (let i = 0; i < rounds; i++) {
      a.push(await addOnce(seed, join(dir, "add.xlsx")));
      f.push(await fixOnce(flawed, join(dir, "fix.xlsx")));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    addWriteMs: median(a.map((x) => x.write)),
    addVerifyMs: median(a.map((x) => x.verify)),
    addRecheckMs: median(a.map((x) => x.recheck)),
    fixWriteMs: median(f.map((x) => x.write)),
    fixVerifyMs: median(f.map((x) => x.verify)),
    fixRecheckMs: median(f.map((x) => x.recheck)),
    fixReadBackMs: median(f.map((x) => x.readBack)),
    fixes: f[0].fixes,
  };
}

// npx tsx bench/writes.ts [--warm N]
if (require.main === module) {
  const at = process.argv.indexOf("--warm");
  void runWriteBench(31, at >= 0 ? Number(process.argv[at + 1]) : 3).then((r) => console.log(r));
}
