/**
 * A recording fake of the slice of WPS 表格's ET object model (jsapi) the WPS host uses. It models the
 * documented behaviour, each with its source, so the host is tested against what ET does rather than
 * what we hope; there is no WPS on the test machine (README: what was verified how).
 *
 * The ET model mirrors Excel's VBA object model (WPS maps Excel.Application → et.Application; research
 * note /work/shared/notes/peers-and-style.md A.14: "WPS JSAPI 是 VBA 镜像 (同步调用 + ApiEvent)"), so where
 * WPS's own pages are silent the VBA reference is the source (VBA = learn.microsoft.com/office/vba/api/).
 *
 * - Calls are synchronous: every property and method returns its result at once, never a promise
 *   (notes A.14; tmustier/pi-for-excel src/host/wps/jsapi.ts: "a synchronous VBA-like object model").
 *   Each crossing of the bridge is counted in `calls` and named in `log`.
 * - Collections are 1-based `.Item(i)`; 0 or past Count throws (VBA excel.worksheets.item,
 *   excel.range.item; et-jsapi-declare lib.et.d.ts Sheets.Item / Range.Item). Rows.Item("5:6") takes rows.
 * - Value2 of one cell is a scalar, of a block a 2-D array rows × cols (VBA excel.range.value2); with
 *   `oneDimRows` a one-row block comes back flat, as issue #14 reports from some builds (pi-for-excel's
 *   adapter also decodes both). Empty cells read as undefined.
 * - Formula errors come back from Value2 as the HRESULT of their CVErr: 0x800A0000 + the XlCVError
 *   code (et-jsapi-declare lib.et.d.ts XlCVError: xlErrDiv0 = 2007 …) as a signed 32-bit number, so
 *   #DIV/0! reads −2146826281 and #NAME? −2146826259 — measured in WPS 12.1.0.28043 by
 *   zeweihan/aiworkdeck office-addin/scripts/measurements/2026-08-29-et-wpp-api-probe.json ("set
 *   Formula then read Value2": "-2146826281"; "set bad name formula read Value2": "-2146826259"). Not
 *   the bare 2007 of VBA's CVErr (learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/
 *   cell-error-values). Range.Formula of an error constant is its text; Range.Text shows the error's text.
 * - Writing Value2 a string parses it as typed input ("100" → 100, "95%" → 0.95); a leading apostrophe
 *   keeps it text and is not part of the value (VBA excel.range.prefixcharacter). A write replaces a formula.
 * - Range.Text is what the cell shows through its number format, null for a block whose cells show
 *   different texts; "If the contents of the cell is wider than the width available for display, the
 *   Text property will modify the displayed value" (VBA excel.range.text), which for a number is a
 *   row of # (cnblogs.com/ibgo/archive/2012/04/17/2454486.html: `Left(rng.Text, 1) = "#"` means the
 *   "column too narrow"). Modelled: a number whose text is longer than its column's ColumnWidth (in
 *   characters, VBA excel.range.columnwidth) shows as that many #.
 * - Range.NumberFormat of a block is its format when all cells share it and null otherwise (VBA
 *   excel.range.numberformat: "returns Null if all cells in the specified range don't have the same
 *   number format"); Columns.Item(i) is the i-th column of the range (VBA excel.range.columns).
 * - Dates are numbers in Value2: the serial day count, shown as a date through a date format (VBA
 *   excel.range.value2: "the only difference between this property and the Value property is that
 *   the Value2 property doesn't use the Currency and Date data types").
 * - Interior.Color is a BGR long: RGB(r, g, b) = r + g·256 + b·65536 (VBA language reference, RGB
 *   function; blog.csdn.net/cxu123321/article/details/90293380: "纯红色是 255"). A cell without fill reads
 *   Color 16777215 like a white one, and ColorIndex xlNone (-4142); ColorIndex = xlColorIndexNone is "no
 *   interior fill" (VBA excel.interior.colorindex). A block whose cells differ reads null.
 * - Merge(): "the value of a merged range is specified in the cell of the range's upper-left corner"
 *   (VBA excel.range.merge); merging cells of which more than the top-left hold values asks the user
 *   first unless Application.DisplayAlerts is False (VBA excel.application.displayalerts; the usual
 *   DisplayAlerts = False around Merge, blog.csdn.net/douguitao/article/details/4747413). A jsapi call
 *   cannot answer a dialog, so with DisplayAlerts on the fake records the prompt and throws. Merging
 *   over part of a merge throws.
 * - Range.Address(RowAbsolute, ColumnAbsolute) is the block's reference, "$A$3:$F$50" or with
 *   (false, false) "A3:F50"; one cell gives "B5" (VBA excel.range.address). Of UsedRange it tells the
 *   origin and the size in one call.
 * - MergeCells is true / false for a block wholly / not merged and null when mixed (VBA
 *   excel.range.mergecells); MergeArea is the merged area holding the first cell, or the cell itself
 *   (VBA excel.range.mergearea).
 * - Insert(xlShiftDown) on whole rows moves the cells below with their fills, formats, hidden flags and
 *   heights; a merge spanning the insertion point grows; formulas referring to moved rows follow them;
 *   with CopyOrigin xlFormatFromLeftOrAbove the new rows take the row above's formats (VBA
 *   excel.range.insert). Delete(xlShiftUp) is the inverse: a merge inside goes, one across shrinks
 *   (VBA excel.range.delete).
 * - Copy() puts the range on the clipboard (VBA excel.range.copy, no Destination); PasteSpecial(
 *   xlPasteFormats) copies number formats, fills and merged areas, tiled over the destination (VBA
 *   excel.range.pastespecial, XlPasteType); a source cutting through a merge throws ("不能对合并单元格作部分更改").
 * - Range.Select needs the range's sheet to be active (VBA excel.range.select: "you can't select a
 *   range on a sheet that is not active"; Worksheet.Activate first).
 * - There is no rollback (issue #14; nothing in the model offers a transaction): a failed call leaves
 *   every earlier change in place. `failAfter` injects a fault (the n-th write throws) and `misMerge`
 *   a wrong merge, to prove the host's verification and undo.
 * - Events: ApiEvent.AddApiEventListener("SheetChange", fn(sheet, range)) hears value writes,
 *   insertions and deletions, ours included (et-jsapi-declare addon.et.d.ts EtApiEvent; WPS 加载项
 *   ApiEvent docs), synchronously or, with `queueEvents`, when the test calls flushEvents().
 * - UsedRange spans every cell that holds a value, a formula or any formatting, not only content
 *   (VBA excel.worksheet.usedrange; issue #22: "UsedRange includes formatted empty cells", so a
 *   template formatted down to row 65,536 has that many rows in it).
 * - Range.Find(What "*", LookIn xlFormulas, SearchOrder xlByRows | xlByColumns, SearchDirection
 *   xlPrevious) is the classic search for the last cell with content: searching backwards from the
 *   first cell wraps to the end, so the first match is the last content cell by rows or by columns;
 *   no match is Nothing (null) (VBA excel.range.find: "returns Nothing if no match is found"; "The
 *   search begins after this cell … if you don't specify this argument, the search starts after the
 *   cell in the upper-left corner of the range"). et-jsapi-declare lib.et.d.ts declares Range.Find.
 * - A sheet with ProtectContents rejects writes (VBA excel.worksheet.protectcontents).
 * - Worksheet.Visible = xlSheetVeryHidden (2) hides a sheet from 取消隐藏 (et-jsapi-declare
 *   XlSheetVisibility; VBA excel.xlsheetvisibility).
 * - Several workbooks: Application.Workbooks lists the open ones, 1-based (et-jsapi-declare
 *   Application.Workbooks, Workbooks.Count/Item; VBA excel.workbooks); Application.ActiveWorkbook is
 *   the one in the active window and changes when the user switches windows (VBA
 *   excel.application.activeworkbook: "the workbook in the active window"), as does
 *   Application.ActiveSheet (VBA excel.application.activesheet). Each workbook keeps its own active
 *   sheet (Workbook.ActiveSheet, VBA excel.workbook.activesheet), FullName is its path and name (VBA
 *   excel.workbook.fullname), Worksheet.Parent is its workbook (VBA excel.worksheet.parent).
 *   Worksheet.Activate also activates its workbook's window (VBA excel.worksheet.activate: "equivalent
 *   to clicking the sheet's tab"). A closed workbook's object no longer answers: any member throws, as
 *   a COM reference to a closed workbook does (run-time error "Automation error: the object invoked has
 *   disconnected from its clients"). SheetChange is raised for edits in any open workbook (VBA
 *   excel.application.sheetchange: "when cells on any worksheet are changed").
 */
