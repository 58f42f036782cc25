/**
 * Applies an EditPlan to snapshots, purely: the plan compiled into steps (steps.ts) and the steps
 * run on the snapshot — the same steps, with the same validation, that every host executes. The
 * core's tests, the test fakes and the Excel host's pre-flight use this without exceljs or Excel.
 */
import { Message } from "../rules/types";
import { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { EditPlan } from "./editPlan";
import { compilePlan } from "./steps";

export type SnapshotApplyResult<T> = { ok: true; value: T } | { ok: false; reason: Message };

/** Applies the plan to the workbook; all or nothing, like the hosts. */
export function applyToWorkbook(wb: WorkbookSnapshot, plan: EditPlan): SnapshotApplyResult<WorkbookSnapshot> {
  const c = compilePlan(wb, plan);
  return c.ok ? { ok: true, value: c.result } : c;
}

/** Applies the edits addressed to this sheet. */
export function applyToSnapshot(sheet: SheetSnapshot, plan: EditPlan): SnapshotApplyResult<SheetSnapshot> {
  const r = applyToWorkbook({ source: "", sheets: [sheet] }, { ...plan, edits: plan.edits.filter((e) => e.sheet === sheet.name) });
  return r.ok ? { ok: true, value: r.value.sheets[0] } : r;
}
