/**
 * A strict fake of the slice of the Excel JavaScript API the Excel host uses. It models the documented
 * semantics, each with the page it comes from, so the host is tested against what Excel does rather
 * than against what we hope it does. OfficeMockObject (office-addin-mock) has no collections,
 * OrNullObject semantics, sync counting or any of the behaviours below, which is why this fake exists.
 *
 * Batches (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * - calls queue operations; `context.sync()` runs them in order and records one SyncRecord;
 * - a property can be read only after it was loaded AND synced (otherwise the read throws);
 * - property assignments are writes that take effect at the next sync;
 * - a proxy belongs to its Excel.run: used after that run ended it fails with InvalidObjectPath
 *   (…/excel/excel-add-ins-advanced-concepts "request context"; office-js-docs "trackedObjects");
 * - overlapping Excel.run calls are not serialised by Excel: their syncs interleave at every await
 *   (maxActiveRuns records how many ran at once);
 * - APIs newer than the fake's ExcelApi version throw ApiNotFound, like an old Excel.
 * Run options (learn.microsoft.com/javascript/api/excel/excel.runoptions):
 * - while the user edits a cell a batch fails with InvalidOperationInCellEditMode unless the run asked
 *   for `delayForCellEdit`, in which case it waits until the edit ends;
 * - every sync that writes creates one undo record, or one per run with `mergeUndoGroup` (ExcelApi 1.20).
 * - a batch is not a transaction: a sync stops at the operation that fails and keeps every operation
 *   before it (OfficeExtension.Error.traceMessages: "all trace messages that were executed before the
 *   error occurred"; no API rolls a batch back). `failAtWrite` injects that fault (the n-th write from
 *   now fails), `failReadSync` a refused re-read (the n-th sync that only loads fails as too large).
 * Undo (…/excel/excel-add-ins-undo-capabilities; office-js#3788, #3141):
 * - undo support for API writes starts with ExcelApi 1.19; before that a write clears the user's undo
 *   history ("most set operations disable undo/redo, by design", office-js#3788);
 * - `Office.context.document.settings.saveAsync()` clears it on every version (office-js#3141);
 *   a sync that lists merged areas (getMergedAreasOrNullObject) loses it too (office-js#5918).
 * Events (…/excel/excel-add-ins-events; javascript/api/excel/excel.eventsource):
 * - change events arrive after the sync that caused them (eventDelayMs), carry `source` Local or
 *   Remote (a co-author) and, from ExcelApi 1.14, `triggerSource` ThisLocalAddin for our own writes.
 * Ranges (javascript/api/excel/excel.range; …/excel/excel-add-ins-ranges-large; resource-limits):
 * - writing `values`/`formulas` parses strings like typed input: "95%" → 0.95, "100" → 100,
 *   "2025-12-31" → a date serial, "TRUE" → true, "#N/A" → an error; a leading apostrophe keeps text;
 * - `merge()` keeps only the top-left value (Range.merge);
 * - `copyFrom(…, "Formats")` copies fills, merged areas and conditional formats (Range.copyFrom,
 *   RangeCopyType.formats = "all formatting", as Paste Special → Formats does);
 * - inserting rows shifts values, formulas, merges, conditional-format ranges, hidden rows, heights;
 *   a merge or rule spanning the insertion point grows;
 * - deleting whole rows (Range.delete "Up") moves the rows below up; a merge or rule inside them goes,
 *   one across them shrinks (the inverse of an insertion, which the host uses to undo one);
 * - `numberFormat` is "General" for a cell without a format of its own, "@" for Text (Range.numberFormat);
 * - `misMerge` injects a fault (a merge of another area than asked), to prove the host's verification;
 * - a protected sheet rejects every write with AccessDenied (Worksheet.protection);
 * - `text` is each cell's value as its number format shows it ("0.00%" turns 0.95 into "95.00%"); it
 *   does not depend on the column width: no "####" (Range.text in @types/office-js, ExcelApi 1.1);
 * - loading values/formulas/valueTypes/text of more than 5,000,000 cells fails with RangeExceedsLimit
 *   (excel.errorcodes; resource-limits "Excel add-ins": 5 million cells per get);
 * - Excel on the web rejects a response larger than its payload limit (payloadLimitCells).
 * Conditional formats (javascript/api/excel/excel.conditionalformat):
 * - `ConditionalFormat.id` is its priority, i.e. its index in the sheet's list: an item loaded in one
 *   sync is addressed by that index later, so after another rule is added or deleted it points at a
 *   different rule (deleting it may delete the user's own);
 * - `priority = 0` moves a rule to the top and renumbers the rest;
 * - `add` puts the new rule at the top priority, renumbering every other rule ("Adds a new conditional
 *   format to the collection at the first/top priority", excel.conditionalformatcollection#add).
 * Settings (…/develop/persisting-add-in-state-and-settings): about 2 MB per document; saveAsync can
 * fail (failNextSave) and reports it through its AsyncResult.
 */
import { RangePos, parseRange, quoteSheet, rangeToA1 } from "../../../src/core/a1";
import { CellValue, isCellError } from "../../../src/core/snapshot";
import { ExcelRun } from "../../../src/hosts/excel/runner";
import { shiftFormula } from "../../../src/hosts/file/formulaShift";
// The formats the forms use, rendered as Excel renders them (the same rendering the file host applies).
import { formattedNumber } from "../../../src/hosts/file/cellValue";

export interface SyncRecord {
  loads: string[];
  writes: string[];
}

export interface FakeCF {
  type: string;
  formula: string | null;
  fill: string | null;
  ranges: RangePos[];
}

interface Cell {
  value: CellValue;
  formula?: string;
}

/** What `Range.text` gives for one cell under its number format. */
function displayed(v: CellValue, numberFormat: string | undefined): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return formattedNumber(v, numberFormat) ?? String(v);
  return v;
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