/* eslint-disable @typescript-eslint/no-this-alias -- the fake's collections are object literals whose getters need their owning sheet or range */
import { RangePos, parseA1, parseRange, rangeToA1 } from "../../../src/core/a1";
import { shiftFormula } from "../../../src/hosts/file/formulaShift";

export type Stored = number | string | boolean | { err: number };

interface Cell {
  v?: Stored;
  f?: string;
  fmt?: string;
  /** Shown text when it differs from the value's own (loaded from a file's number formats). */
  text?: string;
  /** BGR colour and pattern; absent = no fill. */
  fill?: { color: number; pattern: number };
}

const WHITE = 16777215;
const NONE = -4142;
const ERR_TEXT: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
};
/** 0x800A0000 as a signed 32-bit number: WPS's Value2 of an error is this + its XlCVError code. */
export const CVERR_BASE = -2146828288;
const key = (r: number, c: number) => `${r},${c}`;
const overlaps = (a: RangePos, b: RangePos) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const inside = (p: RangePos, r: number, c: number) => r >= p.top && r <= p.bottom && c >= p.left && c <= p.right;

/** Typed input as a cell stores it (VBA Range.Value2 assignment). */
function parseInput(s: string): Stored | undefined {
  if (s === "") return undefined;
  if (s.startsWith("'")) return s.slice(1);
  const t = s.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  const pct = /^([-+]?\d+\.?\d*)%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^(true|false)$/i.test(t)) return /^true$/i.test(t);
  return s;
}

function showValue(v: Stored | undefined, fmt: string | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "object") return ERR_TEXT[v.err] ?? "#VALUE!";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    const d = fmt && /^0\.(0+)$/.exec(fmt);
    if (d) return v.toFixed(d[1].length);
    if (fmt === "0%") return `${Math.round(v * 100)}%`;
    return String(v);
  }
  return v;
}

