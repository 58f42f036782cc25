/**
 * A check-only reader for .xlsx: unzips with JSZip and reads, with saxes (the SAX parser exceljs
 * itself uses), only the parts a check needs — workbook.xml and its relationships (sheet names,
 * order, defined names, 1904 dates), sharedStrings, the number formats of styles.xml, each sheet's
 * cells, merges, hidden rows and hyperlinks — and the add-in's state sheet. No exceljs object
 * model is built, which is most of what an exceljs load costs; notes, drawings and charts are never
 * opened, so a package another tool wrote (issue #7) cannot fail the read on them.
 *
 * The snapshot must equal the exceljs path's (readXlsx → snapshotWorkbook) for every file, so each
 * step below follows what exceljs 4.4 does when it loads (lib/xlsx/xlsx.js, xform/sheet/cell-xform.js,
 * row-xform.js, worksheet-xform.js, doc/worksheet.js), quirks included; fastRead.test.ts compares
 * both on every workbook of the repository. Where exceljs would crash on a part the check does not
 * need (a hyperlink whose relationship is missing, a row style without styles.xml) this reader goes
 * on: such a file is readable, and calling it damaged would be a false error.
 *
 * Writing (add, fix, --annotate, the preview's download) keeps using exceljs.
 */
import JSZip from "jszip";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { rangeToA1 } from "../../core/a1";
import { errorMessage } from "../../core/errors";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { WorkbookState } from "../host";
import { sanitizeState } from "../workbookState";
import { formattedNumber, plainValue } from "./cellValue";
import { FileReadError, fileReadError } from "./errors";
import { inspectPackage, sniff, toBytes } from "./package";
import { STATE_SHEET } from "./state";
import { MARKS_SHEET } from "../workbookState";
import { zipIndex } from "./zipIndex";

export interface FastRead {
  snapshot: WorkbookSnapshot;
  /** The add-in's saved state (ignored findings, settings), as readState gives it from exceljs. */
  state: WorkbookState;
  /** Workbook-wide defined names that refer to a cell range (how exceljs keeps them). */
  rangeNames: string[];
}

// ---------------------------------------------------------------------------------------------
// XML

type Attrs = Record<string, string>;

