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

/**
 * Formula errors: Value2 hands them over as their CVErr numbers (learn.microsoft.com/office/vba/excel/
 * concepts/cells-and-ranges/cell-error-values, XlCVError), indistinguishable from the same number typed
 * into a cell, so a cell counts as an error only when its Range.Text also shows the error's text.
 */
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

/** Worksheets.Item(i) is 1-based and typed Worksheet | Sheets; a single index gives one sheet. */
export function sheetAt(doc: EtDoc, i: number): Et.Worksheet {
  return doc.wb.Worksheets.Item(i) as Et.Worksheet;
}

export function sheetNamed(doc: EtDoc, name: string): Et.Worksheet | null {
  const sheets = doc.wb.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const ws = sheets.Item(i) as Et.Worksheet;
    if (ws.Name === name) return ws;
  }
  return null;
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

/** One Value2 cell as the core's value; `shown` (Range.Text) tells an error code from a number. */
export function toCellValue(v: unknown, shown?: string | null): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    const err = ERROR_CODES[v];
    return err && shown === err ? { error: err } : v;
  }
  if (typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Writes one cell's Value2. et-jsapi-declare types Value2 as string | any[] (its types come from
 * static analysis of the C++ side and say they may be incomplete), yet Value2 takes and gives numbers
 * and booleans as VBA's does, so the declaration is widened here, once.
 */
export function setValue2(range: Et.Range, v: string | number | boolean | unknown[][]): void {
  (range as unknown as { Value2: unknown }).Value2 = v;
}

/**
 * Looks sheets up by name, listing them once: every name compared is a bridge call, and marking
 * looks up a sheet per cell. For one operation only (a sheet may be renamed between operations).
 */
export function sheetLookup(doc: EtDoc): (name: string) => Et.Worksheet | null {
  let byName: Map<string, Et.Worksheet> | null = null;
  return (name) => {
    if (!byName) {
      byName = new Map();
      const sheets = doc.wb.Worksheets;
      for (let i = 1, n = sheets.Count; i <= n; i++) {
        const ws = sheets.Item(i) as Et.Worksheet;
        byName.set(ws.Name, ws);
      }
    }
    return byName.get(name) ?? null;
  };
}
