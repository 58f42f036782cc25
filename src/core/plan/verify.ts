/**
 * Proves an applied edit plan did what it says and nothing else, on the workbook as re-read after
 * the edits and before anything is saved or reported (issue #7). A host that gets a failure here
 * undoes the edits (or writes nothing) and shows the reason: a damaged form is never reported done.
 *
 * Post-conditions, each independent of how the host applied the plan:
 * - every value the user wrote still reads the same at its place (rows below an insertion moved
 *   down), unless the plan itself writes that cell; a formula is still a formula there (its result
 *   may be recomputed); every cell the plan writes holds its value;
 * - merges do not overlap, every merge is still there (moved, or grown over inserted rows) unless
 *   the plan unmerged it, and there is no merge the plan did not make (one over empty cells loses no
 *   value, yet it changes the form's layout and what a later insertion grows);
 * - every indicator keeps its name, 一级 and 二级 (by what the recognizer reads, not by address);
 * - an inserted indicator sits on its target row, in its intended group;
 * - re-checking finds no error that was not there before.
 */
import { CellRef, formatRef, parseRange, RangePos, rangeToA1 } from "../a1";
import { Config } from "../config";
import { CheckResult, checkWorkbook } from "../engine";
import { Message, bilingual } from "../i18n";
import { PLAN } from "./messages";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellFormula, cellValue } from "../snapshot";
import { Edit, EditPlan } from "./editPlan";
import { compilePlan } from "./steps";

export type VerifyResult = { ok: true; after: CheckResult } | { ok: false; reason: Message; problems: Message[] };

/** Where a plan's target row landed, when the plan is an insertion (see templates/insert.ts). */
interface Target {
  /** `group`: the group the row joins when it differs from the placement (a 一级 printed with no 二级). */
  target?: { row: number; placement: { level1: string; level2: string }; group?: { level1: string; level2: null } };
}

type RowMap = (sheet: string, row: number) => number;

/** Maps a 0-based row as it was before the plan to where it is after all of the plan's insertions. */
function rowMapOf(edits: Edit[], from = 0): RowMap {
  return (sheet, row) => {
    let r = row;
    for (let i = from; i < edits.length; i++) {
      const e = edits[i];
      if (e.op === "insertRows" && e.sheet === sheet && r >= e.row) r += e.count;
    }
    return r;
  };
}

const key = (r: number, c: number) => `${r},${c}`;
/** A cell's content for comparison: blank text is no content. Tagged by type so "1" ≠ 1; JSON only for
 * error objects (stringifying every cell was most of a fix's verification). */
const norm = (v: CellValue | undefined): string => {
  if (v === undefined || v === null) return "";
  switch (typeof v) {
    case "string":
      return v.trim() === "" ? "" : `s${v}`;
    case "number":
      return `n${v}`;
    case "boolean":
      return `b${v}`;
    default:
      return `o${JSON.stringify(v)}`;
  }
};

/** No content, as norm reads it ("" there), without building the tagged text. */
const blank = (v: CellValue | undefined): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** Same values (or the same formulas) at every index, by identity: such a row needs no cell-by-cell look. */
function sameRow<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let i = 0; i < n; i++) if ((a?.[i] ?? null) !== (b?.[i] ?? null)) return false;
  return true;
}

/** What a user sees in a cell: a merged cell shows its top-left cell's value. */
function shown(sheet: SheetSnapshot, merges: RangePos[], row: number, col: number): CellValue {
  const m = merges.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
  return m ? cellValue(sheet, m.top, m.left) : cellValue(sheet, row, col);
}

const show = (v: CellValue | string): Message => {
  if (v === null || v === "") return PLAN.emptyValue;
  return bilingual(PLAN.quotedRead, typeof v === "object" ? v.error : String(v));
};

