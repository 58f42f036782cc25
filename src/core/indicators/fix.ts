/** Fix plans for indicator values: set cells to new text, refusing if the cell changed since. */
import { Cell } from "../form/model";
import { EditPlan, setValue } from "../plan/editPlan";
import { Message } from "../rules/types";

export function setValuesPlan(sheet: string, title: Message, edits: { cell: Cell; value: string }[]): EditPlan {
  return { title, edits: edits.map((e) => setValue({ sheet, row: e.cell.row, col: e.cell.col }, e.value, e.cell.value)) };
}

/** A value a fix may rewrite: its own text is what the user sees. A number shown through a format, or
 * a target joined from operator / value / unit columns, would be damaged by writing text into it. */
export function rewritable(cell: Cell): boolean {
  return cell.shown === undefined;
}
