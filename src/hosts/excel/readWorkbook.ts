/**
 * Reads every sheet into the core's snapshot. Round trips: the active sheet's data travels with the
 * sheet list in the first sync (a one-sheet workbook is read in ONE sync); the other sheets need
 * their names first, so they all come together in a second sync. Each sheet's data is loaded in
 * exactly one sync. Only when Excel refuses a batch as too large (Excel on the web caps a response at
 * 5 MB) does a careful path measure first and read sheet by sheet, skipping what cannot be read.
 */
import { Message } from "../../core/rules/types";
import { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { isOwnSheetName } from "../workbookState";
import { localAddress, splitAreas } from "./addresses";
import { ExcelCaps, FEATURE, has } from "./capabilities";
import { toCellGrid, toFormulaGrid } from "./cells";
import { ExcelRun, isNotFound } from "./runner";

/** Excel's documented ceiling for one get: past it the load fails with RangeExceedsLimit (or, on some builds, `values` comes back null). */
export const MAX_CELLS = 5_000_000;

export interface ReadOutcome {
  snapshot: WorkbookSnapshot;
  /** Sheets that could not be read, in both languages, for the pane to show. */
  warnings: Message[];
  /** Every sheet name in tab order (including skipped ones), for marking and clearing later. */
  sheetNames: string[];
}

export interface Pending {
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  rows?: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

// `text` is what each cell shows under its number format (0.95 as "95%"); the core quotes it.
const DATA = ["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "valueTypes", "text"];

/** The sheets the add-in keeps its records in are not part of the form. */
export function isStateSheetName(name: string): boolean {
  return isOwnSheetName(name);
}

function usedRange(ws: Excel.Worksheet, caps: ExcelCaps): Excel.Range {
  // Values only: a form with borders drawn down to row 1,000 would otherwise be read whole. The plain
  // (not OrNullObject) variant gives A1 on an empty sheet, so the calls chained on it stay valid.
  return has(caps, "usedRangeValuesOnly") ? ws.getUsedRange(true) : ws.getUsedRange();
}

export function queueSheet(ws: Excel.Worksheet, caps: ExcelCaps): Pending {
  const used = usedRange(ws, caps);
  used.load(DATA);
  const p: Pending = { used };
  if (has(caps, "mergedAreas")) {
    // Asked of the whole sheet, not the used range: Excel lists only merges whose top-left cell lies
    // inside the queried range (office-js#3611).
    p.merged = ws.getRange().getMergedAreasOrNullObject();
    p.merged.load("address");
  }
  if (has(caps, "rowProperties")) p.rows = used.getRowProperties({ rowIndex: true, rowHidden: true });
  return p;
}

function tooLarge(name: string, rows: number, cols: number): Message {
  return {
    zh: `工作表「${name}」太大(${rows} 行 × ${cols} 列),Excel 无法一次读出,已跳过,未检查。如申报表在其中,请把申报表复制到单独的工作表再校验。`,
    en: `Sheet "${name}" is too large to read (${rows} rows × ${cols} columns) and was skipped. If the form is on it, copy the form to a sheet of its own and check again.`,
  };
}

/**
 * The text a number shows where its format makes it differ from the number itself, in the snapshot's
 * shape (null elsewhere); omitted when no cell differs. Range.text does not depend on the column
 * width (no "####"), so it is what the user reads in the cell.
 */
function shownTexts(values: unknown[][], text: unknown): { texts?: (string | null)[][] } {
  if (!Array.isArray(text)) return {};
  let any = false;
  const texts = values.map((row, r) =>
    row.map((v, c) => {
      const t = (text as unknown[][])[r]?.[c];
      if (typeof v !== "number" || typeof t !== "string" || t === "" || t === String(v)) return null;
      any = true;
      return t;
    }),
  );
  return any ? { texts } : {};
}

export function build(name: string, p: Pending, warnings: Message[]): SheetSnapshot | null {
  const u = p.used;
  if (u.rowCount * u.columnCount > MAX_CELLS || !Array.isArray(u.values) || !Array.isArray(u.valueTypes)) {
    warnings.push(tooLarge(name, u.rowCount, u.columnCount));
    return null;
  }
  const merges = p.merged && !p.merged.isNullObject && p.merged.address ? splitAreas(p.merged.address).map(localAddress) : [];
  const hiddenRows = p.rows ? p.rows.value.filter((r) => r.rowHidden === true).map((r) => r.rowIndex ?? 0) : [];
  return {
    name,
    originRow: u.rowIndex,
    originCol: u.columnIndex,
    values: toCellGrid(u.values, u.valueTypes as string[][]),
    formulas: Array.isArray(u.formulas) ? toFormulaGrid(u.formulas) : undefined,
    ...shownTexts(u.values, u.text),
    merges,
    hiddenRows,
  };
}

function sourceName(wb: Excel.Workbook, caps: ExcelCaps): string {
  return has(caps, "workbookName") && wb.name ? wb.name : "Excel";
}

async function fastRead(ctx: Excel.RequestContext, caps: ExcelCaps): Promise<ReadOutcome> {
  const wb = ctx.workbook;
  wb.worksheets.load("items/name");
  if (has(caps, "workbookName")) wb.load("name");
  const active = wb.worksheets.getActiveWorksheet();
  active.load("name");
  const pending = new Map<string, Pending>();
  const activeData = queueSheet(active, caps);
  await ctx.sync();

  const names = wb.worksheets.items.map((s) => s.name);
  pending.set(active.name, activeData);
  const rest = names.filter((n) => !pending.has(n) && !isStateSheetName(n));
  for (const n of rest) pending.set(n, queueSheet(wb.worksheets.getItem(n), caps));
  if (rest.length) await ctx.sync();

  const warnings: Message[] = [];
  const sheets: SheetSnapshot[] = [];
  for (const n of names) {
    const p = pending.get(n);
    if (!p || isStateSheetName(n)) continue;
    const s = build(n, p, warnings);
    if (s) sheets.push(s);
  }
  return { snapshot: { source: sourceName(wb, caps), sheets }, warnings, sheetNames: names };
}

const SIZE_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

export function isSizeError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && SIZE_CODES.has(code)) return true;
  return e instanceof Error && /payload|size limit/i.test(e.message);
}

/**
 * Errors that say something other than "too many merged areas": a missing sheet, a protected or busy
 * workbook. Excel gives the 512-merge refusal no code of its own, so only these rule the merges out.
 */
const NOT_ABOUT_MERGES = new Set([
  "ItemNotFound",
  "AccessDenied",
  "InvalidOperationInCellEditMode",
  "InvalidObjectPath",
  "ApiNotFound",
  "RequestAborted",
]);

export function mayBeMergeLimit(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return !(typeof code === "string" && NOT_ABOUT_MERGES.has(code)) && !isSizeError(e);
}

async function carefulRead(run: ExcelRun, caps: ExcelCaps): Promise<ReadOutcome> {
  const sized = await run(null, async (ctx) => {
    const wb = ctx.workbook;
    wb.worksheets.load("items/name");
    if (has(caps, "workbookName")) wb.load("name");
    await ctx.sync();
    const names = wb.worksheets.items.map((s) => s.name);
    const dims = names.map((n) => {
      const r = usedRange(wb.worksheets.getItem(n), caps);
      r.load("rowCount,columnCount");
      return r;
    });
    await ctx.sync();
    return { source: sourceName(wb, caps), names, dims: dims.map((r) => ({ rows: r.rowCount, cols: r.columnCount })) };
  });
  const warnings: Message[] = [];
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < sized.names.length; i++) {
    const name = sized.names[i];
    const { rows, cols } = sized.dims[i];
    if (isStateSheetName(name)) continue;
    if (rows * cols > MAX_CELLS) {
      warnings.push(tooLarge(name, rows, cols));
      continue;
    }
    try {
      const s = await run(null, async (ctx) => {
        const p = queueSheet(ctx.workbook.worksheets.getItem(name), caps);
        await ctx.sync();
        return build(name, p, warnings);
      });
      if (s) sheets.push(s);
    } catch (e) {
      if (!isSizeError(e)) throw e;
      warnings.push(tooLarge(name, rows, cols));
    }
  }
  return { snapshot: { source: sized.source, sheets }, warnings, sheetNames: sized.names };
}

