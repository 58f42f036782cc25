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
import { FormKind, FormModel } from "./model";
import { readProject } from "./project";
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
  /** When no form was read: one plain sentence naming what was found instead. */
  notForm?: { zh: string; en: string };
  /** No form was read, yet the sheet is one kind of form by its title and fields, only without an
   * indicator table (a copy cut before it, a form not filled that far): not checked, and said so. */
  seenKind?: FormKind;
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

function readForm(grid: Grid, index: LabelIndex, top: number, bottom: number, kind: FormKind, lenient: boolean): FormModel {
  if (kind !== "department") return readTargetTable(grid, index, top, bottom, kind);
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
    kind,
    title: title ? grid.cell(title.row, title.col) : firstTitle(grid, index, top, bottom),
    ...(lenient ? { lenient: true as const } : {}),
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

function firstTitle(grid: Grid, index: LabelIndex, top: number, bottom: number): FormModel["title"] {
  const t = index.hits.find((h) => h.title && h.row >= top && h.row <= bottom);
  return t ? grid.cell(t.row, t.col) : null;
}

/** A project form or a self-evaluation: its fields above the table, then the table. */
function readTargetTable(grid: Grid, index: LabelIndex, top: number, bottom: number, kind: FormKind): FormModel {
  const headers = findIndicatorHeaders(grid, index, top, bottom);
  const indicators = headers.length > 0 ? readIndicators(grid, index, headers[0], bottom, true) : null;
  const title = index.hits.find((h) => h.title && h.row >= top && h.row <= bottom) ?? null;
  const inBand = index.hits.filter((h) => h.row >= top && h.row <= bottom);
  const firstRow = title ? title.row : inBand.length > 0 ? inBand[0].row : top;
  const lastRow = indicators ? indicators.lastRow : bottom;
  const left = inBand.reduce((m, h) => (h.title || h.col >= m ? m : h.col), Infinity);
  const leftCol = Number.isFinite(left) ? left : grid.firstCol;
  const right = formRightEdge(grid, firstRow, lastRow, leftCol);
  const fieldsBottom = indicators ? indicators.headerRow - 1 : bottom;
  return {
    kind,
    title: title ? grid.cell(title.row, title.col) : null,
    project: readProject(grid, index, { top, bottom: fieldsBottom, right }),
    sheet: grid.name,
    top: firstRow,
    left: leftCol,
    bottom: lastRow,
    right: indicators ? Math.max(right, grid.rightEdge(indicators.headerRow, indicators.columns.annual)) : right,
    department: null,
    headcount: null,
    subUnits: null,
    amounts: {},
    overallGoal: null,
    tasksLabel: null,
    tasks: [],
    taskColumns: null,
    indicators,
  };
}

/** Heads of a self-evaluation's results side: a table printing them next to the targets is a 自评表. */
const RESULT_HEADS = ["实际完成值", "完成值", "全年实际完成值", "实际值", "全年完成值"];

type BandKind = { kind: FormKind; lenient: boolean } | null;

/**
 * What the band holds. A 自评 title or a results column makes a self-evaluation; a project title or a
 * 项目名称 label a project form; the department anchors (or a department title over an indicator
 * table) the department form. A bare indicator table is checked as a project's: its rules demand
 * only what the table prints.
 */
function kindOf(grid: Grid, index: LabelIndex, top: number, bottom: number): BandKind {
  const title = index.hits.find((h) => h.title && h.row >= top && h.row <= bottom)?.key ?? "";
  const headers = findIndicatorHeaders(grid, index, top, bottom);
  const anchors = anchorsIn(index, grid, top, bottom);
  if (L.SCORE_TITLE.test(title) && headers.length === 0) return null;
  const results = headers.some((h) => index.hits.some((x) => x.row === h.row && RESULT_HEADS.includes(x.key)));
  if (headers.length > 0 && (L.SELF_EVAL_TITLE.test(title) || results)) return { kind: "self-evaluation", lenient: false };
  const projectName = index.hits.some((h) => h.row >= top && h.row <= bottom && !h.title && L.PROJECT_NAME.includes(h.key));
  const deptTitle = L.DEPARTMENT_TITLE.test(title) || L.TITLE.test(title);
  // A budget overview or a key-task table is the department form's own, whatever the title says
  // (部门预算项目绩效目标申报表 printed on the department layout).
  const departmentBlocks = anchors.includes("budget") || anchors.includes("tasks");
  if (anchors.length >= MIN_ANCHORS && departmentBlocks) return { kind: "department", lenient: false };
  if (headers.length > 0 && (L.PROJECT_TITLE.test(title) || projectName) && !deptTitle) return { kind: "project", lenient: false };
  if (anchors.length >= MIN_ANCHORS) return { kind: "department", lenient: false };
  if (deptTitle && headers.length > 0) return { kind: "department", lenient: true };
  if (headers.length > 0) return { kind: "project", lenient: false };
  return null;
}

/** Rows where forms start: titles when the sheet prints several, else 项目名称 or 部门名称 labels. */
function formStarts(index: LabelIndex): number[] {
  const rowsOf = (hits: LabelHit[]) => [...new Set(hits.map((h) => h.row))];
  const titles = rowsOf(index.hits.filter((h) => h.title));
  if (titles.length > 1) return titles;
  const names = rowsOf(index.hits.filter((h) => !h.title && L.PROJECT_NAME.includes(h.key)));
  if (names.length > 1) return names;
  // One start per row: a 部门名称 cell whose value reads "单位名称：…" is the same form.
  return rowsOf(index.all(L.DEPARTMENT));
}

const NO_TABLE = { zh: "没有找到绩效指标表(一级指标/二级指标/三级指标)", en: "no indicator table (一级/二级/三级指标) was found" };

/** One plain sentence on what a sheet without a form holds. */
function notFormSentence(grid: Grid, index: LabelIndex, found: AnchorId[]): { zh: string; en: string } {
  if (grid.lastRow < grid.firstRow || grid.sheet.values.every((r) => r.every((v) => v === null || v === ""))) {
    return { zh: "工作表是空的", en: "the sheet is empty" };
  }
  const title = index.hits.find((h) => h.title);
  if (title && L.SCORE_TITLE.test(title.key)) {
    return { zh: `这是「${title.key}」,是评价得分,不是绩效目标表`, en: `this is "${title.key}", a table of scores, not a target form` };
  }
  if (title) return { zh: `找到了标题「${title.key}」,但${NO_TABLE.zh}`, en: `found the title "${title.key}", but ${NO_TABLE.en}` };
  if (found.length > 0) {
    const missing = ANCHORS.filter((a) => !found.includes(a.id));
    return {
      zh: `像部门整体绩效目标表,但缺少 ${missing.map((a) => a.zh).join("、")}`,
      en: `looks like a department-wide form but lacks ${missing.map((a) => a.en).join(", ")}`,
    };
  }
  return NO_TABLE;
}

const KIND_NAMES: Record<FormKind, { zh: string; en: string }> = {
  department: { zh: "部门整体绩效目标表", en: "a department-wide target form" },
  project: { zh: "项目支出绩效目标表", en: "a project target form" },
  "self-evaluation": { zh: "绩效自评表", en: "a self-evaluation table" },
};

/**
 * A form told by its title and its own fields (部门名称 and the budget block under a department
 * title; 项目名称 under a project title) that has no indicator table: it is that kind of form, but the
 * part every rule reads is not there, so it is not checked and the sentence says why.
 */
function seenWithoutTable(index: LabelIndex, found: AnchorId[]): { kind: FormKind; sentence: { zh: string; en: string } } | null {
  const title = index.hits.find((h) => h.title);
  if (!title || found.includes("indicators") || L.SCORE_TITLE.test(title.key)) return null;
  let kind: FormKind | null = null;
  if (L.SELF_EVAL_TITLE.test(title.key)) kind = "self-evaluation";
  else if ((L.TITLE.test(title.key) || L.DEPARTMENT_TITLE.test(title.key)) && found.includes("department") && found.includes("budget"))
    kind = "department";
  else if (L.PROJECT_TITLE.test(title.key) && index.hits.some((h) => !h.title && L.PROJECT_NAME.includes(h.key))) kind = "project";
  if (!kind) return null;
  const name = KIND_NAMES[kind];
  return {
    kind,
    sentence: {
      zh: `这是${name.zh}(标题「${title.key}」),但表上没有绩效指标表(一级指标/二级指标/三级指标),可能只印了前一部分或还没有填到那里`,
      en: `this is ${name.en} ("${title.key}"), but it holds no indicator table (一级/二级/三级指标): perhaps only its first part was printed or filled in`,
    },
  };
}

const HOLLOW = {
  zh: "只有绩效指标表头,表中没有任何指标,也没有标题、项目或部门信息,不是一张填写过的绩效目标表",
  en: "only an indicator table's header: no indicator, no title, no project or department, so no filled-in target form",
};

const filled = (c: { text: string } | null | undefined) => !!c && c.text.trim() !== "";

function isHollow(m: FormModel): boolean {
  const rows = m.indicators?.rows ?? [];
  if (rows.some((r) => filled(r.name) || filled(r.annual) || filled(r.period))) return false;
  if (m.title || filled(m.department?.value) || filled(m.project?.name?.value) || filled(m.overallGoal?.value)) return false;
  return Object.keys(m.amounts).length === 0 && m.tasks.length === 0;
}

export function recognizeSheet(sheet: SheetSnapshot): SheetRecognition {
  const grid = new Grid(sheet);
  const index = new LabelIndex(grid);
  const found = anchorsIn(index, grid, grid.firstRow, grid.lastRow);
  const missing = ANCHORS.map((a) => a.id).filter((id) => !found.includes(id));
  const starts = formStarts(index);
  const bands: [number, number][] = [];
  if (starts.length <= 1) bands.push([grid.firstRow, grid.lastRow]);
  else {
    starts.forEach((s, i) => bands.push([i === 0 ? grid.firstRow : s, i + 1 < starts.length ? starts[i + 1] - 1 : grid.lastRow]));
  }
  const forms: RecognizedForm[] = [];
  let hollow = false;
  for (const [top, bottom] of bands) {
    const k = kindOf(grid, index, top, bottom);
    if (!k) continue;
    const model = readForm(grid, index, top, bottom, k.kind, k.lenient);
    // An indicator header and nothing else (no title, no name, no figure, no indicator): a sheet that
    // only looks like a form. Judging it would report every category as missing and call it 需修改.
    if (isHollow(model)) hollow = true;
    else forms.push({ model, grid });
  }
  if (forms.length > 0) return { sheet: sheet.name, forms, missing: [], found };
  const seen = hollow ? null : seenWithoutTable(index, found);
  if (seen) return { sheet: sheet.name, forms, missing, found, notForm: seen.sentence, seenKind: seen.kind };
  return { sheet: sheet.name, forms, missing, found, notForm: hollow ? HOLLOW : notFormSentence(grid, index, found) };
}

export function recognizeWorkbook(wb: WorkbookSnapshot): SheetRecognition[] {
  return wb.sheets.map(recognizeSheet);
}
