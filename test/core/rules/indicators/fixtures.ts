/** Sheets for the indicator rule tests: the corrected form in its variants. */
import { SheetSnapshot } from "../../../../src/core/snapshot";
import { LayoutOptions, at } from "../../../../scripts/lib/tsvLayout";
import { cleanRows, layoutFromRows } from "../../../helpers/forms";

export const OFF: LayoutOptions = { rowOffset: 3, colOffset: 2 };

/** "申报表!E25" for a cell of the un-shifted layout, moved by opts. */
export const q = (a1: string, opts: LayoutOptions = {}): string => `申报表!${at(a1, opts)}`;

/** Edits given in un-shifted addresses, moved by opts. */
export function shifted(edits: Record<string, string | number | null>, opts: LayoutOptions): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(edits).map(([k, v]) => [at(k, opts), v]));
}

function headerIndex(rows: string[][]): number {
  return rows.findIndex((r) => r.includes("一级指标"));
}

/** The corrected form with one value column: column E dropped from the table and F renamed 指标值. */
export function singleValueRows(): string[][] {
  const rows = cleanRows();
  const h = headerIndex(rows);
  const out = rows.map((r, i) => (i < h ? r : [...r.slice(0, 4), ...r.slice(5)]));
  out[h][4] = "指标值";
  return out;
}

export function singleValueSheet(opts?: LayoutOptions): SheetSnapshot {
  return layoutFromRows(singleValueRows(), opts);
}

/** The corrected form with rows (1-based, as printed) left out. */
export function cleanWithout(...printedRows: number[]): SheetSnapshot {
  return layoutFromRows(cleanRows().filter((_, i) => !printedRows.includes(i + 1)));
}

/** The corrected form with row 33 (成本) made a 一级 成本指标 block (财预〔2021〕101号 layout). */
export function costLevel1Sheet(name = "会议经费成本控制率(%)", period = "≤100%", annual = "≤100%"): SheetSnapshot {
  const rows = cleanRows();
  rows[32] = ["", "成本指标", "经济成本指标", name, period, annual];
  return layoutFromRows(rows);
}
