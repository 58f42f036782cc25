/**
 * The 预算整体情况 amounts. Each is found by its label; a bare 合计 belongs to the side whose column
 * block it sits in, since forms print "合计 | 367.24 | 合计 | 367.24" with the expenditure total under
 * 部门预算支出 and the income total under 收入来源.
 */
import { amountFieldAt } from "./fields";
import { Grid } from "./grid";
import { LabelHit, LabelIndex } from "./labelIndex";
import * as L from "./labels";
import { ParsedAmount } from "../amount";
import { AmountField, AmountKey } from "./model";

export interface BudgetBand {
  top: number;
  bottom: number;
  /** The form's last column: labels right of it belong to another table. */
  right: number;
}

/** The first column of the income side: 收入来源, else 财政拨款 when it sits right of 基本支出. */
function incomeColumn(hitIn: (names: string[]) => LabelHit | null): number | null {
  const head = hitIn(L.INCOME_HEAD);
  if (head) return head.col;
  const fiscal = hitIn(L.AMOUNT_LABELS.fiscal);
  const basic = hitIn(L.AMOUNT_LABELS.basic);
  return fiscal && basic && fiscal.col > basic.col ? fiscal.col : null;
}

export function readAmounts(grid: Grid, index: LabelIndex, band: BudgetBand): Partial<Record<AmountKey, AmountField>> {
  const inBand = (h: LabelHit, bottom = band.bottom) => h.row >= band.top && h.row <= bottom && h.col <= band.right;
  const hitIn = (names: string[]) => index.hits.find((h) => inBand(h) && L.matches(h.key, names)) ?? null;
  const amounts: Partial<Record<AmountKey, AmountField>> = {};
  const put = (key: AmountKey, hit: LabelHit | null | undefined) => {
    const f = amountFieldAt(grid, key, hit ?? null, band.right);
    if (f) amounts[key] = f;
  };

  // "预算金额(元)" over the amounts, or "金额单位:元" in the band: every figure here is in 元.
  const yuan = index.hits.some((h) => inBand(h) && L.YUAN_HEADER.test(h.key) && /金额|单位/.test(h.key));
  for (const key of Object.keys(L.AMOUNT_LABELS) as AmountKey[]) {
    if (key !== "total" && key !== "incomeTotal") put(key, hitIn(L.AMOUNT_LABELS[key]));
  }

  const incomeCol = incomeColumn(hitIn);
  // A bare 合计 of the second block (事业发展性支出 / 按预算级次划分) sums that block, not income or expenditure.
  const second = hitIn(L.SECOND_BUDGET_HEADS);
  const bareBottom = second ? second.row - 1 : band.bottom;
  const isBare = (h: LabelHit) => L.BARE_TOTALS.includes(h.key);
  const onIncomeSide = (h: LabelHit) => incomeCol !== null && h.col >= incomeCol;
  const totals = index.hits.filter(
    (h) => inBand(h) && (L.AMOUNT_LABELS.total.includes(h.key) || L.AMOUNT_LABELS.incomeTotal.includes(h.key)),
  );
  put(
    "total",
    totals.find((h) => (isBare(h) ? inBand(h, bareBottom) && !onIncomeSide(h) : L.AMOUNT_LABELS.total.includes(h.key))),
  );
  put(
    "incomeTotal",
    totals.find((h) => (isBare(h) ? inBand(h, bareBottom) && onIncomeSide(h) : L.AMOUNT_LABELS.incomeTotal.includes(h.key))),
  );
  if (yuan) for (const f of Object.values(amounts)) if (f) Object.assign(f, { amount: fromYuan(f.amount), yuan: true });
  return amounts;
}

/** An amount the header declares in 元, in the 万元 every rule computes with. */
export function fromYuan(a: ParsedAmount): ParsedAmount {
  return a.value === null ? a : { ...a, value: a.value / L.YUAN_PER_WAN };
}
