/**
 * The write path for value edits (fix, the preview's download after fixes): the edits made in
 * exceljs's model — where they were planned and verified — are written into the user's original
 * package by the patcher (patch.ts), and the written bytes are read back by the product's own
 * package reader (fastRead.ts) and compared with the model before anything is saved.
 */
import type { Workbook } from "exceljs";
import { CellRef, formatRef } from "../../core/a1";
import { CellValue, WorkbookSnapshot, isCellError } from "../../core/snapshot";
import { Message } from "../../core/rules/types";
import { plainValue } from "./cellValue";
import { readSnapshotFast, FastReadOptions } from "./fastRead";
import { PatchReport, PatchUnsupported, ValueEdit, patchValues } from "./patch";
import { patchSteps } from "./patchRows";
import type { Step } from "../../core/plan/steps";
import { WorkbookWriteError } from "./write";
import { SheetBack, cellsOf, checkUntouchedParts, packagePair, readBackCells } from "./readBack";

const key = (c: CellRef) => `${c.sheet}\u0000${c.row},${c.col}`;

/** Remembers, for cells about to be edited, the number format they had when the workbook was read. */
export class EditLog {
  private readonly cells = new Map<string, { ref: CellRef; numFmt: string | undefined; was: string }>();
  /** An applied plan also merged, unmerged or inserted (a slid row moved back with its merges, an
   * added indicator): the copy is then patched from the plans' compiled steps (patchRows.ts). */
  private structural = false;
  /** A structural edit whose compiled steps were not recorded: such a copy is written the old way. */
  private unrecorded = false;
  /** The compiled steps of every plan applied, in order (see record). */
  private readonly recorded: Step[] = [];
  /** Call for an edit that is not a value when its steps are not recorded: the copy cannot be patched. */
  touchStructure(): void {
    this.structural = true;
    this.unrecorded = true;
  }
  /** The compiled steps of an applied plan (core/plan/steps.ts), values and structure alike. */
  record(steps: readonly Step[]): void {
    this.recorded.push(...steps);
    if (steps.some((s) => s.op !== "write")) this.structural = true;
  }
  /**
   * The steps that turn the original into the model when some plan moved rows or merges (or when
   * only steps were recorded); null when every edit was a value (then `edits` gives the value patch). Throws PatchUnsupported when a
   * structural plan's steps were not recorded.
   */
  structuralSteps(): Step[] | null {
    // Recorded value plans with no touched cells (add filling an empty row) are written from their steps too.
    if (!this.structural) return this.cells.size === 0 && this.recorded.length > 0 ? this.recorded.map((s) => ({ ...s })) : null;
    if (this.unrecorded) throw new PatchUnsupported("the edits moved merged areas or rows");
    return this.recorded.map((s) => ({ ...s }));
  }
  /**
   * Call before the edit: only the first format and value seen for a cell are the original's. A cell
   * inside a merge is logged as the merge's top-left cell, the one the plan's write step changes
   * (core/plan/steps.ts compiles a setValue inside a merge to it).
   */
  touch(wb: Workbook, ref: CellRef): void {
    const ws = wb.getWorksheet(ref.sheet);
    let cell = ws?.getCell(ref.row + 1, ref.col + 1);
    if (cell?.isMerged && cell.master) cell = cell.master;
    const at = cell
      ? { sheet: ref.sheet, row: Number(cell.row) - 1, col: Number(cell.col) - 1 }
      : { sheet: ref.sheet, row: ref.row, col: ref.col };
    if (this.cells.has(key(at))) return;
    this.cells.set(key(at), { ref: at, numFmt: cell?.numFmt, was: JSON.stringify(cell?.value ?? null) });
  }
  /** Takes the cells of `other` not logged yet (a fix that was applied). */
  merge(other: EditLog): void {
    for (const [k, v] of other.cells) if (!this.cells.has(k)) this.cells.set(k, v);
    if (other.structural) this.structural = true;
    if (other.unrecorded) this.unrecorded = true;
    this.recorded.push(...other.recorded);
  }
  sheets(): string[] {
    return [...new Set([...this.cells.values()].map((c) => c.ref.sheet))];
  }
  get size(): number {
    return this.cells.size;
  }
  /**
   * The edits that turn the original into the model as it is now. A logged cell the plans left as
   * it was (value and format) needs no edit: the package already holds it, whatever it is (a formula,
   * rich text, a date, a hyperlink's text, an error). Every other logged cell was last written by a
   * plan's write step, whose value is text, a number or empty (steps.ts `write`; setValue takes
   * nothing else), so the checks below cannot fire on a real workbook: they stay so that a future
   * step kind cannot write a wrong value silently.
   */
  edits(wb: Workbook): ValueEdit[] {
    if (this.structural) throw new PatchUnsupported("the edits moved merged areas or rows");
    return [...this.cells.values()].flatMap(({ ref, numFmt, was }) => {
      const ws = wb.getWorksheet(ref.sheet);
      if (!ws) throw new PatchUnsupported(`sheet ${ref.sheet} is gone`);
      const cell = ws.getCell(ref.row + 1, ref.col + 1);
      const raw = cell.value;
      if (JSON.stringify(raw ?? null) === was && cell.numFmt === numFmt) return [];
      if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw))
        throw new PatchUnsupported(`${formatRef(ref)} holds a formula`);
      if (raw instanceof Date || (raw !== null && typeof raw === "object" && ("richText" in raw || "hyperlink" in raw)))
        throw new PatchUnsupported(`${formatRef(ref)} holds a value the patcher does not write`);
      const value = plainValue(raw);
      if (isCellError(value)) throw new PatchUnsupported(`${formatRef(ref)} holds an error value`);
      return {
        sheet: ref.sheet,
        row: ref.row,
        col: ref.col,
        value,
        ...(cell.numFmt && cell.numFmt !== numFmt ? { numberFormat: cell.numFmt } : {}),
      };
    });
  }
}

