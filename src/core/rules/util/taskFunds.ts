/** Σ 拟投入的资金 of the key tasks, and whether that sum is complete. */
import { FormModel } from "../../form/model";
import { CellLoc } from "../types";
import { sumCents, usableValue } from "./money";

export interface TaskFunds {
  sum: number;
  /** Cells of the tasks that carry an amount. */
  cells: CellLoc[];
  /** Some task amount is empty: the sum is then a lower bound. */
  hasEmpty: boolean;
  /** Some task amount is an error, unreadable or negative: the sum is no bound at all. */
  unusable: boolean;
}

export function taskFunds(form: FormModel): TaskFunds {
  const values: number[] = [];
  const cells: CellLoc[] = [];
  let hasEmpty = false;
  let unusable = false;
  for (const t of form.tasks) {
    if (t.parsedAmount.state === "empty") {
      hasEmpty = true;
      continue;
    }
    const v = usableValue(t.parsedAmount);
    if (v === null || v < 0) {
      unusable = true;
      continue;
    }
    values.push(v);
    cells.push({ row: t.amount.row, col: t.amount.col });
  }
  return { sum: sumCents(values), cells, hasEmpty, unusable };
}
