/**
 * The 绩效指标 table. Columns come from its header row; 一级 and 二级 are inherited down merged
 * cells; a repeated header (printed second page) is skipped; rows whose cells slid sideways are
 * re-aligned by what their cells say, and the slide is recorded for layout/misaligned-row.
 */
import { fold, labelKey } from "../text";
import { Grid } from "./grid";
import { LabelIndex, isKnownLabel } from "./labelIndex";
import * as L from "./labels";
import { Cell, IndicatorColumns, IndicatorRow, IndicatorTable, Level1, Level2 } from "./model";

const FOOTER =
  /^(填表人|填报人|联系人|联系电话|审核人|负责人|备注|说明|单位负责人|填报日期|财政部门审核意见|总分|合计|其他需要说明|其他说明)|审核意见|盖章|签字|签章/;
const MAX_BLANK_RUN = 6;
/** Beginnings of a note block, and column heads of other small tables, that are never indicator text. */
const NOTE = /^(填表说明|填报说明|注[:、]|附[:件表]?)/;
const OTHER_HEADER = /^(序号|编号|事项|项目(名称)?|金额(\(.*\))?|备注|单位|小计|合计|说明)$/;

interface HeaderHit {
  row: number;
  columns: IndicatorColumns;
  layout: IndicatorTable["layout"];
  /** Rows under the header row that still belong to it (指标值 split into sub-heads). */
  subRows: number;
  /** Columns whose cells are not read: the other side of a form printing 实施期 and 年度 indicators
   * side by side, and row attributes of a list (单位名称, 项目名称, 预算数 left of 一级指标). */
  skip: number[];
}

type Role = "level1" | "level2" | "level3" | "period" | "annual" | "single" | "results" | "operator" | "unit" | "other";

/** What a header cell heads, by meaning (see HEADER_ROLE). */
function roleOf(printed: string): Role {
  const key = printed.replace(/^\*+/, "");
  const norm = L.normaliseLabel(key);
  const R = L.HEADER_ROLE;
  if (R.level1.test(norm)) return "level1";
  if (R.level2.test(norm)) return "level2";
  if (R.level3.test(norm) || L.matches(key, L.INDICATOR_HEADERS.level3)) return "level3";
  if (L.matches(key, L.INDICATOR_HEADERS.results) || L.matches(norm, L.INDICATOR_HEADERS.results)) return "results";
  if (L.matches(key, L.INDICATOR_HEADERS.period)) return "period";
  if (L.matches(key, L.INDICATOR_HEADERS.annual)) return "annual";
  if (L.matches(key, L.INDICATOR_HEADERS.single)) return "single";
  if (L.matches(norm, L.INDICATOR_HEADERS.operator)) return "operator";
  if (L.matches(norm, L.INDICATOR_HEADERS.unit)) return "unit";
  if (R.value.test(norm) || R.value.test(key)) {
    if (R.results.test(key)) return "results";
    if (R.period.test(key)) return "period";
    if (R.annual.test(key)) return "annual";
    return "single";
  }
  return "other";
}

/** A cell that reads as a target: a number, a comparison, a percentage, a date. */
const TARGET_LIKE = /^[≥≤><=＝]|\d\s*(%|％)|^\d|\d{4}年|\d+月|^(是|否|优|良|高|达标|合格)/;

/** The column right of 三级 whose cells read most like targets, for a header that names none. */
function inferValueColumn(grid: Grid, row: number, from: number): number {
  let best = -1,
    bestCount = 0;
  for (let c = from; c <= Math.min(grid.lastCol, from + 4); c++) {
    if (roleOf(labelKey(grid.raw(row, c))) === "results") continue;
    let count = 0;
    for (let r = row + 1; r <= Math.min(grid.lastRow, row + 30); r++) {
      const t = grid.cell(r, c);
      if (t.col === c && t.row === r && TARGET_LIKE.test(t.text)) count++;
    }
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}

/** Whether a column under the header holds indicator names (text that is no category) more than categories. */
function namesIn(grid: Grid, row: number, col: number): boolean {
  let names = 0,
    categories = 0;
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 12); r++) {
    const cell = grid.cell(r, col);
    if (cell.row !== r || cell.text === "") continue;
    const key = labelKey(cell.value);
    if (L.level1Of(key) || L.level2Of(key)) categories++;
    else names++;
  }
  return names > categories;
}