export function intersects(a: RangePos, b: RangePos): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** "A1:B2", "5:7" (whole rows) or "" (whole sheet) → 0-based range. */
export function parseAddress(address: string | undefined): RangePos {
  if (!address) return { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COL };
  return parseRange(a.replace(/\$/g, ""));
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  /** The user's own cell formatting (fill colours); marks must never change it. */
  readonly fills = new Map<string, string>();
  /** Number formats by cell ("r,c"); General where absent. */
  readonly numberFormats = new Map<string, string>();
  merges: RangePos[] = [];
  readonly hiddenRows = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly columnWidths = new Map<number, number>();
  cfs: FakeCF[] = [];
  protected = false;
  frozenRows = 0;
  /** Pretend the used range is this big (loading its values fails past 5 million cells). */
  claimed?: { rows: number; cols: number };
  /** Pretend formatting (borders, fills) reaches this far: only the formatted used range grows. */
  formattedTo?: { rows: number; cols: number };

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get(r: number, c: number): CellValue {
    return this.cells.get(key(r, c))?.value ?? null;
  }

  set(r: number, c: number, value: CellValue, formula?: string): void {
    if (value === null || value === "") {
      if (formula) this.cells.set(key(r, c), { value: null, formula });
      else this.cells.delete(key(r, c));
    } else this.cells.set(key(r, c), formula ? { value, formula } : { value });
  }

  /** Fills a block from a 2-D array whose top-left is at A1-address `at`. */
  put(at: string, rows: CellValue[][]): this {
    const p = parseRange(at);
    rows.forEach((row, i) => row.forEach((v, j) => this.set(p.top + i, p.left + j, v)));
    return this;
  }

  bounds(valuesOnly: boolean): RangePos | null {
    const keys = [...this.cells.keys(), ...(valuesOnly ? [] : [...this.fills.keys()])];
    if (!keys.length) return null;
    const pts = keys.map((k) => k.split(",").map(Number));
    return {
      top: Math.min(...pts.map((p) => p[0])),
      bottom: Math.max(...pts.map((p) => p[0])),
      left: Math.min(...pts.map((p) => p[1])),
      right: Math.max(...pts.map((p) => p[1])),
    };
  }

  insertRows(at: number, count: number): void {
    // Formulas pointing at moved rows follow them, as Excel rewrites references on insertion.
    for (const cell of this.cells.values()) {
      if (cell.formula) cell.formula = shiftFormula(cell.formula, this.name, { sheet: this.name, at: at + 1, count });
    }
    const shiftMap = <T>(m: Map<string, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(",").map(Number);
        m.set(key(r >= at ? r + count : r, c), v);
      }
    };
    shiftMap(this.cells);
    shiftMap(this.fills);
    shiftMap(this.numberFormats);
    const move = (p: RangePos): RangePos =>
      p.top >= at
        ? { ...p, top: p.top + count, bottom: Math.min(MAX_ROW, p.bottom + count) }
        : p.bottom >= at
          ? { ...p, bottom: Math.min(MAX_ROW, p.bottom + count) }
          : p;
    this.merges = this.merges.map(move);
    for (const cf of this.cfs) cf.ranges = cf.ranges.map(move);
    const hidden = [...this.hiddenRows].map((n) => (n >= at + 1 ? n + count : n));
    this.hiddenRows.clear();
    hidden.forEach((n) => this.hiddenRows.add(n));
    const heights = [...this.rowHeights.entries()];
    this.rowHeights.clear();
    for (const [n, h] of heights) this.rowHeights.set(n >= at + 1 ? n + count : n, h);
  }
  /**
   * Whole rows removed, as Range.delete(Excel.DeleteShiftDirection.up) on entire rows does
   * (javascript/api/excel/excel.range#excel-excel-range-delete-member(1)): rows below move up, a merge
   * or rule inside the rows goes, one spanning them shrinks, and references to moved rows follow.
   * (References into the deleted rows, which Excel turns into #REF!, are not modelled.)
   */
  deleteRows(at: number, count: number): void {
    for (const cell of this.cells.values()) {
      if (cell.formula) cell.formula = shiftFormula(cell.formula, this.name, { sheet: this.name, at: at + count + 1, count: -count });
    }
    const shiftMap = <T>(m: Map<string, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(",").map(Number);
        if (r >= at && r < at + count) continue;
        m.set(key(r >= at + count ? r - count : r, c), v);
      }
    };
    shiftMap(this.cells);
    shiftMap(this.fills);
    shiftMap(this.numberFormats);
    const shrink = (p: RangePos): RangePos | null => {
      const top = p.top < at ? p.top : p.top < at + count ? at : p.top - count;
      const bottom = p.bottom < at ? p.bottom : p.bottom < at + count ? at - 1 : p.bottom - count;
      return bottom < top ? null : { ...p, top, bottom };
    };
    this.merges = this.merges.map(shrink).filter((m): m is RangePos => m !== null);
    for (const cf of this.cfs) cf.ranges = cf.ranges.map(shrink).filter((m): m is RangePos => m !== null);
    const rows1 = (n: number) => (n <= at ? n : n <= at + count ? null : n - count);
    const hidden = [...this.hiddenRows].map(rows1).filter((n): n is number => n !== null);
    this.hiddenRows.clear();
    hidden.forEach((n) => this.hiddenRows.add(n));
    const heights = [...this.rowHeights.entries()];
    this.rowHeights.clear();
    for (const [n, h] of heights) {
      const to = rows1(n);
      if (to !== null) this.rowHeights.set(to, h);
    }
  }
}

type Op = { kind: "load" | "write"; label: string; run: () => void; changes?: () => FakeSheet | null; undoable?: boolean };

export interface UndoRecord {
  by: "user" | "addin";
  label: string;
}

export interface FakeOptions {
  minor?: number;
  sheets?: FakeSheet[];
  /** Reject a sync whose loaded cells exceed this (Excel on the web's payload limit). */
  payloadLimitCells?: number;
  /** Delay of change events after the sync that caused them. */
  eventDelayMs?: number;
}

type Handler = (args: Record<string, unknown>) => Promise<unknown> | void;

