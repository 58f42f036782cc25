/**
 * Applies an EditPlan in one Excel.run on the one edit engine (issue #7): one sync reads the sheets
 * the plan touches, the core compiles the plan into steps against that picture (core/plan/steps.ts:
 * a stale or clashing plan is refused before anything is written), ONE sync executes every step and
 * re-reads the sheets, and the core's post-conditions (core/plan/verify.ts, the same the file host
 * proves) are checked on what Excel now holds. A plan that fails them is undone in the same run —
 * the inserted rows deleted, every merge and cell put back as it was read (core/plan/undo.ts) — and
 * the undo itself is proven by one more read. Where ExcelApi 1.20 allows, the run is one undo step.
 */
import { RangePos, columnName, parseRange, rangeToA1 } from "../../core/a1";
import { Config } from "../../core/config";
import { errorMessage } from "../../core/errors";
import { EditPlan } from "../../core/plan/editPlan";
import { Step, compilePlan, runStep } from "../../core/plan/steps";
import { UndoStep, sameSheet } from "../../core/plan/undo";
import { Message } from "../../core/rules/types";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue, isCellError, sheetExtent } from "../../core/snapshot";
import { ApplyResult } from "../host";
import { undoOf, undoPartial } from "../restore";
import { ExcelCaps, FEATURE, has } from "./capabilities";
import { asText } from "./cells";
import { Pending, build, isSizeError, mayBeMergeLimit, queueSheet } from "./readWorkbook";
import { isNotFound } from "./runner";

interface SheetRead {
  ws: Excel.Worksheet;
  protection?: Excel.WorksheetProtection;
  data: Pending;
}

function refuse(zh: string, en: string): ApplyResult {
  return { ok: false, reason: { zh, en } };
}

const TOO_LARGE: Message = {
  zh: "修改涉及的工作表太大,Excel 无法一次读出,未做任何修改。请把申报表复制到单独的工作表后再试。",
  en: "A sheet the change needs is too large for Excel to read at once; nothing was changed. Copy the form to a sheet of its own and retry.",
};

/**
 * Column spans of a copyFormat step that Range.copyFrom(…, "Formats") may copy. Excel refuses a source
 * that cuts through a merged area, and a format paste also pastes the source's merged areas over
 * whatever is merged at the destination; so columns of a vertical merge crossing the source row, and
 * of a merge already on the new rows (one grown by the insertion), are left out, with every
 * single-row merge of the source that touches them. What is left copies exactly the source-row merges
 * the compiler repeats as merge steps. 0-based, on the sheet as it is when the step runs.
 */
export function copySpans(sheet: SheetSnapshot, from: number, to: number, count: number): [number, number][] {
  const last = Math.max(sheetExtent(sheet).lastCol, 0);
  const merges = sheet.merges.map(parseRange);
  const blocked = new Set<number>();
  const block = (p: RangePos) => {
    for (let c = p.left; c <= p.right; c++) blocked.add(c);
  };
  for (const m of merges) {
    const crossesSource = m.top <= from && from <= m.bottom && m.bottom > m.top;
    const onNewRows = m.top <= to + count - 1 && to <= m.bottom;
    if (crossesSource || onNewRows) block(m);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const m of merges) {
      if (m.top !== from || m.bottom !== from) continue;
      const cols = Array.from({ length: m.right - m.left + 1 }, (_, i) => m.left + i);
      if (cols.some((c) => blocked.has(c)) && !cols.every((c) => blocked.has(c))) {
        block(m);
        changed = true;
      }
    }
  }
  const spans: [number, number][] = [];
  let start: number | null = null;
  for (let c = 0; c <= last; c++) {
    if (blocked.has(c)) {
      if (start !== null) spans.push([start, c - 1]);
      start = null;
    } else if (start === null) start = c;
  }
  if (start !== null) spans.push([start, last]);
  return spans;
}

