/**
 * The one edit engine (issue #7): the core alone validates an EditPlan and turns it into primitive
 * steps against a snapshot; hosts only execute the steps. Every decision a host used to make on its
 * own — which cell of a merge takes a value, whether a cell changed since the plan was made, whether
 * a merge would lose content, which merges a row insertion grows, which merges the format row
 * repeats on the new rows — is made here once, so the file host, the Excel host and the test fakes
 * produce the same workbook from the same steps.
 *
 * Step semantics (all coordinates 0-based, in the sheet as it is when the step runs):
 * - insertRows: whole rows inserted before `at`, as Excel's Insert does: rows at or below move down,
 *   a merge spanning the insertion point grows, one ending above it stays; formula references to
 *   moved rows follow them. The new rows are empty and unformatted.
 * - copyFormat: row `from`'s formats (cell styles, height, data validation) onto rows to…to+count-1.
 * - unmerge / merge: exactly this area. A merge keeps the top-left value (the others are empty).
 * - write: one cell's value (never a formula cell, never inside a merge but its top-left cell);
 *   the cell keeps its style. With `numberFormat`, a cell whose format is General or Text takes it,
 *   so text "326.60" stored as the number 326.6 still shows 326.60, as the fix's message says.
 */
import { RangePos, parseRange, qualify, rangeToA1, toA1 } from "../a1";
import { Message, bilingual } from "../i18n";
import { PLAN } from "./messages";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue, isCellError } from "../snapshot";
import { cellText } from "../text";
import { EditPlan } from "./editPlan";
import { formulaCellRefusal, mergeLosesContentRefusal } from "./refusals";

export type Step =
  | { op: "insertRows"; sheet: string; at: number; count: number }
  | { op: "copyFormat"; sheet: string; from: number; to: number; count: number }
  | { op: "unmerge"; sheet: string; range: RangePos }
  | { op: "merge"; sheet: string; range: RangePos }
  | { op: "write"; sheet: string; row: number; col: number; value: string | number | null; numberFormat?: string };

export type Compiled = { ok: true; steps: Step[]; result: WorkbookSnapshot } | { ok: false; reason: Message };

class Refusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}
const refuse = (reason: Message): never => {
  throw new Refusal(reason);
};

/** Equal as the user sees them: empty and "" are the same; numbers within rounding noise. */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const empty = (v: CellValue | undefined) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

const overlaps = (a: RangePos, b: RangePos) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
const show = (v: CellValue): Message => (v === null ? PLAN.emptyValue : bilingual(PLAN.quotedShown, cellText(v)));

/**
 * The sheet's merges parsed, per merges array: a check's fixes and suggestions (the JSON output
 * previews every one) each compile against the same sheet, whose merges would otherwise be parsed
 * again for every edit. Checked against the count, so a host still appending while it reads never
 * gets a stale list. Shared: read-only.
 */
const parsedMerges = new WeakMap<readonly string[], RangePos[]>();

function mergeRanges(sheet: SheetSnapshot): RangePos[] {
  let ranges = parsedMerges.get(sheet.merges);
  if (!ranges || ranges.length !== sheet.merges.length) parsedMerges.set(sheet.merges, (ranges = sheet.merges.map(parseRange)));
  return ranges;
}

const sameRange = (a: RangePos, b: RangePos) => a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

// ---- the pure step runner: the reference semantics every host follows ----

function setCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue): SheetSnapshot {
  if (row < sheet.originRow || col < sheet.originCol)
    return setCell(regrow(sheet, Math.min(row, sheet.originRow), Math.min(col, sheet.originCol)), row, col, value);
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  const values = sheet.values.slice();
  while (values.length <= r) values.push([]);
  const line = values[r].slice();
  while (line.length <= c) line.push(null);
  line[c] = value;
  values[r] = line;
  let formulas = sheet.formulas;
  if (formulas?.[r]?.[c]) {
    formulas = formulas.slice();
    const f = formulas[r].slice();
    f[c] = null;
    formulas[r] = f;
  }
  return { ...sheet, values, formulas };
}

