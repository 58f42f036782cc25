/** The 年度重点工作任务 table: a header row (名称 / 主要实施内容 / 拟投入的资金 / 期望达到的目标) and its rows. */
import { parseAmount } from "../amount";
import { fromYuan } from "./amounts";
import { labelKey } from "../text";
import { Grid } from "./grid";
import { LabelHit, LabelIndex, isKnownLabel } from "./labelIndex";
import * as L from "./labels";
import { FormModel, KeyTask } from "./model";

const ORDINAL = /^(\(?(\d+|[一二三四五六七八九十]+)\)?)[、.,)]?$/;

export function readTasks(grid: Grid, index: LabelIndex, label: LabelHit | null, bottom: number): Pick<FormModel, "tasks" | "taskColumns"> {
  const none = { tasks: [], taskColumns: null };
  if (!label) return none;
  // The header row sits on the label's row or just below it.
  let header = -1;
  const cols = { name: -1, content: -1, amount: -1, goal: -1 };
  let yuan = false;
  for (let r = label.row; r <= Math.min(label.row + 3, bottom) && header < 0; r++) {
    for (const h of index.hits) {
      if (h.row !== r || h.col <= label.col) continue;
      if (L.matches(h.key, L.TASK_HEADERS.name) && cols.name < 0) cols.name = h.col;
      else if (L.matches(h.key, L.TASK_HEADERS.content)) cols.content = h.col;
      else if (L.matches(h.key, L.TASK_HEADERS.amount)) {
        cols.amount = h.col;
        yuan = L.YUAN_HEADER.test(h.key);
      } else if (L.matches(h.key, L.TASK_HEADERS.goal)) cols.goal = h.col;
    }
    if (cols.name >= 0 && cols.amount >= 0) header = r;
    else Object.assign(cols, { name: -1, content: -1, amount: -1, goal: -1 });
  }
  if (header < 0) return none;
  if (cols.content < 0) cols.content = grid.rightEdge(header, cols.name) + 1;
  if (cols.goal < 0) cols.goal = grid.rightEdge(header, cols.amount) + 1;

  const tasks: KeyTask[] = [];
  for (let r = header + 1; r <= bottom; r++) {
    // A section label in the left columns ends the table (其他需完成的任务, 绩效指标 …).
    let ended = false;
    for (let c = label.col; c <= cols.name; c++) {
      const v = grid.raw(r, c);
      if (typeof v === "string" && v.trim() !== "") {
        const key = labelKey(v);
        // A 序号 ("1", "一、", "(3)") left of the name numbers the task; it is no section label.
        if (c < cols.name && ORDINAL.test(key)) continue;
        if (c < cols.name || isKnownLabel(key) || L.OTHER_TASKS.test(key)) {
          ended = true;
          break;
        }
      }
    }
    if (ended) break;
    const name = grid.cell(r, cols.name);
    const content = grid.cell(r, cols.content);
    const amount = grid.cell(r, cols.amount);
    const goal = grid.cell(r, cols.goal);
    if (name.row !== r && content.row !== r && amount.row !== r && goal.row !== r) continue;
    if (!name.text && !content.text && !amount.text && !goal.text) continue;
    const parsed = parseAmount(amount.value);
    tasks.push({
      row: r,
      name,
      content,
      amount,
      goal,
      ...(yuan ? { parsedAmount: fromYuan(parsed), yuan: true as const } : { parsedAmount: parsed }),
    });
  }
  return { tasks, taskColumns: cols };
}