/**
 * Where a row of the sheet as it is before step `i` was in the sheet the plan was compiled against
 * (0-based), following a new row to the row its formats were copied from; null for a new row that
 * took no formats.
 */
export function sourceRow(steps: Step[], i: number, sheet: string, row: number, followFormats = true): number | null {
  let r = row;
  for (let j = i - 1; j >= 0; j--) {
    const s = steps[j];
    if (s.sheet !== sheet) continue;
    if (followFormats && s.op === "copyFormat" && r >= s.to && r < s.to + s.count) return sourceRow(steps, j, sheet, s.from);
    if (s.op !== "insertRows") continue;
    if (r >= s.at + s.count) r -= s.count;
    else if (r >= s.at) return null;
  }
  return r;
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

/** A value as Range.values should get it: text kept as text, an error constant typed as itself. */
function excelValue(v: CellValue | string): string | number | boolean {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return typeof v === "string" ? asText(v) : v;
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
        if (!same) range.values = [[excelValue(s.value)]];
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
        else range.values = [[excelValue(u.value)]];
        break;
      }
    }
  }
  for (const f of formats) cellAt(reads.get(f.sheet)!.ws, f.row, f.col).numberFormat = [[f.was]];
}

function notRestored(title: EditPlan["title"], why: Message): ApplyResult {
  return refuse(
    `“${title.zh}”未能完成(${why.zh}),且未能完全恢复原状。请检查表格(Excel 支持撤销时可按 Ctrl+Z),然后重新校验。`,
    `"${title.en}" could not be completed (${why.en}) and could not be fully undone. Check the sheet (press Ctrl+Z where Excel can undo it), then check again.`,
  );
}

const UNVERIFIED: Message = {
  zh: "修改已写入,但 Excel 无法重新读出工作表以核对结果(工作表太大或合并区域过多)。请重新校验确认。",
  en: "The change was written, but Excel could not read the sheet back to verify it (too large, or too many merged areas). Check again to confirm.",
};

const NOT_FOUND: ApplyResult = refuse(
  "找不到修改涉及的工作表(可能已改名或删除),请重新校验后再试。",
  "A sheet the change needs was not found (renamed or deleted?); check again and retry.",
);

/** Excel refuses to list more than 512 merged areas on a sheet: read as Office 2019 does, without them. */
const withoutMerges = (caps: ExcelCaps): ExcelCaps => ({ ...caps, minor: Math.min(caps.minor, FEATURE.mergedAreas - 1) });

/** Queues and syncs a re-read; null when Excel refuses it (too large, too many merges). */
async function reread(ctx: Excel.RequestContext, names: string[], caps: ExcelCaps): Promise<WorkbookSnapshot | null> {
  const reads = queueReads(ctx, names, caps, false);
  try {
    await ctx.sync();
  } catch {
    return null;
  }
  return snapshotOf(reads);
}

/**
 * The transaction (issue #21: whole or not at all): one sync reads the sheets, the core compiles the
 * plan, ONE sync runs the steps, and the verifying re-read has a sync of its own, so a re-read Excel
 * refuses (5 MB payload, > 512 merges) never makes a completed write look failed. On any failure —
 * a step Excel rejects midway (the batch keeps what ran before it) or a failed verification — the
 * sheets are re-read and exactly what ran is put back (rows, merges, values, number formats; the
 * marks are conditional formats and shrink back with the deleted rows), and one more read proves it.
 * `config` is the user's rule settings: the re-check after the edits judges "a new error" by them.
 */
