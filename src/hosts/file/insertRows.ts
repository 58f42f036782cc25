/**
 * Whole-row insertion that keeps the form intact (recipe in shared/notes/exceljs.md): exceljs's own
 * insertRow moves values and styles but not merges, notes, hidden flags, validations, conditional
 * formats or formula references, and a sheet with stale merges cannot even be read back.
 */
import type { Workbook, Worksheet } from "exceljs";
import { RangePos, parseRange, rangeToA1, toA1 } from "../../core/a1";
import { RowShift, shiftFormula } from "./formulaShift";
import { mergeRanges, unmergeKeepingStyles } from "./merges";
import { VT } from "./cellValue";
import { recordRowShift } from "./write";

interface NoteSlot {
  _comment?: unknown;
}

interface StyledRow {
  style: Record<string, unknown>;
}

function shiftRangeText(text: string, at: number, count: number): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const r = parseRange(part.replace(/\$/g, ""));
      const move = (row: number) => (row + 1 >= at ? row + count : row);
      return rangeToA1({ top: move(r.top), left: r.left, bottom: move(r.bottom), right: r.right });
    })
    .join(" ");
}

/** Shared formulas point at their master cell by address; turn them into plain formulas before rows move. */
function unshareFormulas(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== VT.Formula) return;
        const v = cell.value as { sharedFormula?: string; shareType?: string; result?: unknown };
        if (v.sharedFormula !== undefined || v.shareType === "shared") {
          cell.value = { formula: cell.formula, result: v.result } as never;
        }
      }),
    );
  }
}

function shiftFormulas(wb: Workbook, shift: RowShift): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== VT.Formula) return;
        const v = cell.value as { formula: string; result?: unknown; shareType?: string; ref?: string };
        const f = shiftFormula(v.formula, ws.name, shift);
        // An array formula's range (<f t="array" ref>) is an address on its own sheet: it moves, or
        // grows over new rows inside it, as its references do.
        const ref = v.shareType === "array" && v.ref && ws.name === shift.sheet ? shiftRangeText(v.ref, shift.at, shift.count) : v.ref;
        if (f !== v.formula || ref !== v.ref) cell.value = { ...v, formula: f, ...(ref !== undefined ? { ref } : {}) } as never;
      }),
    );
  }
}

/**
 * How each merge looks after inserting `count` rows before `at` (1-based), as in Excel (the step
 * semantics of core/plan/steps.ts): a merge spanning the insertion point grows, one ending right
 * above it stays — growing it would swallow the new row into the group above (issue #7).
 */
export function plannedMerges(merges: RangePos[], at: number, count: number): RangePos[] {
  const a = at - 1; // 0-based first moved row
  return merges.map((m) =>
    m.top >= a ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= a ? { ...m, bottom: m.bottom + count } : m,
  );
}

/** The insertRows step: whole rows before `at` (1-based), empty and unformatted, everything else moved along. */
export function insertRows(wb: Workbook, ws: Worksheet, at: number, count: number): void {
  if (count <= 0) return;
  unshareFormulas(wb);
  const before = mergeRanges(ws);
  const after = plannedMerges(before, at, count);
  const key = (m: RangePos) => rangeToA1(m);
  const keep = new Set(before.filter((m) => after.some((n) => key(n) === key(m))).map(key));
  const styles: [number, number, Record<string, unknown>][] = [];
  for (const m of before) if (!keep.has(key(m))) styles.push(...unmergeKeepingStyles(ws, m, false));

  // Row and cell properties that exceljs does not move with the values.
  const last = ws.rowCount;
  const moved: { row: number; hidden: boolean; outline: number; notes: [number, unknown][] }[] = [];
  for (let r = at; r <= last; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const notes: [number, unknown][] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // The note object itself (text plus box settings) lives in a private slot; move it whole.
      const c = cell as unknown as NoteSlot;
      if (c._comment !== undefined) {
        notes.push([col, c._comment]);
        c._comment = undefined;
      }
    });
    if (row.hidden || row.outlineLevel || notes.length) moved.push({ row: r, hidden: row.hidden, outline: row.outlineLevel ?? 0, notes });
    row.hidden = false;
    row.outlineLevel = 0;
  }

  ws.insertRows(
    at,
    Array.from({ length: count }, () => []),
    "n",
  );

  for (const [r, c, style] of styles) ws.getCell(r >= at ? r + count : r, c).style = style as never;
  for (const m of moved) {
    const row = ws.getRow(m.row + count);
    row.hidden = m.hidden;
    if (m.outline) row.outlineLevel = m.outline;
    for (const [col, note] of m.notes) (row.getCell(col) as unknown as NoteSlot)._comment = note;
  }

  // Data validations are kept per cell address; move those below.
  const dv = validations(ws);
  if (dv?.model) {
    const next: Record<string, unknown> = {};
    for (const [addr, rule] of Object.entries(dv.model)) {
      if (!rule) continue;
      const isRange = addr.startsWith("range:");
      const text = isRange ? addr.slice(6) : addr;
      next[(isRange ? "range:" : "") + shiftRangeText(text, at, count)] = rule;
    }
    dv.model = next;
  }
  // A conditional format's formulas are relative to its range's top-left cell, which moves with it.
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules?: { formulae?: unknown[] }[] }[] }).conditionalFormattings;
  const shift = { sheet: ws.name, at, count };
  for (const cf of cfs ?? []) {
    cf.ref = shiftRangeText(cf.ref, at, count);
    for (const rule of cf.rules ?? []) {
      if (rule.formulae) rule.formulae = rule.formulae.map((f) => (typeof f === "string" ? shiftFormula(f, ws.name, shift) : f));
    }
  }
  if (ws.pageSetup?.printArea) {
    // exceljs joins a sheet's several print areas with "&&" (workbook-xform.js).
    ws.pageSetup.printArea = ws.pageSetup.printArea
      .split("&&")
      .map((areas) =>
        areas
          .split(",")
          .map((a) => shiftRangeText(a, at, count))
          .join(","),
      )
      .join("&&");
  }

  shiftFormulas(wb, shift);
  shiftValidationFormulas(wb, shift);
  movePictures(ws, at, count);
  recordRowShift(wb, shift);
  for (const m of after) if (!keep.has(key(m))) ws.mergeCellsWithoutStyle(key(m));
}

