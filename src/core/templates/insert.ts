/**
 * Where a template row goes and the edits that put it there. The row lands in its group: an empty
 * printed row of that 二级 is filled; otherwise a whole row is inserted after the group's last row
 * (on the second page when the group continues there), and the vertical merges of the left label,
 * 一级 and 二级 columns are extended over it. A missing group gets its 二级 (and 一级) label written.
 * Nothing but the new row's name, values and labels is written; every other cell is left alone.
 */
import { parseRange, rangeToA1, RangePos } from "../a1";
import { Grid } from "../form/grid";
import { level1Label, level2Label } from "../form/labels";
import { FormModel, IndicatorRow, IndicatorTable } from "../form/model";
import { Edit, EditPlan, setValue } from "../plan/editPlan";
import { Message } from "../rules/types";
import { nameKey } from "../indicators/name";
import { isBlank } from "../text";
import { normalizeValue } from "./library";
import { IndicatorTemplate, LEVEL1_ORDER, LEVEL2_ORDER, Placement, placementFor } from "./types";

export interface InsertValues {
  period?: string;
  annual?: string;
  /** A different 三级 name than the template's (the user edited it before inserting). */
  name?: string;
  /** Insert even when a row of the same name is already on the form (the user confirmed it). */
  allowDuplicate?: boolean;
}

export interface InsertionPlan extends EditPlan {
  /** Where the row ends up, 0-based, after the plan is applied. `group` is the group the row joins
   * when it is not the template's placement: a table that prints no 二级 under this 一级 (null). */
  target: {
    row: number;
    mode: "fill" | "append" | "new-group" | "new-level1";
    placement: Placement;
    group?: { level1: Placement["level1"]; level2: null };
  };
}

export interface InsertError {
  error: Message;
  /** Lets a UI offer the way out: "duplicate" can be overridden with allowDuplicate. */
  code: "no-table" | "empty-name" | "empty-value" | "duplicate";
}

export type InsertResult = InsertionPlan | InsertError;

export function isInsertError(r: InsertResult): r is InsertError {
  return "error" in r;
}

/** The values a template would be written with on this form (a 万元 ceiling comes from its 项目支出). */
export function defaultValues(form: FormModel | null, t: IndicatorTemplate, v: InsertValues = {}): { period: string; annual: string } {
  if (v.annual === undefined && v.period === undefined && t.capByProjectAmount) {
    const p = form?.amounts.project?.amount.value;
    if (typeof p === "number" && p > 0) {
      const cap = `${t.operator ?? "≤"}${p.toFixed(2)}万元`;
      return { period: cap, annual: cap };
    }
  }
  const annual = normalizeValue(v.annual ?? t.annual);
  const period = normalizeValue(v.period ?? v.annual ?? t.period);
  return { period, annual };
}

/** Rows of the group, in sheet order. */
function groupRows(t: IndicatorTable, p: Placement): IndicatorRow[] {
  return t.rows.filter((r) => r.level1 === p.level1 && r.level2 === p.level2);
}

/**
 * Whether the table prints this 一级 without any 二级 (舒城's 产出指标 | 劳务报酬占中央投资比例, 宝坻's
 * 实施效果指标 | 产出指标 | 三级, 浙江's 指标类型 | 指标名称): the row joins the 一级's block as it is,
 * since writing a 二级 label would put it in a column the table uses for something else.
 */
function levelOneOnly(t: IndicatorTable, p: Placement): boolean {
  const rows = t.rows.filter((r) => r.level1 === p.level1);
  return rows.length > 0 && rows.every((r) => r.level2 === null);
}

/** A printed row of the group with nothing in its name and value cells, that can be written in place. */
function emptyRowOf(grid: Grid, t: IndicatorTable, rows: IndicatorRow[]): IndicatorRow | null {
  const c = t.columns;
  const targets = [c.level3, ...(c.period !== null ? [c.period] : []), c.annual];
  for (const r of rows) {
    if (r.hidden) continue;
    if (!targets.every((col) => isBlank(grid.raw(r.row, col)))) continue;
    // A target cell merged with rows above or below would spread the value: not a row to fill.
    if (
      targets.some((col) => {
        const m = grid.merge(r.row, col);
        return m !== null && (m.top !== r.row || m.bottom !== r.row);
      })
    )
      continue;
    if (r.emptyGroup || (isBlank(r.name.value) && isBlank(r.annual.value) && (r.period === null || isBlank(r.period.value)))) return r;
  }
  return null;
}

