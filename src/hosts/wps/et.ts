/**
 * The slice of WPS 表格's ET object model (jsapi) the WPS host uses, typed by `et-jsapi-declare`
 * (Kingsoft's declarations of the object model), and the few conversions its quirks need. Every
 * call crosses a process bridge synchronously (open.wps.cn 加载项 docs; pi-for-excel's adapter notes
 * the same), so the host reads blocks with one call where the model allows and never per cell
 * unless it must.
 */
/// <reference types="et-jsapi-declare" />
import { RangePos, parseRange } from "../../core/a1";
import { CellValue } from "../../core/snapshot";
import { formattedNumber, isoDate } from "../file/cellValue";

/** The global `Application` inside a WPS add-in page: the ET Application plus the add-in root. */
export type EtApp = Et.Application & { ApiEvent?: WPS.EtApiEvent };

/**
 * The one workbook a host works on, with the Application for the few settings that are global
 * (ScreenUpdating, DisplayAlerts, CutCopyMode). Every helper goes through `wb`, never through
 * Application.ActiveWorkbook, which is whichever window the user looked at last (issue #21).
 */
export interface EtDoc {
  app: EtApp;
  wb: Et.Workbook;
}

/** The active workbook as a doc; throws a plain sentence when none is open. */
export function activeDoc(app: EtApp): EtDoc {
  const wb = app.ActiveWorkbook as Et.Workbook | null;
  if (!wb) throw new Error("WPS 中没有打开的工作簿,请先打开申报表 / No workbook is open in WPS; open the form first");
  return { app, wb };
}

/** VBA constants the ET model takes as numbers (et-jsapi-declare's enums mirror Excel's values). */
export const XL = {
  /** XlInsertShiftDirection.xlShiftDown (Range.Insert). */
  shiftDown: -4121,
  /** XlDeleteShiftDirection.xlShiftUp (Range.Delete). */
  shiftUp: -4162,
  /** XlInsertFormatOrigin.xlFormatFromLeftOrAbove. */
  formatFromAbove: 0,
  /** XlPasteType.xlPasteFormats (Range.PasteSpecial). */
  pasteFormats: -4122,
  /** xlNone / xlColorIndexNone: Interior.ColorIndex of a cell without fill, and how to clear one. */
  none: -4142,
  /** XlPattern.xlPatternSolid. */
  solid: 1,
  /** XlSheetVisibility.xlSheetVeryHidden: not listed in 取消隐藏, kept in .xlsx and .et. */
  veryHidden: 2,
} as const;

/** Formula errors by their XlCVError code (et-jsapi-declare lib.et.d.ts XlCVError; VBA's CVErr values). */
const ERROR_CODES: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2046: "#CONNECT!",
  2047: "#BLOCKED!",
  2048: "#UNKNOWN!",
  2049: "#FIELD!",
  2050: "#CALC!",
};

/**
 * WPS hands a formula error over from Value2 as the HRESULT of its CVErr, 0x800A0000 + code as a
 * signed 32-bit number: #DIV/0! reads −2146826281, #NAME? −2146826259 (measured in WPS 12.1.0.28043,
 * zeweihan/aiworkdeck office-addin/scripts/measurements/2026-08-29-et-wpp-api-probe.json).
 */
const CVERR_BASE = -2146828288;

/** The error a Value2 number stands for, if it is one of the error numbers at all. */
function errorOf(v: number): string | undefined {
  return ERROR_CODES[v - CVERR_BASE] ?? ERROR_CODES[v];
}

/**
 * Interior.Color is a BGR long: red is 0x0000FF (a VBA RGB(r,g,b) = r + g·256 + b·65536). Our mark
 * colours are RGB hex like CSS, so they are swapped here and nowhere else.
 */
