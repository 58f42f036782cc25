/**
 * The edit transaction's primitives on office-js (the order — read, compile, run, re-read, verify
 * with the user's settings, restore, prove — is written once in src/app/apply.ts). Where ExcelApi
 * 1.20 allows, the caller's run is one undo step.
 */
import { RangePos, columnName, rangeToA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { EditPlan } from "../../core/plan/editPlan";
import { Step, runStep } from "../../core/plan/steps";
import { UndoStep } from "../../core/plan/undo";
import { SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue } from "../../core/snapshot";
import { EditPrimitives, applyEdit, toApplyResult } from "../../app/apply";
import { ApplyResult } from "../host";
import { copySpans, sourceRow } from "../stepGeometry";
import { typedValue } from "../typedValue";
import { ExcelCaps, FEATURE, has } from "./capabilities";
import { Pending, build, isSizeError, mayBeMergeLimit, queueSheet } from "./readWorkbook";
import { isNotFound } from "./runner";

interface SheetRead {
  ws: Excel.Worksheet;
  protection?: Excel.WorksheetProtection;
  data: Pending;
}

/** Reads the sheets' data (as readWorkbook does, so verification sees what a check sees). */
function queueReads(ctx: Excel.RequestContext, names: Iterable<string>, caps: ExcelCaps, extra: boolean): Map<string, SheetRead> {
  const reads = new Map<string, SheetRead>();
  for (const name of names) {
    const ws = ctx.workbook.worksheets.getItem(name);
    const data = queueSheet(ws, caps);
    const r: SheetRead = { ws, data };
    if (extra) {
      // Number formats decide whether a fixed amount takes "0.00"; protection is refused up front.
      data.used.load("numberFormat");
      if (has(caps, "protection")) {
        r.protection = ws.protection;
        r.protection.load("protected");
      }
    }
    reads.set(name, r);
  }
  return reads;
}

function snapshotOf(reads: Map<string, SheetRead>): WorkbookSnapshot | null {
  const sheets: SheetSnapshot[] = [];
  for (const [name, r] of reads) {
    const s = build(name, r.data, []);
    if (!s) return null;
    sheets.push(s);
  }
  return { source: "", sheets };
}

const rows = (at: number, count: number) => `${at + 1}:${at + count}`;
const cellAt = (ws: Excel.Worksheet, row: number, col: number) => ws.getRange(rangeToA1({ top: row, bottom: row, left: col, right: col }));

/** Merge and unmerge, the same in the steps and in their undo. */
function queueMerge(ws: Excel.Worksheet, op: "merge" | "unmerge", range: RangePos): void {
  if (op === "merge") ws.getRange(rangeToA1(range)).merge(false);
  else ws.getRange(rangeToA1(range)).unmerge();
}

interface FormatChange {
  sheet: string;
  row: number;
  col: number;
  was: string;
}

/** Queues the compiled steps; returns the number formats it changed on existing cells, for an undo. */
function queueSteps(
  reads: Map<string, SheetRead>,
  before: WorkbookSnapshot,
  steps: Step[],
  caps: ExcelCaps,
  heights: Map<string, Excel.RangeFormat>,
): FormatChange[] {
  const state = new Map(before.sheets.map((s) => [s.name, s]));
  const formats: FormatChange[] = [];
  const formatAt = (sheet: string, row: number, col: number): string => {
    const s = before.sheets.find((x) => x.name === sheet)!;
    const grid = reads.get(sheet)!.data.used.numberFormat as unknown[][];
    const f = grid?.[row - s.originRow]?.[col - s.originCol];
    return typeof f === "string" ? f : "General";
  };
  steps.forEach((s, i) => {
    const ws = reads.get(s.sheet)!.ws;
    const now = state.get(s.sheet)!;
    switch (s.op) {
      case "insertRows":
        // Excel's Insert: the new rows are empty; formats and merges come from the steps that follow.
        ws.getRange(rows(s.at, s.count)).insert("Down");
        break;
      case "copyFormat": {
        if (has(caps, "copyFormats")) {
          for (const [l, r] of copySpans(now, s.from, s.to, s.count)) {
            const src = `${columnName(l)}${s.from + 1}:${columnName(r)}${s.from + 1}`;
            ws.getRange(`${columnName(l)}${s.to + 1}:${columnName(r)}${s.to + s.count}`).copyFrom(ws.getRange(src), "Formats");
          }
        }
        const orig = sourceRow(steps, i, s.sheet, s.from);
        const h = orig === null ? undefined : heights.get(`${s.sheet}\t${orig}`);
        if (h) ws.getRange(rows(s.to, s.count)).format.rowHeight = h.rowHeight;
        break;
      }
      case "unmerge":
      case "merge":
        queueMerge(ws, s.op, s.range);
        break;
      case "write": {
        const range = cellAt(ws, s.row, s.col);
        if (s.numberFormat) {
          const orig = sourceRow(steps, i, s.sheet, s.row);
          const was = orig === null ? "General" : formatAt(s.sheet, orig, s.col);
          if (was === "General" || was === "@") {
            range.numberFormat = [[s.numberFormat]];
            const existing = sourceRow(steps, i, s.sheet, s.row, false);
            if (existing !== null) formats.push({ sheet: s.sheet, row: existing, col: s.col, was });
          }
        }
        // Write nothing that has not changed: a write is an undo record and a change event.
        const same = !cellFormula(now, s.row, s.col) && JSON.stringify(cellValue(now, s.row, s.col)) === JSON.stringify(s.value);
        if (!same) range.values = [[typedValue(s.value)]];
        break;
      }
    }
    state.set(s.sheet, runStep(now, s));
  });
  return formats;
}

function queueUndo(reads: Map<string, SheetRead>, undo: UndoStep[], formats: FormatChange[]): void {
  for (const u of undo) {
    const ws = reads.get(u.sheet)!.ws;
    switch (u.op) {
      case "deleteRows":
        ws.getRange(rows(u.at, u.count)).delete("Up");
        break;
      case "unmerge":
      case "merge":
        queueMerge(ws, u.op, u.range);
        break;
      case "restore": {
        const range = cellAt(ws, u.row, u.col);
        if (u.formula) range.formulas = [[u.formula]];
        else range.values = [[typedValue(u.value)]];
        break;
      }
    }
  }
  for (const f of formats) cellAt(reads.get(f.sheet)!.ws, f.row, f.col).numberFormat = [[f.was]];
}

/** Excel refuses to list more than 512 merged areas on a sheet: read as Office 2019 does, without them. */
const withoutMerges = (caps: ExcelCaps): ExcelCaps => ({ ...caps, minor: Math.min(caps.minor, FEATURE.mergedAreas - 1) });

/**
 * The transaction's primitives on office-js, for one Excel.run (src/app/apply.ts holds the order).
 * Each primitive is a sync of its own: the read, the steps, the re-read, the undo. An Excel batch is
 * not transactional — a failing sync stops at the failing operation and keeps what ran
 * (OfficeExtension.Error.traceMessages: "executed before the error occurred") — so the steps report
 * no exact count and the core infers what ran. What only Excel needs stays here: the row heights
 * Range.copyFrom does not copy, and the number formats the steps changed, which the undo puts back.
 */
function excelEditPrimitives(ctx: Excel.RequestContext, caps0: ExcelCaps): EditPrimitives {
  let caps = caps0;
  let reads = new Map<string, SheetRead>();
  // The format rows' heights, by sheet and original 0-based row: Range.copyFrom does not copy heights.
  const heights = new Map<string, Excel.RangeFormat>();
  let formats: FormatChange[] = [];
  const queueBefore = (names: string[], plan: EditPlan) => {
    heights.clear();
    reads = queueReads(ctx, names, caps, true);
    plan.edits.forEach((e, i) => {
      if (e.op !== "insertRows") return;
      let r = e.formatFrom;
      for (let j = i - 1; j >= 0 && r !== null; j--) {
        const x = plan.edits[j];
        if (x.op !== "insertRows" || x.sheet !== e.sheet) continue;
        if (r >= x.row + x.count) r -= x.count;
        else if (r >= x.row) r = -1;
      }
      if (r < 0 || heights.has(`${e.sheet}\t${r}`)) return;
      const f = reads.get(e.sheet)!.ws.getRange(rows(r, 1)).format;
      f.load("rowHeight");
      heights.set(`${e.sheet}\t${r}`, f);
    });
  };
  return {
    async readForEdit(names, plan) {
      try {
        queueBefore(names, plan);
        await ctx.sync();
      } catch (e) {
        if (isSizeError(e)) return { refused: "tooLarge" };
        if (isNotFound(e)) return { refused: "missing" };
        if (!has(caps, "mergedAreas") || !mayBeMergeLimit(e)) throw e;
        // The read's own fallback, here too: without the merge list, as where Excel has no merged-area API.
        caps = withoutMerges(caps);
        try {
          queueBefore(names, plan);
          await ctx.sync();
        } catch {
          throw e;
        }
      }
      for (const [name, r] of reads) if (r.protection?.protected) return { refused: "protected", sheet: name };
      const before = snapshotOf(reads);
      if (!before) return { refused: "tooLarge" };
      return { before, mergesUnknown: !has(caps, "mergedAreas") };
    },
    async runSteps(before, steps) {
      formats = queueSteps(reads, before, steps, caps, heights);
      try {
        await ctx.sync();
        return {};
      } catch (error) {
        return { error };
      }
    },
    async reread(names) {
      const again = queueReads(ctx, names, caps, false);
      try {
        await ctx.sync();
      } catch {
        return null;
      }
      return snapshotOf(again);
    },
    async runUndo(undo, before) {
      const sheets = new Map(before.sheets.map((s) => [s.name, { ws: ctx.workbook.worksheets.getItem(s.name) } as SheetRead]));
      queueUndo(sheets, undo, formats);
      await ctx.sync();
    },
  };
}

/** The one transaction (src/app/apply.ts) on Excel; `config` is the user's rule settings. */
export async function applyPlan(ctx: Excel.RequestContext, plan: EditPlan, caps: ExcelCaps, config?: Config): Promise<ApplyResult> {
  return toApplyResult(await applyEdit(excelEditPrimitives(ctx, caps), plan, config));
}
