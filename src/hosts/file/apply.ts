/**
 * Applies an edit plan to an exceljs workbook. The core validates the plan and compiles it into
 * steps against a snapshot of the workbook (core/plan/steps.ts); this file only executes the steps,
 * so the file host, the Excel host and the test fakes make the same workbook from the same plan.
 */
import type { Cell, Workbook } from "exceljs";
import { rangeToA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { CheckResult, checkWorkbook } from "../../core/engine";
import { EditPlan } from "../../core/plan/editPlan";
import { Compiled, Step, compilePlan } from "../../core/plan/steps";
import { Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { ApplyResult } from "../host";
import { copyRowFormat, insertRows } from "./insertRows";
import { unmergeKeepingStyles } from "./merges";
import { snapshotWorkbook } from "./snapshot";
import { adoptOrigin, originOf } from "./write";
import { ApplyEditOptions, EditPrimitives, applyEdit } from "../../app/apply";

function run(wb: Workbook, s: Step): void {
  const ws = wb.getWorksheet(s.sheet)!;
  switch (s.op) {
    case "insertRows":
      return insertRows(wb, ws, s.at + 1, s.count);
    case "copyFormat":
      return copyRowFormat(ws, s.from + 1, s.to + 1, s.count);
    case "unmerge":
      unmergeKeepingStyles(ws, s.range);
      return;
    case "merge":
      ws.mergeCellsWithoutStyle(rangeToA1(s.range));
      return;
    case "write": {
      // Only the value changes; the cell's style (number format, borders, fill) stays as it was.
      const cell = ws.getCell(s.row + 1, s.col + 1);
      cell.value = s.value;
      // A new style object: exceljs may share one between cells that had the same style.
      if (s.numberFormat && (!cell.numFmt || cell.numFmt === "General" || cell.numFmt === "@"))
        cell.style = { ...cell.style, numFmt: s.numberFormat };
      return;
    }
  }
}

/**
 * Applies the plan: compiled by the core against the workbook as it is (a stale or clashing plan is
 * refused before the first step, changing nothing), then executed step by step. `snapshot` saves a
 * re-read when the caller has the current one.
 */
export function applyPlan(wb: Workbook, plan: EditPlan, snapshot?: WorkbookSnapshot): ApplyResult {
  const compiled = applyCompiled(wb, plan, snapshot);
  return compiled.ok ? { ok: true } : compiled;
}

/** applyPlan, returning the compiled plan (verification reuses its expected result). */
export function applyCompiled(wb: Workbook, plan: EditPlan, snapshot?: WorkbookSnapshot): Compiled {
  const compiled = compilePlan(snapshot ?? snapshotWorkbook(wb, ""), plan);
  if (compiled.ok) for (const s of compiled.steps) run(wb, s);
  return compiled;
}

export type VerifiedResult =
  | {
      ok: true;
      after: { snapshot: WorkbookSnapshot; check: CheckResult };
      /** The compiled steps that ran: what a patched copy writes (patchWrite.ts EditLog.record). */
      steps: Step[];
    }
  | { ok: false; reason: Message };

/** exceljs's own messages are English and name its internals: the user is told what happened. */
const CANNOT_HANDLE: Message = {
  zh: "工作簿中有本工具无法处理的内容",
  en: "the workbook holds content this tool cannot handle",
};
const NO_BACKUP: Message = {
  zh: "无法先保存修改前的副本(工作簿中有本工具无法写出的内容)",
  en: "no copy could be kept to undo it (the workbook holds content this tool cannot write)",
};

/**
 * The transaction's primitives on an exceljs workbook (src/app/apply.ts holds the order), used by
 * the CLI (add, fix) and FileHost (the preview) alike. The restore is whole, as on the other hosts:
 * a plan that inserts rows is undone by loading, into the same Workbook object, the copy written
 * just before its first step (an insertion moves rows, merges, formulas, validations and pictures on
 * every sheet: only a copy puts all of that back); any other plan by the core's undo steps, with each
 * written cell's own value and style (its number format) as they were.
 */
function fileEditPrimitives(wb: Workbook, source: string): EditPrimitives {
  let backup: { bytes: ArrayBuffer; origin: ReturnType<typeof originOf> } | null = null;
  let saved: { cell: Cell; value: Cell["value"]; style: Cell["style"] }[] = [];
  const snapshot = () => snapshotWorkbook(wb, source);
  return {
    async readForEdit(names) {
      if (names.some((n) => !wb.getWorksheet(n))) return { refused: "missing" };
      return { before: snapshot() };
    },
    async runSteps(_before, steps) {
      if (steps.some((s) => s.op === "insertRows")) {
        const origin = originOf(wb);
        const bytes = await wb.xlsx.writeBuffer().catch(() => null);
        if (!bytes) return { error: NO_BACKUP, ran: 0 };
        backup = { bytes: bytes as ArrayBuffer, origin };
      } else {
        // Rows do not move: every cell a step writes is where it is now. Last first on undo.
        saved = steps.flatMap((s) => {
          if (s.op !== "write") return [];
          const cell = wb.getWorksheet(s.sheet)!.getCell(s.row + 1, s.col + 1);
          return [{ cell, value: cell.value, style: cell.style }];
        });
      }
      let ran = 0;
      try {
        for (const s of steps) {
          run(wb, s);
          ran++;
        }
        return { ran };
      } catch {
        return { error: CANNOT_HANDLE, ran };
      }
    },
    async reread() {
      return snapshot();
    },
    async runUndo(undo) {
      if (backup) {
        await wb.xlsx.load(backup.bytes);
        // The copy is exceljs's own output: what it dropped still comes from the original package.
        adoptOrigin(wb, backup.origin);
        return;
      }
      for (const u of undo) {
        const ws = wb.getWorksheet(u.sheet)!;
        if (u.op === "unmerge") unmergeKeepingStyles(ws, u.range);
        else if (u.op === "merge") ws.mergeCellsWithoutStyle(rangeToA1(u.range));
        else if (u.op === "restore") ws.getCell(u.row + 1, u.col + 1).value = u.formula ? { formula: u.formula } : (u.value as never);
        else throw new Error("rows to delete without a copy to restore");
      }
      // The cells' own values (rich text, dates as stored) and styles, over the snapshot's values.
      // Only what differs is written back: a cell exceljs refused to write may refuse again.
      for (const { cell, value, style } of saved.slice().reverse()) {
        if (JSON.stringify(cell.value) !== JSON.stringify(value)) cell.value = value as never;
        if (JSON.stringify(cell.style) !== JSON.stringify(style)) cell.style = style;
      }
    },
  };
}

/**
 * Applies the plan through the one transaction (src/app/apply.ts): compiled, run, re-read, proved
 * with the user's `config`, and on failure restored whole before anything is saved or reported.
 * `before` is the snapshot the plan was computed from (its source names the workbook).
 */
export async function applyVerified(
  wb: Workbook,
  plan: EditPlan,
  before: { snapshot: WorkbookSnapshot; check: CheckResult },
  config?: Config,
  /** How the result is checked (the fix loop asks for fixes to plan its next one), and the phases' timings. */
  opts: Omit<ApplyEditOptions, "basis"> = {},
): Promise<VerifiedResult> {
  // `before` was checked with `config` by the caller: the transaction re-checks it only if the
  // workbook read for the edit is not that one.
  const o = await applyEdit(fileEditPrimitives(wb, before.snapshot.source), plan, config, { ...opts, basis: before });
  if (!o.ok) return o;
  const steps = o.steps ?? [];
  if (o.after) return { ok: true, after: o.after, steps };
  const snapshot = snapshotWorkbook(wb, before.snapshot.source);
  return { ok: true, after: { snapshot, check: checkWorkbook(snapshot, config, undefined, opts.check) }, steps };
}
