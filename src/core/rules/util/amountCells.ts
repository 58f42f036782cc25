/**
 * Every cell of the form that holds an amount in 万元: the 预算整体情况 figures and each key task's
 * 拟投入的资金, in reading order, each with a name for messages.
 */
import { ParsedAmount } from "../../amount";
import { Cell, FormModel } from "../../form/model";
import { Message } from "../types";
import { AMOUNT_NAMES, printedName } from "./amountNames";

export interface AmountCell {
  cell: Cell;
  amount: ParsedAmount;
  name: Message;
  /** Written in 元 under a 元 header; amount is in 万元. */
  yuan?: true;
}

export function amountCells(form: FormModel): AmountCell[] {
  const out: AmountCell[] = [];
  for (const f of Object.values(form.amounts)) {
    if (!f || !f.value) continue;
    out.push({
      cell: f.value,
      amount: f.amount,
      name: { zh: printedName(f), en: AMOUNT_NAMES[f.key].en },
      ...(f.yuan ? { yuan: f.yuan } : {}),
    });
  }
  for (const t of form.tasks) {
    const task = t.name.text || `第 ${t.row + 1} 行`;
    const taskEn = t.name.text ? `"${t.name.text}"` : `in row ${t.row + 1}`;
    out.push({
      cell: t.amount,
      amount: t.parsedAmount,
      name: { zh: `重点工作任务「${task}」的拟投入的资金`, en: `the planned funds of key task ${taskEn}` },
      ...(t.yuan ? { yuan: t.yuan } : {}),
    });
  }
  return out.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
}
