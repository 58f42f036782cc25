/**
 * @fileoverview A 时效 indicator must say by when: a deadline ("2025年12月31日前", "12月底前",
 * "≤12月"), a duration ("≤5个工作日") or a rate ("按时完成率＝100%"). "按月安排", "2021年全年" or
 * "及时" cannot be checked at year end (domain-rules §2.2). With a budget year, the annual deadline
 * must fall inside it, and the 实施周期 deadline must not come before the annual one (§2.5 item 6).
 */
import { FormModel } from "../../form/model";
import { Grid } from "../../form/grid";
import { columnLabel, contentRows, loc, ValueCell, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { ParsedValue, percentOf } from "../../indicators/value";
import { templateIdsFor } from "../../templates/suggest";
import { defineRule } from "../types";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { numberOption } from "../util/options";

/** A deadline as far as it was written; a missing year means the budget year. */
interface Deadline {
  year: number | null;
  month: number;
  day: number | null;
}

const TIME_UNITS = new Set(["天", "日", "工作日", "小时", "分钟", "周", "月", "季度"]);
// "年底前", "2025年内", "年度内": the end of the year is a deadline; "全年" alone is a period, not one.
const YEAR_END = /年(底|末|内)|年度内|年终前/;
const YEAR_IN_TEXT = /((?:19|20)\d{2})\s*年/;
// Excel stores a date typed into a cell as a day count; 2000-01-01 … 2099-12-31.
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

function serialDate(n: number): Deadline | null {
  if (!Number.isInteger(n) || n < SERIAL_MIN || n > SERIAL_MAX) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function deadlineOf(p: ParsedValue): Deadline | null {
  if (p.numberCell && p.main) return serialDate(p.main.value);
  if (p.date && p.date.month !== null) return { year: p.date.year, month: p.date.month, day: p.date.day };
  if (YEAR_END.test(p.raw)) return { year: p.date?.year ?? null, month: 12, day: 31 };
  // "≤12月" is a month of the year; "≤3个月" is a duration (no date to compare).
  const m = p.main;
  if (m && !m.date && m.unit === "月" && (p.operator === "≤" || p.operator === "＜") && !m.text.includes("个")) {
    if (Number.isInteger(m.value) && m.value >= 1 && m.value <= 12) return { year: null, month: m.value, day: null };
  }
  return null;
}

function isDuration(p: ParsedValue): boolean {
  return p.numbers.some((h) => !h.date && h.unit !== null && TIME_UNITS.has(h.unit));
}

function isRate(p: ParsedValue, name: string): boolean {
  // A name asking for a point in time (宁德 2019: 项目完成时间 | 100%) is not answered by a rate.
  if (ASKS_FOR_TIME.test(name) && !/率/.test(name)) return false;
  return percentOf(p, /%|百分比|率/.test(name)) !== null;
}

const ASKS_FOR_TIME = /(时间|时限|日期|时点|时间节点|期限)(\([^()]*\))?$/;

/** A line under the title that gives only the year: 「(2022年度)」 (原州区 2022), 「预算年度:2022」. */
const YEAR_LINE = /^(?:[((]\s*((?:19|20)\d\d)\s*年?度?\s*[))]|((?:19|20)\d\d)\s*年度|预算年度[::]?\s*((?:19|20)\d\d)\s*年?)$/;

/** The budget year printed in the form's title ("2025年部门整体预算绩效目标申报表"), or on the
 * line printed right under it ("(2022年度)"), if any. */
export function titleYear(form: FormModel, grid: Grid): number | null {
  for (let r = Math.max(0, form.top - 3); r <= form.top + 2; r++) {
    for (let c = form.left; c <= form.right; c++) {
      const text = grid.cell(r, c).text;
      if (r <= form.top && /绩效/.test(text)) {
        const m = YEAR_IN_TEXT.exec(text);
        if (m) return Number(m[1]);
      }
      if (r > form.top - 1) {
        const m = YEAR_LINE.exec(text.trim());
        if (m) return Number(m[1] ?? m[2] ?? m[3]);
      }
    }
  }
  return null;
}

/** Comparable day number; a missing day is the month's end, a missing year the budget year. */
function ordinal(d: Deadline, budgetYear: number): number {
  return (d.year ?? budgetYear) * 400 + d.month * 32 + (d.day ?? 31);
}

/** A date cell shows as its day count; the message says which day that is. */
function shown(v: ValueCell, d: Deadline): string {
  return v.parsed.numberCell ? `${describe(d)}` : clip(v.parsed.raw);
}

function describe(d: Deadline): string {
  return `${d.year ?? ""}${d.year ? "年" : ""}${d.month}月${d.day ? `${d.day}日` : ""}`;
}

export default defineRule({
  meta: {
    id: "indicators/timeliness-deadline",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "时效指标应写明预算年度内的完成时限(如 2025年12月31日前、≤12月、≤5个工作日)或比率(如 按时完成率＝100%);实施周期时限不早于年度时限",
      en: "A timeliness (时效) target must give a deadline inside the budget year (e.g. 2025年12月31日前, ≤12月, ≤5个工作日) or a rate (按时完成率＝100%); the period deadline must not precede the annual one",
    },
    hasSuggestions: true,
    messages: {
      noDeadline: {
        zh: "时效指标「{{name}}」的指标值「{{text}}」没有完成时限,无法考核:请写明截止时间(如「{{example}}」)或改用比率(如 按时完成率＝100%)",
        en: 'Timeliness indicator "{{name}}": "{{text}}" gives no deadline and cannot be assessed; write a deadline (e.g. "{{example}}") or a rate (e.g. 按时完成率＝100%)',
      },
      outsideYear: {
        zh: "时效指标「{{name}}」的{{column}}「{{text}}」时限在 {{year}} 年,不在预算年度 {{budgetYear}} 年内:年度目标应当年完成,请改为如「{{budgetYear}}年12月31日前」",
        en: 'Timeliness indicator "{{name}}": the {{columnEn}} "{{text}}" falls in {{year}}, outside the budget year {{budgetYear}}; an annual target is due within the year, e.g. "{{budgetYear}}年12月31日前"',
      },
      periodBeforeAnnual: {
        zh: "时效指标「{{name}}」的实施周期时限「{{period}}」({{periodDate}})早于年度时限「{{annual}}」({{annualDate}}):实施周期包含本年度,其时限不应更早,请核对两列",
        en: 'Timeliness indicator "{{name}}": the period deadline "{{period}}" ({{periodDate}}) comes before the annual deadline "{{annual}}" ({{annualDate}}); the period includes the year, check both values',
      },
    },
    defaultOptions: { budgetYear: 0 },
    optionSchema: { budgetYear: { integer: true } },
    optionDocs: {
      budgetYear: {
        zh: "预算年度(如 2025);0 表示从表头标题中读取年份,读不到则不检查年份",
        en: "Budget year (e.g. 2025); 0 reads it from the form's title, and skips the year checks when the title has none",
      },
    },
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const option = numberOption(ctx.options.budgetYear, 0);
    const budgetYear = option > 0 ? Math.trunc(option) : titleYear(ctx.form, ctx.grid);
    for (const row of contentRows(t)) {
      if (row.level2 !== "时效") continue;
      const name = row.name.text;
      const values = valueCells(t, row).filter((v) => !v.parsed.empty && !v.parsed.placeholder && !v.parsed.errorValue);
      const deadlines = new Map<ValueCell, Deadline>();
      const weak: ValueCell[] = [];
      for (const v of values) {
        const d = deadlineOf(v.parsed);
        if (d) deadlines.set(v, d);
        else if (!isRate(v.parsed, name) && !isDuration(v.parsed)) weak.push(v);
      }
      const label = clip(name || values[0]?.parsed.raw || "");
      if (weak.length > 0) {
        const deadline = `≤${budgetYear ? `${budgetYear}年` : ""}12月31日前`;
        const cells = weak.map((v) => v.cell);
        const sheet = ctx.form.sheet;
        ctx.report({
          suggestions: () =>
            cells.every(rewritable)
              ? [
                  { value: deadline, desc: { zh: `写明截止时间「${deadline}」`, en: `State the deadline "${deadline}"` } },
                  {
                    value: "按时完成率＝100%",
                    desc: { zh: "改用比率「按时完成率＝100%」", en: 'Use the rate "按时完成率＝100%" (on-time completion)' },
                  },
                ].map((c) => ({
                  desc: c.desc,
                  plan: setValuesPlan(
                    sheet,
                    { zh: `指标值改为「${c.value}」`, en: `Set the target to "${c.value}"` },
                    cells.map((cell) => ({ cell, value: c.value })),
                  ),
                }))
              : [],
          messageId: "noDeadline",
          data: { name: label, text: clip(weak[0].parsed.raw), example: budgetYear ? `${budgetYear}年12月31日前` : "12月31日前" },
          cells: weak.map((v) => loc(v.cell)),
          templates: templateIdsFor("产出", "时效"),
        });
      }
      if (!budgetYear) continue;
      const annual = values.find((v) => v.column === "annual");
      const annualDate = annual ? deadlines.get(annual) : undefined;
      if (annual && annualDate && annualDate.year !== null && annualDate.year !== budgetYear) {
        const col = columnLabel(t, "annual");
        ctx.report({
          messageId: "outsideYear",
          data: { name: label, column: col.zh, columnEn: col.en, text: shown(annual, annualDate), year: annualDate.year, budgetYear },
          cells: [loc(annual.cell)],
        });
      }
      const period = values.find((v) => v.column === "period");
      const periodDate = period ? deadlines.get(period) : undefined;
      if (period && periodDate && annual && annualDate && ordinal(periodDate, budgetYear) < ordinal(annualDate, budgetYear)) {
        ctx.report({
          messageId: "periodBeforeAnnual",
          data: {
            name: label,
            period: shown(period, periodDate),
            annual: shown(annual, annualDate),
            periodDate: describe({ ...periodDate, year: periodDate.year ?? budgetYear }),
            annualDate: describe({ ...annualDate, year: annualDate.year ?? budgetYear }),
          },
          cells: [loc(period.cell), loc(annual.cell)],
        });
      }
    }
  },
});
