/** Shared steps for the template tests: recognise, insert, apply to the snapshot, re-check, diff. */
import { CellRef, formatRef, parseRange, rangeToA1, toA1 } from "../../../src/core/a1";
import { checkWorkbook, CheckResult } from "../../../src/core/engine";
import { Grid } from "../../../src/core/form/grid";
import { FormModel, IndicatorRow } from "../../../src/core/form/model";
import { applyToSnapshot } from "../../../src/core/plan/applyToSnapshot";
import { SheetSnapshot, cellValue, sheetExtent } from "../../../src/core/snapshot";
import { InsertValues, InsertionPlan, isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { IndicatorTemplate } from "../../../src/core/templates/types";
import { cleanRows, layoutFromRows, workbook } from "../../helpers/forms";

export function recognise(sheet: SheetSnapshot): { model: FormModel; grid: Grid; result: CheckResult } {
  const result = checkWorkbook(workbook(sheet));
  const form = result.recognitions[0]?.forms[0];
  if (!form) throw new Error("form not recognised");
  return { model: form.model, grid: form.grid, result };
}

export interface Inserted {
  plan: InsertionPlan;
  before: SheetSnapshot;
  after: SheetSnapshot;
  row: IndicatorRow;
  /** Findings after the insertion that were not there before (cells mapped across the new row). */
  fresh: string[];
  /** Before-row (0-based) → after-row. */
  mapRow: (r: number) => number;
}

export function insert(sheet: SheetSnapshot, t: IndicatorTemplate, values?: InsertValues): Inserted {
  const { model, grid, result } = recognise(sheet);
  const plan = planInsertion(model, grid, t, values);
  if (isInsertError(plan)) throw new Error(`${t.id}: ${plan.error.zh}`);
  const applied = applyToSnapshot(sheet, plan);
  if (!applied.ok) throw new Error(`${t.id}: ${applied.reason.zh}`);
  const after = applied.value;
  const re = recognise(after);
  const row = re.model.indicators!.rows.find((r) => r.row === plan.target.row);
  if (!row) throw new Error(`${t.id}: the new row ${plan.target.row + 1} was not read as an indicator row`);
  const inserted = plan.target.mode !== "fill";
  const mapRow = (r: number) => (inserted && r >= plan.target.row ? r + 1 : r);
  const mapCell = (c: CellRef): CellRef => ({ ...c, row: mapRow(c.row) });
  const key = (rule: string, cells: CellRef[]) => `${rule} ${cells.map(formatRef).join(",")}`;
  const old = new Set(result.findings.map((f) => key(f.rule, f.cells.map(mapCell))));
  const fresh = re.result.findings.filter((f) => !old.has(key(f.rule, f.cells))).map((f) => `${key(f.rule, f.cells)} ${f.message.zh}`);
  return { plan, before: sheet, after, row, fresh, mapRow };
}

/** Cells whose value differs between before (mapped) and after, other than the listed ones. */
export function changedCells(x: Inserted, allowed: string[]): string[] {
  const out: string[] = [];
  const ok = new Set(allowed);
  const b = sheetExtent(x.before);
  const a = sheetExtent(x.after);
  const newRow = x.plan.target.mode === "fill" ? -1 : x.plan.target.row;
  for (let r = x.before.originRow; r <= b.lastRow; r++) {
    for (let c = x.before.originCol; c <= Math.max(b.lastCol, a.lastCol); c++) {
      const at = toA1(x.mapRow(r), c);
      if (ok.has(at)) continue;
      const bv = cellValue(x.before, r, c);
      const av = cellValue(x.after, x.mapRow(r), c);
      if (bv !== av) out.push(`${at}: ${String(bv)} → ${String(av)}`);
    }
  }
  if (newRow >= 0) {
    for (let c = x.after.originCol; c <= a.lastCol; c++) {
      const at = toA1(newRow, c);
      if (!ok.has(at) && cellValue(x.after, newRow, c) !== null) out.push(`${at} (new row): ${String(cellValue(x.after, newRow, c))}`);
    }
  }
  return out;
}

/** Addresses the plan writes. */
export function written(plan: InsertionPlan): string[] {
  return plan.edits.flatMap((e) => (e.op === "setValue" ? [toA1(e.row, e.col)] : []));
}

export const sortedMerges = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();

/** The merges of `before` as they should read after inserting one row at `row` (0-based) with nothing extended. */
export function shiftedMerges(s: SheetSnapshot, row: number): string[] {
  return s.merges.map((m) => {
    const r = parseRange(m);
    if (r.top >= row) return rangeToA1({ ...r, top: r.top + 1, bottom: r.bottom + 1 });
    if (r.bottom >= row) return rangeToA1({ ...r, bottom: r.bottom + 1 });
    return rangeToA1(r);
  });
}

// ---- Variants of the corrected form, built from its rows ----

const headerIndex = (rows: string[][]) => rows.findIndex((r) => r.includes("一级指标") && r.includes("三级指标"));

/**
 * The corrected rows without one 二级 group (by its printed label in column C). When the group
 * opened its 一级, the 一级 label moves to the next row of that 一级; a whole-一级 group goes entirely.
 */
export function withoutGroup(label: string, rows = cleanRows()): string[][] {
  const h = headerIndex(rows);
  const start = rows.findIndex((r, i) => i > h && (r[2] ?? "") === label);
  if (start < 0) throw new Error(`group ${label} not in the rows`);
  let end = start;
  while (end + 1 < rows.length && rows[end + 1].slice(0, 3).every((v) => (v ?? "").trim() === "")) end++;
  const out = rows.map((r) => r.slice());
  const l1 = (out[start][1] ?? "").trim();
  const next = out[end + 1];
  if (l1 !== "" && next && (next[1] ?? "").trim() === "") next[1] = l1;
  out.splice(start, end - start + 1);
  return out;
}

/** The corrected rows in the single-value layout: the 实施周期 column gone, header 指标值. */
export function singleValueRows(rows = cleanRows()): string[][] {
  const h = headerIndex(rows);
  return rows.map((r, i) => (i < h ? r : r.filter((_, c) => c !== 4).map((v, c) => (i === h && c === 4 ? "指标值" : v))));
}

/** The corrected rows in the 101-style layout: 成本指标 as a 一级 with its 经济成本指标 二级. */
export function cost101Rows(rows = cleanRows()): string[][] {
  const out = rows.map((r) => r.slice());
  const i = out.findIndex((r) => r[2] === "成本指标");
  out[i][1] = "成本指标";
  out[i][2] = "经济成本指标";
  return out;
}

export const sheetFrom = (rows: string[][]) => layoutFromRows(rows);