export class FakeEtApp {
  calls = 0;
  log: string[] = [];
  DisplayAlerts = true;
  /** Every value ScreenUpdating was set to, in order. */
  screenUpdates: boolean[] = [];
  private screen = true;
  prompts: string[] = [];
  clipboard: { sheet: FakeEtSheet; area: RangePos } | null = null;
  CutCopyMode: boolean | number = false;
  /** The open workbooks, in the order opened. */
  books: FakeEtWorkbook[] = [];
  private active: FakeEtWorkbook | null = null;
  selection: { sheet: string; area: RangePos } | null = null;
  /** Options that inject faults and variants. */
  oneDimRows = false;
  queueEvents = false;
  /** The n-th write from now throws (1 = the next one); null = never. */
  failAfter: number | null = null;
  /** Interior.Color writes are accepted but change nothing (a fault, to prove the marks' read-back). */
  dropFills = false;
  /** The next Merge() merges this area instead of the one asked. */
  misMerge: RangePos | null = null;
  private writes = 0;
  private listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  private queued: (() => void)[] = [];

  constructor(name = "form.xlsx") {
    this.open(name);
  }

  /** Opens (a new, empty) workbook in a window of its own, which becomes the active one. */
  open(name: string, folder = "C:\\单位"): FakeEtWorkbook {
    const wb = new FakeEtWorkbook(this, name, folder);
    this.books.push(wb);
    this.active = wb;
    return wb;
  }

  /** The user switches to the workbook's window (test access, no bridge call). */
  activate(wb: FakeEtWorkbook): void {
    this.active = wb;
  }

  isActive(wb: FakeEtWorkbook): boolean {
    return this.active === wb;
  }

  /** The workbook's window is closed; the next open one becomes active. */
  close(wb: FakeEtWorkbook): void {
    wb.closed = true;
    this.books = this.books.filter((b) => b !== wb);
    if (this.active === wb) this.active = this.books[this.books.length - 1] ?? null;
  }

  /** The workbook in the active window; null when none is open (tests may set null to model that). */
  get ActiveWorkbook(): FakeEtWorkbook {
    this.tick("Application.ActiveWorkbook");
    return this.active as FakeEtWorkbook;
  }
  set ActiveWorkbook(wb: FakeEtWorkbook | null) {
    this.active = wb;
  }

  /** The active sheet's name in the active workbook (test access). */
  get activeSheet(): string {
    return this.active?.activeSheet ?? "";
  }
  set activeSheet(name: string) {
    if (this.active) this.active.activeSheet = name;
  }

  get Workbooks() {
    this.tick("Application.Workbooks");
    const self = this;
    return {
      get Count() {
        self.tick("Workbooks.Count");
        return self.books.length;
      },
      Item(i: number): FakeEtWorkbook {
        self.tick("Workbooks.Item");
        const b = self.books[i - 1];
        if (!b) throw new Error(`Workbooks.Item(${i}): 下标越界`);
        return b;
      },
    };
  }

  tick(what: string): void {
    this.calls++;
    this.log.push(what);
  }

  /** Counts a write; throws where a fault was injected. */
  write(what: string, sheet: FakeEtSheet): void {
    this.tick(what);
    if (sheet.ProtectContents) throw new Error(`工作表「${sheet.name}」受保护 (${what})`);
    this.writes++;
    if (this.failAfter !== null && --this.failAfter <= 0) {
      this.failAfter = null;
      throw new Error(`injected fault at ${what}`);
    }
  }

  get ScreenUpdating(): boolean {
    this.tick("Application.ScreenUpdating");
    return this.screen;
  }
  set ScreenUpdating(v: boolean) {
    this.tick("Application.ScreenUpdating=");
    this.screen = v;
    this.screenUpdates.push(v);
  }

  get ActiveSheet(): FakeEtSheet {
    this.tick("Application.ActiveSheet");
    const wb = this.active!;
    return wb.sheet(wb.activeSheet) ?? wb.sheets[0];
  }

  readonly ApiEvent = {
    AddApiEventListener: (name: string, fn: (...a: unknown[]) => void) => {
      this.tick(`ApiEvent.Add ${name}`);
      if (!this.listeners.has(name)) this.listeners.set(name, new Set());
      this.listeners.get(name)!.add(fn);
    },
    RemoveApiEventListener: (name: string, fn?: (...a: unknown[]) => void) => {
      this.tick(`ApiEvent.Remove ${name}`);
      if (fn) this.listeners.get(name)?.delete(fn);
      else this.listeners.delete(name);
    },
  };

  listenerCount(name: string): number {
    return this.listeners.get(name)?.size ?? 0;
  }

  /** Raises SheetChange as WPS would for an edit (by the user when called from a test). */
  change(sheet: FakeEtSheet, area: RangePos): void {
    const fire = () => {
      for (const l of this.listeners.get("SheetChange") ?? []) l(sheet, new FakeEtRange(this, sheet, area));
    };
    if (this.queueEvents) this.queued.push(fire);
    else fire();
  }

