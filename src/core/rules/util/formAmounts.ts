/** The usable value of one 预算整体情况 amount, with the cell it came from. */
import { AmountKey, FormModel } from "../../form/model";
import { CellLoc } from "../types";
import { usableValue } from "./money";

export interface FormAmount {
  value: number;
  cell: CellLoc;
}

/** Null when the form lacks the row, or the cell is empty, an error or unreadable: a sum with a
 * missing operand would report a false difference, and required/amount rules report the cell. */
export function formAmount(form: FormModel, key: AmountKey): FormAmount | null {
  const f = form.amounts[key];
  if (!f || !f.value) return null;
  const value = usableValue(f.amount);
  return value === null ? null : { value, cell: { row: f.value.row, col: f.value.col } };
}

/** All the amounts, or null when any is missing. */
export function formAmounts<K extends AmountKey>(form: FormModel, keys: readonly K[]): Record<K, FormAmount> | null {
  const out = {} as Record<K, FormAmount>;
  for (const k of keys) {
    const a = formAmount(form, k);
    if (!a) return null;
    out[k] = a;
  }
  return out;
}
