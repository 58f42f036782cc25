/**
 * Applies an EditPlan in one Excel.run: one sync reads the sheets the plan touches, the core's
 * reference semantics (applyToWorkbook) replay the plan on that picture to refuse stale or clashing
 * edits before anything is written, then ONE sync writes every edit, so a refused plan leaves the
 * workbook untouched. Where ExcelApi 1.20 allows, the whole run is one undo step.
 */
import { columnName, parseA1, parseRange, qualify, toA1 } from "../../core/a1";
import { EditPlan, InsertRowsEdit } from "../../core/plan/editPlan";
import { applyToWorkbook } from "../../core/plan/applyToSnapshot";
import { SheetSnapshot, WorkbookSnapshot, cellValue, sheetExtent } from "../../core/snapshot";
import { ApplyResult } from "../host";
import { formulaCellRefusal, mergeLosesContentRefusal } from "../refusals";
import { localAddress, splitAreas } from "./addresses";
import { ExcelCaps, has } from "./capabilities";
import { asText, toCellGrid, toFormulaGrid } from "./cells";
import { isSizeError } from "./readWorkbook";
import { isNotFound } from "./runner";
import { errorMessage } from "../../core/errors";

interface SheetRead {
  ws: Excel.Worksheet;
  protection?: Excel.WorksheetProtection;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
}

function refuse(zh: string, en: string): ApplyResult {
  return { ok: false, reason: { zh, en } };
}

/** Maps a 1-based row in the coordinates reached after `before` back to the original sheet (null: a new row). */
export function originalRow(row: number, sheet: string, before: EditPlan["edits"]): number | null {
  let r = row;
  for (let i = before.length - 1; i >= 0; i--) {
    const e = before[i];
    if (e.op !== "insertRows" || e.sheet !== sheet) continue;
    if (r >= e.row + e.count) r -= e.count;
    else if (r >= e.row) return null;
  }
  return r;
}

/** Column spans of the format row that can be copied: vertical merges crossing the row are left out,
 * because a copy source that cuts through a merged area fails like it does in Excel's UI. */
export function copySpans(sheet: SheetSnapshot, formatRow: number): [number, number][] {
  const last = Math.max(sheetExtent(sheet).lastCol, 0);
  const r0 = formatRow - 1;
  const blocked = new Set<number>();
  for (const m of sheet.merges) {
    const p = parseRange(m);
    if (p.top <= r0 && r0 <= p.bottom && p.bottom > p.top) for (let c = p.left; c <= p.right; c++) blocked.add(c);
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

/** Everything the checks need, in one sync: protection, the used range, merges, format-row heights. */
async function readSheets(ctx: Excel.RequestContext, plan: EditPlan, caps: ExcelCaps): Promise<{ reads: Map<string, SheetRead>; heights: Map<number, Excel.RangeFormat> }> {
  const reads = new Map<string, SheetRead>();
  for (const name of new Set(plan.edits.map((e) => e.sheet))) {
    const ws = ctx.workbook.worksheets.getItem(name);
    // Values only: borders or fills drawn down to the last row would make the formatted used range
    // exceed the 5-million-cell read limit. Edits into cells past it meet empty cells, as they are.
    const used = has(caps, "usedRangeValuesOnly") ? ws.getUsedRange(true) : ws.getUsedRange();
    used.load("rowIndex,columnIndex,values,valueTypes,formulas");
    const r: SheetRead = { ws, used };
    if (has(caps, "protection")) {
      r.protection = ws.protection;
      r.protection.load("protected");
    }
    if (has(caps, "mergedAreas")) {
      r.merged = ws.getRange().getMergedAreasOrNullObject();
      r.merged.load("address");
    }
    reads.set(name, r);
  }
  const heights = new Map<number, Excel.RangeFormat>();
  plan.edits.forEach((e, i) => {
    if (e.op !== "insertRows") return;
    const orig = originalRow(e.formatFrom, e.sheet, plan.edits.slice(0, i));
    if (orig === null || orig < 1) return;
    const f = reads.get(e.sheet)!.ws.getRange(`${orig}:${orig}`).format;
    f.load("rowHeight");
    heights.set(i, f);
  });
  await ctx.sync();
  return { reads, heights };
}

function toSnapshot(name: string, r: SheetRead): SheetSnapshot {
  const u = r.used;
  return {
    name,
    originRow: u.rowIndex,
    originCol: u.columnIndex,
    values: toCellGrid(u.values, u.valueTypes as string[][]),
    formulas: toFormulaGrid(u.formulas),
    merges: r.merged && !r.merged.isNullObject && r.merged.address ? splitAreas(r.merged.address).map(localAddress) : [],
    hiddenRows: [],
  };
}

/** The formula a cell holds in this picture of the workbook (null for a constant or a bad address). */
function formulaAt(wb: WorkbookSnapshot, sheet: string, address: string): string | null {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s?.formulas) return null;
  let at;
  try {
    at = parseA1(address);
  } catch {
    return null;
  }
  return s.formulas[at.row - s.originRow]?.[at.col - s.originCol] ?? null;
}

/** The first cell other than the top-left that holds something a merge would discard (null: none). */
function contentLostByMerge(wb: WorkbookSnapshot, sheet: string, range: string): string | null {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) return null;
  let r;
  try {
    r = parseRange(range);
  } catch {
    return null;
  }
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      if (row === r.top && col === r.left) continue;
      const v = cellValue(s, row, col);
      if ((v !== null && v !== "") || s.formulas?.[row - s.originRow]?.[col - s.originCol]) return toA1(row, col);
    }
  }
  return null;
}

