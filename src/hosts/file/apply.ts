/**
 * Applies an edit plan to an exceljs workbook. The core validates the plan and compiles it into
 * steps against a snapshot of the workbook (core/plan/steps.ts); this file only executes the steps,
 * so the file host, the Excel host and the test fakes make the same workbook from the same plan.
 */
import type { Workbook } from "exceljs";
import { rangeToA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { CheckResult } from "../../core/engine";
import { EditPlan } from "../../core/plan/editPlan";
import { Compiled, Step, compilePlan } from "../../core/plan/steps";
import { verifyPlan } from "../../core/plan/verify";
import { Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { ApplyResult } from "../host";
import { copyRowFormat, insertRows } from "./insertRows";
import { unmergeKeepingStyles } from "./merges";
import { snapshotWorkbook } from "./snapshot";

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
  { ok: true; after: { snapshot: WorkbookSnapshot; check: CheckResult } } | { ok: false; reason: Message; undone: boolean };

/**
 * Applies the plan, re-reads the workbook and proves the plan's post-conditions (core/plan/verify.ts)
 * before the caller saves or reports anything. A value-only plan that fails is undone here (its old
 * cell values put back); after a failed structural plan the workbook must be discarded or restored
 * by the caller (`undone: false`) — the CLI then writes nothing, FileHost reloads its backup.
 * `before` is the snapshot and check the plan was computed from.
 */
export function applyVerified(
  wb: Workbook,
  plan: EditPlan,
  before: { snapshot: WorkbookSnapshot; check: CheckResult },
  config?: Config,
): VerifiedResult {
  const valuesOnly = plan.edits.every((e) => e.op === "setValue");
  // The cells a value-only plan writes, with what they hold now, to put back if it fails.
  const compiled = valuesOnly ? compilePlan(before.snapshot, plan) : null;
  const saved = (compiled?.ok ? compiled.steps : []).flatMap((s) => {
    if (s.op !== "write") return [];
    const cell = wb.getWorksheet(s.sheet)!.getCell(s.row + 1, s.col + 1);
    return [{ cell, value: cell.value }];
  });
  /** Puts the saved values back where they changed; false when one cannot be put back. */
  const putBack = (): boolean => {
    let all = true;
    // Last edit first, so a cell written twice gets its original value back.
    for (const { cell, value } of saved.slice().reverse()) {
      if (!cell || JSON.stringify(cell.value) === JSON.stringify(value)) continue;
      try {
        cell.value = value as never;
      } catch {
        all = false;
      }
    }
    return all;
  };
  let applied: Compiled;
  try {
    applied = applyCompiled(wb, plan, before.snapshot);
  } catch {
    // exceljs refused a step (its message is English and about its internals): the user is told
    // what happened; values are put back, a structural change is left for the caller to discard.
    const undone = valuesOnly && putBack();
    return {
      ok: false,
      undone,
      reason: {
        zh: `应用“${plan.title.zh}”时出错(工作簿中有本工具无法处理的内容),${undone ? "已撤销" : "未完成"}`,
        en: `Applying "${plan.title.en}" failed (the workbook holds content this tool cannot handle); ${undone ? "it was undone" : "it was not completed"}`,
      },
    };
  }
  if (!applied.ok) return { ok: false, reason: applied.reason, undone: true };
  const snapshot = snapshotWorkbook(wb, before.snapshot.source);
  const v = verifyPlan(before, snapshot, plan, config, undefined, applied);
  if (v.ok) return { ok: true, after: { snapshot, check: v.after } };
  return { ok: false, reason: v.reason, undone: valuesOnly && putBack() };
}