/** Whether the table merges its category cells down the rows (so a new single-row group should be too). */
function usesVerticalMerges(grid: Grid, t: IndicatorTable, col: number): boolean {
  return grid.sheet.merges.some((m) => {
    const r = parseRange(m);
    return r.left === col && r.right === col && r.bottom > r.top && r.top > t.headerRow && r.top <= t.lastRow;
  });
}

interface Anchor {
  /** The row the new one goes under (0-based); the new row is last + 1. */
  last: number;
  mode: InsertionPlan["target"]["mode"];
  /** A row to copy formats from (0-based, before the insertion). */
  formatFrom: number;
  /** Which of the group's columns the new row continues (their merges ending at `last` grow). */
  continues: { level1: boolean; level2: boolean };
  /**
   * The new group comes first in its 一级 (经济效益 before 社会效益): the row goes above the block's
   * first row and the 一级 label moves up onto it, so the official order is kept.
   */
  lead?: { row: IndicatorRow; col: number };
}

function maxRow(rows: IndicatorRow[]): IndicatorRow | null {
  return rows.reduce<IndicatorRow | null>((a, r) => (a === null || r.row > a.row ? r : a), null);
}

/** The last visible row at or above `last` among rows, to copy its formats (a hidden row would hide the copy). */
function visibleFormatRow(rows: IndicatorRow[], last: IndicatorRow): number {
  const visible = rows.filter((r) => !r.hidden && r.row <= last.row);
  return (maxRow(visible) ?? last).row;
}

function anchorFor(t: IndicatorTable, p: Placement): Anchor {
  const group = levelOneOnly(t, p) ? t.rows.filter((r) => r.level1 === p.level1) : groupRows(t, p);
  const last = maxRow(group);
  if (last) return { last: last.row, mode: "append", formatFrom: visibleFormatRow(group, last), continues: { level1: true, level2: true } };

  const sameL1 = t.rows.filter((r) => r.level1 === p.level1);
  if (sameL1.length > 0) {
    const rank = LEVEL2_ORDER.indexOf(p.level2);
    const before = sameL1.filter((r) => r.level2 === null || LEVEL2_ORDER.indexOf(r.level2) < rank);
    const anchor = maxRow(before);
    if (anchor)
      return {
        last: anchor.row,
        mode: "new-group",
        formatFrom: visibleFormatRow(sameL1, anchor),
        continues: { level1: true, level2: false },
      };
    const first = sameL1[0];
    const l1 = first.level1Cell;
    // Only when the block opens with both its labels on one row in their own columns can the new
    // row take the 一级 label over without orphaning the old first group; otherwise append.
    if (
      l1 &&
      l1.row === first.row &&
      l1.col === t.columns.level1 &&
      first.level2Cell?.row === first.row &&
      first.level2Cell.col === t.columns.level2
    ) {
      return {
        last: first.row - 1,
        mode: "new-group",
        formatFrom: first.row,
        continues: { level1: false, level2: false },
        lead: { row: first, col: l1.col },
      };
    }
    const end = maxRow(sameL1)!;
    return { last: end.row, mode: "new-group", formatFrom: visibleFormatRow(sameL1, end), continues: { level1: true, level2: false } };
  }

  const rank = LEVEL1_ORDER.indexOf(p.level1);
  const earlier = t.rows.filter((r) => r.level1 !== null && LEVEL1_ORDER.indexOf(r.level1) < rank);
  const anchor = maxRow(earlier);
  if (anchor)
    return {
      last: anchor.row,
      mode: "new-level1",
      formatFrom: visibleFormatRow(t.rows, anchor),
      continues: { level1: false, level2: false },
    };
  // The first 一级 of the table: right under the header, formatted like the first indicator row.
  const first = t.rows.find((r) => !r.hidden);
  return {
    last: t.headerRow,
    mode: "new-level1",
    formatFrom: first ? first.row : t.headerRow,
    continues: { level1: false, level2: false },
  };
}

/**
 * A new group (or 一级) goes below the whole label cell of the one before it: when that cell is
 * merged further down than the last row read (a row the reader left out, such as the cut last row of
 * a published copy), the new row would land inside the merge and its label under another category.
 */
