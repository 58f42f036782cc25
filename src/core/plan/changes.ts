/**
 * What a plan would change, cell by cell, as the user is shown it before it is applied (修复 in the
 * pane, `fix --dry-run`, the JSON output): computed by running the plan on the snapshot with the same
 * steps every host executes, so the preview cannot disagree with what the apply then does.
 */
import { CellRef } from "../a1";
import { CellValue, WorkbookSnapshot, cellValue, sheetExtent } from "../snapshot";
import { EditPlan } from "./editPlan";
import { applyToWorkbook } from "./applyToSnapshot";
import { Message } from "../i18n";

export interface CellChange extends CellRef {
  before: CellValue;
  after: CellValue;
}

const same = (a: CellValue, b: CellValue): boolean =>
  a === b || (a === null || a === "" ? null : JSON.stringify(a)) === (b === null || b === "" ? null : JSON.stringify(b));

/**
 * The cells whose value differs after the plan, in sheet order. Rows a plan inserts move the cells
 * below them, so an insertion is described by the cells it fills, not by every cell it moved down:
 * only setValue targets are compared for a plan that inserts rows.
 */
export function planChanges(wb: WorkbookSnapshot, plan: EditPlan): { ok: true; changes: CellChange[] } | { ok: false; reason: Message } {
  const r = applyToWorkbook(wb, plan);
  if (!r.ok) return r;
  const inserts = plan.edits.some((e) => e.op === "insertRows");
  const out: CellChange[] = [];
  for (const before of wb.sheets) {
    const after = r.value.sheets.find((s) => s.name === before.name);
    if (!after || !plan.edits.some((e) => e.sheet === before.name)) continue;
    if (inserts) {
      for (const e of plan.edits) {
        if (e.op !== "setValue" || e.sheet !== before.name) continue;
        const v = cellValue(after, e.row, e.col);
        if (!out.some((c) => c.sheet === e.sheet && c.row === e.row && c.col === e.col))
          // What the plan was computed from is what the cell held (a new row's cells held nothing).
          out.push({ sheet: e.sheet, row: e.row, col: e.col, before: e.expected ?? null, after: v });
      }
      continue;
    }
    const a = sheetExtent(before);
    const b = sheetExtent(after);
    const first = Math.min(before.originRow, after.originRow);
    const left = Math.min(before.originCol, after.originCol);
    // Steps copy only the rows they write (steps.ts setCell): a row the plan left alone is the same
    // array in both, so its cells need no comparing (the batch's JSON output diffs every fix).
    const aligned = before.originRow === after.originRow && before.originCol === after.originCol;
    for (let row = first; row <= Math.max(a.lastRow, b.lastRow); row++) {
      if (aligned && before.values[row - first] === after.values[row - first]) continue;
      for (let col = left; col <= Math.max(a.lastCol, b.lastCol); col++) {
        const x = cellValue(before, row, col);
        const y = cellValue(after, row, col);
        if (!same(x, y)) out.push({ sheet: before.name, row, col, before: x, after: y });
      }
    }
  }
  return { ok: true, changes: out };
}
