/**
 * The edit transaction, written once for every host (issue #21: "whole or not at all"). Before, the
 * Excel, WPS and file hosts each had their own copy and they disagreed: WPS verified with the default
 * rules instead of the user's, the file host put back values only after a failed structural plan.
 *
 * The order is fixed here; a host only supplies primitives (EditPrimitives):
 *   1. read the sheets the plan touches — a missing, protected or too large sheet is refused before
 *      anything is written;
 *   2. the core compiles the plan against that picture (a stale or clashing plan is refused);
 *   3. the host runs the steps;
 *   4. the sheets are re-read in a step of their own, so a re-read the host refuses after a complete
 *      write is a success with a warning, never a failure;
 *   5. the core's post-conditions are checked with the USER's rule settings;
 *   6. on any failure — a step refused midway or a failed verification — the undo is computed from
 *      the re-read (core/plan/restore.ts), the host runs it, and one more read proves the sheets are
 *      as they were.
 * One ApplyResult comes out, with one set of bilingual messages.
 */
import { rangeToA1 } from "../core/a1";
import { Config } from "../core/config";
import type { CheckOptions, CheckResult } from "../core/engine";
import { errorMessage } from "../core/errors";
import { EditPlan } from "../core/plan/editPlan";
import { undoOf, undoPartial } from "../core/plan/restore";
import { Step, compilePlan } from "../core/plan/steps";
import { UndoStep, sameSheet } from "../core/plan/undo";
import { Message } from "../core/rules/types";
import { WorkbookSnapshot, identicalSheets } from "../core/snapshot";
import type { ApplyResult } from "../hosts/host";

/** Why a host will not let the plan's sheets be written; nothing has been written when it says so. */
export type EditRefusal = { refused: "missing" } | { refused: "tooLarge" } | { refused: "protected"; sheet: string };

export interface EditRead {
  /** The sheets the plan touches (a host may give more: the file host gives the whole workbook). */
  before: WorkbookSnapshot;
  /**
   * The host could not list the merged areas (Excel before ExcelApi 1.13, or past 512 merges): the
   * plan's own unmerges are trusted instead of refused as unmerging nothing.
   */
  mergesUnknown?: boolean;
}

/** What a host must do for the transaction; each call may be asynchronous. */
export interface EditPrimitives {
  /** Reads the sheets for editing, or says why they cannot be written. */
  readForEdit(names: string[], plan: EditPlan): Promise<EditRead | EditRefusal>;
  /**
   * Runs the compiled steps against the sheets as read. `error` when one failed; `ran` is how many
   * ran whole before it, where the host knows it exactly (ET's calls are synchronous: it does; an
   * Excel batch does not say which operation failed: it does not, and the undo infers it).
   */
  runSteps(before: WorkbookSnapshot, steps: Step[]): Promise<{ error?: unknown; ran?: number }>;
  /** Reads the sheets again in a request of its own; null when the host refuses the read. */
  reread(names: string[]): Promise<WorkbookSnapshot | null>;
  /**
   * Puts the sheets back as `before` (the steps, what they did wrongly, the host's own side changes
   * such as number formats); throws when the host refuses. `undo` is the core's inverse of what ran.
   */
  runUndo(undo: UndoStep[], before: WorkbookSnapshot): Promise<void>;
}

/** ApplyResult, with what the workbook looks like after a verified edit (the CLI plans its next fix on it). */
export type EditOutcome =
  | {
      ok: true;
      warning?: Message;
      after?: { snapshot: WorkbookSnapshot; check: CheckResult };
      /** The compiled steps that ran (a file host patches the user's package from them). */
      steps?: Step[];
    }
  | { ok: false; reason: Message };

/** The transaction's messages: one set for every host. */
const APPLY = {
  missing: {
    zh: "找不到修改涉及的工作表(可能已改名或删除),请重新校验后再试。",
    en: "A sheet the change needs was not found (renamed or deleted?); check again and retry.",
  },
  tooLarge: {
    zh: "修改涉及的工作表太大,无法一次读出,未做任何修改。请把申报表复制到单独的工作表后再试。",
    en: "A sheet the change needs is too large to read at once; nothing was changed. Copy the form to a sheet of its own and retry.",
  },
  protected: (sheet: string): Message => ({
    zh: `工作表「${sheet}」受保护,无法修改。请在“审阅 → 撤销工作表保护”后再试。`,
    en: `Sheet "${sheet}" is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet) and try again.`,
  }),
  unverified: {
    zh: "修改已写入,但无法重新读出工作表以核对结果(工作表太大或合并区域过多)。请重新校验确认。",
    en: "The change was written, but the sheet could not be read back to verify it (too large, or too many merged areas). Check again to confirm.",
  },
  /** `e` is the host's error, or a Message when the host has already said it in both languages. */
  midway: (e: unknown): Message => {
    const m = isMessage(e) ? e : { zh: errorMessage(e), en: errorMessage(e) };
    return { zh: `修改未能全部完成:${m.zh}`, en: `the change could not be completed: ${m.en}` };
  },
  notApplied: (title: Message, why: Message): Message => ({
    zh: `“${title.zh}”未应用:${why.zh}。表格已恢复原状。`,
    en: `"${title.en}" was not applied: ${why.en}. The sheet is as it was.`,
  }),
  notRestored: (title: Message, why: Message): Message => ({
    zh: `“${title.zh}”未能完成(${why.zh}),且未能完全恢复原状。请检查表格(支持撤销时可按 Ctrl+Z),然后重新校验。`,
    en: `"${title.en}" could not be completed (${why.en}) and could not be fully undone. Check the sheet (press Ctrl+Z where it can be undone), then check again.`,
  }),
};