/** Moves the origin up/left so a cell above or left of the used range can be written. */
function regrow(sheet: SheetSnapshot, originRow: number, originCol: number): SheetSnapshot {
  const dr = sheet.originRow - originRow;
  const dc = sheet.originCol - originCol;
  const pad = <T>(rows: T[][], fill: T): T[][] => [
    ...Array.from({ length: dr }, () => [] as T[]),
    ...rows.map((r) => [...Array.from({ length: dc }, () => fill), ...r]),
  ];
  return {
    ...sheet,
    originRow,
    originCol,
    values: pad<CellValue>(sheet.values, null),
    formulas: sheet.formulas ? pad<string | null>(sheet.formulas, null) : undefined,
  };
}

function insertRows(sheet: SheetSnapshot, at: number, count: number): SheetSnapshot {
  const i = Math.max(0, at - sheet.originRow);
  const blank = () => [] as never[];
  const values = sheet.values.slice();
  if (i <= values.length) values.splice(i, 0, ...Array.from({ length: count }, blank));
  let formulas = sheet.formulas;
  if (formulas) {
    formulas = formulas.slice();
    if (i <= formulas.length) formulas.splice(i, 0, ...Array.from({ length: count }, blank));
  }
  // The moved merges' parsed ranges are known here: kept for the steps and edits that follow.
  const ranges = mergeRanges(sheet);
  const moved = ranges.map((r) => {
    if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
    if (r.bottom >= at) return { ...r, bottom: r.bottom + count };
    return r;
  });
  const merges = sheet.merges.map((m, k) => (moved[k] === ranges[k] ? m : rangeToA1(moved[k])));
  parsedMerges.set(merges, moved);
  const hiddenRows = sheet.hiddenRows.map((n) => (n >= at ? n + count : n));
  const above = at < sheet.originRow;
  return {
    ...sheet,
    originRow: above ? sheet.originRow + count : sheet.originRow,
    values: above ? sheet.values : values,
    formulas: above ? sheet.formulas : formulas,
    merges,
    hiddenRows,
  };
}

export function runStep(sheet: SheetSnapshot, s: Step): SheetSnapshot {
  switch (s.op) {
    case "insertRows":
      return insertRows(sheet, s.at, s.count);
    case "copyFormat":
      return sheet; // a snapshot holds no formats
    case "unmerge": {
      const ranges = mergeRanges(sheet);
      const keep = ranges.map((r) => !sameRange(r, s.range));
      const merges = sheet.merges.filter((_, k) => keep[k]);
      parsedMerges.set(
        merges,
        ranges.filter((_, k) => keep[k]),
      );
      return { ...sheet, merges };
    }
    case "merge": {
      const a1 = rangeToA1(s.range);
      const merges = [...sheet.merges, a1];
      parsedMerges.set(merges, [...mergeRanges(sheet), parseRange(a1)]);
      return { ...sheet, merges };
    }
    case "write":
      return setCell(sheet, s.row, s.col, s.value === "" ? null : s.value);
  }
}

// ---- the compiler: validation and the decisions, made once ----

