/** Applies an edit plan to an exceljs workbook, the way the Excel host applies it to a live workbook. */
import type { Cell, Workbook, Worksheet } from "exceljs";
import { parseA1, parseRange, qualify, rangeToA1, toA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { CheckResult } from "../../core/engine";
import { Edit, EditPlan, SetValueEdit } from "../../core/plan/editPlan";
import { Message } from "../../core/rules/types";
import { verifyPlan } from "../../core/plan/verify";
import { CellValue, WorkbookSnapshot, isCellError } from "../../core/snapshot";
import { cellText } from "../../core/text";
import { ApplyResult } from "../host";
import { formulaCellRefusal, mergeLosesContentRefusal } from "../refusals";
import { ReadCell, VT, readCell } from "./cellValue";
import { insertRows } from "./insertRows";
import { mergeRanges, unmergeKeepingStyles } from "./merges";
import { snapshotWorkbook } from "./snapshot";

function refuse(zh: string, en: string): ApplyResult {
  return { ok: false, reason: { zh, en } };
}

/** Equal as the user sees them: empty and "" are the same; numbers within rounding noise. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  const empty = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  return typeof a === typeof b && a === b;
}

/** The cell a user means: inside a merge, its top-left cell. */
function target(ws: Worksheet, address: string): Cell {
  const cell = ws.getCell(address);
  return cell.type === VT.Merge && cell.master ? cell.master : cell;
}

const show = (v: CellValue) => (v === null ? "(空)" : `“${cellText(v)}”`);
const showEn = (v: CellValue) => (v === null ? "(empty)" : `"${cellText(v)}"`);

/**
 * What a setValue edit will find (value and formula), seen before any edit runs: later edits are
 * addressed after the plan's earlier row insertions, so map their rows back (a row the plan inserts
 * starts empty). An earlier edit of the plan that writes the same cell replaces its formula.
 */
function currentCell(wb: Workbook, edits: Edit[], index: number): ReadCell {
  const e = edits[index] as SetValueEdit;
  let { row, col } = parseA1(e.address);
  for (let i = index - 1; i >= 0; i--) {
    const p = edits[i];
    if (p.op === "setValue" && p.sheet === e.sheet) {
      const at = parseA1(p.address);
      if (at.row === row && at.col === col) return { value: p.value, formula: null };
    }
    if (p.op !== "insertRows" || p.sheet !== e.sheet) continue;
    const at = p.row - 1;
    if (row >= at + p.count) row -= p.count;
    else if (row >= at) return { value: null, formula: null };
  }
  const ws = wb.getWorksheet(e.sheet)!;
  return readCell(target(ws, toA1(row, col)));
}

function validate(wb: Workbook, plan: EditPlan): ApplyResult {
  for (let i = 0; i < plan.edits.length; i++) {
    const e = plan.edits[i];
    if (!wb.getWorksheet(e.sheet)) return refuse(`找不到工作表「${e.sheet}」,无法应用“${plan.title.zh}”`, `Sheet "${e.sheet}" not found; cannot apply "${plan.title.en}"`);
    try {
      if (e.op === "setValue") parseA1(e.address);
      else if (e.op === "merge" || e.op === "unmerge") parseRange(e.range);
    } catch {
      return refuse(`“${plan.title.zh}”中的单元格地址无效`, `"${plan.title.en}" contains an invalid cell address`);
    }
    if (e.op === "insertRows" && (!Number.isInteger(e.row) || e.row < 1 || !Number.isInteger(e.count) || e.count < 1 || e.formatFrom < 1)) {
      return refuse(`“${plan.title.zh}”中的插入行参数无效`, `"${plan.title.en}" has invalid row-insertion parameters`);
    }
    if (e.op !== "setValue") continue;
    const cell = currentCell(wb, plan.edits, i);
    if (cell.formula !== null) return { ok: false, reason: formulaCellRefusal(qualify(e.sheet, e.address), cell.formula) };
    if (e.expected !== undefined) {
      const now = cell.value;
      if (!sameValue(now, e.expected)) {
        const ref = qualify(e.sheet, e.address);
        return refuse(
          `单元格 ${ref} 已被修改(现在是${show(now)},修复是按${show(e.expected)}计算的),未做任何更改。请重新检查后再修复。`,
          `Cell ${ref} has changed (it now holds ${showEn(now)}; the fix was computed for ${showEn(e.expected)}). Nothing was changed; check again, then fix.`,
        );
      }
    }
  }
  return { ok: true };
}

function applyEdit(wb: Workbook, e: Edit): ApplyResult {
  const ws = wb.getWorksheet(e.sheet)!;
  switch (e.op) {
    case "setValue": {
      // Only the value changes; the cell's style (number format, borders, fill) stays as it was.
      target(ws, e.address).value = e.value;
      return { ok: true };
    }
    case "insertRows":
      insertRows(wb, ws, e.row, e.count, e.formatFrom);
      return { ok: true };
    case "merge": {
      const r = parseRange(e.range);
      const clash = mergeRanges(ws).find((m) => m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right);
      if (clash) {
        return refuse(
          `无法合并 ${qualify(e.sheet, e.range)}:与已合并的 ${rangeToA1(clash)} 重叠`,
          `Cannot merge ${qualify(e.sheet, e.range)}: it overlaps the merged area ${rangeToA1(clash)}`,
        );
      }
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if ((row !== r.top || col !== r.left) && readCell(ws.getCell(row + 1, col + 1)).value !== null) {
            return { ok: false, reason: mergeLosesContentRefusal(qualify(e.sheet, e.range), qualify(e.sheet, toA1(row, col))) };
          }
        }
      }
      ws.mergeCellsWithoutStyle(e.range);
      return { ok: true };
    }
    case "unmerge": {
      const r = parseRange(e.range);
      for (const m of mergeRanges(ws)) {
        if (m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right) unmergeKeepingStyles(ws, m);
      }
      return { ok: true };
    }
  }
}