export function bgr(rgbHex: string): number {
  const n = parseInt(rgbHex.replace(/^#/, ""), 16);
  const r = (n >> 16) & 0xff;
  const g = (n >> 8) & 0xff;
  const b = n & 0xff;
  return r + g * 256 + b * 65536;
}

export const cellPos = (row: number, col: number): RangePos => ({ top: row, bottom: row, left: col, right: col });

/** "$B$5:$C$5" or "B5:C5" (Address(false,false)) → 0-based area. */
export function areaOf(address: string): RangePos {
  return parseRange(address.replace(/\$/g, ""));
}

/**
 * The workbook's sheets by name, listed once per doc: every name compared is a bridge call, and an
 * insertion looks a sheet up per step. A doc lives for one synchronous host call (WpsHost makes a new
 * one per call), during which only our own code runs — a sheet the user renames or adds shows in the
 * next call's listing — and our own code adds sheets through `addSheet`, which records them here.
 */
const listings = new WeakMap<EtDoc, Map<string, Et.Worksheet>>();

/** The sheets in tab order (Worksheets.Item is 1-based and typed Worksheet | Sheets; one index gives one sheet). */
export function sheetsOf(doc: EtDoc): [string, Et.Worksheet][] {
  let byName = listings.get(doc);
  if (!byName) {
    byName = new Map();
    const sheets = doc.wb.Worksheets;
    for (let i = 1, n = sheets.Count; i <= n; i++) {
      const ws = sheets.Item(i) as Et.Worksheet;
      byName.set(ws.Name, ws);
    }
    listings.set(doc, byName);
  }
  return [...byName];
}

export function sheetNamed(doc: EtDoc, name: string): Et.Worksheet | null {
  if (!listings.has(doc)) sheetsOf(doc);
  return listings.get(doc)!.get(name) ?? null;
}

/** Adds a sheet named `name` after the last one (Worksheets.Add names it SheetN) and records it in the doc's listing. */
export function addSheet(doc: EtDoc, name: string): Et.Worksheet {
  const listed = sheetsOf(doc);
  const wb = doc.wb;
  const last = listed.length ? listed[listed.length - 1][1] : (wb.Worksheets.Item(wb.Worksheets.Count) as Et.Worksheet);
  const ws = wb.Worksheets.Add(undefined, last) as Et.Worksheet;
  ws.Name = name;
  listings.get(doc)!.set(name, ws);
  return ws;
}

/**
 * Value2 of a block as rows × cols. ET gives a single cell as a scalar and a block as a 2-D array
 * (as VBA does); some builds give a one-row block as a flat array, and an empty cell as undefined,
 * null or "" — all normalised here.
 */
export function grid(value2: unknown, rows: number, cols: number): unknown[][] {
  if (!Array.isArray(value2)) return [[value2]];
  if (value2.length && !Array.isArray(value2[0])) {
    const flat = value2 as unknown[];
    return rows === 1 ? [flat] : cols === 1 ? flat.map((v) => [v]) : [flat];
  }
  return value2 as unknown[][];
}

/**
 * One Value2 cell as the core's value. An error number is an error unless the cell's Formula shows
 * it is that number typed in: a formula cell, or a constant whose Formula is the error's text, holds
 * an error. VBA's bare codes (2007 …) are also a formula's ordinary results, so for those only the
 * shown text (`shown`, asked of such cells alone) can tell; WPS's own codes need no such read.
 */
export function toCellValue(v: unknown, formula?: unknown, shown?: string | null): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    const err = errorOf(v);
    if (!err) return v;
    const f = typeof formula === "string" ? formula : null;
    if (f === err) return { error: err };
    if (v - CVERR_BASE in ERROR_CODES) return f === null || f.startsWith("=") ? { error: err } : v;
    return f !== null && f.startsWith("=") && shown === err ? { error: err } : v;
  }
  if (typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Whether a Value2 number from a formula needs its shown text to be told from an error (VBA's bare codes). */
export function needsShownText(v: unknown, formula: unknown): boolean {
  return typeof v === "number" && v in ERROR_CODES && typeof formula === "string" && formula.startsWith("=");
}

/** exceljs's utils.isDateFmt, as the file host decides a number is a date (fastRead.ts). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === "General") return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/**
 * A number as it is shown, from its Value2 and NumberFormat alone, with the file host's formatter:
 * the same text in WPS, Excel and the command line, whatever the column's width (Range.Text shows
 * #### in a narrow column). A date (Value2 gives its serial) becomes the file host's ISO text.
 */
export function shownNumber(v: number, fmt: string | null | undefined): { value?: string; text: string | null } {
  if (isDateFormat(fmt)) {
    const iso = isoDate(new Date(Math.round((v - 25569) * 86_400_000)));
    return iso ? { value: iso, text: null } : { text: null };
  }
  return { text: formattedNumber(v, fmt ?? undefined) };
}

/**
 * Writes one cell's Value2. et-jsapi-declare types Value2 as string | any[] (its types come from
 * static analysis of the C++ side and say they may be incomplete), yet Value2 takes and gives numbers
 * and booleans as VBA's does, so the declaration is widened here, once.
 */
export function setValue2(range: Et.Range, v: string | number | boolean | unknown[][]): void {
  (range as unknown as { Value2: unknown }).Value2 = v;
}

/** Looks sheets up by name in the doc's one listing (sheetNamed), for helpers that take a lookup. */
export function sheetLookup(doc: EtDoc): (name: string) => Et.Worksheet | null {
  return (name) => sheetNamed(doc, name);
}