function sheetProblems(
  before: SheetSnapshot,
  after: SheetSnapshot,
  plan: EditPlan,
  map: RowMap,
  expectedMerges: () => Set<string> | null,
): Message[] {
  const out: Message[] = [];
  const name = before.name;
  const edits = plan.edits;
  // Cells the plan writes, in final coordinates, with the value each must hold.
  const written = new Map<string, CellValue>();
  edits.forEach((e, i) => {
    if (e.op !== "setValue" || e.sheet !== name) return;
    written.set(key(rowMapOf(edits, i + 1)(name, e.row), e.col), e.value === "" ? null : e.value);
  });
  const afterMerges = after.merges.map(parseRange);
  // Rows of the result a merge spans (where a cell may show another's value) and rows the plan
  // writes: only these, and rows whose cells or formulas differ, are compared cell by cell. Every
  // other row is the same array of values and formulas before and after (compared by identity),
  // so each of its values still reads the same and each formula is still a formula.
  const merged = new Map<number, RangePos[]>();
  for (const m of afterMerges)
    for (let r = m.top; r <= m.bottom; r++) {
      const l = merged.get(r);
      if (l) l.push(m);
      else merged.set(r, [m]);
    }
  // A value under a merge but not its top-left cell shows the merge's value: such a row is looked at cell by cell.
  const hidesValue = (line: CellValue[], to: number) =>
    (merged.get(to) ?? []).some((m) => {
      for (let c = m.left; c <= m.right; c++) if (!(to === m.top && c === m.left) && !blank(line[c - before.originCol])) return true;
      return false;
    });
  const writtenRows = new Set([...written.keys()].map((k) => Number(k.slice(0, k.indexOf(",")))));
  const sameCols = before.originCol === after.originCol;

  before.values.forEach((line, i) => {
    const to = map(name, before.originRow + i);
    const k = to - after.originRow;
    if (
      sameCols &&
      !hidesValue(line, to) &&
      !writtenRows.has(to) &&
      sameRow(line, after.values[k]) &&
      sameRow(before.formulas?.[i], after.formulas?.[k])
    )
      return;
    line.forEach((v, j) => {
      if (blank(v)) return;
      const r = before.originRow + i;
      const c = before.originCol + j;
      const to = map(name, r);
      if (written.has(key(to, c))) return;
      // A formula's result is Excel's to recompute (a fixed amount changes the SUM over it): what
      // must survive is the formula itself; the host moves its references with the rows.
      if (cellFormula(before, r, c)) {
        if (after.formulas && !cellFormula(after, to, c)) {
          const at = rangeToA1({ top: to, left: c, bottom: to, right: c });
          out.push(bilingual(PLAN.formulaGone, `${name}!${at}`));
        }
        return;
      }
      const now = shown(after, afterMerges, to, c);
      if (norm(now) !== norm(v)) {
        const at = rangeToA1({ top: to, left: c, bottom: to, right: c });
        out.push(bilingual(PLAN.valueChanged, `${name}!${at}`, show(v), show(now)));
      }
    });
  });
  for (const [k, want] of written) {
    const [r, c] = k.split(",").map(Number);
    // A cell cleared and then covered by a merge (a label moved up into it) shows the merge's value.
    if (
      want === null &&
      afterMerges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left))
    )
      continue;
    const now = shown(after, afterMerges, r, c);
    if (norm(now) !== norm(want)) {
      const at = rangeToA1({ top: r, left: c, bottom: r, right: c });
      out.push(bilingual(PLAN.valueWrong, `${name}!${at}`, show(want), show(now)));
    }
  }

  // Pairs in order of top row: once one starts below another's bottom, no later one can overlap it.
  const byTop = afterMerges.slice().sort((x, y) => x.top - y.top);
  for (let a = 0; a < byTop.length; a++) {
    for (let b = a + 1; b < byTop.length && byTop[b].top <= byTop[a].bottom; b++) {
      const [x, y] = [byTop[a], byTop[b]];
      if (x.left <= y.right && y.left <= x.right) {
        const [p, q] = afterMerges.indexOf(x) < afterMerges.indexOf(y) ? [x, y] : [y, x];
        out.push(bilingual(PLAN.mergesOverlap, rangeToA1(p), rangeToA1(q)));
      }
    }
  }
  // The same merges, written the same, on rows that did not move: every old merge is kept and none is
  // new (what follows would find exactly that, at the cost of a set of every row and merge).
  const moves = edits.some((e) => e.op === "insertRows" && e.sheet === name);
  if (!moves && before.merges.length === after.merges.length && before.merges.every((m, i) => m === after.merges[i])) return out;
  const unmerged = new Set(edits.flatMap((e) => (e.op === "unmerge" && e.sheet === name ? [rangeToA1(e.range)] : [])));
  const beforeMerges = before.merges.map(parseRange);
  // Rows of the result that were rows before the plan; the others are the plan's new rows.
  const last = Math.max(before.originRow + before.values.length, ...beforeMerges.map((m) => m.bottom)) + 1;
  const old = new Set<number>();
  for (let r = 0; r <= last; r++) old.add(map(name, r));
  for (const m0 of beforeMerges) {
    if (unmerged.has(rangeToA1(m0))) continue;
    const m = { ...m0, top: map(name, m0.top), bottom: map(name, m0.bottom) };
    const kept = afterMerges.some((n) => {
      if (n.left !== m.left || n.right !== m.right || n.top > m.top || n.bottom < m.bottom) return false;
      // Grown only over new rows.
      for (let r = n.top; r <= n.bottom; r++) if ((r < m.top || r > m.bottom) && old.has(r)) return false;
      return true;
    });
    if (!kept) out.push(bilingual(PLAN.mergeLost, rangeToA1(m0)));
  }
  // A merge that is an old one, moved, needs no proof; any other must be one the plan makes.
  const moved = new Set(beforeMerges.map((r) => rangeToA1({ ...r, top: map(name, r.top), bottom: map(name, r.bottom) })));
  const fresh = afterMerges.filter((m) => !moved.has(rangeToA1(m)));
  const expected = fresh.length > 0 ? expectedMerges() : null;
  if (expected) {
    for (const m of fresh) {
      const a1 = rangeToA1(m);
      if (!expected.has(a1)) out.push(bilingual(PLAN.extraMerge, a1));
    }
  }
  return out;
}

