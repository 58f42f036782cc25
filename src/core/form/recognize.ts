/**
 * Finds the 申报表 on a sheet by its labels, never by fixed addresses: it may start anywhere, on any
 * sheet, twice on one sheet, with full-width brackets or spaces inside labels.
 */
import { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { isBlank } from "../text";
import { readAmounts } from "./amounts";
import { fieldAt } from "./fields";
import { Grid } from "./grid";
import { findIndicatorHeaders, readIndicators } from "./indicators";
import { LabelHit, LabelIndex } from "./labelIndex";
import * as L from "./labels";
import { FormModel } from "./model";
import { readTasks } from "./tasks";

/** The anchors a sheet must show to count as the form; their zh names go into form-not-found. */
export const ANCHORS = [
  { id: "department", zh: "部门名称", en: "department name" },
  { id: "budget", zh: "预算整体情况 / 基本支出", en: "budget overview / basic expenditure" },
  { id: "goal", zh: "总体绩效目标", en: "overall performance goal" },
  { id: "tasks", zh: "年度重点工作任务", en: "key annual tasks" },
  { id: "indicators", zh: "绩效指标表头(一级指标/二级指标/三级指标)", en: "indicator table header" },
] as const;

export type AnchorId = (typeof ANCHORS)[number]["id"];

/** How many anchors make a sheet "the form". */
const MIN_ANCHORS = 3;

export interface SheetRecognition {
  sheet: string;
  forms: RecognizedForm[];
  /** Anchors missing on this sheet when no form was found (empty when one was). */
  missing: AnchorId[];
  /** Anchors found (for telling "nearly a form" from "unrelated sheet"). */
  found: AnchorId[];
  /** One plain sentence saying what the sheet is when no form was read on it. */
  notForm?: { zh: string; en: string };
}

export interface RecognizedForm {
  model: FormModel;
  grid: Grid;
}

function anchorsIn(index: LabelIndex, grid: Grid, top: number, bottom: number): AnchorId[] {
  const found: AnchorId[] = [];
  if (index.find(L.DEPARTMENT, top, bottom)) found.push("department");
  if (index.find(L.BUDGET, top, bottom) || index.find(L.AMOUNT_LABELS.basic, top, bottom)) found.push("budget");
  if (index.find(L.OVERALL_GOAL, top, bottom)) found.push("goal");
  if (index.find(L.KEY_TASKS, top, bottom)) found.push("tasks");
  if (findIndicatorHeaders(grid, index, top, bottom).length > 0) found.push("indicators");
  return found;
}

/**
 * The last column of the form: the columns from its left edge on that hold a value or a merged area
 * on some row of the form. A wholly empty column separates the form from a table beside it, whose
 * cells must not be read as the form's values.
 */
function formRightEdge(grid: Grid, top: number, bottom: number, left: number): number {
  let right = left;
  for (let c = left; c <= grid.lastCol; c++) {
    let used = false;
    for (let r = top; r <= bottom && !used; r++) used = grid.merge(r, c) !== null || !isBlank(grid.raw(r, c));
    if (!used) break;
    right = c;
  }
  return right;
}

function readForm(grid: Grid, index: LabelIndex, top: number, bottom: number): FormModel {
  const headers = findIndicatorHeaders(grid, index, top, bottom);
  const indicators = headers.length > 0 ? readIndicators(grid, index, headers[0], bottom) : null;
  const dept = index.find(L.DEPARTMENT, top, bottom);
  // The form starts at its title when one sits just above 部门名称, else at 部门名称 itself.
  const deptRow = dept ? dept.row : top;
  const title = index.hits.find((h) => h.row >= Math.max(top, deptRow - 3) && h.row <= deptRow && L.TITLE.test(h.key));
  const firstRow = title ? title.row : deptRow;
  const lastRow = indicators ? indicators.lastRow : bottom;
  // A reduce, not Math.min(...): a long sheet may hold more labels than a call takes arguments.
  const left = index.hits.reduce((m, h) => (h.row >= top && h.row <= bottom && h.col < m ? h.col : m), Infinity);
  const right = formRightEdge(grid, firstRow, lastRow, Number.isFinite(left) ? left : grid.firstCol);
  const find = (names: string[], from = top, to = bottom) => {
    const hit = index.find(names, from, to);
    return hit && hit.col <= right ? hit : null;
  };
  const field = (hit: LabelHit | null) => fieldAt(grid, hit, right);

  const tasksLabel = find(L.KEY_TASKS);
  const taskBottom = indicators ? indicators.headerRow - 1 : bottom;
  // The budget block ends where the next section (key tasks, indicators) begins: a 合计 printed
  // under the key tasks is theirs, not the budget's.
  const budget = find(L.BUDGET) ?? find(L.AMOUNT_LABELS.basic);
  const budgetTop = budget ? budget.row : top;
  const next = [tasksLabel?.row, indicators?.headerRow].filter((r): r is number => r !== undefined && r > budgetTop);
  const budgetBottom = next.length > 0 ? Math.min(...next) - 1 : bottom;
  const amounts = readAmounts(grid, index, { top, bottom: budgetBottom, right });
  return {
    kind: "department",
    title: title ? grid.cell(title.row, title.col) : null,
    sheet: grid.name,
    top: firstRow,
    left: Number.isFinite(left) ? left : grid.firstCol,
    bottom: lastRow,
    right: indicators ? Math.max(right, grid.rightEdge(indicators.headerRow, indicators.columns.annual)) : right,
    department: field(dept && dept.col <= right ? dept : null),
    headcount: field(find(L.HEADCOUNT)),
    subUnits: field(find(L.SUB_UNITS)),
    amounts,
    overallGoal: field(find(L.OVERALL_GOAL)),
    tasksLabel: tasksLabel ? grid.cell(tasksLabel.row, tasksLabel.col) : null,
    ...readTasks(grid, index, tasksLabel, taskBottom),
    indicators,
  };
}

export function recognizeSheet(sheet: SheetSnapshot): SheetRecognition {
  const grid = new Grid(sheet);
  const index = new LabelIndex(grid);
  const found = anchorsIn(index, grid, grid.firstRow, grid.lastRow);
  const missing = ANCHORS.map((a) => a.id).filter((id) => !found.includes(id));
  if (found.length < MIN_ANCHORS) return { sheet: sheet.name, forms: [], missing, found };
  // Each 部门名称 starts a form; a sheet holding two forms one under the other yields both.
  // One start per row: a 部门名称 cell whose value reads "单位名称：…" is the same form.
  const starts = [...new Set(index.all(L.DEPARTMENT).map((h) => h.row))];
  const bands: [number, number][] = [];
  if (starts.length <= 1) bands.push([grid.firstRow, grid.lastRow]);
  else {
    starts.forEach((s, i) => bands.push([i === 0 ? grid.firstRow : s, i + 1 < starts.length ? starts[i + 1] - 1 : grid.lastRow]));
  }
  const forms: RecognizedForm[] = [];
  for (const [top, bottom] of bands) {
    if (anchorsIn(index, grid, top, bottom).length >= MIN_ANCHORS) forms.push({ model: readForm(grid, index, top, bottom), grid });
  }
  return { sheet: sheet.name, forms, missing: forms.length ? [] : missing, found };
}

export function recognizeWorkbook(wb: WorkbookSnapshot): SheetRecognition[] {
  return wb.sheets.map(recognizeSheet);
}