  flushEvents(): void {
    const q = this.queued.splice(0);
    for (const f of q) f();
  }

  /** The user types a value into a cell (an edit that is not ours). */
  userEdit(sheetName: string, address: string, value: Stored, wb: FakeEtWorkbook = this.active!): void {
    const sheet = wb.sheet(sheetName)!;
    const p = parseA1(address);
    sheet.cell(p.row, p.col).v = value;
    this.change(sheet, parseRange(address));
  }
}

export class FakeEtWorkbook {
  sheets: FakeEtSheet[] = [];
  activeSheet = "";
  closed = false;
  constructor(
    readonly app: FakeEtApp,
    readonly name: string,
    readonly folder = "C:\\单位",
  ) {}

  private member(what: string): void {
    this.app.tick(what);
    if (this.closed) throw new Error(`${what}: 自动化错误,对象已与其客户端断开连接 (the workbook was closed)`);
  }

  get Name(): string {
    this.member("Workbook.Name");
    return this.name;
  }

  get FullName(): string {
    this.member("Workbook.FullName");
    return `${this.folder}\\${this.name}`;
  }

  get ActiveSheet(): FakeEtSheet {
    this.member("Workbook.ActiveSheet");
    return this.sheet(this.activeSheet) ?? this.sheets[0];
  }

  sheet(name: string): FakeEtSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): FakeEtSheet {
    const s = new FakeEtSheet(this.app, name, this);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  get Worksheets() {
    this.member("Workbook.Worksheets");
    const self = this;
    return {
      get Count() {
        self.app.tick("Worksheets.Count");
        return self.sheets.length;
      },
      Item(i: number | string): FakeEtSheet {
        self.app.tick("Worksheets.Item");
        const s = typeof i === "number" ? self.sheets[i - 1] : self.sheet(i);
        if (!s || (typeof i === "number" && i < 1)) throw new Error(`Worksheets.Item(${i}): 下标越界`);
        return s;
      },
      Add(_before?: unknown, after?: FakeEtSheet): FakeEtSheet {
        self.app.tick("Worksheets.Add");
        let n = self.sheets.length + 1;
        while (self.sheet(`Sheet${n}`)) n++;
        const s = new FakeEtSheet(self.app, `Sheet${n}`, self);
        const at = after ? self.sheets.indexOf(after) + 1 : 0;
        self.sheets.splice(at, 0, s);
        self.activeSheet = s.name;
        return s;
      },
    };
  }
}

export class FakeEtSheet {
  cells = new Map<string, Cell>();
  merges: RangePos[] = [];
  /** 0-based hidden rows. */
  hidden = new Set<number>();
  hiddenCols = new Set<number>();
  /** ColumnWidth in characters by 0-based column; absent = wide enough for anything. */
  widths = new Map<number, number>();
  heights = new Map<number, number>();
  ProtectContents = false;
  private visible = -1;

  constructor(
    readonly app: FakeEtApp,
    public name: string,
    readonly book: FakeEtWorkbook,
  ) {}

  get Parent(): FakeEtWorkbook {
    this.app.tick("Worksheet.Parent");
    return this.book;
  }

  get Name(): string {
    this.app.tick("Worksheet.Name");
    return this.name;
  }
  set Name(v: string) {
    this.app.tick("Worksheet.Name=");
    this.name = v;
  }
  get Visible(): number {
    this.app.tick("Worksheet.Visible");
    return this.visible;
  }
  set Visible(v: number) {
    this.app.tick("Worksheet.Visible=");
    this.visible = v;
  }

  cell(r: number, c: number): Cell {
    let x = this.cells.get(key(r, c));
    if (!x) this.cells.set(key(r, c), (x = {}));
    return x;
  }
  peek(r: number, c: number): Cell | undefined {
    return this.cells.get(key(r, c));
  }
  /** Test access: the stored value of a cell ("D5"). */
  valueAt(address: string): Stored | undefined {
    const p = parseA1(address);
    return this.peek(p.row, p.col)?.v;
  }
  fillAt(address: string): { color: number; pattern: number } | undefined {
    const p = parseA1(address);
    return this.peek(p.row, p.col)?.fill;
  }
  mergeAt(r: number, c: number): RangePos | undefined {
    return this.merges.find((m) => inside(m, r, c));
  }

  Activate(): void {
    this.app.tick("Worksheet.Activate");
    this.book.activeSheet = this.name;
    this.app.activate(this.book);
  }

  /**
   * Range("B5") or a union Range("B5,D7:E8") — "Range("A1:B2,C3")" is one range of several areas
   * (VBA excel.worksheet.range, excel.range.areas). Its reference must be at most 255 characters:
   * a string over 255 characters passed to an object "may be truncated … or may fail" (Microsoft
   * support.microsoft.com/kb/213841, quoted at e-learn.cn/qa/answer/715464/1691768.html); the fake
   * fails, so the host has to chunk.
   */
  Range(address: string): FakeEtRange {
    this.app.tick("Worksheet.Range");
    if (address.length > 255) throw new Error(`Range(${address.length} characters): 无效的引用`);
    const parts = address.replace(/\$/g, "").split(",").map(parseRange);
    return new FakeEtRange(this.app, this, parts[0], parts.length > 1 ? parts : undefined);
  }