export class FakeExcel {
  minor: number;
  sheets: FakeSheet[];
  active: FakeSheet;
  selection: { sheet: string; address: string } | null = null;
  readonly syncs: SyncRecord[] = [];
  readonly runs: { options: unknown }[] = [];
  payloadLimitCells?: number;
  eventDelayMs: number;
  handlers: Handler[] = [];
  workbookName = "预算申报.xlsx";
  /** The user's undo stack, newest last. */
  undo: UndoRecord[] = [];
  /** How often something wiped the undo stack. */
  undoClears = 0;
  /** The user is typing in a cell (cell-edit mode). */
  editing = false;
  private editWaiters: (() => void)[] = [];
  activeRuns = 0;
  maxActiveRuns = 0;
  /** A fault to inject: Range.merge merges this area instead of the one asked for (a host bug, or an Excel that misbehaves). */
  misMerge?: (asked: RangePos) => RangePos;
  /**
   * Runs asking for mergeUndoGroup fail at their first sync with UndoNotSupported, as when an API in
   * the group has no undo support (…/excel/excel-add-ins-undo-capabilities) or on Excel on the web
   * (office-js#6711: RichApi.Error with {delayForCellEdit, mergeUndoGroup}).
   */
  refuseUndoGroup = false;
  /** The n-th write operation from now fails (1 = the next); null = never. */
  failAtWrite: number | null = null;
  /** The n-th sync from now that loads and writes nothing fails with a payload error; null = never. */
  failReadSync: number | null = null;
  private nextId = 1;

  constructor(opts: FakeOptions = {}) {
    this.minor = opts.minor ?? 20;
    this.sheets = opts.sheets ?? [];
    this.active = this.sheets[0];
    this.payloadLimitCells = opts.payloadLimitCells;
    this.eventDelayMs = opts.eventDelayMs ?? 20;
  }

