/**
 * Finding identity, written once. The pane's ignore list, the CLI's --include-ignored count, the
 * fix-all loop's "already tried" set and the marks' cell records all name a finding or a cell; four
 * spellings of that key once disagreed (issue #21).
 */
import { CellRef, formatRef } from "./a1";
import { Finding } from "./rules/types";

/**
 * Like Excel's own ignored errors: per rule and cell ("indicators/not-quantified@申报表!E41"). Stored
 * in workbooks, so its text must never change: the A1 form of the first cell, sheet quoted as Excel does.
 */
export function ignoreKey(f: Pick<Finding, "rule" | "cells">): string {
  const first = f.cells[0];
  return `${f.rule}@${first ? formatRef(first) : ""}`;
}

/**
 * One fix offered for one finding: rule, every cell and the fix's title. A fix-all loop tries each
 * once; after an edit the same finding may come back with another fix (a new title), which is new.
 * Never stored.
 */
export function fixKey(f: Pick<Finding, "rule" | "cells" | "fix">): string {
  return `${f.rule} ${JSON.stringify(f.cells.map((c: CellRef) => ({ sheet: c.sheet, row: c.row, col: c.col })))} ${f.fix?.title.zh ?? ""}`;
}

/**
 * A marked cell: sheet and A1 address, upper-cased so "e41" and "E41" are one cell. Stored by the
 * WPS host in its record of marks, so its text must never change.
 */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.toUpperCase()}`;
}

/** The sheet a finding is on ("" for one about the workbook as a whole, which points at no cell). */
export function findingSheet(f: Pick<Finding, "cells">): string {
  return f.cells[0]?.sheet ?? "";
}
