/**
 * Loads workbooks into the ET fake: a snapshot (as the file host reads a .xlsx) and, when given, the
 * exceljs workbook's fills, number formats and heights. Free of exceljs at run time, so jsdom tests can use it.
 */
import type { Worksheet } from "exceljs";
import { parseRange } from "../../../src/core/a1";
import { SheetSnapshot, WorkbookSnapshot, isCellError } from "../../../src/core/snapshot";
import type { ReadResult } from "../../../src/hosts/file/read";
import { EtApp, bgr } from "../../../src/hosts/wps/et";
import { STATE_SHEET } from "../../../src/hosts/wps/read";
import { WpsHost } from "../../../src/hosts/wps/wpsHost";
import { FakeEtApp, FakeEtSheet } from "./fakeEt";

const CODES: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
};

/** One sheet of a snapshot into the fake: values, formulas, shown texts, merges, hidden rows. */
export function loadSheet(app: FakeEtApp, s: SheetSnapshot): FakeEtSheet {
  const sheet = app.ActiveWorkbook.addSheet(s.name);
  s.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const r = s.originRow + i;
      const c = s.originCol + j;
      const f = s.formulas?.[i]?.[j];
      const t = s.texts?.[i]?.[j];
      if (v === null && !f) return;
      const cell = sheet.cell(r, c);
      if (v !== null) cell.v = isCellError(v) ? { err: CODES[v.error] ?? 2015 } : v;
      if (f) cell.f = f;
      if (t) cell.text = t;
    }),
  );
  sheet.merges = s.merges.map(parseRange);
  for (const n of s.hiddenRows) sheet.hidden.add(n);
  return sheet;
}

/** Fills, number formats and heights exceljs read, into the fake sheet. */
function loadFormats(sheet: FakeEtSheet, ws: Worksheet): void {
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) sheet.heights.set(r - 1, row.height);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const fill = cell.fill;
      const argb = fill && fill.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
      const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
      const raw = cell.type === 6 ? (cell.value as { result?: unknown } | null)?.result : cell.value;
      if (!argb && !fmt) return;
      const x = sheet.cell(r - 1, c - 1);
      // A date is its serial day count in ET (Value2), shown as a date by its format.
      if (raw instanceof Date) x.v = raw.getTime() / 86_400_000 + 25569;
      if (argb) x.fill = { color: bgr(argb.slice(-6)), pattern: 1 };
      if (fmt) x.fmt = fmt;
    });
  });
}

export function fakeFrom(read: ReadResult | WorkbookSnapshot): FakeEtApp {
  const snapshot = "snapshot" in read ? read.snapshot : read;
  const app = new FakeEtApp(snapshot.source);
  for (const s of snapshot.sheets) {
    const sheet = loadSheet(app, s);
    const ws = "workbook" in read ? read.workbook.getWorksheet(s.name) : undefined;
    if (ws) loadFormats(sheet, ws);
  }
  // The state the command line or the preview saved: its very hidden sheet, column A, as in the file.
  const state = "workbook" in read ? read.workbook.getWorksheet(STATE_SHEET) : undefined;
  if (state) {
    const sheet = app.ActiveWorkbook.addSheet(STATE_SHEET);
    sheet.Visible = 2;
    state.eachRow((row, r) => {
      const v = row.getCell(1).value;
      if (typeof v === "string") sheet.cell(r - 1, 0).v = v;
    });
  }
  app.calls = 0;
  app.log = [];
  return app;
}

export function hostOn(app: FakeEtApp, opts: { now?: () => number; debounceMs?: number } = {}): WpsHost {
  return new WpsHost({ app: app as unknown as EtApp, ...opts });
}