/**
 * Cells that differ between the model and the written file, ignoring formula results (they may have
 * been recomputed). A row the read-back took as copied is compared with the original's row index by
 * index; every other cell by its place.
 */
function differences(expected: WorkbookSnapshot, written: Map<string, SheetBack>, only?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const differ = (x: CellValue, fx: string | null, y: CellValue, fy: string | null) => fx !== fy || (fx === null && !same(x, y));
  for (const s of expected.sheets) {
    if (only && !only.has(s.name)) continue;
    const b = written.get(s.name);
    if (!b) {
      out.push(`sheet ${s.name}`);
      continue;
    }
    const copied = b.copied;
    const seen = new Set<string>();
    s.values.forEach((line, i) => {
      const r = s.originRow + i;
      if (copied?.rows.has(r)) {
        const o = copied.from;
        const j = r - o.originRow;
        const other = o.values[j] ?? [];
        const left = Math.min(s.originCol, o.originCol);
        const right = Math.max(s.originCol + line.length, o.originCol + other.length);
        for (let c = left; c < right; c++) {
          const x = line[c - s.originCol] ?? null,
            fx = s.formulas?.[i]?.[c - s.originCol] ?? null;
          const y = other[c - o.originCol] ?? null,
            fy = o.formulas?.[j]?.[c - o.originCol] ?? null;
          if (differ(x, fx, y, fy)) out.push(`${s.name}!${r},${c}`);
        }
        return;
      }
      line.forEach((x, k) => {
        const fx = s.formulas?.[i]?.[k] ?? null;
        if (x === null && fx === null) return;
        const key = `${r},${s.originCol + k}`;
        seen.add(key);
        const y = b.cells.get(key);
        if (differ(x, fx, y?.value ?? null, y?.formula ?? null)) out.push(`${s.name}!${key}`);
      });
    });
    // What the copy holds where the model holds nothing: parsed cells the model lacks, copied rows beyond it.
    for (const key of b.cells.keys())
      if (!seen.has(key) && !copied?.rows.has(Number(key.slice(0, key.indexOf(","))))) out.push(`${s.name}!${key}`);
    if (copied)
      for (const r of copied.rows) {
        if (r >= s.originRow && r < s.originRow + s.values.length) continue;
        const o = copied.from;
        const j = r - o.originRow;
        if ((o.values[j] ?? []).some((v, k) => v !== null || (o.formulas?.[j]?.[k] ?? null) !== null)) out.push(`${s.name}!row ${r}`);
      }
  }
  return out;
}