function pastMerges(grid: Grid, t: IndicatorTable, a: Anchor): Anchor {
  if (a.mode === "append" || a.lead || a.last <= t.headerRow) return a;
  const col = a.mode === "new-level1" ? t.columns.level1 : t.columns.level2;
  const m = grid.merge(a.last, col);
  return m && m.bottom > a.last ? { ...a, last: m.bottom } : a;
}

const single = (m: RangePos, col: number) => m.left === col && m.right === col;

/**
 * Merges to grow over the new row: those that already span the insertion point (Excel would grow
 * them too; doing it explicitly keeps hosts in step), the left label column's, and the 一级 / 二级
 * merges of the group the row continues. `create` are single label cells that become merges.
 */
function mergesToGrow(grid: Grid, t: IndicatorTable, a: Anchor, p: Placement): { grow: RangePos[]; create: RangePos[] } {
  const c = t.columns;
  const grow = new Map<string, RangePos>();
  const create: RangePos[] = [];
  const add = (m: RangePos) => grow.set(rangeToA1(m), m);
  for (const m of grid.sheet.merges) {
    const r = parseRange(m);
    if (r.top <= a.last && r.bottom > a.last) add(r);
  }
  if (a.lead) {
    // The 一级 merge now starts at the new row: it is re-made one row taller from there.
    const m = grid.merge(a.lead.row.row, a.lead.col);
    if (m && single(m, a.lead.col)) add(m);
    else if (!m && usesVerticalMerges(grid, t, a.lead.col))
      create.push({ top: a.lead.row.row, left: a.lead.col, bottom: a.lead.row.row, right: a.lead.col });
    return { grow: [...grow.values()], create };
  }
  if (c.label !== null) {
    const m = grid.merge(a.last, c.label);
    if (m && single(m, c.label) && m.bottom === a.last) add(m);
  }
  const lastRow = t.rows.find((r) => r.row === a.last) ?? null;
  const inGroup = lastRow !== null && lastRow.level1 === p.level1;
  // Columns between the label and the 一级 column (宝坻's 实施效果指标 above the 一级 names, a list's
  // 项目名称 | 预算数 of the project the block belongs to) span the block the row joins.
  if (inGroup && a.continues.level1)
    for (let col = (c.label ?? c.level1) + 1; col < c.level1; col++) {
      const m = grid.merge(a.last, col);
      if (m && single(m, col) && m.bottom === a.last) add(m);
    }
  const consider = (col: number, wanted: boolean, labelCell: { row: number; col: number } | null) => {
    if (!wanted || !inGroup || col === c.label) return;
    const m = grid.merge(a.last, col);
    if (m) {
      // A 一级 cell merged across the 二级 column (the group's label for both levels) grows with its group.
      const bothLevels = col === c.level1 && m.left === col && m.right === c.level2 && a.continues.level2;
      if ((single(m, col) || bothLevels) && m.bottom === a.last) add(m);
      return;
    }
    // A group of one row whose label sits in its column: merge it over the new row like its neighbours.
    if (labelCell && labelCell.row === a.last && labelCell.col === col && usesVerticalMerges(grid, t, col)) {
      create.push({ top: a.last, left: col, bottom: a.last, right: col });
    }
  };
  // One column holding the 二级 (鄂州): its merges are the groups', grown only when the row joins the group.
  const groupsColumn = c.level1 === c.level2 && t.rows.some((r) => r.level2 !== null);
  consider(c.level1, groupsColumn ? a.continues.level2 : a.continues.level1, lastRow?.level1Cell ?? null);
  if (c.level2 !== c.level1) consider(c.level2, a.continues.level2, lastRow?.level2Cell ?? null);
  return { grow: [...grow.values()], create };
}

