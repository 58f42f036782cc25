/**
 * The edit transaction's primitives on WPS ET (the order is written once in src/app/apply.ts).
 *
 * ET has no batch and no rollback: a call that fails leaves every earlier call done. The use case
 * refuses what can be refused before the first write (a missing or protected sheet, a sheet too
 * large, the core's refusals) and undoes a plan that fails midway or fails its verification by the
 * inverse steps the core computes from the re-read sheet, which these primitives execute.
 */
import { RangePos, columnName, rangeToA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { EditPlan } from "../../core/plan/editPlan";
import { Step, runStep } from "../../core/plan/steps";
import { UndoStep } from "../../core/plan/undo";
import { Message } from "../../core/rules/types";
import { SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue } from "../../core/snapshot";
import { EditPrimitives, applyEdit, toApplyResult } from "../../app/apply";
import { ApplyResult } from "../host";
import { copySpans, sourceRow } from "../stepGeometry";
import { typedValue } from "../typedValue";
import { EtDoc, XL, cellPos, setValue2, sheetNamed } from "./et";
import { readSheet, unchangedSince } from "./read";

const rows = (at: number, count: number) => `${at + 1}:${at + count}`;
const cellAt = (ws: Et.Worksheet, row: number, col: number) => ws.Range(rangeToA1(cellPos(row, col)));

/**
 * Merges without the "keep only the top-left value" prompt: a jsapi call cannot answer a dialog.
 * The core has already refused any merge that would lose a value, so nothing is lost here.
 */
function merge(doc: EtDoc, ws: Et.Worksheet, range: RangePos): void {
  const alerts = doc.app.DisplayAlerts;
  doc.app.DisplayAlerts = false;
  try {
    ws.Range(rangeToA1(range)).Merge(false);
  } finally {
    doc.app.DisplayAlerts = alerts;
  }
}

interface FormatChange {
  sheet: string;
  row: number;
  col: number;
  was: string;
}

function readSheets(doc: EtDoc, names: string[]): WorkbookSnapshot | Message {
  const sheets: SheetSnapshot[] = [];
  for (const name of names) {
    const ws = sheetNamed(doc, name);
    if (!ws)
      return {
        zh: "找不到修改涉及的工作表(可能已改名或删除),请重新校验后再试。",
        en: "A sheet the change needs was not found (renamed or deleted?); check again and retry.",
      };
    const s = readSheet(ws);
    if ("zh" in s) return s;
    sheets.push(s);
  }
  return { source: "", sheets };
}

/** Executes the steps; returns the number formats it changed on existing cells, for an undo. */
function runSteps(doc: EtDoc, before: WorkbookSnapshot, steps: Step[], formats: FormatChange[], progress: { done: number }): void {
  const state = new Map(before.sheets.map((s) => [s.name, s]));
  steps.forEach((s, i) => {
    const ws = sheetNamed(doc, s.sheet)!;
    const now = state.get(s.sheet)!;
    switch (s.op) {
      case "insertRows":
        ws.Rows.Item(rows(s.at, s.count)).Insert(XL.shiftDown, XL.formatFromAbove);
        break;
      case "copyFormat": {
        // Copy + PasteSpecial(xlPasteFormats) is ET's only format copy; it goes through the clipboard.
        for (const [l, r] of copySpans(now, s.from, s.to, s.count)) {
          ws.Range(`${columnName(l)}${s.from + 1}:${columnName(r)}${s.from + 1}`).Copy();
          ws.Range(`${columnName(l)}${s.to + 1}:${columnName(r)}${s.to + s.count}`).PasteSpecial(XL.pasteFormats);
        }
        doc.app.CutCopyMode = false as unknown as Et.XlCutCopyMode;
        const h = ws.Rows.Item(s.from + 1).RowHeight;
        if (typeof h === "number") ws.Rows.Item(rows(s.to, s.count)).RowHeight = h;
        break;
      }
      case "merge":
        merge(doc, ws, s.range);
        break;
      case "unmerge":
        ws.Range(rangeToA1(s.range)).UnMerge();
        break;
      case "write": {
        const range = cellAt(ws, s.row, s.col);
        if (s.numberFormat) {
          const was = range.NumberFormat;
          if (was === "General" || was === "@" || was === "G/通用格式") {
            range.NumberFormat = s.numberFormat;
            const existing = sourceRow(steps, i, s.sheet, s.row, false);
            if (existing !== null) formats.push({ sheet: s.sheet, row: existing, col: s.col, was });
          }
        }
        // Write nothing that has not changed: each write is a change event and an undo record.
        const same = !cellFormula(now, s.row, s.col) && JSON.stringify(cellValue(now, s.row, s.col)) === JSON.stringify(s.value);
        if (!same) setValue2(range, typedValue(s.value));
        break;
      }
    }
    state.set(s.sheet, runStep(now, s));
    progress.done = i + 1;
  });
}

function runUndo(doc: EtDoc, undo: UndoStep[], formats: FormatChange[]): void {
  for (const u of undo) {
    const ws = sheetNamed(doc, u.sheet)!;
    switch (u.op) {
      case "deleteRows":
        ws.Rows.Item(rows(u.at, u.count)).Delete(XL.shiftUp);
        break;
      case "merge":
        merge(doc, ws, u.range);
        break;
      case "unmerge":
        ws.Range(rangeToA1(u.range)).UnMerge();
        break;
      case "restore": {
        const range = cellAt(ws, u.row, u.col);
        if (u.formula) range.Formula = u.formula;
        else setValue2(range, typedValue(u.value));
        break;
      }
    }
  }
  for (const f of formats) cellAt(sheetNamed(doc, f.sheet)!, f.row, f.col).NumberFormat = f.was;
}

/**
 * The transaction's primitives on ET (src/app/apply.ts holds the order). ET calls are synchronous and
 * there is no batch and no rollback: a call that fails leaves every earlier call done, so the steps
 * report exactly how many ran whole. What only WPS needs stays here: merges without the prompt, the
 * clipboard of the format copy, and the number formats the steps changed, which the undo puts back.
 */
function wpsEditPrimitives(doc: EtDoc, basis?: WorkbookSnapshot): EditPrimitives {
  const formats: FormatChange[] = [];
  const read = (names: string[]): WorkbookSnapshot | null => {
    const r = readSheets(doc, names);
    return "zh" in r ? null : r;
  };
  return {
    async readForEdit(names) {
      for (const name of names) {
        const ws = sheetNamed(doc, name);
        if (!ws) return { refused: "missing" };
        if (ws.ProtectContents) return { refused: "protected", sheet: name };
      }
      // The caller's read of a moment ago, in the same queued task (Host ApplyOptions.basis), taken when
      // each sheet still holds what that read saw (three calls; a whole read is ~150, issue #22). The
      // steps are compiled against it, and the undo restores it: a stale basis would undo the change
      // that made it stale, so any difference means reading afresh.
      const given = names.map((n) => basis?.sheets.find((s) => s.name === n));
      if (given.every((s, i) => s !== undefined && unchangedSince(sheetNamed(doc, names[i])!, s)))
        return { before: { source: basis!.source, sheets: given as SheetSnapshot[] } };
      const before = readSheets(doc, names);
      return "zh" in before ? { refused: "tooLarge" } : { before };
    },
    async runSteps(before, steps) {
      const progress = { done: 0 };
      try {
        runSteps(doc, before, steps, formats, progress);
        return { ran: progress.done };
      } catch (error) {
        // A step that threw ran partly at most; the steps before it ran whole.
        return { error, ran: progress.done };
      }
    },
    async reread(names) {
      return read(names);
    },
    async runUndo(undo) {
      runUndo(doc, undo, formats);
    },
  };
}

/**
 * The one transaction (src/app/apply.ts) on WPS; `config` is the user's rule settings (before issue
 * #21 this host verified with the default rules). The caller suspends screen updating and ignores
 * the change events of these writes.
 */
export async function applyPlan(doc: EtDoc, plan: EditPlan, config?: Config, basis?: WorkbookSnapshot): Promise<ApplyResult> {
  return toApplyResult(await applyEdit(wpsEditPrimitives(doc, basis), plan, config));
}