  sheet(name: string, build?: (s: FakeSheet) => void): FakeSheet {
    const s = new FakeSheet(name, `{sheet-${this.nextId++}}`);
    build?.(s);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  need(minor: number, api: string): void {
    if (this.minor < minor) throw new FakeError("ApiNotFound", `${api} needs ExcelApi 1.${minor}; this fake is 1.${this.minor}`);
  }

  readonly run: ExcelRun = async (first, batch) => {
    const reuse = first instanceof FakeContext ? first : null;
    this.runs.push({ options: reuse ? "context" : first });
    const ctx = reuse ?? new FakeContext(this, (first ?? {}) as Excel.RunOptions);
    ctx.open = true;
    this.activeRuns++;
    this.maxActiveRuns = Math.max(this.maxActiveRuns, this.activeRuns);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pending()) throw new Error(`batch ended with ${ctx.pending()} operations never synced`);
      return result;
    } finally {
      this.activeRuns--;
      ctx.open = false;
    }
  };

  /** The user types into a cell: the value changes, the edit goes on the undo stack, Excel raises a change event. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    const s = this.find(sheet)!;
    const p = parseRange(a1);
    s.set(p.top, p.left, value);
    this.undo.push({ by: "user", label: `${sheet}!${a1}` });
    this.raise(s, "Unknown");
  }

  /** A co-author edits: the value changes here too, but the event says Remote and our undo stack is not involved. */
  remoteEdit(sheet: string, a1: string, value: CellValue): void {
    const s = this.find(sheet)!;
    const p = parseRange(a1);
    s.set(p.top, p.left, value);
    this.raise(s, "Unknown", "Remote");
  }

  /** The user starts typing in a cell and stays in cell-edit mode until endCellEdit(). */
  startCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiting) w();
  }

  /** Resolves when cell-edit mode ends (what delayForCellEdit waits for). */
  editEnded(): Promise<void> {
    return this.editing ? new Promise((resolve) => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  /** Undo records the add-in created (the user's typing excluded). */
  get addinUndoRecords(): number {
    return this.undo.filter((u) => u.by === "addin").length;
  }

  /** What an undo-clearing call does: the user can no longer undo anything before it. */
  clearUndo(): void {
    this.undo = [];
    this.undoClears++;
  }

  raise(s: FakeSheet, source: "ThisLocalAddin" | "Unknown", origin: "Local" | "Remote" = "Local"): void {
    const args: Record<string, unknown> = {
      type: "WorksheetChanged",
      worksheetId: s.id,
      address: "A1",
      source: origin,
      changeType: "RangeEdited",
    };
    if (this.minor >= 14) args.triggerSource = source;
    setTimeout(() => {
      for (const h of [...this.handlers]) void h(args);
    }, this.eventDelayMs);
  }

  /** Writes per sync, and the number of syncs. */
  get writeSyncs(): SyncRecord[] {
    return this.syncs.filter((s) => s.writes.length > 0);
  }

  resetLog(): void {
    this.syncs.length = 0;
    this.runs.length = 0;
    this.maxActiveRuns = this.activeRuns;
  }
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  /** False once its Excel.run has returned: its proxies are then unusable. */
  open = true;
  /** The undo record this run's writes go to, when the run merges its undo group. */
  private undoGroup: UndoRecord | null = null;

  constructor(
    readonly excel: FakeExcel,
    readonly options: Excel.RunOptions = {},
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    if (!this.open) throw new FakeError("InvalidObjectPath", `${op.label}: a proxy was used after its Excel.run ended`);
    this.queue.push(op);
  }

  load(label: string, run: () => void): void {
    this.enqueue({ kind: "load", label, run });
  }

  /** `undoable: false` for what Excel keeps off the undo stack (selection, event registration). */
  write(label: string, run: () => void, changes?: () => FakeSheet | null, undoable = true): void {
    this.enqueue({ kind: "write", label, run, changes, undoable });
  }

  async sync(): Promise<void> {
    if (!this.open) throw new FakeError("InvalidObjectPath", "sync() on a context whose Excel.run has ended");
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (this.excel.editing) {
      if (!this.options.delayForCellEdit) throw new FakeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
      await this.excel.editEnded();
    }
    const rec: SyncRecord = { loads: [], writes: [] };
    this.excel.syncs.push(rec);
    const changed = new Set<FakeSheet>();
    cellsLoaded = 0;
    let undoable = false;
    const excel = this.excel;
    if (excel.refuseUndoGroup && this.options.mergeUndoGroup)
      throw new FakeError("UndoNotSupported", "The operation can't be grouped for undo");
    if (excel.failReadSync !== null && ops.length && ops.every((o) => o.kind === "load") && --excel.failReadSync <= 0) {
      excel.failReadSync = null;
      throw new FakeError("RequestPayloadSizeLimitExceeded", "injected: the response is too large");
    }
    try {
      for (const op of ops) {
        if (op.kind === "write" && excel.failAtWrite !== null && --excel.failAtWrite <= 0) {
          excel.failAtWrite = null;
          throw new FakeError("GeneralException", `injected fault at ${op.label}`);
        }
        (op.kind === "load" ? rec.loads : rec.writes).push(op.label);
        op.run();
        if (op.kind === "write" && op.undoable) undoable = true;
        const s = op.changes?.();
        if (s) changed.add(s);
      }
    } finally {
      if (undoable) this.recordUndo(rec.writes.join(", "));
    }
    if (this.excel.payloadLimitCells !== undefined && cellsLoaded > this.excel.payloadLimitCells) {
      throw new FakeError("RequestPayloadSizeLimitExceeded", `response of ${cellsLoaded} cells exceeds the limit`);
    }
    for (const s of changed) this.excel.raise(s, "ThisLocalAddin");
  }

  private recordUndo(label: string): void {
    const excel = this.excel;
    if (excel.minor < 19) return excel.clearUndo();
    if (this.options.mergeUndoGroup && excel.minor >= 20) {
      if (this.undoGroup && excel.undo.includes(this.undoGroup)) return;
      this.undoGroup = { by: "addin", label };
      excel.undo.push(this.undoGroup);
      return;
    }
    excel.undo.push({ by: "addin", label });
  }

  /** Used by office-js-helpers. */
  get trackedObjects(): unknown {
    return { add() {}, remove() {} };
  }
}

/** Cells loaded in the current sync, for the payload limit. */
let cellsLoaded = 0;

function props(p: string | string[] | undefined): string[] {
  if (p === undefined) return [];
  const list = Array.isArray(p) ? p : p.split(",");
  return list.map((x) => x.trim()).filter(Boolean);
}

/** Loaded-and-synced properties; reading anything else throws, as office-js does. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeContext,
    private readonly label: string,
  ) {}

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new Error(`${this.label}.${prop} was read before load + sync`);
    return this.loaded.get(prop) as T;
  }

  protected queueLoad(list: string[], read: (prop: string) => unknown): void {
    this.ctx.load(`${this.label}.load(${list.join(",")})`, () => {
      for (const p of list) this.loaded.set(p, read(p));
    });
  }
}

class WorkbookProxy extends Loadable {
  readonly worksheets: WorksheetsProxy;
  constructor(readonly context: FakeContext) {
    super(context, "Workbook");
    this.worksheets = new WorksheetsProxy(context);
  }
  load(p?: string | string[]): this {
    const list = props(p);
    if (list.includes("name")) this.ctx.excel.need(7, "Workbook.name");
    this.queueLoad(list, (x) => (x === "name" ? this.ctx.excel.workbookName : undefined));
    return this;
  }
  get name(): string {
    return this.value("name");
  }
}

class EventSource {
  constructor(
    private readonly ctx: FakeContext,
    private readonly minor: number,
    private readonly api: string,
  ) {}
  add(handler: Handler) {
    this.ctx.excel.need(this.minor, this.api);
    const excel = this.ctx.excel;
    this.ctx.write(`${this.api}.add`, () => excel.handlers.push(handler), undefined, false);
    const ctx = this.ctx;
    return {
      context: ctx,
      remove: () => ctx.write(`${this.api}.remove`, () => (excel.handlers = excel.handlers.filter((h) => h !== handler)), undefined, false),
    };
  }
}

class WorksheetsProxy extends Loadable {
  private itemList: WorksheetProxy[] | null = null;
  readonly onChanged: EventSource;
  constructor(ctx: FakeContext) {
    super(ctx, "Worksheets");
    this.onChanged = new EventSource(ctx, 9, "WorksheetCollection.onChanged");
  }
  load(p?: string | string[]): this {
    const list = props(p);
    this.ctx.load(`Worksheets.load(${list.join(",")})`, () => {
      this.itemList = this.ctx.excel.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, () => s);
        w.preload(list.filter((x) => x.startsWith("items/")).map((x) => x.slice(6)));
        return w;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw new Error("Worksheets.items was read before load + sync");
    return this.itemList;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.excel.find(name);
      if (!s) throw new FakeError("ItemNotFound", `sheet ${name} does not exist`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.excel.need(4, "getItemOrNullObject");
    return new WorksheetProxy(this.ctx, () => this.ctx.excel.find(name) ?? null).knowsIfNull();
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.excel.active);
  }
  add(name?: string): WorksheetProxy {
    const excel = this.ctx.excel;
    let created: FakeSheet | null = null;
    this.ctx.write(`Worksheets.add(${name ?? ""})`, () => {
      if (name && excel.find(name)) throw new FakeError("ItemAlreadyExists", `sheet ${name} exists`);
      created = excel.sheet(name ?? `Sheet${excel.sheets.length + 1}`);
    });
    return new WorksheetProxy(this.ctx, () => created);
  }
}

class WorksheetProxy extends Loadable {
  readonly onChanged: EventSource;
  constructor(
    ctx: FakeContext,
    private readonly resolveSheet: () => FakeSheet | null,
  ) {
    super(ctx, "Worksheet");
    this.onChanged = new EventSource(ctx, 7, "Worksheet.onChanged");
  }
  /** The sheet, or ItemNotFound (a null object used for anything but isNullObject). */
  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s) throw new FakeError("ItemNotFound", "the worksheet is a null object");
    return s;
  }
  /** OrNullObject proxies: isNullObject is readable after the next sync without a load. */
  knowsIfNull(): this {
    this.queueLoad(["isNullObject"], (x) => this.read(x));
    return this;
  }
  preload(list: string[]): void {
    for (const p of list) this.loaded.set(p, this.read(p));
  }
  private read(p: string): unknown {
    if (p === "isNullObject") return this.resolveSheet() === null;
    const s = this.sheet();
    if (p === "name") return s.name;
    if (p === "id") return s.id;
    throw new Error(`fake Worksheet cannot load ${p}`);
  }
  load(p?: string | string[]): this {
    const list = props(p);
    this.queueLoad(list, (x) => this.read(x));
    return this;
  }
  get name(): string {
    return this.value("name");
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  private protectionProxy?: ReturnType<WorksheetProxy["makeProtection"]>;
  get protection() {
    return (this.protectionProxy ??= this.makeProtection());
  }
  private makeProtection() {
    this.ctx.excel.need(2, "Worksheet.protection");
    const ctx = this.ctx;
    const loaded = new Map<string, unknown>();
    const sheetOf = () => this.sheet();
    return {
      load(p: string) {
        ctx.load("Protection.load", () => {
          for (const x of props(p)) loaded.set(x, x === "protected" ? sheetOf().protected : undefined);
        });
        return this;
      },
      get protected(): boolean {
        if (!loaded.has("protected")) throw new Error("protection.protected was read before load + sync");
        return loaded.get("protected") as boolean;
      },
    };
  }
  get freezePanes() {
    this.ctx.excel.need(7, "Worksheet.freezePanes");
    return { freezeRows: (n: number) => this.ctx.write(`freezeRows(${n})`, () => (this.sheet().frozenRows = n)) };
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this, () => parseAddress(address));
  }
  getRanges(address: string): RangeAreasProxy {
    this.ctx.excel.need(9, "Worksheet.getRanges");
    const areas = address.split(",").map((a) => parseAddress(a));
    return new RangeAreasProxy(this.ctx, this, () => areas);
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.excel.need(2, "getUsedRange(valuesOnly)");
    return new RangeProxy(this.ctx, this, () => this.usedPos(Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.ctx.excel.need(4, "getUsedRangeOrNullObject");
    return new RangeProxy(this.ctx, this, () => this.usedPos(Boolean(valuesOnly))).knowsIfNull();
  }
  private usedPos(valuesOnly: boolean): RangePos | null {
    const s = this.sheet();
    if (s.claimed) return { top: 0, left: 0, bottom: s.claimed.rows - 1, right: s.claimed.cols - 1 };
    if (s.formattedTo && !valuesOnly) return { top: 0, left: 0, bottom: s.formattedTo.rows - 1, right: s.formattedTo.cols - 1 };
    return s.bounds(valuesOnly);
  }
  activate(): void {
    this.ctx.write("Worksheet.activate", () => (this.ctx.excel.active = this.sheet()), undefined, false);
  }
}

const VALUE_TYPE = (v: CellValue): string =>
  v === null
    ? "Empty"
    : isCellError(v)
      ? "Error"
      : typeof v === "number"
        ? Number.isInteger(v)
          ? "Integer"
          : "Double"
        : typeof v === "boolean"
          ? "Boolean"
          : "String";

class FormatProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx, "RangeFormat");
  }
  load(p?: string | string[]): this {
    this.queueLoad(props(p), (x) => {
      if (x !== "rowHeight") throw new Error(`fake RangeFormat cannot load ${x}`);
      const pos = this.range.pos();
      return this.range.sheet().rowHeights.get(pos.top + 1) ?? 15;
    });
    return this;
  }
  get rowHeight(): number {
    return this.value("rowHeight");
  }
  set rowHeight(h: number) {
    this.ctx.write(`rowHeight=${h}`, () => {
      const p = this.range.pos();
      guard(this.range.sheet());
      for (let r = p.top; r <= p.bottom; r++) this.range.sheet().rowHeights.set(r + 1, h);
    });
  }
  set columnWidth(w: number) {
    this.ctx.write(`columnWidth=${w}`, () => {
      const p = this.range.pos();
      for (let c = p.left; c <= p.right; c++) this.range.sheet().columnWidths.set(c, w);
    });
  }
  set wrapText(w: boolean) {
    this.ctx.write(`wrapText=${w}`, () => undefined);
  }
  get fill() {
    const ctx = this.ctx;
    const range = this.range;
    return {
      set color(c: string) {
        ctx.write(`fill=${c}`, () => {
          const p = range.pos();
          guard(range.sheet());
          for (let r = p.top; r <= p.bottom; r++) for (let col = p.left; col <= p.right; col++) range.sheet().fills.set(key(r, col), c);
        });
      },
    };
  }
  get font() {
    const ctx = this.ctx;
    return {
      set bold(b: boolean) {
        ctx.write(`font.bold=${b}`, () => undefined);
      },
      set size(n: number) {
        ctx.write(`font.size=${n}`, () => undefined);
      },
    };
  }
}

class RangeProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly ws: WorksheetProxy,
    private readonly resolvePos: () => RangePos | null,
  ) {
    super(ctx, "Range");
  }
  sheet(): FakeSheet {
    return this.ws.sheet();
  }
  pos(): RangePos {
    const p = this.resolvePos();
    if (!p) throw new FakeError("ItemNotFound", "the range is a null object");
    return p;
  }
  private read(prop: string): unknown {
    if (prop === "isNullObject") return this.resolvePos() === null;
    const s = this.sheet();
    const p = this.pos();
    const rows = p.bottom - p.top + 1;
    const cols = p.right - p.left + 1;
    const grid = <T>(f: (r: number, c: number) => T): T[][] => {
      if (rows * cols > 5_000_000) throw new FakeError("RangeExceedsLimit", `${rows * cols} cells exceed the 5,000,000 a get may return`);
      cellsLoaded += rows * cols;
      return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(p.top + i, p.left + j)));
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(s.name)}!${rangeToA1(p)}`;
      case "rowIndex":
        return p.top;
      case "columnIndex":
        return p.left;
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "values":
        return grid((r, c) => {
          const v = s.get(r, c);
          return v === null ? "" : isCellError(v) ? v.error : v;
        });
      case "valueTypes":
        return grid((r, c) => VALUE_TYPE(s.get(r, c)));
      case "text":
        return grid((r, c) => displayed(s.get(r, c), s.numberFormats.get(key(r, c))));
      case "numberFormat":
        // "General" where the cell has no format of its own (Range.numberFormat).
        return grid((r, c) => s.numberFormats.get(key(r, c)) ?? "General");
      case "formulas":
        return grid((r, c) => {
          const cell = s.cells.get(key(r, c));
          if (cell?.formula) return cell.formula;
          const v = cell?.value ?? null;
          return v === null ? "" : isCellError(v) ? v.error : v;
        });
      default:
        throw new Error(`fake Range cannot load ${prop}`);
    }
  }
  load(p?: string | string[]): this {
    this.queueLoad(props(p), (x) => this.read(x));
    return this;
  }
  knowsIfNull(): this {
    return this.load("isNullObject");
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get address(): string {
    return this.value("address");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(v: unknown[][]) {
    this.writeGrid("values", v);
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get text(): string[][] {
    return this.value("text");
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeGrid("formulas", v);
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.ctx.write("numberFormat=", () => {
      const s = this.sheet();
      const p = this.pos();
      guard(s);
      v.forEach((row, i) =>
        row.forEach((f, j) =>
          f === "General" ? s.numberFormats.delete(key(p.top + i, p.left + j)) : s.numberFormats.set(key(p.top + i, p.left + j), f),
        ),
      );
    });
  }
  private writeGrid(label: string, v: unknown[][]): void {
    this.ctx.write(
      `${label}=`,
      () => {
        const s = this.sheet();
        const p = this.pos();
        if (v.length !== p.bottom - p.top + 1 || v.some((row) => row.length !== p.right - p.left + 1)) {
          throw new FakeError("InvalidArgument", `${label} shape does not match ${rangeToA1(p)}`);
        }
        guard(s);
        v.forEach((row, i) =>
          row.forEach((x, j) => {
            if (typeof x === "string" && x.startsWith("=")) s.set(p.top + i, p.left + j, x, x);
            else if (typeof x === "string") s.set(p.top + i, p.left + j, typedInput(x));
            else s.set(p.top + i, p.left + j, x as CellValue);
          }),
        );
      },
      () => this.sheet(),
    );
  }
  private formatProxy?: FormatProxy;
  private cfProxy?: CFCollectionProxy;
  get format(): FormatProxy {
    return (this.formatProxy ??= new FormatProxy(this.ctx, this));
  }
  get conditionalFormats(): CFCollectionProxy {
    this.ctx.excel.need(6, "Range.conditionalFormats");
    return (this.cfProxy ??= new CFCollectionProxy(this.ctx, this.ws, () => [this.pos()]));
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.ctx.excel.need(13, "getMergedAreasOrNullObject");
    // office-js#5918: "The undo stack is lost upon sync with getMergedAreasOrNullObject".
    this.ctx.load("Range.getMergedAreasOrNullObject", () => this.ctx.excel.clearUndo());
    return new RangeAreasProxy(this.ctx, this.ws, () => {
      const p = this.pos();
      // Like Excel (office-js#3611): only merges whose top-left cell lies in the range.
      const found = this.sheet().merges.filter((m) => m.top >= p.top && m.top <= p.bottom && m.left >= p.left && m.left <= p.right);
      if (found.length > 512) throw new FakeError("GeneralException", "more than 512 merged areas");
      return found.length ? found : null;
    }).load("isNullObject");
  }
  getRowProperties(opts: { rowIndex?: boolean; rowHidden?: boolean }) {
    this.ctx.excel.need(9, "getRowProperties");
    const result: { value: { rowIndex?: number; rowHidden?: boolean }[] } = { value: [] };
    let ready = false;
    this.ctx.load("Range.getRowProperties", () => {
      const p = this.pos();
      const s = this.sheet();
      result.value = Array.from({ length: p.bottom - p.top + 1 }, (_, i) => ({
        ...(opts.rowIndex ? { rowIndex: p.top + i } : {}),
        ...(opts.rowHidden ? { rowHidden: s.hiddenRows.has(p.top + i + 1) } : {}),
      }));
      ready = true;
    });
    return {
      get value() {
        if (!ready) throw new Error("ClientResult.value was read before sync");
        return result.value;
      },
    };
  }
  select(): void {
    this.ctx.write(
      "Range.select",
      () => {
        const s = this.sheet();
        if (this.ctx.excel.active !== s) throw new FakeError("InvalidOperation", "select() on a sheet that is not active");
        this.ctx.excel.selection = { sheet: s.name, address: rangeToA1(this.pos()) };
      },
      undefined,
      false,
    );
  }
  insert(direction: string): RangeProxy {
    this.ctx.write(
      `Range.insert(${direction})`,
      () => {
        const p = this.pos();
        if (direction !== "Down" || p.left !== 0 || p.right !== MAX_COL) throw new Error("the fake inserts whole rows only");
        guard(this.sheet());
        this.sheet().insertRows(p.top, p.bottom - p.top + 1);
      },
      () => this.sheet(),
    );
    return this;
  }
  delete(direction: string): void {
    this.ctx.write(
      `Range.delete(${direction})`,
      () => {
        const p = this.pos();
        if (direction !== "Up" || p.left !== 0 || p.right !== MAX_COL) throw new Error("the fake deletes whole rows only");
        guard(this.sheet());
        this.sheet().deleteRows(p.top, p.bottom - p.top + 1);
      },
      () => this.sheet(),
    );
  }
  copyFrom(source: RangeProxy, type: string): void {
    this.ctx.excel.need(9, "Range.copyFrom");
    this.ctx.write(`Range.copyFrom(${type})`, () => {
      if (type !== "Formats") throw new Error("the fake copies formats only");
      const s = this.sheet();
      guard(s);
      const src = source.pos();
      const dst = this.pos();
      // Like Excel's UI: a source cutting through a merged area cannot be copied.
      for (const m of s.merges) {
        const inside = m.top >= src.top && m.bottom <= src.bottom && m.left >= src.left && m.right <= src.right;
        if (intersects(m, src) && !inside)
          throw new FakeError("InvalidOperation", `copy source ${rangeToA1(src)} cuts merged ${rangeToA1(m)}`);
      }
      const h = src.bottom - src.top + 1;
      const w = src.right - src.left + 1;
      for (let r = dst.top; r <= dst.bottom; r++) {
        for (let c = dst.left; c <= dst.right; c++) {
          const from = key(src.top + ((r - dst.top) % h), src.left + ((c - dst.left) % w));
          const fill = s.fills.get(from);
          if (fill) s.fills.set(key(r, c), fill);
          else s.fills.delete(key(r, c));
          const format = s.numberFormats.get(from);
          if (format) s.numberFormats.set(key(r, c), format);
          else s.numberFormats.delete(key(r, c));
        }
      }
      // Merged areas and conditional formats are formatting too: they land on every repeat of the source.
      const repeats: { dr: number; dc: number }[] = [];
      for (let r = dst.top; r <= dst.bottom; r += h)
        for (let c = dst.left; c <= dst.right; c += w) repeats.push({ dr: r - src.top, dc: c - src.left });
      const inside = (m: RangePos) => m.top >= src.top && m.bottom <= src.bottom && m.left >= src.left && m.right <= src.right;
      for (const m of s.merges.filter(inside)) {
        for (const { dr, dc } of repeats) {
          const moved = { top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc };
          s.merges = [...s.merges.filter((x) => !intersects(x, moved)), moved];
        }
      }
      for (const cf of s.cfs) {
        const add: RangePos[] = [];
        for (const r of cf.ranges) {
          if (!intersects(r, src)) continue;
          const part = {
            top: Math.max(r.top, src.top),
            bottom: Math.min(r.bottom, src.bottom),
            left: Math.max(r.left, src.left),
            right: Math.min(r.right, src.right),
          };
          for (const { dr, dc } of repeats)
            add.push({ top: part.top + dr, bottom: part.bottom + dr, left: part.left + dc, right: part.right + dc });
        }
        cf.ranges = [...cf.ranges, ...add];
      }
    });
  }
  merge(across?: boolean): void {
    this.ctx.excel.need(2, "Range.merge");
    this.ctx.write(`Range.merge(${Boolean(across)})`, () => {
      const asked = this.pos();
      const p = this.ctx.excel.misMerge?.(asked) ?? asked;
      const s = this.sheet();
      guard(s);
      // Range.merge keeps the upper-left value only; the others are gone.
      for (let r = p.top; r <= p.bottom; r++)
        for (let c = p.left; c <= p.right; c++) if (r !== p.top || c !== p.left) s.cells.delete(key(r, c));
      s.merges = [...s.merges.filter((m) => !intersects(m, p)), p];
    });
  }
  unmerge(): void {
    this.ctx.excel.need(2, "Range.unmerge");
    this.ctx.write("Range.unmerge", () => {
      const p = this.pos();
      const s = this.sheet();
      guard(s);
      s.merges = s.merges.filter((m) => !intersects(m, p));
    });
  }
  clear(): void {
    this.ctx.write(
      "Range.clear",
      () => {
        const p = this.pos();
        const s = this.sheet();
        guard(s);
        for (const k of [...s.cells.keys(), ...s.fills.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= p.top && r <= p.bottom && c >= p.left && c <= p.right) {
            s.cells.delete(k);
            s.fills.delete(k);
            s.numberFormats.delete(k);
          }
        }
        s.merges = s.merges.filter((m) => !intersects(m, p));
        s.cfs = s.cfs.filter((cf) => !cf.ranges.some((r) => intersects(r, p)));
      },
      () => this.sheet(),
    );
  }
}

class RangeAreasProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly resolveAreas: () => RangePos[] | null,
  ) {
    super(ctx, "RangeAreas");
  }
  load(p?: string | string[]): this {
    this.queueLoad(props(p), (x) => {
      const areas = this.resolveAreas();
      if (x === "isNullObject") return areas === null;
      if (x === "address") return areas ? areas.map((a) => `${quoteSheet(this.ws.sheet().name)}!${rangeToA1(a)}`).join(",") : null;
      if (x === "areaCount") return areas?.length ?? 0;
      throw new Error(`fake RangeAreas cannot load ${x}`);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get address(): string {
    return this.value("address");
  }
  private cfProxy?: CFCollectionProxy;
  get conditionalFormats(): CFCollectionProxy {
    return (this.cfProxy ??= new CFCollectionProxy(this.ctx, this.ws, () => this.resolveAreas() ?? []));
  }
}

class CFCollectionProxy extends Loadable {
  private itemList: CFProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly areas: () => RangePos[],
  ) {
    super(ctx, "ConditionalFormats");
  }
  load(p?: string | string[]): this {
    const list = props(p);
    for (const x of list) if (x !== "items/type") throw new Error(`fake ConditionalFormats cannot load ${x}`);
    this.ctx.load("ConditionalFormats.load(items/type)", () => {
      const areas = this.areas();
      const sheet = this.ws.sheet();
      // Items are addressed by id, and the id is the priority (the index in the sheet's list) at load time.
      this.itemList = sheet.cfs
        .map((cf, index) => ({ cf, index }))
        .filter(({ cf }) => cf.ranges.some((r) => areas.some((a) => intersects(r, a))))
        .map(({ cf, index }) => new CFProxy(this.ctx, this.ws, () => byPriority(sheet, index), true, cf.type));
    });
    return this;
  }
  get items(): CFProxy[] {
    if (!this.itemList) throw new Error("ConditionalFormats.items was read before load + sync");
    return this.itemList;
  }
  add(type: string): CFProxy {
    let created: FakeCF | null = null;
    this.ctx.write(`ConditionalFormats.add(${type})`, () => {
      guard(this.ws.sheet());
      created = { type, formula: null, fill: null, ranges: this.areas() };
      // "Adds a new conditional format to the collection at the first/top priority" (ConditionalFormatCollection.add).
      this.ws.sheet().cfs.unshift(created);
    });
    return new CFProxy(this.ctx, this.ws, () => created!, false, type);
  }
}

class CFProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly cf: () => FakeCF,
    private readonly typeLoaded: boolean,
    /** The type as it was when loaded (a stale item keeps reporting it). */
    private readonly loadedType: string,
  ) {}
  get type(): string {
    if (!this.typeLoaded) throw new Error("ConditionalFormat.type was read before load + sync");
    return this.loadedType;
  }
  /** The rule's ranges: RangeAreas from ExcelApi 1.9; one Range (null object when several) from 1.6. */
  getRanges(): CFRangesProxy {
    this.ctx.excel.need(9, "ConditionalFormat.getRanges");
    return new CFRangesProxy(this.ctx, this.ws, this.cf, false);
  }
  /** OrNullObject: isNullObject is readable after the next sync without a load. */
  getRangeOrNullObject(): CFRangesProxy {
    return new CFRangesProxy(this.ctx, this.ws, this.cf, true).load("isNullObject");
  }
  set priority(p: number) {
    this.ctx.write(`ConditionalFormat.priority=${p}`, () => {
      const s = this.ws.sheet();
      guard(s);
      const me = this.cf();
      s.cfs = s.cfs.filter((x) => x !== me);
      s.cfs.splice(p, 0, me);
    });
  }
  delete(): void {
    this.ctx.write("ConditionalFormat.delete", () => {
      const s = this.ws.sheet();
      guard(s);
      const me = this.cf();
      if (!s.cfs.includes(me)) throw new FakeError("ItemNotFound", "conditional format already deleted");
      s.cfs = s.cfs.filter((x) => x !== me);
    });
  }
  private customProxy?: ReturnType<CFProxy["makeCustom"]>;
  /** Navigation properties are the same proxy on every access, as in office-js. */
  get custom() {
    return (this.customProxy ??= this.makeCustom());
  }
  private makeCustom() {
    const ctx = this.ctx;
    const cf = this.cf;
    let formula: string | null | undefined;
    let loaded = false;
    return {
      rule: {
        load(p: string) {
          if (p !== "formula") throw new Error(`fake rule cannot load ${p}`);
          ctx.load("CustomConditionalFormat.rule.load(formula)", () => {
            if (cf().type !== "Custom") throw new FakeError("InvalidArgument", "not a custom conditional format");
            formula = cf().formula;
            loaded = true;
          });
          return this;
        },
        get formula(): string | null {
          if (!loaded) throw new Error("rule.formula was read before load + sync");
          return formula ?? null;
        },
        set formula(f: string | null) {
          ctx.write("rule.formula=", () => (cf().formula = f));
        },
      },
      format: {
        fill: {
          set color(c: string) {
            ctx.write(`cf.fill=${c}`, () => (cf().fill = c));
          },
        },
      },
    };
  }
}

function byPriority(sheet: FakeSheet, index: number): FakeCF {
  const cf = sheet.cfs[index];
  if (!cf) throw new FakeError("ItemNotFound", `no conditional format with id ${index}`);
  return cf;
}

class CFRangesProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly ws: WorksheetProxy,
    private readonly cf: () => FakeCF,
    private readonly single: boolean,
  ) {
    super(ctx, "ConditionalFormat.ranges");
  }
  load(p?: string | string[]): this {
    this.queueLoad(props(p), (x) => {
      const ranges = this.cf().ranges;
      if (x === "isNullObject") return this.single && ranges.length !== 1;
      if (x !== "address") throw new Error(`fake ConditionalFormat ranges cannot load ${x}`);
      if (this.single && ranges.length !== 1) return null;
      return ranges.map((r) => `${quoteSheet(this.ws.sheet().name)}!${rangeToA1(r)}`).join(",");
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get address(): string {
    return this.value("address");
  }
}

/** A write to a protected sheet fails (Worksheet.protection: "the worksheet is protected"). */
function guard(s: FakeSheet): void {
  if (s.protected) throw new FakeError("AccessDenied", `sheet ${s.name} is protected`);
}

/** 1900 date system: serial 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was. */
function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel stores for a string written through `values`/`formulas`: the same as typing it
 * (Range.values: "Excel interprets the value like typed input"; support "Stop automatically changing
 * numbers to dates"). A leading apostrophe keeps the rest as text.
 */
export function typedInput(x: string): CellValue {
  if (x.startsWith("'")) return x.slice(1);
  const t = x.trim();
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!)$/i.test(t)) return { error: t.toUpperCase() };
  const num = /^(?<sign>[-+]?)[$¥￥€£]?(?<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)(?<exp>e[-+]?\d+)?(?<pct>%?)$/i.exec(t);
  if (num?.groups) {
    const g = num.groups;
    const n = Number(`${g.sign}${g.digits.replace(/,/g, "")}${g.exp ?? ""}`);
    return g.pct ? n / 100 : n;
  }
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) return dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
  // An English-locale Excel reads "Dec 31" as 31 December of this year; the year does not matter here.
  const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  const named = /^([a-z]{3})[a-z]*[\s\-/.,]+(\d{1,2})$/i.exec(t);
  if (named && MONTHS.includes(named[1].toLowerCase()))
    return dateSerial(2025, MONTHS.indexOf(named[1].toLowerCase()) + 1, Number(named[2]));
  return x;
}

/** A user's own conditional format, to check that marks leave it alone. */
export function userRule(sheet: FakeSheet, address: string, type = "CellValue", formula: string | null = null, fill = "#00B050"): FakeCF {
  const cf: FakeCF = { type, formula, fill, ranges: [parseAddress(address)] };
  sheet.cfs.push(cf);
  return cf;
}

function utf8Bytes(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Office.context.document.settings: in memory until saveAsync writes them into the document. */
export class FakeSettings {
  readonly data = new Map<string, unknown>();
  /** What the document holds: the data as of the last successful save. */
  saved = new Map<string, unknown>();
  saves = 0;
  refreshes = 0;
  /** The documented cap on a document's settings (persisting-add-in-state-and-settings: 2 MB). */
  maxBytes = 2 * 1024 * 1024;
  /** Make the next saveAsync fail (a read-only or disconnected document). */
  failNextSave = false;
  /** Settings saves clear the user's undo stack (office-js#3141). */
  constructor(private readonly excel?: FakeExcel) {}
  get(name: string): unknown {
    return this.data.has(name) ? this.data.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.data.set(name, JSON.parse(JSON.stringify(value)));
  }
  saveAsync(cb?: (r: Office.AsyncResult<void>) => void): void {
    this.saves++;
    this.excel?.clearUndo();
    const size = utf8Bytes(JSON.stringify([...this.data]));
    const fail = this.failNextSave
      ? "the document is read-only"
      : size > this.maxBytes
        ? `settings of ${size} bytes exceed ${this.maxBytes}`
        : null;
    this.failNextSave = false;
    if (fail) {
      cb?.({ status: "failed", error: { code: 5001, name: "Save Settings Error", message: fail } } as unknown as Office.AsyncResult<void>);
      return;
    }
    this.saved = new Map(this.data);
    cb?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>);
  }
  refreshAsync(cb?: (r: Office.AsyncResult<Office.Settings>) => void): void {
    this.refreshes++;
    cb?.({ status: "succeeded" } as unknown as Office.AsyncResult<Office.Settings>);
  }
}

/** The global Office that office-js-helpers consults (isSetSupported only). */
export function installOfficeGlobal(excel: FakeExcel): () => void {
  const g = globalThis as unknown as { Office?: unknown };
  const before = g.Office;
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version: string | number) =>
          name === "ExcelApi" && Number(String(version).split(".")[1] ?? 0) <= excel.minor,
      },
    },
  };
  return () => {
    g.Office = before;
  };
}