/** Whether the categories under a column are mostly 一级 names (产出指标, 效益指标) rather than 二级 ones. */
function level1FamiliesIn(grid: Grid, row: number, col: number): boolean {
  let l1 = 0,
    l2 = 0;
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 20); r++) {
    const cell = grid.cell(r, col);
    if (cell.row !== r || cell.text === "") continue;
    const key = labelKey(cell.value);
    // 满意度指标 names both levels: it counts as 一级.
    if (L.level1Of(key)) l1++;
    else if (L.level2Of(key)) l2++;
  }
  return l1 >= 2 && l2 === 0;
}

function headerAt(grid: Grid, row: number, minCol: number): HeaderHit | null {
  const cols: Record<Role, number[]> = {
    level1: [],
    level2: [],
    level3: [],
    period: [],
    annual: [],
    single: [],
    results: [],
    operator: [],
    unit: [],
    other: [],
  };
  for (let c = minCol; c <= grid.lastCol; c++) {
    const cell = grid.cell(row, c);
    if (cell.col !== c || cell.text === "") continue;
    cols[roleOf(labelKey(cell.value))].push(c);
  }
  // No 一级 head (舒城 2023 prints 「级指标」): the headed column left of 二级, when 三级 and a value head follow.
  if (cols.level1.length === 0 && cols.level2.length === 1 && cols.level3.length > 0 && cols.level2[0] > minCol) {
    const left = grid.cell(row, cols.level2[0] - 1);
    if (/指标/.test(left.text) && cols.annual.length + cols.single.length + cols.period.length > 0) cols.level1.push(left.col);
  }
  if (cols.level1.length === 0 || cols.level2.length === 0) return null;
  // 实施期 and 年度 indicators side by side (二级 | 三级 | 指标值 twice): the 年度 side is read.
  const twin = cols.level2.length > 1;
  const l1 = cols.level1[0];
  const l2 = cols.level2[cols.level2.length - 1];
  const l3s = cols.level3.filter((c) => c > l2);
  // No 三级 head (二级指标 | 指标内容 merged, or a blank head): the column after 二级.
  let l3 = l3s.length > 0 ? l3s[0] : grid.rightEdge(row, l2) + 1;
  let level1 = cols.level1[0];
  let level2 = l2;
  // No 三级 head, and the 二级 column holds names while the 一级 column holds 二级 categories (鄂州's
  // 一级指标 | 二级指标 over 数量指标 | 办公大楼日常维修维护次数): the columns say one level less.
  if (l3s.length === 0 && namesIn(grid, row, l2) && !namesIn(grid, row, cols.level1[0])) {
    l3 = l2;
    level2 = cols.level1[0];
    level1 = cols.level1[0];
  }
  // The 二级 column holds 一级 names (产出指标, 效益指标 under 实施效果指标, 舒城 2023): the 一级 column
  // groups them one level above the categories, and is not read.
  const above = level1 !== l2 && level1FamiliesIn(grid, row, l2) ? level1 : null;
  if (above !== null) level1 = l2;
  const after = (list: number[]) => list.filter((c) => c > l3);
  let annual = after(cols.annual)[0] ?? -1;
  const singles = after(cols.single);
  const single = twin ? (singles[singles.length - 1] ?? -1) : (singles[0] ?? -1);
  let period = cols.period.filter((c) => c > l3)[0] ?? -1;
  if (twin) period = -1;
  let value = annual >= 0 ? annual : single >= 0 ? single : period;
  let subRows = 0;
  // A value head spanning sub-heads (指标值 over 2021年实际实现值 | 预期2022年实现值): the sub-head that
  // is a target, not a result.
  const pickSub = (c: number): number => {
    const edge = grid.rightEdge(row, c);
    if (edge === c) return c;
    const subs: number[] = [];
    let heads = 0;
    for (let x = c; x <= edge; x++) {
      const t = labelKey(grid.raw(row + 1, x));
      if (t !== "") heads++;
      if (t !== "" && roleOf(t) !== "results" && !/实际|完成/.test(t)) subs.push(x);
    }
    // Sub-heads are heads: two or more of them, on a row the header's own cells span (not the first
    // indicator row, whose value cell is merged across the same columns).
    const spanned = [l1, l2].every((x) => (grid.merge(row, x)?.bottom ?? row) > row || grid.cell(row + 1, x).text === "");
    if (heads < 2 || subs.length === 0 || !spanned) return c;
    subRows = 1;
    return subs[subs.length - 1];
  };
  if (value >= 0) value = pickSub(value);
  if (value < 0) value = inferValueColumn(grid, row, grid.rightEdge(row, l3) + 1);
  if (value < 0 || value <= l3) return null;
  if (annual >= 0) annual = value;
  // Every other column the header names (指标解释, 计量单位, 权重 …): its cells are no slid content.
  let operator: number | null = null,
    unit: number | null = null;
  const extra: number[] = [];
  for (let c = l3 + 1; c <= grid.lastCol; c++) {
    const key = labelKey(grid.raw(row, c)).replace(/^\*+/, "");
    if (key === "" || c === value || c === period) continue;
    if (L.matches(key, L.INDICATOR_HEADERS.operator) && c < value) operator = c;
    else if (L.matches(key, L.INDICATOR_HEADERS.unit) && c > value) unit = c;
    extra.push(c);
  }
  // In a header spanning sub-heads, the value's siblings under the same head are extra too.
  if (subRows > 0)
    for (let c = l3 + 1; c <= grid.rightEdge(row + 1, grid.lastCol); c++) if (c !== value && !extra.includes(c)) extra.push(c);
  const skip: number[] = [];
  if (twin) for (let c = l1 + 1; c < l2; c++) skip.push(c);
  // The 实施期 side's 三级 and value columns (between its 二级 and the 年度 side's 二级).
  let twinSide: IndicatorColumns["twin"];
  if (twin) {
    const inside = (list: number[]) => list.filter((c) => c > cols.level2[0] && c < l2);
    const name = inside(cols.level3)[0];
    const v = inside([...cols.period, ...cols.single, ...cols.annual]).sort((a, b) => a - b)[0];
    if (name !== undefined && v !== undefined && v > name) twinSide = { level3: name, value: v };
  }
  if (above !== null) skip.push(above);
  const layout = period >= 0 && annual >= 0 ? "two-values" : "single-value";
  // The left label column (绩效指标 / 绩效目标, or a vertical 绩 merged down) is whatever sits left of
  // 一级指标 on this row; other heads there (单位名称 | 项目名称 | 预算数 of a list) are row attributes.
  let label: number | null = null;
  let seen = false;
  for (let c = l1 - 1; c >= grid.firstCol; c--) {
    const cell = grid.cell(row, c);
    if (cell.text === "" || cell.col === label || skip.includes(cell.col)) continue;
    const key = labelKey(cell.value);
    const isLabel = L.INDICATORS.includes(key) || /绩效|指标/.test(key) || (grid.merge(row, c)?.bottom ?? row) > row || key.length === 1;
    if (!seen && isLabel) label = cell.col;
    else skip.push(cell.col);
    seen = true;
  }
  return {
    row,
    layout,
    subRows,
    skip,
    columns: {
      label,
      level1,
      level2,
      level3: l3,
      period: layout === "two-values" ? period : null,
      annual: value,
      ...(operator !== null ? { operator } : {}),
      ...(unit !== null ? { unit } : {}),
      ...(extra.length ? { extra } : {}),
      ...(twinSide ? { twin: twinSide } : {}),
    },
  };
}