interface NativeAnchor {
  nativeRow: number;
}
interface PictureRange {
  tl?: NativeAnchor;
  br?: NativeAnchor;
  editAs?: string;
}

/**
 * Pictures are anchored to cells, and Excel moves them with rows as the anchor's editAs says
 * (ECMA-376 Part 1 §20.5.2.33): "twoCell" (the default) moves each corner with its row, so a picture
 * spanning the insertion grows; "oneCell" moves the whole picture with its top-left cell, keeping its
 * size; "absolute" stays where it is.
 */
function movePictures(ws: Worksheet, at: number, count: number): void {
  const moves = (a: NativeAnchor | undefined) => a !== undefined && a.nativeRow + 1 >= at;
  for (const image of ws.getImages()) {
    const range = image.range as unknown as PictureRange;
    if (!range?.tl || range.editAs === "absolute") continue;
    if (range.editAs === "oneCell") {
      if (!moves(range.tl)) continue;
      range.tl.nativeRow += count;
      if (range.br) range.br.nativeRow += count;
      continue;
    }
    const [top, bottom] = [moves(range.tl), moves(range.br)];
    if (top) range.tl.nativeRow += count;
    if (bottom) range.br!.nativeRow += count;
  }
}

/**
 * A validation's list source or bounds may point at the moved rows, from this sheet or another one
 * (清单!E1 allowing 申报表!$B$40:$B$42): rewrite them as Excel would. Cells sharing one rule object
 * keep sharing the rewritten one.
 */
function shiftValidationFormulas(wb: Workbook, shift: RowShift): void {
  for (const other of wb.worksheets) {
    const dv = validations(other);
    if (!dv?.model) continue;
    const done = new Map<unknown, unknown>();
    for (const [addr, rule] of Object.entries(dv.model)) {
      const r = rule as { formulae?: unknown[] } | undefined;
      if (!r?.formulae) continue;
      if (!done.has(r)) {
        const formulae = r.formulae.map((f) => (typeof f === "string" ? shiftFormula(f, other.name, shift) : f));
        done.set(r, formulae.every((f, i) => f === r.formulae![i]) ? r : { ...r, formulae });
      }
      dv.model[addr] = done.get(r);
    }
  }
}

const validations = (ws: Worksheet) => (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;

/** The copyFormat step: row `from`'s styles, height and per-cell validations onto rows to…to+count-1 (1-based). */
export function copyRowFormat(ws: Worksheet, from: number, to: number, count: number): void {
  const srcRow = ws.getRow(from);
  for (let i = 0; i < count; i++) {
    const dst = ws.getRow(to + i);
    (dst as unknown as StyledRow).style = JSON.parse(JSON.stringify((srcRow as unknown as StyledRow).style ?? {}));
    if (srcRow.height) dst.height = srcRow.height;
    srcRow.eachCell({ includeEmpty: true }, (cell, col) => {
      dst.getCell(col).style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  }
  const dv = validations(ws);
  if (!dv?.model) return;
  for (const [addr, rule] of Object.entries(dv.model)) {
    if (!rule || addr.startsWith("range:")) continue;
    const p = parseRange(addr.replace(/\$/g, ""));
    if (p.top === from - 1) for (let i = 0; i < count; i++) dv.model[toA1(to - 1 + i, p.left)] = rule;
  }
}
