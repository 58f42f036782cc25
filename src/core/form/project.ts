/**
 * The fields a project form prints above its indicator table: 项目名称, 主管部门, 实施单位, the
 * 项目资金 block(s) and the goals. Every layout seen prints them as labels with the value to the
 * right; some print a row of heads with the values under them, so a label followed directly by
 * another label reads the cell below it instead.
 */
import { parseAmount } from "../amount";
import { labelKey } from "../text";
import { fromYuan } from "./amounts";
import { fieldAt, valueRightOf } from "./fields";
import { Grid } from "./grid";
import { LabelHit, LabelIndex, isKnownLabel } from "./labelIndex";
import * as L from "./labels";
import { AmountField, Field, FundsBlock, ProjectFields } from "./model";

export interface Band {
  top: number;
  bottom: number;
  right: number;
}

function firstIn(index: LabelIndex, names: string[] | RegExp, band: Band): LabelHit | null {
  for (const h of index.hits) {
    if (h.row >= band.top && h.row <= band.bottom && h.col <= band.right && !h.title && L.matches(h.key, names)) return h;
  }
  return null;
}

/**
 * A label's field, its value to the right; when the next cell is another label (a row of heads),
 * the cell below the label when it holds text. A value that cannot be told is left null, so no
 * rule calls the field empty on a guess.
 */
export function flexibleField(grid: Grid, hit: LabelHit | null, right: number): Field | null {
  if (!hit) return null;
  const f = fieldAt(grid, hit, right);
  if (!f) return null;
  if (f.value && f.value.text !== "") return f;
  // An empty cell inside the form right of the label is where the value goes: it is empty.
  if (f.value && f.value.col <= right) return f;
  const belowRow = (grid.merge(hit.row, hit.col)?.bottom ?? hit.row) + 1;
  const below = grid.cell(belowRow, hit.col);
  if (below.text !== "" && !(typeof below.value === "string" && isKnownLabel(labelKey(below.value))))
    return { label: f.label, value: below };
  // Nothing to the right but an empty cell inside the form: that is where the value goes.
  return { label: f.label, value: f.value && f.value.col <= right ? f.value : null };
}

function amountField(grid: Grid, hit: LabelHit, right: number, yuan: boolean): AmountField | null {
  if (hit.inline !== undefined) return null;
  const value = valueRightOf(grid, hit.row, hit.col, right);
  if (!value) return null;
  const parsed = parseAmount(value.value);
  // A unit written in the cell ("12.5万元") wins over the block's.
  const inYuan = parsed.unit === "元" || (parsed.unit === null && yuan);
  return {
    label: grid.cell(hit.row, hit.col),
    value,
    key: "total",
    amount: inYuan ? fromYuan(parsed) : parsed,
    ...(inYuan ? { yuan: true as const } : {}),
  };
}

/**
 * The funds blocks: each total label (资金总额, 年度资金总额, 中期资金总额 …) with the sources printed
 * under it in the same column (其中:财政拨款, 上年结转, 其他资金). A total's prefix names its block;
 * an unprefixed one is 年度 unless another block on the form is 年度.
 */
function readFunds(grid: Grid, index: LabelIndex, band: Band, fundsLabel: LabelHit | null): FundsBlock[] {
  const yuan = !!fundsLabel && /\(元\)/.test(fundsLabel.printed ?? fundsLabel.key);
  const totals = index.hits.filter(
    (h) => h.row >= band.top && h.row <= band.bottom && h.col <= band.right && !h.title && L.FUNDS_TOTAL.test(h.key),
  );
  // Totals belong to the funds block: right of (or under) its label, never the 合计 of another table.
  const near = fundsLabel
    ? totals.filter((h) => h.row >= fundsLabel.row && h.row <= fundsLabel.row + 8)
    : totals.filter((h) => h.key !== "合计");
  const blocks: FundsBlock[] = [];
  for (const t of near.slice(0, 2)) {
    const total = amountField(grid, t, band.right, yuan || /\(元\)/.test(t.printed ?? ""));
    const sources: AmountField[] = [];
    let unread = false;
    // The rows under the total, in its column, while they print a label: each a source or not read.
    const totalBottom = grid.merge(t.row, t.col)?.bottom ?? t.row;
    for (let r = totalBottom + 1; r <= Math.min(band.bottom, totalBottom + 6); r++) {
      const cell = grid.cell(r, t.col);
      if (cell.text === "" || cell.row !== r) break;
      const h = index.hits.find((x) => x.row === r && x.col === cell.col && !x.title);
      if (!h || !L.FUNDS_SOURCE.test(h.key)) {
        // A money row the checker cannot name (上级专项补助资金 …) leaves the sum unknown; any other
        // text is the next block.
        unread = /资金|拨款|收入|结转|补助|经费|自筹|其他/.test(cell.text);
        break;
      }
      const f = amountField(grid, h, band.right, yuan);
      if (f) sources.push(f);
      else unread = true;
    }
    const periodWord = L.PERIOD_PREFIX.test(t.key);
    blocks.push({
      period: periodWord ? "period" : "annual",
      total,
      sources,
      unread,
      complete: sources.some((s) => L.FUNDS_CATCH_ALL.test(labelKey(s.label.value).replace(/^其中[,:、]?/, ""))),
    });
  }
  // Two unprefixed totals side by side: the left is the 实施期 block, as the templates print them.
  if (blocks.length === 2 && blocks.every((b) => b.period === "annual") && near[0].col < near[1].col) blocks[0].period = "period";
  return blocks;
}

export function readProject(grid: Grid, index: LabelIndex, band: Band): ProjectFields {
  const find = (names: string[] | RegExp) => firstIn(index, names, band);
  const fundsLabel = find(L.PROJECT_FUNDS);
  const field = (names: string[]) => flexibleField(grid, find(names), band.right);
  return {
    name: field(L.PROJECT_NAME),
    department: field(L.PROJECT_DEPARTMENT),
    implementer: field(L.IMPLEMENTER),
    fundsLabel: fundsLabel ? grid.cell(fundsLabel.row, fundsLabel.col) : null,
    funds: readFunds(grid, index, band, fundsLabel),
    annualGoal: field(L.ANNUAL_GOAL),
    periodGoal: field(L.PERIOD_GOAL),
  };
}
