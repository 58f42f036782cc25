/**
 * Applies an EditPlan in WPS on the one edit engine (issue #7), as the Excel host does: the sheets
 * the plan touches are read, the core compiles the plan into steps against that picture (a stale or
 * clashing plan is refused before anything is written), the steps are executed call by call, the
 * sheets are read again and the core's post-conditions checked on what WPS now holds.
 *
 * ET has no batch and no rollback: a call that fails leaves every earlier call done. So everything
 * that can be refused is refused before the first write (a missing or protected sheet, a sheet too
 * large, and all the core's refusals), and a plan that fails midway or fails its verification is
 * undone by executing the inverse steps the core computes from the re-read sheet (core/plan/undo.ts),
 * after which one more read proves the sheet is as it was.
 */
import { RangePos, columnName, rangeToA1 } from "../../core/a1";
import { checkWorkbook } from "../../core/engine";
import { errorMessage } from "../../core/errors";
import { EditPlan } from "../../core/plan/editPlan";
import { Step, compilePlan, runStep } from "../../core/plan/steps";
import { UndoStep, sameSheet } from "../../core/plan/undo";
import { undoPartial } from "../restore";
import { verifyPlan } from "../../core/plan/verify";
import { Message } from "../../core/rules/types";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue, isCellError } from "../../core/snapshot";
import { copySpans, sourceRow } from "../excel/applyPlan";
import { asText } from "../excel/cells";
import { ApplyResult } from "../host";
import { EtDoc, XL, cellPos, setValue2, sheetNamed } from "./et";
import { readSheet } from "./read";

function refuse(zh: string, en: string): ApplyResult {
  return { ok: false, reason: { zh, en } };
}

const rows = (at: number, count: number) => `${at + 1}:${at + count}`;
const cellAt = (ws: Et.Worksheet, row: number, col: number) => ws.Range(rangeToA1(cellPos(row, col)));

/** A value as Value2 takes it: text that WPS would parse as a number or date keeps its apostrophe. */
function etValue(v: CellValue | string): string | number | boolean {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return typeof v === "string" ? asText(v) : v;
}

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
        if (!same) setValue2(range, etValue(s.value));
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
        else setValue2(range, etValue(u.value));
        break;
      }
    }
  }
  for (const f of formats) cellAt(sheetNamed(doc, f.sheet)!, f.row, f.col).NumberFormat = f.was;
}

function notRestored(title: EditPlan["title"], why: Message): ApplyResult {
  return refuse(
    `“${title.zh}”应用后核对未通过(${why.zh}),且未能完全恢复原状。请立即按 Ctrl+Z 撤销,然后重新校验。`,
    `"${title.en}" failed its check after applying (${why.en}) and could not be fully undone. Press Ctrl+Z now, then check again.`,
  );
}

/** The caller suspends screen updating and ignores the change events of these writes. */
export function applyPlan(doc: EtDoc, plan: EditPlan): ApplyResult {
  if (!plan.edits.length) return { ok: true };
  const names = [...new Set(plan.edits.map((e) => e.sheet))];
  for (const name of names) {
    const ws = sheetNamed(doc, name);
    if (ws?.ProtectContents) {
      return refuse(
        `工作表「${name}」受保护,无法修改。请在“审阅 → 撤销工作表保护”后再试。`,
        `Sheet "${name}" is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet) and try again.`,
      );
    }
  }
  const before = readSheets(doc, names);
  if ("zh" in before) return { ok: false, reason: before };
  const compiled = compilePlan(before, plan);
  if (!compiled.ok) return compiled;

  const formats: FormatChange[] = [];
  const progress = { done: 0 };
  let failure: Message | null = null;
  try {
    runSteps(doc, before, compiled.steps, formats, progress);
  } catch (e) {
    failure = { zh: `修改未能全部完成:${errorMessage(e)}`, en: `The change could not be completed: ${errorMessage(e)}` };
  }
  const after = readSheets(doc, names);
  if ("zh" in after) return notRestored(plan.title, failure ?? { zh: "无法重新读取工作表", en: "the sheet could not be read again" });
  let why: Message;
  if (failure) why = failure;
  else {
    const verdict = verifyPlan({ snapshot: before, check: checkWorkbook(before) }, after, plan);
    if (verdict.ok) return { ok: true };
    why = verdict.problems[0] ?? verdict.reason;
  }

  // No rollback in ET: put back what the steps did (and whatever they did wrongly), then prove it.
  // A step that threw ran partly at most; the steps before it ran whole (ET calls are synchronous).
  const undo = undoPartial(before, after, compiled.steps, failure ? progress.done : compiled.steps.length);
  try {
    runUndo(doc, undo, formats);
  } catch {
    return notRestored(plan.title, why);
  }
  const now = readSheets(doc, names);
  if (
    "zh" in now ||
    !before.sheets.every((s) =>
      sameSheet(
        s,
        now.sheets.find((x) => x.name === s.name)!,
      ),
    )
  )
    return notRestored(plan.title, why);
  return {
    ok: false,
    reason: {
      zh: `“${plan.title.zh}”未应用:${why.zh}。表格已恢复原状。`,
      en: `"${plan.title.en}" was not applied: ${why.en}. The sheet is as it was.`,
    },
  };
}