/** Whether the cells under a column hold categories only, of at least two 一级 families (产出, 效益, 满意度 …). */
function categoryColumn(grid: Grid, row: number, col: number): boolean {
  const families = new Set<string>();
  let other = 0;
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 20); r++) {
    const cell = grid.cell(r, col);
    if (cell.row !== r || cell.col !== col || cell.text === "") continue;
    const l1 = L.level1Of(labelKey(cell.value));
    if (l1) families.add(l1);
    else other++;
  }
  return families.size >= 2 && other === 0;
}

/** Whether most cells under a column are 二级 categories (数量指标, 社会效益指标 …). */
function level2Column(grid: Grid, row: number, col: number): boolean {
  let l2 = 0,
    other = 0;
  for (let r = row + 1; r <= Math.min(grid.lastRow, row + 20); r++) {
    const cell = grid.cell(r, col);
    if (cell.row !== r || cell.col !== col || cell.text === "") continue;
    const key = labelKey(cell.value);
    if (L.level2Of(key) && !L.level1Of(key)) l2++;
    else other++;
  }
  return l2 >= 2 && l2 > other;
}

/**
 * A table told by its structure, whatever its heads say (浙江's project library: 指标类型 | 指标名称 |
 * 指标值 | 指标描述): a row with a target head (指标值) right of a column whose cells below are all
 * categories of two or more 一级 families. The column next to it is the 二级 when it holds 二级
 * categories, and the indicator is then named by the first headed column right of the value (its
 * description, the only words the form gives it); else the next column names the indicators and the
 * table prints no 二级.
 */
