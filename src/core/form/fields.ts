/** Reading the value that belongs to a label: to its right, past the label's own merged area. */
import { parseAmount } from "../amount";
import { fold, labelKey } from "../text";
import { Grid } from "./grid";
import { LabelHit, isKnownLabel } from "./labelIndex";
import { AmountField, AmountKey, Cell, Field } from "./model";

/**
 * The value cell of a label: the first non-empty cell to its right before the next label. When
 * everything up to the next label is empty, the cell right after the label's merge is returned
 * (empty), so a finding can point at the place to fill in.
 */
export function valueRightOf(grid: Grid, row: number, col: number, lastCol = grid.lastCol): Cell | null {
  const start = grid.rightEdge(row, col) + 1;
  for (let c = start; c <= lastCol;) {
    const cell = grid.cell(row, c);
    if (cell.text !== "") {
      if (typeof cell.value === "string" && isKnownLabel(labelKey(cell.value))) break;
      return cell;
    }
    c = grid.rightEdge(row, c) + 1;
  }
  const first = grid.cell(row, start);
  return typeof first.value === "string" && isKnownLabel(labelKey(first.value)) ? null : first;
}

export function fieldAt(grid: Grid, hit: LabelHit | null, lastCol?: number): Field | null {
  if (!hit) return null;
  if (hit.inline !== undefined) {
    const label = grid.cell(hit.row, hit.col);
    return { label, value: { ...label, value: hit.inline, text: fold(hit.inline) }, inline: true };
  }
  return { label: grid.cell(hit.row, hit.col), value: valueRightOf(grid, hit.row, hit.col, lastCol) };
}

export function amountFieldAt(grid: Grid, key: AmountKey, hit: LabelHit | null, lastCol?: number): AmountField | null {
  // An amount must stand in a cell of its own; a label-with-value hit is never an amount's.
  if (hit?.inline !== undefined) return null;
  const f = fieldAt(grid, hit, lastCol);
  if (!f) return null;
  return { ...f, key, amount: parseAmount(f.value ? f.value.value : null) };
}