// Text, numbers and booleans by value; only objects (errors) as JSON.
const same = (a: CellValue, b: CellValue) =>
  a === b || (typeof a === "object" && a !== null && typeof b === "object" && b !== null && JSON.stringify(a) === JSON.stringify(b));

export interface PatchedWrite extends PatchReport {
  /** Time spent reading the written bytes back and comparing them with the model (ms). */
  verifyMs: number;
}

const VERIFY_FAILED: Message = {
  zh: "写出的文件与修改结果不一致,未写出任何文件",
  en: "The written file did not match the edited workbook; nothing was written",
};

/**
 * The original package with the model's edits patched in, proved by reading it back: every cell
 * that is not a formula must read as the model holds it. `expected` is the model's snapshot.
 */
export async function writePatched(
  original: Uint8Array,
  edits: ValueEdit[] | { steps: Step[] },
  expected: WorkbookSnapshot,
  opts: FastReadOptions & {
    /** The original's snapshot as read (the one the edits were made from): lets the read-back skip what was copied. */
    before?: WorkbookSnapshot;
  } = {},
): Promise<PatchedWrite> {
  const report = Array.isArray(edits) ? await patchValues(original, edits) : await patchSteps(original, edits.steps);
  const t = performance.now();
  // Value edits rewrite only their own sheets (and those of the formulas recomputed): every other sheet
  // part keeps its bytes, so only the rewritten sheets are read back. A row insertion may move
  // references on any sheet: all are read back.
  const only =
    Array.isArray(edits) && edits.length > 0
      ? new Set([...edits.map((e) => e.sheet), ...report.recomputed.map((r) => r.slice(0, r.lastIndexOf("!")))])
      : undefined;
  let diff: string[];
  const inflate = opts.inflateRaw;
  try {
    // Every part the patch did not write must still be the original's, byte for byte.
    const pair = inflate ? packagePair(original, report.bytes) : null;
    if (pair && inflate) checkUntouchedParts(pair, report.changedParts, inflate);
    // Only what the patch rewrote is parsed when the original's snapshot is at hand (readBack.ts);
    // otherwise (the preview's download), or when its conditions do not hold, the copy is read back
    // whole. Row by row is the faster on any form: the seed's `fix` read-back takes 1.2–1.4 ms against
    // 1.6–2.0 whole (`npm run bench -- --only writes`), 3,000 rows 10 ms against 19 (bench/readback-large.ts).
    const quick = pair && inflate && opts.before ? readBackCells(pair, opts.before, inflate, only) : null;
    if (quick) diff = differences(expected, quick.sheets, only);
    else {
      const back = await readSnapshotFast(report.bytes, expected.source, { ...opts, ...(only ? { sheets: only } : {}) });
      diff = differences(expected, new Map(back.snapshot.sheets.map((s) => [s.name, { cells: cellsOf(s) }])), only);
    }
  } catch (e) {
    throw new WorkbookWriteError(VERIFY_FAILED, e instanceof Error ? e.message : String(e));
  }
  if (diff.length > 0) throw new WorkbookWriteError(VERIFY_FAILED, `differs at ${diff.slice(0, 5).join(", ")}`);
  return { ...report, verifyMs: performance.now() - t };
}

/** The sheets of the workbook whose contents are protected (`<sheetProtection sheet="1">`, §18.3.1.85). */
export function protectedSheets(wb: Workbook, names: string[]): string[] {
  return names.filter((n) => {
    const p = (wb.getWorksheet(n) as unknown as { sheetProtection?: { sheet?: boolean | string } | null } | undefined)?.sheetProtection;
    return !!p && (p.sheet === true || p.sheet === "1" || p.sheet === "true");
  });
}

export function protectedMessage(sheet: string): Message {
  return {
    zh: `工作表「${sheet}」受保护,未写出任何文件。请在 Excel 中“审阅 → 撤销工作表保护”后再试,或加 --write-protected 仍写出副本`,
    en: `Sheet "${sheet}" is protected; nothing was written. Unprotect it in Excel (Review → Unprotect Sheet) and try again, or add --write-protected to write the copy anyway`,
  };
}