function structuralHeaderAt(grid: Grid, row: number): HeaderHit | null {
  let value = -1;
  for (let c = grid.firstCol; c <= grid.lastCol; c++) {
    const cell = grid.cell(row, c);
    if (cell.col !== c || cell.text === "") continue;
    const role = roleOf(labelKey(cell.value));
    if (role === "annual" || role === "single") {
      value = c;
      break;
    }
  }
  if (value <= grid.firstCol + 1) return null;
  let l1 = -1;
  for (let c = grid.firstCol; c < value - 1 && l1 < 0; c++) if (categoryColumn(grid, row, c)) l1 = c;
  if (l1 < 0) return null;
  const next = grid.rightEdge(row, l1) + 1;
  let level2 = l1,
    level3 = next;
  if (level2Column(grid, row, next)) {
    level2 = next;
    const after = grid.rightEdge(row, value) + 1;
    level3 = after <= grid.lastCol && grid.cell(row, after).text !== "" ? after : -1;
    // Nothing names the indicators: not a table this reader can point findings at.
    if (level3 < 0) return null;
  } else if (next >= value) return null;
  const extra: number[] = [];
  for (let c = grid.firstCol; c <= grid.lastCol; c++)
    if (![l1, level2, level3, value].includes(c) && c > l1 && grid.cell(row, c).col === c && grid.cell(row, c).text !== "") extra.push(c);
  return {
    row,
    layout: "single-value",
    subRows: 0,
    skip: [],
    columns: { label: null, level1: l1, level2, level3, period: null, annual: value, ...(extra.length ? { extra } : {}) },
  };
}

/** Finds the header rows (一级指标 / 二级指标 / 三级指标 …) between top and bottom. */
export function findIndicatorHeaders(grid: Grid, index: LabelIndex, top: number, bottom: number): HeaderHit[] {
  const rows = new Set<number>();
  const valueRows = new Set<number>();
  for (const h of index.hits) {
    if (h.row < top || h.row > bottom) continue;
    if (L.matches(h.key, L.INDICATOR_HEADERS.level1) || L.HEADER_ROLE.level1.test(h.key) || L.HEADER_ROLE.level2.test(h.key))
      rows.add(h.row);
    else if (L.matches(h.key, L.INDICATOR_HEADERS.single) || L.matches(h.key, L.INDICATOR_HEADERS.annual)) valueRows.add(h.row);
  }
  const out: HeaderHit[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const hit = headerAt(grid, r, grid.firstCol);
    if (hit) out.push(hit);
  }
  if (out.length > 0) return out;
  for (const r of [...valueRows].sort((a, b) => a - b)) {
    const hit = structuralHeaderAt(grid, r);
    if (hit) return [hit];
  }
  return out;
}

type Classified =
  | { kind: "section"; col: number }
  | { kind: "level1"; col: number; cell: Cell; level: Level1 }
  | { kind: "level2"; col: number; cell: Cell; level: Level2 }
  | { kind: "unknown-category"; col: number; cell: Cell }
  | { kind: "content"; col: number; cell: Cell };

function classify(cell: Cell, cols: IndicatorColumns, costIsLevel1: boolean): Classified {
  const col = cell.col;
  // Only cells left of the 三级 column can be category labels; anything at or right of it is content.
  if (col >= cols.level3) return { kind: "content", col, cell };
  const key = labelKey(cell.value);
  // A score printed alone in a category cell ("(50分)") names no category and is no content.
  if (L.INDICATORS.includes(key) || (key !== "" && L.categoryKey(key) === "")) return { kind: "section", col };
  const asL1 = L.level1Of(key);
  const asL2 = L.level2Of(key);
  if (col === cols.level1 && asL1 && !(asL1 === "成本" && !costIsLevel1)) return { kind: "level1", col, cell, level: asL1 };
  if (asL2 && col <= cols.level2) return { kind: "level2", col, cell, level: asL2 };
  if (asL1) return { kind: "level1", col, cell, level: asL1 };
  if (/指标$/.test(L.categoryKey(key)) && key.length <= 16) return { kind: "unknown-category", col, cell };
  return { kind: "content", col, cell };
}