export function planInsertion(form: FormModel, grid: Grid, template: IndicatorTemplate, values: InsertValues = {}): InsertResult {
  const t = form.indicators;
  if (!t) {
    return {
      code: "no-table",
      error: {
        zh: "未找到绩效指标表(一级指标/二级指标/三级指标表头),无法插入指标",
        en: "No indicator table (一级/二级/三级 header) was found; cannot insert",
      },
    };
  }
  const c = t.columns;
  const sheet = form.sheet;
  const placement = placementFor(template, t.costIsLevel1);
  const name = (values.name ?? template.name).trim();
  if (name === "") return { code: "empty-name", error: { zh: "三级指标名称不能为空", en: "The 三级 name must not be empty" } };
  const { period, annual } = defaultValues(form, template, values);
  if (annual === "" || (c.period !== null && period === "")) {
    return {
      code: "empty-value",
      error: { zh: `「${name}」的指标值不能为空,请填写后再插入`, en: `"${name}" needs a value before it is inserted` },
    };
  }
  const dup = values.allowDuplicate ? undefined : t.rows.find((r) => !r.emptyGroup && nameKey(r.name.text) === nameKey(name));
  if (dup) {
    return {
      code: "duplicate",
      error: {
        zh: `「${name}」已在第 ${dup.row + 1} 行(${dup.level2Text || dup.level1Text}),无需重复添加;如需修改请直接编辑该行`,
        en: `"${name}" is already on row ${dup.row + 1}; edit that row instead of adding it twice`,
      },
    };
  }
  const onlyLevel1 = levelOneOnly(t, placement);
  const where = onlyLevel1 ? level1Label(placement.level1) : `${level1Label(placement.level1)} / ${level2Label(placement.level2)}`;
  const title = { zh: `插入指标「${name}」(${where})`, en: `Insert indicator "${name}" (${where})` };
  const valueEdits = (row: number, expected: (col: number) => ReturnType<Grid["raw"]>): Edit[] => [
    setValue({ sheet, row, col: c.level3 }, name, expected(c.level3)),
    ...(c.period !== null ? [setValue({ sheet, row, col: c.period }, period, expected(c.period))] : []),
    setValue({ sheet, row, col: c.annual }, annual, expected(c.annual)),
  ];

  const group = onlyLevel1 ? { group: { level1: placement.level1, level2: null } } : {};
  const empty = emptyRowOf(grid, t, onlyLevel1 ? t.rows.filter((r) => r.level1 === placement.level1) : groupRows(t, placement));
  if (empty) {
    const edits: Edit[] = [];
    // Value cells merged across the row (a printed placeholder) are split so each value has its cell.
    const seen = new Set<string>();
    for (const col of [c.level3, ...(c.period !== null ? [c.period] : []), c.annual]) {
      const m = grid.merge(empty.row, col);
      if (m && !seen.has(rangeToA1(m))) {
        seen.add(rangeToA1(m));
        edits.push({ op: "unmerge", sheet, range: m });
      }
    }
    edits.push(...valueEdits(empty.row, (col) => grid.raw(empty.row, col)));
    return { title, edits, target: { row: empty.row, mode: "fill", placement, ...group } };
  }

  const anchor = pastMerges(grid, t, anchorFor(t, placement));
  const row = anchor.last + 1;
  const { grow, create } = mergesToGrow(grid, t, anchor, placement);
  const edits: Edit[] = [
    ...grow.map((m): Edit => ({ op: "unmerge", sheet, range: m })),
    { op: "insertRows", sheet, row, count: 1, formatFrom: anchor.formatFrom },
  ];
  if (anchor.lead) {
    // Moved before merging: a host may refuse to write inside a merged area.
    const { row: first, col } = anchor.lead;
    const label = grid.raw(first.row, col);
    edits.push(
      setValue({ sheet, row, col }, typeof label === "number" || typeof label === "string" ? label : level1Label(placement.level1), null),
    );
    edits.push(setValue({ sheet, row: row + 1, col }, null, label));
  }
  edits.push(
    ...[...grow, ...create].map((m): Edit => {
      // A merge that started at or below the new row was moved down by the insertion.
      const top = m.top >= row ? m.top + 1 : m.top;
      const grown = anchor.lead && m.top === anchor.lead.row.row && m.left === anchor.lead.col ? row : top;
      return { op: "merge", sheet, range: { ...m, top: grown, bottom: m.bottom + 1 } };
    }),
  );
  // One column for both levels (鄂州's 二级 names in the 一级 column, 宝坻's 一级 names in the 二级
  // column): it gets the one label of the level it holds, written once.
  const oneColumn = c.level1 === c.level2;
  const holdsLevel1 = oneColumn && t.rows.every((r) => r.level2 === null);
  if (anchor.mode === "new-level1" && (!oneColumn || holdsLevel1))
    edits.push(setValue({ sheet, row, col: c.level1 }, level1Label(placement.level1), null));
  if (anchor.mode !== "append" && !holdsLevel1) edits.push(setValue({ sheet, row, col: c.level2 }, level2Label(placement.level2), null));
  edits.push(...valueEdits(row, () => null));
  return { title, edits, target: { row, mode: anchor.mode, placement, ...group } };
}
