/**
 * Edit plans: what a fix or a template insertion wants done to the workbook, as data. The core only
 * produces them; each host (Excel, .xlsx file) applies them. Hosts apply the edits in order.
 */
import { CellRef, RangePos } from "../a1";
import { CellValue } from "../snapshot";

/** Set one cell's value; the cell is `sheet`, `row`, `col` (0-based, a CellRef: A1 is formatted only
 * where the cell is shown or sent to Excel). `expected` is what the plan was computed from: a host
 * refuses to overwrite a cell that has changed since, so a stale fix never clobbers the user's newer
 * input. */
export interface SetValueEdit extends CellRef {
  op: "setValue";
  value: string | number | null;
  expected?: CellValue;
}

/** Insert whole rows before `row` (0-based, like every position in the core: row 0 is Excel's row 1),
 * copying formats (borders, fills, fonts, height) from row `formatFrom` (0-based, numbered before the
 * insertion). */
export interface InsertRowsEdit {
  op: "insertRows";
  sheet: string;
  row: number;
  count: number;
  formatFrom: number;
}

/** Merge or unmerge exactly the area `range` (0-based rows and columns, like a RangePos everywhere). */
export interface MergeEdit {
  op: "merge" | "unmerge";
  sheet: string;
  range: RangePos;
}

export type Edit = SetValueEdit | InsertRowsEdit | MergeEdit;

export interface EditPlan {
  /** Shown on the button and in the undo/confirmation text. */
  title: { zh: string; en: string };
  edits: Edit[];
}

export function setValue(at: CellRef, value: string | number | null, expected?: CellValue): SetValueEdit {
  return { op: "setValue", sheet: at.sheet, row: at.row, col: at.col, value, expected };
}

/**
 * A fix that inserts no rows: it sets values, each write guarded by its expected value, and may move
 * a merge with the cells it covers (a slid row moved back), which verification proves kept. The CLI's
 * `fix` and the pane's 修复全部 apply these without asking; a plan that inserts rows is always the
 * user's choice.
 */
export function isSafePlan(plan: EditPlan): boolean {
  return plan.edits.length > 0 && plan.edits.every((e) => e.op !== "insertRows");
}