interface SaxHandlers {
  open(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Parses one part; a malformed part throws (exceljs throws the same saxes error). */
function sax(xml: string, h: SaxHandlers): void {
  const p = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let error: Error | null = null;
  p.on("error", (e) => {
    error ??= e;
  });
  p.on("opentag", (t: SaxesTagPlain) => h.open(t.name, t.attributes as Attrs));
  const text = h.text;
  if (text) p.on("text", text);
  const close = h.close;
  if (close) p.on("closetag", (t: SaxesTagPlain) => close(t.name));
  p.write(xml);
  if (!error) p.close();
  if (error) throw error;
}

/** exceljs decodes some attribute and text values a second time (utils.xmlDecode). */
function xmlDecode(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** `_x000D_` escapes in <t> text, as exceljs's TextXform undoes them (upper-case hex only). */
const unescapeX = (s: string) => s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const parseBoolean = (v: string | undefined) => v === "true" || v === "1";

// ---------------------------------------------------------------------------------------------
// Addresses (exceljs's colCache.decodeAddress: upper-case letters, then digits; "$" skipped)

function decodeAddress(value: string): { row: number; col: number } | null {
  let col = 0,
    row = 0,
    hasCol = false,
    hasRow = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) {
      hasCol = true;
      col = col * 26 + ch - 64;
    } else if (ch >= 48 && ch <= 57) {
      hasRow = true;
      row = row * 10 + ch - 48;
    } else if (hasRow && hasCol && ch !== 36) break;
  }
  if (!hasCol || !hasRow || col > 16384) return null;
  return { row, col };
}

function n2l(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const l2n = (l: string) => {
  let n = 0;
  for (let i = 0; i < l.length; i++) n = n * 26 + l.charCodeAt(i) - 64;
  return n;
};

/** exceljs's slideFormula (lib/utils/shared-formula.js): a shared formula as seen from another cell. */
export function slideFormula(formula: string, from: { row: number; col: number }, to: { row: number; col: number }): string {
  return formula.replace(
    /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi,
    (whole, sheet: string | undefined, _s, addr: string, paren: string | undefined) => {
      if (paren) return whole;
      const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(addr);
      if (!m) return whole;
      const colStr = m[2].toUpperCase();
      if (colStr.length > 3 || (colStr.length === 3 && colStr > "XFD")) return whole;
      let col = l2n(colStr);
      let row = parseInt(m[4], 10);
      if (!m[1]) col += to.col - from.col;
      if (!m[3]) row += to.row - from.row;
      return (sheet || "") + (m[1] || "") + n2l(col) + (m[3] || "") + row;
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Package-level parts

export interface SheetDef {
  name: string;
  id: number;
  rId: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetDef[];
  date1904: boolean;
  names: { name: string; text: string; local: boolean }[];
}

export function parseWorkbook(xml: string): WorkbookPart {
  const out: WorkbookPart = { sheets: [], date1904: false, names: [] };
  let name: { name: string; text: string; local: boolean } | null = null;
  sax(xml, {
    open(tag, a) {
      if (tag === "sheet") out.sheets.push({ name: xmlDecode(a.name ?? ""), id: parseInt(a.sheetId, 10), rId: a["r:id"] });
      else if (tag === "workbookPr") out.date1904 = a.date1904 === "1";
      else if (tag === "definedName") name = { name: a.name ?? "", text: "", local: a.localSheetId !== undefined };
    },
    text(t) {
      if (name) name.text += t;
    },
    close(tag) {
      if (tag === "definedName" && name) {
        out.names.push(name);
        name = null;
      }
    },
  });
  return out;
}

export function parseRels(xml: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>();
  sax(xml, {
    open(tag, a) {
      if (tag === "Relationship") rels.set(a.Id, { type: a.Type ?? "", target: a.Target ?? "" });
    },
  });
  return rels;
}

export type Rich = { richText: { text?: string }[] };
export type SharedString = string | Rich | Record<string, never>;

/** sharedStrings.xml as exceljs's SharedStringsXform reads it: plain text, rich-text runs, phonetic runs left out. */
export function parseSharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let item: SharedString | null = null;
  let runs: { text?: string }[] | null = null;
  let run: { text?: string } | null = null;
  let text: string[] | null = null;
  let phonetic = 0;
  sax(xml, {
    open(tag) {
      if (tag === "si") {
        item = {};
        runs = null;
      } else if (tag === "rPh") phonetic++;
      else if (phonetic > 0) return;
      else if (tag === "r") run = {};
      else if (tag === "t") text = [];
      else if (tag !== "sst" && item === null) throw new Error(`Unexpected xml node in parseOpen: ${tag}`);
    },
    text(t) {
      if (text && phonetic === 0) text.push(t);
    },
    close(tag) {
      if (tag === "rPh") phonetic--;
      else if (phonetic > 0) return;
      else if (tag === "t" && text) {
        const s = unescapeX(text.join(""));
        text = null;
        if (run) run.text = s;
        else item = s;
      } else if (tag === "r" && run) {
        runs ??= [];
        runs.push(run);
        if (typeof item === "object" && item !== null) (item as Rich).richText = runs;
        run = null;
      } else if (tag === "si") {
        out.push(item ?? {});
        item = null;
      }
    },
  });
  return out;
}

/** styles.xml → the number format of each cellXfs entry, as exceljs's getStyleModel resolves it. */
export function parseStyles(xml: string): (string | undefined)[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  // Only <numFmts> and <cellXfs> count: conditional formats (<dxfs>) hold numFmt elements too.
  let inCellXfs = false,
    inNumFmts = false;
  sax(xml, {
    open(tag, a) {
      if (tag === "numFmts") inNumFmts = true;
      else if (tag === "numFmt" && inNumFmts) custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? "").replace(/[\\](.)/g, "$1"));
      else if (tag === "cellXfs") inCellXfs = true;
      else if (tag === "xf" && inCellXfs) xfIds.push(parseInt(a.numFmtId, 10));
    },
    close(tag) {
      if (tag === "cellXfs") inCellXfs = false;
      else if (tag === "numFmts") inNumFmts = false;
    },
  });
  return xfIds.map((id) => (id ? custom.get(id) || DEFAULT_NUM_FMTS[id] : undefined));
}

/** The built-in formats exceljs knows by id (lib/xlsx/defaultnumformats.js; locale-only ids have none). */
const DEFAULT_NUM_FMTS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** exceljs's utils.isDateFmt. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** exceljs's utils.excelToDate; JS number coercion as there (a text result becomes an invalid date). */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

// ---------------------------------------------------------------------------------------------
// Worksheets

/** exceljs's cell value types (lib/doc/enums.js ValueType) that matter here. */
export const enum T {
  Null,
  Merge,
  Number,
  String,
  Date,
  Hyperlink,
  Formula,
  RichText = 8,
  Boolean = 9,
  Error = 10,
}

interface RawCell {
  address: string | undefined;
  styleId: number | undefined;
  t: string | undefined;
  value: unknown;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

export interface Cell {
  col: number;
  type: T;
  value: unknown;
  numFmt: string | undefined;
  /** Formula text of a master, or the master's address for a shared-formula cell. */
  formula?: string;
  sharedFrom?: string;
  address?: string;
}

export interface Row {
  number: number;
  hidden: boolean;
  cells: Cell[];
}

export interface SheetCtx {
  sst: SharedString[] | null;
  numFmts: (string | undefined)[] | null;
  date1904: boolean;
  rels: Map<string, { type: string; target: string }> | null;
}

export interface ParsedSheet {
  rows: Map<number, Row>;
  merges: string[];
}

export function parseSheet(xml: string, ctx: SheetCtx): ParsedSheet {
  const rawRows: { number: number; hidden: boolean; cells: RawCell[] }[] = [];
  const merges: string[] = [];
  const hyperlinks = new Map<string, string>();
  let row: { number: number; hidden: boolean; cells: RawCell[] } | null = null;
  let cell: RawCell | null = null;
  let node: "f" | "v" | "t" | null = null;
  let run: { text?: string } | null = null;
  let runText: string[] | null = null;
  let inSheetData = false;

  sax(xml, {
    open(tag, a) {
      if (cell) {
        if (run) {
          if (tag === "t") runText = [];
          return;
        }
        switch (tag) {
          case "f":
            node = "f";
            cell.si = a.si;
            cell.shareType = a.t;
            cell.ref = a.ref;
            return;
          case "v":
            node = "v";
            return;
          case "t":
            node = "t";
            return;
          case "r":
            run = {};
            return;
        }
        return;
      }
      switch (tag) {
        case "sheetData":
          inSheetData = true;
          return;
        case "row":
          if (!inSheetData) return;
          row = { number: parseInt(a.r, 10), hidden: parseBoolean(a.hidden), cells: [] };
          return;
        case "c":
          if (!row) return;
          cell = {
            address: a.r,
            styleId: a.s ? parseInt(a.s, 10) : undefined,
            t: a.t,
            value: undefined,
            formula: undefined,
            shareType: undefined,
            si: undefined,
            ref: undefined,
          };
          return;
        case "mergeCell":
          if (a.ref !== undefined) merges.push(a.ref);
          return;
        case "hyperlink":
          if (a["r:id"]) {
            const target = ctx.rels?.get(a["r:id"])?.target;
            if (target !== undefined) hyperlinks.set(a.ref, target);
          }
          return;
      }
    },
    text(t) {
      if (!cell) return;
      if (run) {
        if (runText) runText.push(t);
        return;
      }
      if (node === "f") cell.formula = (cell.formula ?? "") + t;
      else if (node === "v" || node === "t") {
        const v = cell.value as { richText?: unknown } | string | undefined;
        // Text after rich-text runs is dropped, as exceljs hangs it on the runs array.
        if (typeof v === "object" && v?.richText) return;
        cell.value = v ? v + t : t;
      }
    },
    close(tag) {
      if (cell) {
        if (run) {
          if (tag === "t" && runText) {
            run.text = unescapeX(runText.join(""));
            runText = null;
          } else if (tag === "r") {
            const v = (
              typeof cell.value === "object" && cell.value !== null ? cell.value : typeof cell.value === "string" ? cell.value : {}
            ) as Rich | string;
            if (typeof v === "object") {
              v.richText ??= [];
              v.richText.push(run);
            }
            cell.value = v;
            run = null;
          }
          return;
        }
        if (tag === "f" || tag === "v" || tag === "t" || tag === "is") node = null;
        else if (tag === "c") {
          row!.cells.push(cell);
          cell = null;
          node = null;
        }
        return;
      }
      if (tag === "row" && row) {
        rawRows.push(row);
        row = null;
      } else if (tag === "sheetData") inSheetData = false;
    },
  });

  // Reconcile, cell by cell in document order (shared formulas refer back to their master).
  const formulae: Record<string, string | undefined> = {};
  const rows = new Map<number, Row>();
  let lastRow = 0;
  for (const raw of rawRows) {
    // exceljs gives up on a row without its number; Excel numbers it after the previous one.
    const number = Number.isNaN(raw.number) ? lastRow + 1 : raw.number;
    lastRow = number;
    const out: Row = { number, hidden: raw.hidden, cells: [] };
    let prevCol = 0;
    for (const c of raw.cells) {
      const built = reconcileCell(c, ctx, formulae, hyperlinks);
      if (built.type === T.Merge) continue; // a bare <c r="B5"/>: exceljs adds no cell
      const pos = c.address ? decodeAddress(c.address) : null;
      const col = pos ? pos.col : prevCol + 1;
      prevCol = col;
      built.col = col;
      const i = out.cells.findIndex((x) => x.col === col);
      if (i >= 0) out.cells[i] = built;
      else out.cells.push(built);
    }
    out.cells.sort((x, y) => x.col - y.col);
    rows.set(number, out);
  }
  return { rows, merges };
}

function reconcileCell(c: RawCell, ctx: SheetCtx, formulae: Record<string, string | undefined>, hyperlinks: Map<string, string>): Cell {
  let type: T;
  let value: unknown = c.value;
  let result: unknown;
  if (c.formula || c.shareType) {
    type = T.Formula;
    if (value) {
      const v = value as string;
      result = c.t === "str" ? xmlDecode(v) : c.t === "b" ? parseInt(v, 10) !== 0 : c.t === "e" ? { error: v } : parseFloat(v);
    }
    value = undefined;
  } else if (value !== undefined) {
    const v = value as string;
    switch (c.t) {
      case "s":
        type = T.String;
        value = parseInt(v, 10);
        break;
      case "str":
        type = T.String;
        value = xmlDecode(v);
        break;
      case "inlineStr":
        type = T.String;
        break;
      case "b":
        type = T.Boolean;
        value = parseInt(v, 10) !== 0;
        break;
      case "e":
        type = T.Error;
        value = { error: v };
        break;
      default:
        type = T.Number;
        value = parseFloat(v);
    }
  } else type = c.styleId ? T.Null : T.Merge;

  // Style 0 is never looked up (exceljs tests the id for truth).
  const hasStyle = !!c.styleId && !!ctx.numFmts && c.styleId < ctx.numFmts.length;
  const numFmt = hasStyle ? ctx.numFmts![c.styleId!] : undefined;
  const out: Cell = { col: 0, type, value, numFmt };
  switch (type) {
    case T.String:
      if (typeof value === "number" && ctx.sst) value = ctx.sst[value] ?? "";
      if (typeof value === "object" && value !== null && (value as Rich).richText) out.type = T.RichText;
      out.value = value;
      break;
    case T.Number:
      if (hasStyle && isDateFmt(numFmt)) {
        out.type = T.Date;
        out.value = excelToDate(value, ctx.date1904);
      }
      break;
    case T.Formula:
      if (result !== undefined && hasStyle && isDateFmt(numFmt)) result = excelToDate(result, ctx.date1904);
      out.value = result;
      out.formula = c.formula;
      out.address = c.address;
      if (c.shareType === "shared") {
        if (c.ref) formulae[c.si ?? "undefined"] = c.address;
        else out.sharedFrom = formulae[c.si ?? "undefined"];
      }
      break;
  }
  const link = c.address !== undefined ? hyperlinks.get(c.address) : undefined;
  if (link !== undefined) {
    out.value = { text: out.value, hyperlink: link };
    out.type = T.Hyperlink;
    delete out.formula;
    delete out.sharedFrom;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Snapshot (the same walk as snapshot.ts over an exceljs worksheet)

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeRange(ref: string): Merge | null {
  const [a, b] = ref.split(":");
  const p = decodeAddress(a);
  const q = b === undefined ? p : decodeAddress(b);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** The merges exceljs would apply, in order; overlapping ones make exceljs refuse the file. */
function mergesOf(refs: string[]): Merge[] {
  const out: Merge[] = [];
  for (const ref of refs) {
    const m = decodeRange(ref);
    if (!m) continue;
    if (out.some((o) => !(m.bottom < o.top || m.top > o.bottom || m.right < o.left || m.left > o.right))) {
      throw new Error("Cannot merge already merged cells");
    }
    out.push(m);
  }
  return out;
}

export function snapshotSheet(name: string, parsed: ParsedSheet): SheetSnapshot {
  const merges = mergesOf(parsed.merges);
  // Cells a merge covers (all but its top-left) read as empty but make their row count as used.
  // Rows are visited in order, so only the merges spanning the current row are looked at (a sweep
  // over merges sorted by top row), not every merge for every cell of a long sheet.
  const byTop = [...merges].sort((a, b) => a.top - b.top);
  let next = 0;
  let active: Merge[] = [];
  const advance = (r: number) => {
    active = active.filter((m) => m.bottom >= r);
    while (next < byTop.length && byTop[next].top <= r) {
      if (byTop[next].bottom >= r) active.push(byTop[next]);
      next++;
    }
  };
  const covered = (r: number, c: number) => active.some((m) => c >= m.left && c <= m.right && (r > m.top || c > m.left));
  const rowHasCovered = (r: number) => active.some((m) => r > m.top || m.right > m.left);
  const cellOf = (r: number, col: number) => parsed.rows.get(r)?.cells.find((x) => x.col === col);

  const cells: { r: number; c: number; v: CellValue; f: string | null; s: string | null }[] = [];
  const hiddenRows: number[] = [];
  let top = Infinity,
    left = Infinity,
    bottom = -1;
  let anyFormula = false,
    anyShown = false;
  const numbers = [...parsed.rows.keys()].filter((n) => n >= 1).sort((a, b) => a - b);
  for (const n of numbers) {
    const row = parsed.rows.get(n)!;
    advance(n);
    const hasValues = row.cells.some((x) => x.type !== T.Null) || rowHasCovered(n);
    if (!hasValues) continue;
    if (row.hidden) hiddenRows.push(n - 1); // 0-based, as every position in a snapshot
    for (const x of row.cells) {
      if (x.type === T.Null || covered(n, x.col)) continue;
      let value: CellValue;
      let formula: string | null = null;
      if (x.type === T.Formula) {
        value = plainValue(x.value);
        let f = x.formula;
        if (!f && x.sharedFrom) {
          const master = decodeAddress(x.sharedFrom);
          const m = master ? cellOf(master.row, master.col) : undefined;
          const here = x.address ? decodeAddress(x.address) : null;
          if (master && m?.type === T.Formula && m.formula && here) f = slideFormula(m.formula, master, here);
        }
        formula = f ? `=${f}` : null;
      } else value = plainValue(x.value);
      if (value === null && formula === null) continue;
      const shown = typeof value === "number" ? formattedNumber(value, x.numFmt) : null;
      const r = n - 1,
        c = x.col - 1;
      cells.push({ r, c, v: value, f: formula, s: shown });
      if (formula) anyFormula = true;
      if (shown != null) anyShown = true;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
    }
  }
  // A merge's top-left cell exists in exceljs even where the file has none; nothing else does.
  const mergeA1 = merges.map((m) => rangeToA1({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  if (cells.length === 0) return { name, originRow: 0, originCol: 0, values: [], merges: mergeA1, hiddenRows };
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => []);
  const formulas: (string | null)[][] | undefined = anyFormula ? Array.from({ length: bottom - top + 1 }, () => []) : undefined;
  const texts: (string | null)[][] | undefined = anyShown ? Array.from({ length: bottom - top + 1 }, () => []) : undefined;
  for (const { r, c, v, f, s } of cells) {
    const row = values[r - top];
    const i = c - left;
    while (row.length < i) row.push(null);
    row[i] = v;
    if (formulas) {
      const fr = formulas[r - top];
      while (fr.length < i) fr.push(null);
      fr[i] = f;
    }
    if (texts && s !== null) {
      const tr = texts[r - top];
      while (tr.length < i) tr.push(null);
      tr[i] = s;
    }
  }
  return {
    name,
    originRow: top,
    originCol: left,
    values,
    ...(formulas ? { formulas } : {}),
    ...(texts ? { texts } : {}),
    merges: mergeA1,
    hiddenRows,
  };
}

/** The state JSON from column A of the state sheet: strings from A1 down, up to the first that is not one. */
function stateOf(parsed: ParsedSheet | undefined): WorkbookState {
  let json = "";
  if (parsed) {
    for (let r = 1; ; r++) {
      const c = parsed.rows.get(r)?.cells.find((x) => x.col === 1);
      if (!c || c.type !== T.String || typeof c.value !== "string") break;
      json += c.value;
    }
  }
  return sanitizeState(json);
}

/**
 * exceljs refuses a workbook whose sheet name Excel would refuse (Worksheet's name setter): empty,
 * "History", * ? : / \ [ ], a leading or trailing quote, a duplicate. A name over 31 characters fails
 * too: exceljs cuts it, then finds the cut name taken by the sheet itself.
 */
function sheetName(name: string, taken: Set<string>): string {
  const bad =
    name === "" ||
    name === "History" ||
    /[*?:/\\[\]]/.test(name) ||
    /(^')|('$)/.test(name) ||
    name.length > 31 ||
    taken.has(name.toLowerCase());
  if (bad) throw new Error(`worksheet name exceljs refuses: ${name}`);
  taken.add(name.toLowerCase());
  return name;
}

// ---------------------------------------------------------------------------------------------

/** A defined name's text holds a range (exceljs keeps only names that do). */
const RANGE_TEXT = /^(?:'(?:[^']|'')+'|[^'!]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

export interface FastReadOptions {
  /**
   * Raw DEFLATE decompression (Node's zlib.inflateRawSync in the CLI). With it, a plain package is
   * unpacked from its central directory (zipIndex.ts); without it, or for any other package, JSZip does.
   */
  inflateRaw?: (data: Uint8Array) => Uint8Array;
  /** Only these sheets are parsed (a patched copy's read-back needs only the sheets it wrote). */
  sheets?: ReadonlySet<string>;
}

interface Parts {
  has(name: string): boolean;
  text(name: string): Promise<string | null>;
}

async function openParts(bytes: Uint8Array, opts: FastReadOptions): Promise<Parts> {
  const index = opts.inflateRaw ? zipIndex(bytes) : null;
  if (index && opts.inflateRaw) {
    const inflate = opts.inflateRaw;
    // As JSZip's async("string"): UTF-8, a byte-order mark kept for the XML parser to see.
    const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
    return {
      has: (name) => index.has(name),
      text: async (name) => {
        const e = index.get(name);
        return e ? utf8.decode(e.method === 8 ? inflate(e.data) : e.data) : null;
      },
    };
  }
  const zip = await JSZip.loadAsync(bytes);
  // exceljs finds parts by name with a leading "/" removed.
  const files = new Map<string, JSZip.JSZipObject>();
  for (const f of Object.values(zip.files)) if (!f.dir) files.set(f.name[0] === "/" ? f.name.slice(1) : f.name, f);
  return { has: (name) => files.has(name), text: async (name) => (files.has(name) ? files.get(name)!.async("string") : null) };
}

async function readParts(bytes: Uint8Array, source: string, opts: FastReadOptions): Promise<FastRead> {
  const parts = await openParts(bytes, opts);
  const files = parts;
  const text = parts.text;

  const [wbXml, relsXml, sstXml, stylesXml] = await Promise.all([
    text("xl/workbook.xml"),
    text("xl/_rels/workbook.xml.rels"),
    text("xl/sharedStrings.xml"),
    text("xl/styles.xml"),
  ]);
  const wb = wbXml !== null ? parseWorkbook(wbXml) : { sheets: [], date1904: false, names: [] };
  const rels = relsXml !== null ? parseRels(relsXml) : new Map<string, { type: string; target: string }>();
  const sst = sstXml !== null ? parseSharedStrings(sstXml) : null;
  const numFmts = stylesXml !== null ? parseStyles(stylesXml) : null;

  // Sheets in workbook order whose part exceljs reads (xl/worksheets/sheetN.xml); chart sheets and
  // parts under other names are not worksheets to it. A sheetId below 1 is lost in exceljs too.
  const byId = new Map<number, { def: SheetDef; order: number; path: string; sheetNo: string }>();
  wb.sheets.forEach((def, order) => {
    const rel = def.rId !== undefined ? rels.get(def.rId) : undefined;
    if (!rel) return;
    const path = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(path);
    if (!m || !files.has(path) || !(def.id >= 1)) return;
    const first = wb.sheets.findIndex((s) => s.id === def.id);
    byId.set(def.id, { def, order: first === order ? order : first, path, sheetNo: m[1] });
  });
  const sheets = [...byId.values()].sort((a, b) => a.order - b.order);

  const snapshots: SheetSnapshot[] = [];
  let stateSheet: ParsedSheet | undefined;
  let stateSeen = false;
  const taken = new Set<string>();
  for (const s of sheets) {
    const name = sheetName(s.def.name, taken);
    const isState = name === STATE_SHEET;
    if ((isState && stateSeen) || name === MARKS_SHEET) continue;
    if (opts.sheets && !isState && !opts.sheets.has(name)) continue;
    const sheetRelsXml = await text(`xl/worksheets/_rels/sheet${s.sheetNo}.xml.rels`);
    const ctx: SheetCtx = { sst, numFmts, date1904: wb.date1904, rels: sheetRelsXml !== null ? parseRels(sheetRelsXml) : null };
    const parsed = parseSheet((await text(s.path))!, ctx);
    if (isState) {
      stateSeen = true;
      stateSheet = parsed;
    } else snapshots.push(snapshotSheet(name, parsed));
  }
  const rangeNames = wb.names.filter((n) => !n.local && !n.name.startsWith("_xlnm.") && RANGE_TEXT.test(n.text.trim())).map((n) => n.name);
  return { snapshot: { source, sheets: snapshots }, state: stateOf(stateSheet), rangeNames };
}

/**
 * Reads an .xlsx for checking only: the snapshot the exceljs path would give, the saved state and
 * the defined names. Bad input throws the same FileReadError (same Chinese and English reason) as readXlsx.
 */
export async function readSnapshotFast(data: ArrayBuffer | Uint8Array, source: string, opts: FastReadOptions = {}): Promise<FastRead> {
  const bytes = toBytes(data);
  sniff(bytes, source);
  let read: FastRead;
  try {
    read = await readParts(bytes, source, opts);
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    // The package inventory names what is wrong more precisely (not a workbook, …) when it can.
    await inspectPackage(bytes, source);
    throw fileReadError("corrupt", source, errorMessage(e));
  }
  if (read.snapshot.sheets.length === 0) {
    await inspectPackage(bytes, source);
    throw fileReadError("no-sheets", source);
  }
  return read;
}