function isMessage(e: unknown): e is Message {
  return typeof (e as Message)?.zh === "string" && typeof (e as Message)?.en === "string";
}

function refusal(r: EditRefusal): Message {
  if (r.refused === "protected") return APPLY.protected(r.sheet);
  return r.refused === "missing" ? APPLY.missing : APPLY.tooLarge;
}

/** Where the merges are unknown, the plan's unmerges are taken as there (see EditRead.mergesUnknown). */
function withPlanUnmerges(before: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  return {
    ...before,
    sheets: before.sheets.map((s) => ({
      ...s,
      merges: [...s.merges, ...plan.edits.flatMap((e) => (e.op === "unmerge" && e.sheet === s.name ? [rangeToA1(e.range)] : []))],
    })),
  };
}

/** A check the caller already made, with the settings of `config`, and the workbook it was made of. */
export interface CheckedBasis {
  snapshot: WorkbookSnapshot;
  check: CheckResult;
}

export interface ApplyEditOptions {
  /** The caller's check of the workbook the plan was computed from (see checkOfBasis). */
  basis?: CheckedBasis;
  /** How the result is checked: the CLI's fix loop plans its next fix on that check, so it asks for fixes. */
  check?: CheckOptions;
  /** Told how long each phase of a successful edit took (ms): `npm run bench` splits writes from their proof by it. */
  timings?: (t: EditTimings) => void;
}

/** A verified edit's phases, in milliseconds. */
export interface EditTimings {
  /** The host's read for the edit and the plan compiled against it. */
  prepare: number;
  /** The host running the steps (for the file host: its undo copy too). */
  run: number;
  /** The host's re-read of the result. */
  reread: number;
  /** Checking the result: what a re-check after the edit costs anyway. */
  checkAfter: number;
  /** The post-conditions themselves (core/plan/verify.ts), and the before-check when the caller's could not stand for it. */
  verify: number;
}

/**
 * The caller's check stands for a check of what the host read for the edit when the read is the same
 * workbook, sheet for sheet and field for field: checking it again would give the same findings.
 */
function checkOfBasis(basis: CheckedBasis | undefined, read: WorkbookSnapshot): CheckResult | null {
  if (!basis || basis.snapshot.sheets.length !== read.sheets.length) return null;
  return read.sheets.every((s, i) => identicalSheets(basis.snapshot.sheets[i], s)) ? basis.check : null;
}

/**
 * Applies `plan` through the host's primitives, whole or not at all. `config` is the user's rule
 * settings: "a new error" after the edit is judged by them, on every host.
 */
export async function applyEdit(p: EditPrimitives, plan: EditPlan, config?: Config, opts: ApplyEditOptions = {}): Promise<EditOutcome> {
  if (!plan.edits.length) return { ok: true };
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const names = [...new Set(plan.edits.map((e) => e.sheet))];
  const read = await p.readForEdit(names, plan);
  if ("refused" in read) return { ok: false, reason: refusal(read) };
  const before = read.before;
  const known = read.mergesUnknown ? withPlanUnmerges(before, plan) : before;
  const compiled = compilePlan(known, plan);
  if (!compiled.ok) return { ok: false, reason: compiled.reason };

  const prepare = lap();
  const run = await p.runSteps(known, compiled.steps);
  const ran = lap();
  const failure = run.error !== undefined ? APPLY.midway(run.error) : null;
  const after = await p.reread(names);
  const reread = lap();
  let why: Message;
  if (!failure) {
    // Written whole but not readable back: said, and never called a failure.
    if (!after) return { ok: true, warning: APPLY.unverified, steps: compiled.steps };
    // The check engine is a chunk of its own, so the pane paints before it is downloaded (bench: first
    // load); by the first write a check has long fetched it.
    const [{ checkWorkbook }, { verifyPlan }] = await Promise.all([
      import(/* webpackChunkName: "engine" */ "../core/engine"),
      import(/* webpackChunkName: "engine" */ "../core/plan/verify"),
    ]);
    lap(); // loading the engine is no phase of the edit (it is loaded once)
    const afterCheck = checkWorkbook(after, config, undefined, opts.check);
    const checkAfter = lap();
    const beforeCheck = (!read.mergesUnknown && checkOfBasis(opts.basis, before)) || checkWorkbook(before, config);
    const verdict = verifyPlan({ snapshot: before, check: beforeCheck }, after, plan, config, afterCheck, compiled);
    if (verdict.ok) {
      opts.timings?.({ prepare, run: ran, reread, checkAfter, verify: lap() });
      return { ok: true, after: { snapshot: after, check: verdict.after }, steps: compiled.steps };
    }
    why = verdict.reason;
  } else {
    if (!after) return { ok: false, reason: APPLY.notRestored(plan.title, failure) };
    why = failure;
  }

  // Put back what ran (and whatever it did wrongly), then prove the sheets are as they were.
  const undo = failure ? undoPartial(before, after, compiled.steps, run.ran) : undoOf(before, after, compiled.steps);
  try {
    await p.runUndo(undo, before);
  } catch {
    return { ok: false, reason: APPLY.notRestored(plan.title, why) };
  }
  const now = await p.reread(names);
  const restored =
    now !== null &&
    before.sheets.every((s) => {
      const x = now.sheets.find((y) => y.name === s.name);
      return x !== undefined && sameSheet(s, x);
    });
  if (!restored) return { ok: false, reason: APPLY.notRestored(plan.title, why) };
  return { ok: false, reason: failure ? APPLY.notApplied(plan.title, failure) : why };
}

/** The outcome as Host.apply reports it (without the re-read the CLI plans on). */
export function toApplyResult(o: EditOutcome): ApplyResult {
  if (!o.ok) return o;
  return o.warning ? { ok: true, warning: o.warning } : { ok: true };
}