function queueInsert(ws: Excel.Worksheet, e: InsertRowsEdit, before: SheetSnapshot, caps: ExcelCaps, height: number | undefined): void {
  const last = e.row + e.count - 1;
  ws.getRange(`${e.row}:${last}`).insert("Down");
  // formatFrom is numbered before this insertion; rows at or below the new ones moved down.
  const src = e.formatFrom >= e.row ? e.formatFrom + e.count : e.formatFrom;
  if (has(caps, "copyFormats")) {
    for (const [l, r] of copySpans(before, e.formatFrom)) {
      const cols = `${columnName(l)}${src}:${columnName(r)}${src}`;
      ws.getRange(`${columnName(l)}${e.row}:${columnName(r)}${last}`).copyFrom(ws.getRange(cols), "Formats");
    }
  }
  if (height !== undefined) ws.getRange(`${e.row}:${last}`).format.rowHeight = height;
}

export async function applyPlan(ctx: Excel.RequestContext, plan: EditPlan, caps: ExcelCaps): Promise<ApplyResult> {
  if (!plan.edits.length) return { ok: true };
  let read;
  try {
    read = await readSheets(ctx, plan, caps);
  } catch (e) {
    if (isSizeError(e)) {
      return refuse(
        "修改涉及的工作表太大,Excel 无法一次读出,未做任何修改。请把申报表复制到单独的工作表后再试。",
        "A sheet the change needs is too large for Excel to read at once; nothing was changed. Copy the form to a sheet of its own and retry.",
      );
    }
    if (!isNotFound(e)) throw e;
    return refuse("找不到修改涉及的工作表(可能已改名或删除),请重新校验后再试。", "A sheet the change needs was not found (renamed or deleted?); check again and retry.");
  }
  const { reads, heights } = read;
  for (const [name, r] of reads) {
    if (r.protection?.protected) {
      return refuse(
        `工作表「${name}」受保护,无法修改。请在“审阅 → 撤销工作表保护”后再试。`,
        `Sheet "${name}" is protected and cannot be changed. Unprotect it (Review → Unprotect Sheet) and try again.`,
      );
    }
  }

  // Replay the plan on what was just read: stale cells and impossible merges are refused here,
  // before anything is written.
  let wb: WorkbookSnapshot = { source: "", sheets: [...reads].map(([n, r]) => toSnapshot(n, r)) };
  if (!has(caps, "mergedAreas")) {
    // Merges are unknown before ExcelApi 1.13: trust the plan's unmerges rather than refuse them.
    for (const e of plan.edits) if (e.op === "unmerge") wb.sheets.find((x) => x.name === e.sheet)!.merges.push(e.range);
  }
  const states: WorkbookSnapshot[] = [];
  for (const e of plan.edits) {
    states.push(wb);
    if (e.op === "setValue") {
      const formula = formulaAt(wb, e.sheet, e.address);
      if (formula) return { ok: false, reason: formulaCellRefusal(qualify(e.sheet, e.address), formula) };
    }
    if (e.op === "merge") {
      const lost = contentLostByMerge(wb, e.sheet, e.range);
      if (lost) return { ok: false, reason: mergeLosesContentRefusal(qualify(e.sheet, e.range), qualify(e.sheet, lost)) };
    }
    const res = applyToWorkbook(wb, { title: plan.title, edits: [e] });
    if (!res.ok) return { ok: false, reason: res.reason };
    wb = res.value;
  }

  plan.edits.forEach((e, i) => {
    const ws = reads.get(e.sheet)!.ws;
    switch (e.op) {
      case "setValue":
        ws.getRange(e.address).values = [[e.value === null ? "" : typeof e.value === "string" ? asText(e.value) : e.value]];
        break;
      case "insertRows":
        queueInsert(ws, e, states[i].sheets.find((s) => s.name === e.sheet)!, caps, heights.get(i)?.rowHeight);
        break;
      case "merge":
        ws.getRange(e.range).merge(false);
        break;
      case "unmerge":
        ws.getRange(e.range).unmerge();
        break;
    }
  });
  try {
    await ctx.sync();
  } catch (e) {
    return refuse(
      `修改未能全部完成:${errorMessage(e)}。请检查表格,必要时按 Ctrl+Z 撤销,然后重新校验。`,
      `The change could not be completed: ${errorMessage(e)}. Check the sheet, undo with Ctrl+Z if needed, and check again.`,
    );
  }
  return { ok: true };
}
