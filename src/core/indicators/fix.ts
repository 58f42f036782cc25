/** Fix plans for indicator values: set cells to new text, refusing if the cell changed since. */
import { toA1 } from "../a1";
import { Cell } from "../form/model";
import { EditPlan, setValue } from "../plan/editPlan";
import { Message } from "../rules/types";

export function setValuesPlan(sheet: string, title: Message, edits: { cell: Cell; value: string }[]): EditPlan {
  return { title, edits: edits.map((e) => setValue(sheet, toA1(e.cell.row, e.cell.col), e.value, e.cell.value)) };
}
