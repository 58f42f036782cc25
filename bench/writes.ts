/**
 * Write benchmark (issue #7): `add` and `fix` on the examples, in process, split into the write
 * (apply the plan, patch the input's package, write the file atomically) and the verification that
 * proves the plan's post-conditions before anything is saved (re-read snapshot + re-check + checks).
 * Medians of interleaved rounds after a warm-up, so JIT and caches are the same for both parts.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { performance } from "perf_hooks";
import { writeFileAtomic } from "../src/cli/files";
import { checkWorkbook } from "../src/core/engine";
import { EditPlan } from "../src/core/plan/editPlan";
import { verifyPlan } from "../src/core/plan/verify";
import { findTemplate } from "../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../src/core/templates/insert";
import { applyCompiled, applyPlan } from "../src/hosts/file/apply";
import { openXlsx } from "../src/hosts/file/open";
import { snapshotWorkbook } from "../src/hosts/file/snapshot";
import { EditLog, writePatched } from "../src/hosts/file/patchWrite";
import { inflateRawSync } from "zlib";

const root = join(__dirname, "..");
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export interface WriteBench {
  addWriteMs: number;
  addVerifyMs: number;
  fixWriteMs: number;
  /** Verification's own comparisons, on top of the re-check the fix loop does anyway. */
  fixVerifyMs: number;
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

async function addOnce(bytes: Uint8Array, out: string): Promise<{ write: number; verify: number }> {
  const read = await openXlsx(bytes, "seed-form.xlsx");
  const check = checkWorkbook(read.snapshot);
  const form = check.recognitions.flatMap((r) => r.forms)[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("quantity.training-sessions")!);
  if (isInsertError(plan)) throw new Error(plan.error.en);
  let t = performance.now();
  // As applyVerified does: the plan compiled to apply it is the one verification compares with.
  const compiled = applyCompiled(read.workbook, plan, read.snapshot);
  if (!compiled.ok) throw new Error("apply failed");
  let write = performance.now() - t;
  t = performance.now();
  const v = verifyPlan(
    { snapshot: read.snapshot, check },
    snapshotWorkbook(read.workbook, "seed-form.xlsx"),
    plan,
    undefined,
    undefined,
    compiled,
  );
  const verify = performance.now() - t;
  if (!v.ok) throw new Error(v.reason.en);
  // As `budget-form add` does since issue #25: the compiled steps patched into the input's package,
  // read back and compared with the model (part of verification) before the file is written.
  t = performance.now();
  const patched = await writePatched(bytes, { steps: compiled.steps }, snapshotWorkbook(read.workbook, "seed-form.xlsx"), {
    inflateRaw: inflateRawSync,
    before: read.snapshot,
  });
  writeFileAtomic(out, patched.bytes, "replace");
  write += performance.now() - t - patched.verifyMs;
  return { write, verify: verify + patched.verifyMs };
}

/**
 * As `budget-form fix` does since issue #25: the fixes are applied in exceljs's model, then patched
 * into the input's own package; the patched bytes are read back and compared with the model
 * (verification, with verifyPlan's comparisons) before the file is written.
 */
async function fixOnce(
  bytes: Uint8Array,
  out: string,
): Promise<{ write: number; verify: number; fixes: number; recheck: number; readBack: number }> {
  const read = await openXlsx(bytes, "flawed.xlsx");
  const log = new EditLog();
  let snapshot = read.snapshot;
  let check = checkWorkbook(snapshot);
  let write = 0;
  let verify = 0;
  let recheckMs = 0;
  let fixes = 0;
  const isSafe = (p: EditPlan) => p.edits.length > 0 && p.edits.every((e) => e.op === "setValue");
  for (;;) {
    const next = check.findings.find((f) => f.fix && isSafe(f.fix));
    if (!next || fixes > 20) break;
    let t = performance.now();
    for (const e of next.fix!.edits) if (e.op === "setValue") log.touch(read.workbook, e);
    if (!applyPlan(read.workbook, next.fix!).ok) throw new Error("apply failed");
    write += performance.now() - t;
    // The re-check the fix loop needs anyway to find the next fix (it did so before verification
    // existed) is not verification's cost; what verification adds is the comparison on top of it.
    t = performance.now();
    const after = snapshotWorkbook(read.workbook, "flawed.xlsx");
    const recheck = checkWorkbook(after);
    recheckMs += performance.now() - t;
    t = performance.now();
    const v = verifyPlan({ snapshot, check }, after, next.fix!, undefined, recheck);
    verify += performance.now() - t;
    if (!v.ok) throw new Error(v.reason.en);
    // The CLI re-checks after each fix anyway; the verification's re-check stands in for it.
    snapshot = after;
    check = v.after;
    fixes++;
  }
  const t = performance.now();
  const patched = await writePatched(bytes, log.edits(read.workbook), snapshot, {
    inflateRaw: inflateRawSync,
    before: read.snapshot,
  });
  writeFileAtomic(out, patched.bytes, "replace");
  write += performance.now() - t - patched.verifyMs;
  verify += patched.verifyMs;
  return { write, verify, fixes, recheck: recheckMs, readBack: patched.verifyMs };
}

export async function runWriteBench(rounds = 31): Promise<WriteBench> {
  const dir = mkdtempSync(join(tmpdir(), "bfa-writes-"));
  const seed = new Uint8Array(readFileSync(join(root, "examples/seed-form.xlsx")));
  const flawed = await flawedBytes();
  const a: { write: number; verify: number }[] = [];
  const f: { write: number; verify: number; fixes: number; recheck: number; readBack: number }[] = [];
  try {
    for (let i = 0; i < 3; i++) {
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
    fixWriteMs: median(f.map((x) => x.write)),
    fixVerifyMs: median(f.map((x) => x.verify)),
    fixRecheckMs: median(f.map((x) => x.recheck)),
    fixReadBackMs: median(f.map((x) => x.readBack)),
    fixes: f[0].fixes,
  };
}

if (require.main === module) {
  void runWriteBench().then((r) => console.log(r));
}