/**
 * After a blank row, a row that prints no category and no 绩效指标 label continues the table only
 * when it reads as indicator content: text left of the 二级 column, a note, a footer, a known label
 * of the form or another table's column head means a new block placed below the table. A printed
 * second page (blank, then 绩效目标 | 产出指标 …) and a row filling only 三级 and values go on.
 */
function startsAnotherBlock(items: Classified[], cols: IndicatorColumns): boolean {
  if (items.some((i) => i.kind !== "content")) return false;
  return items.some((i) => {
    if (i.kind !== "content") return false;
    const key = labelKey(i.cell.value);
    return i.col < cols.level2 || FOOTER.test(key) || NOTE.test(key) || OTHER_HEADER.test(key) || isKnownLabel(key);
  });
}

function detectCostIsLevel1(grid: Grid, cols: IndicatorColumns, first: number, last: number): boolean {
  for (let r = first; r <= last; r++) {
    const l2 = L.level2Of(labelKey(grid.raw(r, cols.level2)));
    if (l2 === "经济成本" || l2 === "社会成本" || l2 === "生态环境成本") return true;
    // One column for both levels (鄂州 2022): its 成本指标 is the 二级 under 产出.
    if (cols.level1 !== cols.level2 && L.level1Of(labelKey(grid.raw(r, cols.level1))) === "成本" && l2 !== null) return true;
  }
  return false;
}

/**
 * A 三级 name that reads like a category ("服务对象满意度") in the 二级 column, with the values one
 * column early and the last value column empty, is a slid row, not a 二级 label: the seed's
 * 满意度 row is exactly this. Telling sign: the "name" repeats the first value, or carries a number
 * the label does not.
 */
function reclassifySlidName(items: Classified[], cols: IndicatorColumns): void {
  if (cols.period === null) return;
  const at = (c: number) => items.find((i) => i.col === c);
  const name = at(cols.level3);
  const period = at(cols.period);
  const left = at(cols.level3 - 1);
  if (!name || !period || at(cols.annual) || !left || left.kind === "section" || left.kind === "content") return;
  if (name.kind !== "content" || period.kind !== "content") return;
  const n = name.cell.text;
  if (n === period.cell.text || (/\d/.test(n) && !/\d/.test(left.cell.text))) {
    items[items.indexOf(left)] = { kind: "content", col: left.col, cell: left.cell };
  }
}

/**
 * The target as the user reads it across split columns: 指标性质 "≥", 指标值 95, 度量单位 "%" is
 * "≥95%". The cell stays the 指标值 cell (findings point there); `shown` carries the joined text and
 * marks a value no fix may rewrite, since a rewrite would put the operator and unit in twice.
 */
function composed(grid: Grid, r: number, value: Cell, cols: IndicatorColumns): Cell {
  if (cols.operator === undefined && cols.unit === undefined) return value;
  const part = (c: number | undefined) => (c === undefined ? "" : grid.cell(r, c).text);
  // ≧ ≦ ═ of some fonts are the ≥ ≤ = every rule reads.
  const op = part(cols.operator).replace(/≧/g, "≥").replace(/≦/g, "≤").replace(/[═＝]/g, "=");
  // 百分比 / 百分率 in a unit column is the % sign.
  const unit = part(cols.unit).replace(/^(百分比|百分率|百分数)$/, "%");
  if (value.text === "" || (op === "" && unit === "")) return value;
  const own = value.shown ?? value.text;
  // The unit column completes a bare number ("100" | "%"); a value that writes its own unit
  // ("28.8万元" | "%") is read as written, and unit-mismatch compares the two.
  const bareNumber = /\d$/.test(own);
  const shown = (own.includes(op) ? "" : op) + own + (unit && bareNumber && !own.endsWith(unit) ? unit : "");
  return shown === own ? value : { ...value, shown, text: fold(shown), split: true };
}

