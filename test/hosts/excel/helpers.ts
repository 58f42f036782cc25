/** Builds fake workbooks from the example forms, and an ExcelHost wired to them. */
import { cellsOf as refs } from "../../helpers/cells";
import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { Finding } from "../../../src/core/rules/types";
import { SheetSnapshot, cellValue, sheetExtent } from "../../../src/core/snapshot";
import { capsFor } from "../../../src/hosts/excel/capabilities";
import { ExcelHost, ExcelHostOptions } from "../../../src/hosts/excel/excelHost";
import { forceCreateSheet } from "../../../src/hosts/excel/officeHelpers";
import { FakeExcel, FakeSettings, FakeSheet } from "./fakeExcel";

/** Copies a snapshot (values, merges, hidden rows) into a fake sheet. */
export function addSnapshot(excel: FakeExcel, snap: SheetSnapshot): FakeSheet {
  return excel.sheet(snap.name, (s) => {
    snap.values.forEach((row, i) => row.forEach((v, j) => s.set(snap.originRow + i, snap.originCol + j, v)));
    s.merges = snap.merges.map((m) => parseRange(m));
    // The fake keeps Excel's 1-based row numbers; snapshots count from 0.
    snap.hiddenRows.forEach((n) => s.hiddenRows.add(n + 1));
  });
}

export function fakeWith(minor: number, ...snaps: SheetSnapshot[]): FakeExcel {
  const excel = new FakeExcel({ minor });
  for (const s of snaps) addSnapshot(excel, s);
  return excel;
}

export function hostFor(excel: FakeExcel, opts: ExcelHostOptions = {}): { host: ExcelHost; settings: FakeSettings } {
  const settings = new FakeSettings(excel);
  // Saves gathered within the same tick only, so tests need not wait; the coalescing test sets its own.
  const host = new ExcelHost({
    run: excel.run,
    caps: capsFor(excel.minor),
    settings,
    createSheet: forceCreateSheet,
    saveDelayMs: 0,
    ...opts,
  });
  return { host, settings };
}

/** Every cell of both snapshots, compared by value (shape and origin may differ). */
export function cellsOf(s: SheetSnapshot): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const { lastRow, lastCol } = sheetExtent(s);
  for (let r = s.originRow; r <= lastRow; r++) {
    for (let c = s.originCol; c <= lastCol; c++) {
      const v = cellValue(s, r, c);
      if (v !== null && v !== "") out.set(`${r},${c}`, v);
    }
  }
  return out;
}

export function finding(rule: string, severity: Finding["severity"], ...cells: string[]): Finding {
  return {
    rule,
    severity,
    category: "budget",
    messageId: "m",
    data: {},
    message: { zh: `问题 ${rule}`, en: `Problem ${rule}` },
    cells: refs(...cells),
  };
}

/**
 * Everything the fake holds for a sheet, to compare before and after an edit; `marks` adds the
 * conditional formats (the transaction's restore must put those back too).
 */
export function sheetState(s: FakeSheet, opts: { marks?: boolean } = {}) {
  return {
    cells: [...s.cells.entries()].sort(([a], [b]) => a.localeCompare(b)),
    merges: s.merges.map(rangeToA1).sort(),
    fills: [...s.fills.entries()].sort(),
    formats: [...s.numberFormats.entries()].sort(),
    heights: [...s.rowHeights.entries()].sort(),
    ...(opts.marks ? { marks: s.cfs.map((cf) => [cf.formula, cf.fill, cf.ranges.map(rangeToA1).sort()]) } : {}),
  };
}