/**
 * `before` is the check of the workbook the plan was computed from; `after` the workbook re-read
 * after applying it. Returns the after-check on success, so the caller need not check again.
 */
export function verifyPlan(
  before: { snapshot: WorkbookSnapshot; check: CheckResult },
  after: WorkbookSnapshot,
  plan: EditPlan & Target,
  config?: Config,
  /** The check of `after`, when the caller has it already (fix re-checks after every fix anyway). */
  afterCheck?: CheckResult,
  /** compilePlan(before.snapshot, plan), when the caller compiled it to apply the plan. */
  compiledPlan?: ReturnType<typeof compilePlan>,
): VerifyResult {
  const problems: Message[] = [];
  const map = rowMapOf(plan.edits);
  const touched = new Set(plan.edits.map((e) => e.sheet));
  // The merges the plan's own steps leave (core/plan/steps.ts), the only ones the result may have;
  // compiled only when a sheet has a merge that is not an old one moved (a fix never does).
  let compiled = compiledPlan;
  for (const s of before.snapshot.sheets) {
    if (!touched.has(s.name)) continue;
    const a = after.sheets.find((x) => x.name === s.name);
    const expected = () => {
      compiled ??= compilePlan(before.snapshot, plan);
      return compiled.ok
        ? new Set((compiled.result.sheets.find((x) => x.name === s.name)?.merges ?? []).map((m) => rangeToA1(parseRange(m))))
        : null;
    };
    if (!a) problems.push(bilingual(PLAN.sheetGone, s.name));
    else problems.push(...sheetProblems(s, a, plan, map, expected));
  }

  const check = afterCheck ?? checkWorkbook(after, config);
  const formOf = (r: CheckResult, sheet: string) => r.forms.find((f) => f.model.sheet === sheet)?.model.indicators ?? null;
  for (const f of before.check.forms) {
    if (!touched.has(f.model.sheet) || !f.model.indicators) continue;
    const now = formOf(check, f.model.sheet);
    if (!now) {
      problems.push(bilingual(PLAN.indicatorsLost, f.model.sheet));
      continue;
    }
    const byRow = new Map(now.rows.map((r) => [r.row, r]));
    for (const r of f.model.indicators.rows) {
      if (r.emptyGroup || r.name.text.trim() === "") continue;
      const moved = byRow.get(map(f.model.sheet, r.row));
      // A plan that writes the name cell itself (a unit put right in the name) renames the indicator:
      // its place must still hold, its name is the plan's.
      const renamed = plan.edits.some(
        (e) => e.op === "setValue" && e.sheet === f.model.sheet && e.row === r.name.row && e.col === r.name.col,
      );
      if (!moved || (!renamed && moved.name.text !== r.name.text) || moved.level1 !== r.level1 || moved.level2 !== r.level2) {
        const where = moved ? `${moved.level1Text} / ${moved.level2Text}` : null;
        problems.push(
          bilingual(
            PLAN.indicatorMoved,
            r.name.text,
            `${r.level1Text} / ${r.level2Text}`,
            where === null ? PLAN.notInTable : { zh: where, en: where },
          ),
        );
      }
    }
    if (plan.target) {
      const t = plan.target;
      const got = byRow.get(t.row);
      const g = t.group ?? t.placement;
      if (!got || got.level1 !== g.level1 || got.level2 !== g.level2) {
        problems.push(bilingual(PLAN.insertedOutOfGroup, g.level1, g.level2 ?? ""));
      }
    }
  }

  // A cell named by a finding moves down with its row.
  const shift = (c: CellRef): CellRef => (c.sheet ? { ...c, row: map(c.sheet, c.row) } : c);
  const key = (rule: string, cells: CellRef[]) => `${rule} ${cells.map((c) => `${c.sheet}!${c.row},${c.col}`).join(" ")}`;
  const old = new Set(before.check.findings.filter((f) => f.severity === "error").map((f) => key(f.rule, f.cells.map(shift))));
  for (const f of check.findings) {
    if (f.severity !== "error" || old.has(key(f.rule, f.cells))) continue;
    problems.push(bilingual(PLAN.newError, f.message, f.cells[0] ? formatRef(f.cells[0]) : ""));
  }

  if (problems.length === 0) return { ok: true, after: check };
  const list = bilingual(PLAN.problemList, problems.slice(0, 3), problems.length);
  return { ok: false, problems, reason: bilingual(PLAN.verifyFailed, plan.title, list) };
}