  get Cells(): FakeEtRange {
    this.app.tick("Worksheet.Cells");
    return new FakeEtRange(this.app, this, { top: 0, left: 0, bottom: 1048575, right: 16383 });
  }

  get UsedRange(): FakeEtRange {
    this.app.tick("Worksheet.UsedRange");
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    const grow = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const [k, c] of this.cells) {
      if (c.v === undefined && !c.f && !c.fill && !c.fmt) continue;
      const [r, col] = k.split(",").map(Number);
      grow(r, col);
    }
    for (const m of this.merges) {
      grow(m.top, m.left);
      grow(m.bottom, m.right);
    }
    // An empty sheet's UsedRange is A1 (VBA).
    if (bottom < 0) return new FakeEtRange(this.app, this, { top: 0, left: 0, bottom: 0, right: 0 });
    return new FakeEtRange(this.app, this, { top, left, bottom, right });
  }

  get Rows() {
    this.app.tick("Worksheet.Rows");
    const self = this;
    return {
      Item(i: number | string): FakeEtRange {
        self.app.tick("Rows.Item");
        if (typeof i === "number") {
          if (i < 1) throw new Error(`Rows.Item(${i}): 下标越界`);
          return new FakeEtRange(self.app, self, { top: i - 1, bottom: i - 1, left: 0, right: 16383 });
        }
        const [a, b] = i.split(":").map(Number);
        return new FakeEtRange(self.app, self, { top: a - 1, bottom: (b ?? a) - 1, left: 0, right: 16383 });
      },
    };
  }

  /** The sheet's merges as A1 ranges, for assertions. */
  mergeList(): string[] {
    return this.merges.map(rangeToA1).sort();
  }

  // ---- row moves, shared by Insert and Delete ----

  moveRows(at: number, count: number, formulaFix: (f: string) => string): void {
    const moved = new Map<string, Cell>();
    for (const [k, c] of this.cells) {
      const [r, col] = k.split(",").map(Number);
      const nr = count > 0 ? (r >= at ? r + count : r) : r >= at - count ? r + count : r >= at ? -1 : r;
      if (nr < 0) continue;
      moved.set(key(nr, col), c);
    }
    this.cells = moved;
    for (const sheet of this.book.sheets) {
      for (const c of sheet.cells.values()) if (c.f) c.f = formulaFix(c.f);
    }
    const mv = (set: Set<number>) =>
      new Set([...set].flatMap((r) => (count > 0 ? [r >= at ? r + count : r] : r >= at - count ? [r + count] : r >= at ? [] : [r])));
    this.hidden = mv(this.hidden);
    const heights = new Map<number, number>();
    for (const [r, h] of this.heights) {
      const nr = count > 0 ? (r >= at ? r + count : r) : r >= at - count ? r + count : r >= at ? -1 : r;
      if (nr >= 0) heights.set(nr, h);
    }
    this.heights = heights;
  }
}

export class FakeEtRange {
  constructor(
    readonly app: FakeEtApp,
    readonly sheet: FakeEtSheet,
    readonly area: RangePos,
    /** The areas of a union range; absent for one area. Only fills and values are modelled on unions. */
    readonly areas?: RangePos[],
  ) {}

