/** Where a field's value is typed: its value cell. When the next label follows right after the
 * label there is no such cell, and the label itself is the place to point at (not the next label). */
import { Field } from "../../form/model";
import { CellLoc } from "../types";

export function valueCellOf(field: Field): CellLoc {
  const c = field.value ?? field.label;
  return { row: c.row, col: c.col };
}