/** `printedCopy`: a project form or self-evaluation, often published cut short; the department
 * form is filled in the add-in, where an unfinished last row is the user's to complete. */
export function readIndicators(grid: Grid, index: LabelIndex, header: HeaderHit, bottom: number, printedCopy = false): IndicatorTable {
  const cols = header.columns;
  const leftmost = cols.label ?? cols.level1;
  const valueCols = [cols.level3, ...(cols.period !== null ? [cols.period] : []), cols.annual];
  const expected = new Set(valueCols);
  const extra = new Set(cols.extra ?? []);
  // One column past the table catches a row slid right, unless the header uses that column.
  const headerRight = grid.rightEdge(header.row, cols.annual);
  const scanRight = grid.cell(header.row, headerRight + 1).text === "" ? headerRight + 1 : headerRight;

  const costIsLevel1 = detectCostIsLevel1(grid, cols, header.row + 1, bottom);
  const rows: IndicatorRow[] = [];
  const repeated: number[] = [];
  let l1: { level: Level1 | null; text: string; cell: Cell | null } = { level: null, text: "", cell: null };
  let l2: { level: Level2 | null; text: string; cell: Cell | null } = { level: null, text: "", cell: null };
  let blanks = 0;
  let lastRow = header.row;
  // A repeated header has labels on its row; the rows of labels are few, the rows of a table many.
  const labelRows = new Set(index.hits.map((h) => h.row));

  const skip = new Set(header.skip);
  for (let r = header.row + 1 + header.subRows; r <= bottom; r++) {
    if (labelRows.has(r) && headerAt(grid, r, leftmost)) {
      repeated.push(r);
      lastRow = r;
      blanks = 0;
      continue;
    }
    const items: Classified[] = [];
    for (let c = leftmost; c <= scanRight; c++) {
      if (skip.has(c)) continue;
      const v = grid.raw(r, c);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      items.push(classify(grid.cell(r, c), cols, costIsLevel1));
    }
    if (items.length === 0) {
      if (++blanks > MAX_BLANK_RUN) break;
      continue;
    }
    // A row of dots (……, ......) marks where the source left rows out: nothing to read.
    if (items.every((i) => /^[.…。·]+$/.test(i.kind === "section" ? "." : i.cell.text))) continue;
    const first = items[0];
    if (first.kind === "content" && first.col <= cols.level1 && FOOTER.test(labelKey(first.cell.value))) break;
    // A label of the next block in the left column (not a category, not 绩效指标) ends the table:
    // 财政部门审核意见 | (盖章), 其他需要说明事项 | 无.
    if (first.kind === "content" && first.col === leftmost && leftmost < cols.level1) break;
    if (blanks > 0 && startsAnotherBlock(items, cols)) break;
    blanks = 0;
    lastRow = r;

    reclassifySlidName(items, cols);
    let labelShift = 0;
    for (const it of items) {
      if (it.kind === "level1") {
        l1 = { level: it.level, text: it.cell.text, cell: it.cell };
        l2 = { level: null, text: "", cell: null };
        // A 一级 cell merged across the 二级 column (湖南's 社会公众或服务对象满意度指标) prints both
        // levels when its 一级 has one 二级 only: the group is that 二级, as a template would fill it.
        const only = L.onlyChildOf(it.level);
        if (only && it.col === cols.level1 && cols.level2 > cols.level1 && grid.rightEdge(r, it.col) >= cols.level2)
          l2 = { level: only, text: it.cell.text, cell: it.cell };
        // A 一级 printed half-way down its block (a copy that centres it without merging: 黄石's 产出指标
        // on the 5th row of the 数量指标 merge) leaves the 二级 merged over this row as it was.
        const m2 = cols.level2 > cols.level1 ? grid.merge(r, cols.level2) : null;
        if (m2 && m2.top < r && m2.left === cols.level2) {
          const above = grid.cell(m2.top, m2.left);
          const level = L.level2Of(labelKey(above.value));
          if (level && L.PARENT_OF[level] === it.level) l2 = { level, text: above.text, cell: above };
        }
        if (it.col !== cols.level1) labelShift = it.col - cols.level1;
      } else if (it.kind === "level2") {
        const parent = L.PARENT_OF[it.level];
        if (l1.level !== parent && !(it.level === "成本" && l1.level === "成本")) {
          l1 = { level: parent, text: L.level1Label(parent), cell: null };
        }
        l2 = { level: it.level, text: it.cell.text, cell: it.cell };
        if (it.col !== cols.level2) labelShift = it.col - cols.level2;
      } else if (it.kind === "unknown-category") {
        if (it.col === cols.level1) {
          l1 = { level: null, text: it.cell.text, cell: it.cell };
          l2 = { level: null, text: "", cell: null };
        } else l2 = { level: null, text: it.cell.text, cell: it.cell };
      }
    }

    const content = items.filter((i): i is Extract<Classified, { kind: "content" }> => i.kind === "content" && !extra.has(i.col));
    let shift = 0;
    if (content.length > 0 && !content.every((c) => expected.has(c.col))) {
      shift = cols.level3 - Math.min(...content.map((c) => c.col));
    }
    const at = (target: number): Cell => {
      const found = content.find((c) => c.col + shift === target);
      return found ? found.cell : grid.cell(r, target - shift);
    };
    const emptyGroup = content.length === 0;
    const twinSide = !emptyGroup && cols.twin ? twinOf(grid, r, cols.twin, at(cols.level3)) : null;
    rows.push({
      row: r,
      level1: l1.level,
      level2: l2.level,
      level1Text: l1.text,
      level2Text: l2.text,
      level1Cell: l1.cell,
      level2Cell: l2.cell,
      name: emptyGroup ? grid.cell(r, cols.level3) : at(cols.level3),
      period: cols.period === null ? null : emptyGroup ? grid.cell(r, cols.period) : at(cols.period),
      annual: emptyGroup ? grid.cell(r, cols.annual) : composed(grid, r, at(cols.annual), cols),
      ...(twinSide ? { twin: twinSide } : {}),
      shift: content.length > 0 ? 0 - shift || 0 : labelShift,
      labelShift,
      emptyGroup,
      hidden: grid.isHidden(r),
    });
  }
  const cutShort = isCutShort(grid, rows, lastRow);
  // The last row of a copy cut short may stop inside its name or before its target: not read.
  if (cutShort && printedCopy && rows.length > 0) {
    const last = rows[rows.length - 1];
    // An empty group row is complete when its label is (经济效益指标); a label cut mid-word
    // (可持续影响) is where the copy stops.
    const label = last.level2Cell?.row === last.row ? last.level2Text : last.level1Cell?.row === last.row ? last.level1Text : "";
    const cut = last.emptyGroup
      ? label !== "" && !/指标$/.test(labelKey(label))
      : last.annual.text === "" || /^[≥≤><=＝]*$/.test(last.annual.text);
    if (cut) rows.pop();
  }
  return {
    headerRow: header.row,
    repeatedHeaderRows: repeated,
    columns: cols,
    layout: header.layout,
    costIsLevel1,
    rows,
    lastRow,
    ...(cutShort ? { cutShort: true as const } : {}),
  };
}

/**
 * The 实施期 side of a twin row, when it is the same indicator as the 年度 side (the same 三级 text on
 * this row) and holds a value of its own row: a different indicator there is not this row's, and a
 * cell merged down from a row above belongs to that row.
 */
function twinOf(grid: Grid, r: number, side: { level3: number; value: number }, name: Cell): IndicatorRow["twin"] | null {
  const n = grid.cell(r, side.level3);
  const v = grid.cell(r, side.value);
  if (n.row !== r || v.row !== r || v.text === "" || name.text === "" || labelKey(n.value) !== labelKey(name.value)) return null;
  return { name: n, value: v };
}

/** Nothing after the table on the sheet, and its last category is not 满意度 (the last of every template). */
function isCutShort(grid: Grid, rows: IndicatorRow[], lastRow: number): boolean {
  if (rows.length === 0) return false;
  for (let r = lastRow + 1; r <= grid.lastRow; r++) {
    const cells = grid.sheet.values[r - grid.sheet.originRow] ?? [];
    if (cells.some((v) => v !== null && !(typeof v === "string" && v.trim() === ""))) return false;
  }
  const last = rows[rows.length - 1];
  return last.level1 !== "满意度" || (last.name.text !== "" && last.annual.text === "");
}