export async function readWorkbook(run: ExcelRun, caps: ExcelCaps): Promise<ReadOutcome> {
  try {
    return await run(null, (ctx) => fastRead(ctx, caps));
  } catch (e) {
    if (isSizeError(e)) return carefulRead(run, caps);
    // A sheet deleted or renamed between listing and reading (a co-author, or the user): list again, once.
    if (isNotFound(e)) return run(null, (ctx) => fastRead(ctx, caps));
    // Excel refuses merged areas past 512 on one sheet, failing the whole batch. Recognition works
    // from labels, so read again without merges rather than not at all.
    if (!has(caps, "mergedAreas") || !mayBeMergeLimit(e)) throw e;
    const withoutMerges = { ...caps, minor: FEATURE.mergedAreas - 1 };
    let out: ReadOutcome;
    try {
      out = await run(null, (ctx) => fastRead(ctx, withoutMerges));
    } catch {
      throw e;
    }
    out.warnings.push({
      zh: "Excel 未能列出合并单元格(某个工作表的合并区域超过 512 个),已按文字识别表格;与合并单元格有关的检查可能不完整。",
      en: "Excel could not list the merged cells (a sheet has more than 512 merged areas); the form was recognised from its labels, and checks about merged cells may be incomplete.",
    });
    return out;
  }
}

/**
 * Re-reads only the sheets a change event named (by worksheet id: Worksheet.getItem takes a name or an
 * ID), in one sync and without merged areas (the caller reuses the last list, office-js#5918). The
 * names come back too, so a renamed sheet is noticed. A size refusal or a missing sheet propagates:
 * the caller falls back to a full read.
 */
export async function readSheetsById(
  run: ExcelRun,
  caps: ExcelCaps,
  ids: readonly string[],
): Promise<{ sheets: SheetSnapshot[]; warnings: Message[] }> {
  const noMerges = { ...caps, minor: Math.min(caps.minor, FEATURE.mergedAreas - 1) };
  return run(null, async (ctx) => {
    const queued = ids.map((id) => {
      const ws = ctx.workbook.worksheets.getItem(id);
      ws.load("name");
      return { ws, pending: queueSheet(ws, noMerges) };
    });
    await ctx.sync();
    const warnings: Message[] = [];
    const sheets: SheetSnapshot[] = [];
    for (const { ws, pending } of queued) {
      if (isStateSheetName(ws.name)) continue;
      const s = build(ws.name, pending, warnings);
      if (s) sheets.push(s);
    }
    return { sheets, warnings };
  });
}