export async function applyPlan(ctx: Excel.RequestContext, plan: EditPlan, caps: ExcelCaps, config?: Config): Promise<ApplyResult> {
  if (!plan.edits.length) return { ok: true };
  const names = [...new Set(plan.edits.map((e) => e.sheet))];
  let reads: Map<string, SheetRead>;
  // The format rows' heights, by sheet and original 0-based row: Range.copyFrom does not copy heights.
  const heights = new Map<string, Excel.RangeFormat>();
  const queueBefore = (c: ExcelCaps) => {
    heights.clear();
    reads = queueReads(ctx, names, c, true);
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
  try {
    queueBefore(caps);
    await ctx.sync();
  } catch (e) {
    if (isSizeError(e)) return { ok: false, reason: TOO_LARGE };
    if (isNotFound(e)) return NOT_FOUND;
    if (!has(caps, "mergedAreas") || !mayBeMergeLimit(e)) throw e;
    // The read's own fallback, here too: without the merge list, as where Excel has no merged-area API.
    caps = withoutMerges(caps);
    try {
      queueBefore(caps);
      await ctx.sync();
    } catch {
      throw e;
    }
  }
  reads = reads!;
  for (const [name, r] of reads) {
    if (r.protection?.protected) {
      return refuse(
        `工作表「${name}」受保护,无法修改。请在“审阅 → 撤销工作表保护”后再试。`,
        `Sheet "${name}" is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet) and try again.`,
      );
    }
  }
  const before = snapshotOf(reads);
  if (!before) return { ok: false, reason: TOO_LARGE };
  let known = before;
  if (!has(caps, "mergedAreas")) {
    // Merges are unknown (before ExcelApi 1.13, or past 512): trust the plan's unmerges rather than refuse them.
    known = {
      ...before,
      sheets: before.sheets.map((s) => ({
        ...s,
        merges: [...s.merges, ...plan.edits.flatMap((e) => (e.op === "unmerge" && e.sheet === s.name ? [rangeToA1(e.range)] : []))],
      })),
    };
  }
  const compiled = compilePlan(known, plan);
  if (!compiled.ok) return compiled;

  const formats = queueSteps(reads, known, compiled.steps, caps, heights);
  let failure: Message | null = null;
  try {
    await ctx.sync();
  } catch (e) {
    failure = { zh: `修改未能全部完成:${errorMessage(e)}`, en: `the change could not be completed: ${errorMessage(e)}` };
  }
  const after = await reread(ctx, names, caps);
  let why: Message;
  let problem: Message | undefined;
  if (!failure) {
    // Written whole, but not readable back: say so, and do not call a completed write a failure.
    if (!after) return { ok: true, warning: UNVERIFIED };
    // The check engine is a chunk of its own, so the pane can paint before it is downloaded (bench:
    // first load); by the first write a check has long fetched it.
    const [{ checkWorkbook }, { verifyPlan }] = await Promise.all([
      import(/* webpackChunkName: "engine" */ "../../core/engine"),
      import(/* webpackChunkName: "engine" */ "../../core/plan/verify"),
    ]);
    const verdict = verifyPlan({ snapshot: before, check: checkWorkbook(before, config) }, after, plan, config, undefined, compiled);
    if (verdict.ok) return { ok: true };
    why = verdict.reason;
    problem = verdict.problems[0];
  } else {
    if (!after) return notRestored(plan.title, failure);
    why = failure;
  }

  // Put back what ran (and whatever it did wrongly), then prove the sheet is as it was.
  const undo = failure ? undoPartial(before, after, compiled.steps) : undoOf(before, after, compiled.steps);
  const sheets = new Map(names.map((n) => [n, { ws: ctx.workbook.worksheets.getItem(n) } as SheetRead]));
  queueUndo(sheets, undo, formats);
  try {
    await ctx.sync();
  } catch {
    return notRestored(plan.title, why);
  }
  const now = await reread(ctx, names, caps);
  if (
    !now ||
    !before.sheets.every((s) =>
      sameSheet(
        s,
        now.sheets.find((x) => x.name === s.name)!,
      ),
    )
  )
    return notRestored(plan.title, problem ?? why);
  if (failure) {
    return refuse(
      `“${plan.title.zh}”未应用:${failure.zh}。表格已恢复原状。`,
      `"${plan.title.en}" was not applied: ${failure.en}. The sheet is as it was.`,
    );
  }
  return { ok: false, reason: why };
}