  private get single(): boolean {
    return !this.areas && this.area.top === this.area.bottom && this.area.left === this.area.right;
  }
  private get wholeRows(): boolean {
    return this.area.left === 0 && this.area.right >= 16383;
  }
  private each(fn: (r: number, c: number) => void): void {
    if (this.areas) {
      for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
      return;
    }
    const { top, bottom, left } = this.area;
    const right = this.wholeRows ? Math.max(left, ...[...this.sheet.cells.keys()].map((k) => Number(k.split(",")[1]))) : this.area.right;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) fn(r, c);
  }

  get Row(): number {
    this.app.tick("Range.Row");
    return this.area.top + 1;
  }
  get Column(): number {
    this.app.tick("Range.Column");
    return this.area.left + 1;
  }
  get Worksheet(): FakeEtSheet {
    this.app.tick("Range.Worksheet");
    return this.sheet;
  }

  Address(rowAbs = true, colAbs = true): string {
    this.app.tick("Range.Address");
    const plain = rangeToA1(this.area);
    if (!rowAbs && !colAbs) return plain;
    return plain.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${colAbs ? "$" : ""}${c}${rowAbs ? "$" : ""}${r}`);
  }

  get Rows() {
    this.app.tick("Range.Rows");
    const self = this;
    return {
      get Count() {
        self.app.tick("Rows.Count");
        return self.area.bottom - self.area.top + 1;
      },
      Item(i: number): FakeEtRange {
        self.app.tick("Rows.Item");
        if (i < 1 || i > self.area.bottom - self.area.top + 1) throw new Error(`Rows.Item(${i}): 下标越界`);
        const r = self.area.top + i - 1;
        return new FakeEtRange(self.app, self.sheet, { ...self.area, top: r, bottom: r });
      },
    };
  }
  get Columns() {
    this.app.tick("Range.Columns");
    const self = this;
    return {
      get Count() {
        self.app.tick("Columns.Count");
        return self.area.right - self.area.left + 1;
      },
      Item(i: number): FakeEtRange {
        self.app.tick("Columns.Item");
        if (i < 1 || i > self.area.right - self.area.left + 1) throw new Error(`Columns.Item(${i}): 下标越界`);
        const c = self.area.left + i - 1;
        return new FakeEtRange(self.app, self.sheet, { ...self.area, left: c, right: c });
      },
    };
  }

  /** 1-based, relative to the range's top-left (VBA Range.Item). */
  Item(row: number, col = 1): FakeEtRange {
    this.app.tick("Range.Item");
    if (row < 1 || col < 1) throw new Error(`Range.Item(${row}, ${col}): 下标越界`);
    const r = this.area.top + row - 1;
    const c = this.area.left + col - 1;
    return new FakeEtRange(this.app, this.sheet, { top: r, bottom: r, left: c, right: c });
  }

  get EntireRow(): FakeEtRange {
    this.app.tick("Range.EntireRow");
    return new FakeEtRange(this.app, this.sheet, { top: this.area.top, bottom: this.area.bottom, left: 0, right: 16383 });
  }

  get Hidden(): boolean | null {
    this.app.tick("Range.Hidden");
    const rows = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) rows.push(this.sheet.hidden.has(r));
    return rows.every((h) => h) ? true : rows.some((h) => h) ? null : false;
  }
  set Hidden(v: boolean) {
    this.app.write("Range.Hidden=", this.sheet);
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      if (v) this.sheet.hidden.add(r);
      else this.sheet.hidden.delete(r);
    }
  }

  get RowHeight(): number | null {
    this.app.tick("Range.RowHeight");
    const hs = new Set<number>();
    for (let r = this.area.top; r <= this.area.bottom; r++) hs.add(this.sheet.heights.get(r) ?? 13.5);
    return hs.size === 1 ? [...hs][0] : null;
  }
  set RowHeight(h: number) {
    this.app.write("Range.RowHeight=", this.sheet);
    for (let r = this.area.top; r <= this.area.bottom; r++) this.sheet.heights.set(r, h);
  }

  private read<T>(fn: (c: Cell | undefined) => T): T | T[][] {
    if (this.single) return fn(this.sheet.peek(this.area.top, this.area.left));
    const out: T[][] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      const row: T[] = [];
      for (let c = this.area.left; c <= this.area.right; c++) row.push(fn(this.sheet.peek(r, c)));
      out.push(row);
    }
    return out;
  }

  get Value2(): unknown {
    this.app.tick("Range.Value2");
    const v = this.read((c) => (c?.v === undefined ? undefined : typeof c.v === "object" ? CVERR_BASE + c.v.err : c.v));
    if (this.app.oneDimRows && Array.isArray(v) && v.length === 1) return v[0];
    return v;
  }
  set Value2(value: unknown) {
    this.app.write("Range.Value2=", this.sheet);
    const rows = Array.isArray(value) ? (value as unknown[][]) : null;
    this.each((r, c) => {
      const raw = rows ? rows[r - this.area.top]?.[c - this.area.left] : value;
      const cell = this.sheet.cell(r, c);
      delete cell.f;
      delete cell.text;
      if (raw === undefined || raw === null) delete cell.v;
      else if (typeof raw === "string") {
        const v = raw.startsWith("=") ? undefined : parseInput(raw);
        if (raw.startsWith("=")) cell.f = raw;
        if (v === undefined) delete cell.v;
        else cell.v = v;
      } else if (typeof raw === "number" || typeof raw === "boolean") cell.v = raw;
      else throw new Error(`Value2: cannot store ${typeof raw}`);
    });
    this.app.change(this.sheet, this.area);
  }

  get Formula(): unknown {
    this.app.tick("Range.Formula");
    return this.read((c) => (c?.f ? c.f : c?.v === undefined ? "" : typeof c.v === "object" ? ERR_TEXT[c.v.err] : String(c.v)));
  }
  /** A string for one cell, or a 2-D array (VBA Range.Formula); constants are parsed as typed input. */
  set Formula(f: unknown) {
    this.app.write("Range.Formula=", this.sheet);
    const rows = Array.isArray(f) ? (f as unknown[][]) : null;
    this.each((r, c) => {
      const raw = rows ? rows[r - this.area.top]?.[c - this.area.left] : f;
      const cell = this.sheet.cell(r, c);
      delete cell.text;
      if (typeof raw === "string" && raw.startsWith("=")) {
        cell.f = raw;
        delete cell.v;
        return;
      }
      delete cell.f;
      const v = typeof raw === "string" ? parseInput(raw) : typeof raw === "number" || typeof raw === "boolean" ? raw : undefined;
      if (v === undefined) delete cell.v;
      else cell.v = v;
    });
    this.app.change(this.sheet, this.area);
  }

  /** Clears values, formulas, formats, fills and merges (VBA Range.Clear). */
  Clear(): boolean {
    this.app.write("Range.Clear", this.sheet);
    for (const k of [...this.sheet.cells.keys()]) {
      const [r, c] = k.split(",").map(Number);
      if (inside(this.area, r, c)) this.sheet.cells.delete(k);
    }
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.area));
    this.app.change(this.sheet, this.area);
    return true;
  }

  get HasFormula(): boolean | null {
    this.app.tick("Range.HasFormula");
    const all: boolean[] = [];
    this.each((r, c) => all.push(!!this.sheet.peek(r, c)?.f));
    return all.every((x) => x) ? true : all.some((x) => x) ? null : false;
  }

  get Text(): string | null {
    this.app.tick("Range.Text");
    const texts = new Set<string>();
    this.each((r, c) => {
      const cell = this.sheet.peek(r, c);
      const shown = cell?.text ?? showValue(cell?.v, cell?.fmt);
      const width = this.sheet.widths.get(c);
      texts.add(typeof cell?.v === "number" && width !== undefined && shown.length > width ? "#".repeat(width) : shown);
    });
    return texts.size === 1 ? [...texts][0] : null;
  }

  get NumberFormat(): string | null {
    this.app.tick("Range.NumberFormat");
    const fmts = new Set<string>();
    this.each((r, c) => fmts.add(this.sheet.peek(r, c)?.fmt ?? "General"));
    return fmts.size === 1 ? [...fmts][0] : null;
  }
  set NumberFormat(f: string) {
    this.app.write("Range.NumberFormat=", this.sheet);
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      cell.fmt = f;
      delete cell.text;
    });
  }

  get Interior() {
    this.app.tick("Range.Interior");
    const self = this;
    const fills = () => {
      const out: (Cell["fill"] | undefined)[] = [];
      self.each((r, c) => out.push(self.sheet.peek(r, c)?.fill));
      return out;
    };
    const uniform = <T>(xs: T[]): T | null => (xs.every((x) => x === xs[0]) ? xs[0] : null);
    return {
      get Color(): number | null {
        self.app.tick("Interior.Color");
        return uniform(fills().map((f) => (f ? f.color : WHITE)));
      },
      set Color(v: number) {
        self.app.write("Interior.Color=", self.sheet);
        if (typeof v !== "number" || v < 0 || v > WHITE) throw new Error(`Interior.Color: ${v} is not a BGR long`);
        if (self.app.dropFills) return;
        self.each((r, c) => (self.sheet.cell(r, c).fill = { color: v, pattern: self.sheet.peek(r, c)?.fill?.pattern ?? 1 }));
      },
      get ColorIndex(): number | null {
        self.app.tick("Interior.ColorIndex");
        // Only "no fill" matters here; any fill reads as some palette index (here: 0 + 1).
        return uniform(fills().map((f) => (f ? 1 : NONE)));
      },
      set ColorIndex(v: number) {
        self.app.write("Interior.ColorIndex=", self.sheet);
        if (v !== NONE) throw new Error("the fake models ColorIndex only as xlNone");
        self.each((r, c) => {
          const cell = self.sheet.peek(r, c);
          if (cell) delete cell.fill;
        });
      },
      get Pattern(): number | null {
        self.app.tick("Interior.Pattern");
        return uniform(fills().map((f) => (f ? f.pattern : NONE)));
      },
      set Pattern(v: number) {
        self.app.write("Interior.Pattern=", self.sheet);
        self.each((r, c) => {
          const cell = self.sheet.cell(r, c);
          if (v === NONE) delete cell.fill;
          else cell.fill = { color: cell.fill?.color ?? WHITE, pattern: v };
        });
      },
    };
  }

  get MergeCells(): boolean | null {
    this.app.tick("Range.MergeCells");
    const states: boolean[] = [];
    this.each((r, c) => states.push(!!this.sheet.mergeAt(r, c)));
    return states.every((x) => x) ? true : states.some((x) => x) ? null : false;
  }

  get MergeArea(): FakeEtRange {
    this.app.tick("Range.MergeArea");
    const m = this.sheet.mergeAt(this.area.top, this.area.left);
    return new FakeEtRange(this.app, this.sheet, m ?? { ...this.area, bottom: this.area.top, right: this.area.left });
  }

  Merge(): void {
    this.app.write("Range.Merge", this.sheet);
    const area = this.app.misMerge ?? this.area;
    this.app.misMerge = null;
    if (
      this.sheet.merges.some(
        (m) => overlaps(m, area) && !(m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right),
      )
    ) {
      throw new Error(`Merge ${rangeToA1(area)}: 不能对合并单元格作部分更改`);
    }
    let lost = false;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if ((r !== area.top || c !== area.left) && this.sheet.peek(r, c)?.v !== undefined) lost = true;
    if (lost && this.app.DisplayAlerts) {
      this.app.prompts.push(`合并 ${rangeToA1(area)}:合并单元格时,仅保留左上角的值`);
      throw new Error("Merge: a prompt is waiting for the user (DisplayAlerts is on)");
    }
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        const cell = this.sheet.peek(r, c);
        if (cell) {
          delete cell.v;
          delete cell.f;
        }
      }
    }
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, area));
    if (area.top !== area.bottom || area.left !== area.right) this.sheet.merges.push({ ...area });
  }

  UnMerge(): void {
    this.app.write("Range.UnMerge", this.sheet);
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.area));
  }

  Insert(shift?: number, origin?: number): void {
    this.app.write("Range.Insert", this.sheet);
    if (!this.wholeRows || shift !== -4121) throw new Error("the fake inserts whole rows down only");
    const at = this.area.top;
    const count = this.area.bottom - this.area.top + 1;
    const name = this.sheet.name;
    this.sheet.moveRows(at, count, (f) => shiftFormula(f, name, { sheet: name, at: at + 1, count }));
    this.sheet.merges = this.sheet.merges.map((m) =>
      m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= at ? { ...m, bottom: m.bottom + count } : m,
    );
    if (origin === 0 && at > 0) {
      for (const [k, c] of [...this.sheet.cells]) {
        const [r, col] = k.split(",").map(Number);
        if (r !== at - 1 || (!c.fill && !c.fmt)) continue;
        for (let i = 0; i < count; i++) {
          const n = this.sheet.cell(at + i, col);
          if (c.fill) n.fill = { ...c.fill };
          if (c.fmt) n.fmt = c.fmt;
        }
      }
    }
    this.app.change(this.sheet, this.area);
  }

  Delete(shift?: number): void {
    this.app.write("Range.Delete", this.sheet);
    if (!this.wholeRows || shift !== -4162) throw new Error("the fake deletes whole rows up only");
    const at = this.area.top;
    const count = this.area.bottom - this.area.top + 1;
    const name = this.sheet.name;
    // References into the deleted rows would become #REF!; the host only deletes rows it inserted.
    this.sheet.moveRows(at, -count, (f) => shiftFormula(f, name, { sheet: name, at: at + count + 1, count: -count }));
    this.sheet.merges = this.sheet.merges.flatMap((m) => {
      const top = m.top < at ? m.top : m.top < at + count ? at : m.top - count;
      const bottom = m.bottom < at ? m.bottom : m.bottom < at + count ? at - 1 : m.bottom - count;
      return bottom < top || (top === bottom && m.left === m.right) ? [] : [{ ...m, top, bottom }];
    });
    this.app.change(this.sheet, this.area);
  }

  Copy(): boolean {
    this.app.tick("Range.Copy");
    const a = this.area;
    if (
      this.sheet.merges.some((m) => overlaps(m, a) && !(m.top >= a.top && m.bottom <= a.bottom && m.left >= a.left && m.right <= a.right))
    ) {
      throw new Error("Copy: 不能对合并单元格作部分更改");
    }
    this.app.clipboard = { sheet: this.sheet, area: { ...a } };
    this.app.CutCopyMode = 1;
    return true;
  }

  PasteSpecial(paste?: number): void {
    this.app.write("Range.PasteSpecial", this.sheet);
    const clip = this.app.clipboard;
    if (!clip) throw new Error("PasteSpecial: nothing on the clipboard");
    if (paste !== -4122) throw new Error("the fake pastes formats only");
    const src = clip.area;
    const h = src.bottom - src.top + 1;
    const w = src.right - src.left + 1;
    const dest = this.area;
    const srcMerges = clip.sheet.merges.filter(
      (m) => m.top >= src.top && m.bottom <= src.bottom && m.left >= src.left && m.right <= src.right,
    );
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, { ...dest, right: dest.left + w - 1 }));
    for (let r = dest.top; r <= dest.bottom; r++) {
      for (let c = dest.left; c < dest.left + w; c++) {
        const from = clip.sheet.peek(src.top + ((r - dest.top) % h), c - dest.left + src.left);
        const to = this.sheet.cell(r, c);
        if (from?.fill) to.fill = { ...from.fill };
        else delete to.fill;
        if (from?.fmt) to.fmt = from.fmt;
        else delete to.fmt;
        delete to.text;
      }
    }
    for (let block = dest.top; block <= dest.bottom; block += h) {
      for (const m of srcMerges) {
        const dr = block - src.top;
        const dc = dest.left - src.left;
        this.sheet.merges.push({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc });
      }
    }
  }

  /** Find("*", LookIn xlFormulas, …, SearchOrder, xlPrevious): the last content cell; only that search is modelled. */
  Find(what: string, _after?: unknown, lookIn?: number, _lookAt?: number, order?: number, direction?: number): FakeEtRange | null {
    this.app.tick("Range.Find");
    if (what !== "*" || lookIn !== -4123 || direction !== 2 || (order !== 1 && order !== 2))
      throw new Error("the fake finds the last content cell only");
    let best: [number, number] | null = null;
    for (const [k, c] of this.sheet.cells) {
      if (c.v === undefined && !c.f) continue;
      const [r, col] = k.split(",").map(Number);
      if (!inside(this.area, r, col)) continue;
      const later =
        !best || (order === 1 ? r > best[0] || (r === best[0] && col > best[1]) : col > best[1] || (col === best[1] && r > best[0]));
      if (later) best = [r, col];
    }
    return best && new FakeEtRange(this.app, this.sheet, { top: best[0], bottom: best[0], left: best[1], right: best[1] });
  }

  Select(): boolean {
    this.app.tick("Range.Select");
    if (!this.app.isActive(this.sheet.book) || this.sheet.book.activeSheet !== this.sheet.name)
      throw new Error("Select: the range's sheet is not active (VBA: Select works on the active sheet only)");
    this.app.selection = { sheet: this.sheet.name, area: { ...this.area } };
    return true;
  }

  Activate(): boolean {
    this.app.tick("Range.Activate");
    return this.Select();
  }
}
