/**
 * Applies an EditPlan to snapshots, purely: the reference semantics of a plan, which the hosts
 * follow and the core's tests use without exceljs or Excel. Row insertion behaves as in Excel:
 * merges at or below the new rows move down, merges spanning the insertion point grow, merges
 * ending above it stay; formulas move with their rows but their references are not rewritten.
 */
import { parseA1, parseRange, rangeToA1, RangePos } from "../a1";
import { Message } from "../rules/types";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellValue, isCellError } from "../snapshot";
import { Edit, EditPlan } from "./editPlan";

export type SnapshotApplyResult<T> = { ok: true; value: T } | { ok: false; reason: Message };

class PlanError extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

const fail = (zh: string, en: string): never => {
  throw new PlanError({ zh, en });
};

/** Empty text and null are the same cell to a user. */
function sameValue(a: CellValue, b: CellValue | undefined): boolean {
  const norm = (v: CellValue | undefined) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (isCellError(x) || isCellError(y)) return isCellError(x) && isCellError(y) && x.error === y.error;
  return x === y;
}

function overlaps(a: RangePos, b: RangePos): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function setCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue): SheetSnapshot {
  if (row < sheet.originRow || col < sheet.originCol) {
    return setCell(regrow(sheet, Math.min(row, sheet.originRow), Math.min(col, sheet.originCol)), row, col, value);
  }
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

function insertRows(sheet: SheetSnapshot, row1: number, count: number): SheetSnapshot {
  if (!Number.isInteger(row1) || row1 < 1 || !Number.isInteger(count) || count < 1) {
    fail(`插入行参数无效(第 ${row1} 行,${count} 行)`, `invalid row insertion (row ${row1}, ${count} rows)`);
  }
  const at = row1 - 1; // 0-based index of the first new row
  const i = Math.max(0, at - sheet.originRow);
  const blank = () => [] as never[];
  const values = sheet.values.slice();
  if (i <= values.length) values.splice(i, 0, ...Array.from({ length: count }, blank));
  let formulas = sheet.formulas;
  if (formulas) {
    formulas = formulas.slice();
    if (i <= formulas.length) formulas.splice(i, 0, ...Array.from({ length: count }, blank));
  }
  const merges = sheet.merges.map((m) => {
    const r = parseRange(m);
    if (r.top >= at) return rangeToA1({ ...r, top: r.top + count, bottom: r.bottom + count });
    if (r.bottom >= at) return rangeToA1({ ...r, bottom: r.bottom + count });
    return m;
  });
  const hiddenRows = sheet.hiddenRows.map((n) => (n >= row1 ? n + count : n));
  const originRow = at < sheet.originRow ? sheet.originRow + count : sheet.originRow;
  return { ...sheet, originRow, values: at < sheet.originRow ? sheet.values : values, formulas: at < sheet.originRow ? sheet.formulas : formulas, merges, hiddenRows };
}

function applyEdit(sheet: SheetSnapshot, e: Edit): SheetSnapshot {
  switch (e.op) {
    case "setValue": {
      const { row, col } = parseA1(e.address);
      const current = cellValue(sheet, row, col);
      if (e.expected !== undefined && !sameValue(e.expected, current)) {
        fail(
          `${e.sheet}!${e.address} 已被修改(现为「${String(current ?? "")}」),请重新校验后再试`,
          `${e.sheet}!${e.address} has changed (now "${String(current ?? "")}"); check again and retry`,
        );
      }
      const value = e.value === "" ? null : e.value;
      return setCell(sheet, row, col, value);
    }
    case "insertRows":
      return insertRows(sheet, e.row, e.count);
    case "merge": {
      const r = parseRange(e.range);
      const clash = sheet.merges.find((m) => overlaps(parseRange(m), r));
      if (clash) fail(`无法合并 ${e.range}:与已合并的 ${clash} 重叠`, `cannot merge ${e.range}: it overlaps merged ${clash}`);
      return { ...sheet, merges: [...sheet.merges, rangeToA1(r)] };
    }
    case "unmerge": {
      const key = rangeToA1(parseRange(e.range));
      if (!sheet.merges.some((m) => rangeToA1(parseRange(m)) === key)) {
        fail(`无法取消合并 ${e.range}:该区域未合并`, `cannot unmerge ${e.range}: it is not merged`);
      }
      return { ...sheet, merges: sheet.merges.filter((m) => rangeToA1(parseRange(m)) !== key) };
    }
  }
}

/** Applies the plan to the workbook; all or nothing, like the hosts. */
export function applyToWorkbook(wb: WorkbookSnapshot, plan: EditPlan): SnapshotApplyResult<WorkbookSnapshot> {
  try {
    const sheets = wb.sheets.slice();
    for (const e of plan.edits) {
      const i = sheets.findIndex((s) => s.name === e.sheet);
      if (i < 0) fail(`找不到工作表「${e.sheet}」`, `sheet "${e.sheet}" not found`);
      sheets[i] = applyEdit(sheets[i], e);
    }
    return { ok: true, value: { ...wb, sheets } };
  } catch (err) {
    if (err instanceof PlanError) return { ok: false, reason: err.reason };
    throw err;
  }
}

/** Applies the edits addressed to this sheet. */
export function applyToSnapshot(sheet: SheetSnapshot, plan: EditPlan): SnapshotApplyResult<SheetSnapshot> {
  const r = applyToWorkbook({ source: "", sheets: [sheet] }, { ...plan, edits: plan.edits.filter((e) => e.sheet === sheet.name) });
  return r.ok ? { ok: true, value: r.value.sheets[0] } : r;
}