/** "0.00" when text such as "326.60" or "326.60万元" is replaced by its number: keep its decimals on screen. */
function textDecimals(was: CellValue, value: number): string | null {
  if (typeof was !== "string") return null;
  const m = /(\d+)\.(\d+)/.exec(was.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
  if (!m || Math.abs(Number(`${m[1]}.${m[2]}`) - value) > 1e-9) return null;
  return `0.${"0".repeat(m[2].length)}`;
}

/** A 0-based row or column index. */
const isIndex = (n: number) => Number.isInteger(n) && n >= 0;

const mergeAt = (sheet: SheetSnapshot, row: number, col: number): RangePos | null => {
  for (const r of mergeRanges(sheet)) {
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return r;
  }
  return null;
};

function compileEdit(sheet: SheetSnapshot, e: EditPlan["edits"][number], title: EditPlan["title"]): Step[] {
  const name = sheet.name;
  const bad = (): never => refuse(bilingual(PLAN.badAddress, title));
  /** The area with its corners in order; a position no cell has is an invalid address. */
  const area = (r: RangePos): RangePos => {
    if (![r.top, r.left, r.bottom, r.right].every(isIndex)) bad();
    return {
      top: Math.min(r.top, r.bottom),
      left: Math.min(r.left, r.right),
      bottom: Math.max(r.top, r.bottom),
      right: Math.max(r.left, r.right),
    };
  };
  switch (e.op) {
    case "setValue": {
      if (!isIndex(e.row) || !isIndex(e.col)) bad();
      // The cell a user means: inside a merge, its top-left cell (the only one that shows).
      const m = mergeAt(sheet, e.row, e.col);
      const row = m ? m.top : e.row;
      const col = m ? m.left : e.col;
      const ref = () => qualify(name, toA1(e.row, e.col));
      const formula = cellFormula(sheet, row, col);
      if (formula) refuse(formulaCellRefusal(ref(), formula));
      const now = cellValue(sheet, row, col);
      if (e.expected !== undefined && !sameValue(now, e.expected)) {
        refuse(bilingual(PLAN.cellChanged, ref(), show(now), show(e.expected)));
      }
      const format = typeof e.value === "number" ? textDecimals(now, e.value) : null;
      return [{ op: "write", sheet: name, row, col, value: e.value === "" ? null : e.value, ...(format ? { numberFormat: format } : {}) }];
    }
    case "insertRows": {
      if (!isIndex(e.row) || !Number.isInteger(e.count) || e.count < 1 || !isIndex(e.formatFrom)) {
        refuse(bilingual(PLAN.badInsertRows, title));
      }
      const at = e.row;
      const from = e.formatFrom;
      const steps: Step[] = [
        { op: "insertRows", sheet: name, at, count: e.count },
        { op: "copyFormat", sheet: name, from: from >= at ? from + e.count : from, to: at, count: e.count },
      ];
      // The format row's own single-row merges (e.g. E15:F15) are part of its format: repeat them.
      const after = mergeRanges(insertRows(sheet, at, e.count));
      const added: RangePos[] = [];
      for (const m of mergeRanges(sheet)) {
        if (m.top !== from || m.bottom !== from) continue;
        for (let i = 0; i < e.count; i++) {
          const copy = { top: at + i, bottom: at + i, left: m.left, right: m.right };
          if (![...after, ...added].some((o) => overlaps(o, copy))) {
            added.push(copy);
            steps.push({ op: "merge", sheet: name, range: copy });
          }
        }
      }
      return steps;
    }
    case "merge": {
      const r = area(e.range);
      const clash = mergeRanges(sheet).find((m) => overlaps(m, r));
      if (clash) refuse(bilingual(PLAN.mergeOverlaps, qualify(name, rangeToA1(r)), rangeToA1(clash)));
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          if ((row !== r.top || col !== r.left) && !sameValue(cellValue(sheet, row, col), null))
            refuse(mergeLosesContentRefusal(qualify(name, rangeToA1(r)), qualify(name, toA1(row, col))));
        }
      }
      return [{ op: "merge", sheet: name, range: r }];
    }
    case "unmerge": {
      const r = area(e.range);
      if (!mergeRanges(sheet).some((m) => sameRange(m, r))) {
        refuse(bilingual(PLAN.notMerged, qualify(name, rangeToA1(r))));
      }
      return [{ op: "unmerge", sheet: name, range: r }];
    }
  }
}

/**
 * Validates the plan against the workbook and compiles it into steps, all or nothing: every edit is
 * checked on the workbook as the edits before it leave it, so nothing needs mapping back.
 */
export function compilePlan(wb: WorkbookSnapshot, plan: EditPlan): Compiled {
  try {
    const sheets = wb.sheets.slice();
    const steps: Step[] = [];
    for (const e of plan.edits) {
      const i = sheets.findIndex((s) => s.name === e.sheet);
      if (i < 0) refuse(bilingual(PLAN.noSheet, e.sheet, plan.title));
      for (const s of compileEdit(sheets[i], e, plan.title)) {
        steps.push(s);
        sheets[i] = runStep(sheets[i], s);
      }
    }
    return { ok: true, steps, result: { ...wb, sheets } };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, reason: err.reason };
    throw err;
  }
}