/**
 * Applies the edits in order. Every precondition (sheets, addresses, expected values) is checked
 * before the first edit, so a stale plan changes nothing. A merge that turns out to clash part way
 * stops the plan there; FileHost restores the workbook in that case.
 */
export function applyPlan(wb: Workbook, plan: EditPlan): ApplyResult {
  const ok = validate(wb, plan);
  if (!ok.ok) return ok;
  for (const e of plan.edits) {
    const r = applyEdit(wb, e);
    if (!r.ok) return r;
  }
  return { ok: true };
}

export type VerifiedResult =
  | { ok: true; after: { snapshot: WorkbookSnapshot; check: CheckResult } }
  | { ok: false; reason: Message; undone: boolean };

/**
 * Applies the plan, re-reads the workbook and proves the plan's post-conditions (core/plan/verify.ts)
 * before the caller saves or reports anything. A value-only plan that fails is undone here (its old
 * cell values put back); after a failed structural plan the workbook must be discarded or restored
 * by the caller (`undone: false`) — the CLI then writes nothing, FileHost reloads its backup.
 * `before` is the snapshot and check the plan was computed from.
 */
export function applyVerified(wb: Workbook, plan: EditPlan, before: { snapshot: WorkbookSnapshot; check: CheckResult }, config?: Config): VerifiedResult {
  const valuesOnly = plan.edits.every((e) => e.op === "setValue");
  const saved = valuesOnly
    ? plan.edits.map((e) => {
        const cell = wb.getWorksheet(e.sheet) ? target(wb.getWorksheet(e.sheet)!, (e as SetValueEdit).address) : null;
        return { cell, value: cell?.value };
      })
    : [];
  const applied = applyPlan(wb, plan);
  if (!applied.ok) return { ok: false, reason: applied.reason, undone: true };
  const snapshot = snapshotWorkbook(wb, before.snapshot.source);
  const v = verifyPlan(before, snapshot, plan, config);
  if (v.ok) return { ok: true, after: { snapshot, check: v.after } };
  // Last edit first, so a cell written twice gets its original value back.
  for (const { cell, value } of saved.reverse()) if (cell) cell.value = value as never;
  return { ok: false, reason: v.reason, undone: valuesOnly };
}
