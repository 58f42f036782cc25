/**
 * @fileoverview A project form's 项目资金 block must add up: the sources printed under a total
 * (财政拨款, 上年结转, 其他资金 …) make that total, for the 实施期 block and the 年度 block alike, and
 * the year's funds are not more than the whole implementation period's. Sources only listed as
 * 其中 (no catch-all 其他资金 printed) may fall short of the total, never exceed it; a block with a row
 * the checker cannot name is not judged, so an unread source never makes a false sum.
 */
import { formatWan } from "../../amount";
import { AmountField, FundsBlock } from "../../form/model";
import { defineRule } from "../types";
import { differs, sumCents, usableValue } from "../util/money";
import { numberOption } from "../util/options";

const BLOCK = { period: { zh: "实施期", en: "implementation period" }, annual: { zh: "年度", en: "annual" } } as const;

export default defineRule({
  meta: {
    id: "budget/project-funds",
    category: "budget",
    severity: "error",
    docs: {
      zh: "项目资金:资金来源(财政拨款、上年结转、其他资金等)之和应等于资金总额(实施期、年度分别核对),年度资金不应超过实施期资金",
      en: "Project funds: the sources (fiscal appropriation, carry-over, other funds …) must add up to the funds total, for the implementation period and the year alike, and the year's funds must not exceed the period's",
    },
    messages: {
      sourcesMismatch: {
        zh: "{{block}}资金来源合计 {{sum}} 万元({{parts}})≠ 资金总额 {{total}} 万元,差额 {{diff}} 万元:请核对各来源与总额",
        en: "The {{blockEn}} sources add up to {{sum}} ({{parts}}) ≠ the funds total {{total}}, a difference of {{diff}} (10k yuan): check the sources and the total",
      },
      sourcesExceed: {
        zh: "{{block}}资金来源 {{sum}} 万元({{parts}})超过资金总额 {{total}} 万元:其中各项之和不能大于总额",
        en: "The {{blockEn}} sources {{sum}} ({{parts}}) exceed the funds total {{total}} (10k yuan): the parts cannot add up to more than the total",
      },
      annualExceedsPeriod: {
        zh: "年度资金总额 {{annual}} 万元大于实施期资金总额 {{period}} 万元:一年的资金不能超过整个实施期,请核对",
        en: "The annual funds total {{annual}} exceeds the implementation-period total {{period}} (10k yuan): one year cannot have more than the whole period; check both",
      },
    },
    kinds: ["project"],
    defaultOptions: { tolerance: 0.005 },
    optionDocs: {
      tolerance: {
        zh: "允许的差额(万元),默认 0.005,即分位上不允许有差",
        en: "Allowed difference (10k yuan); default 0.005, i.e. the figures must agree to the cent",
      },
    },
  },
  check(ctx) {
    const p = ctx.form.project;
    if (!p) return;
    const tolerance = numberOption(ctx.options.tolerance, 0.005);
    for (const b of p.funds) checkBlock(b);
    const period = p.funds.find((b) => b.period === "period")?.total;
    const annual = p.funds.find((b) => b.period === "annual")?.total;
    const pv = period ? usableValue(period.amount) : null;
    const av = annual ? usableValue(annual.amount) : null;
    if (period && annual && pv !== null && av !== null && av > pv && differs(av, pv, tolerance)) {
      ctx.report({
        messageId: "annualExceedsPeriod",
        data: { annual: formatWan(av), period: formatWan(pv) },
        cells: [cellOf(annual), cellOf(period)],
      });
    }

    function checkBlock(b: FundsBlock): void {
      const total = b.total ? usableValue(b.total.amount) : null;
      if (!b.total || total === null || b.unread || b.sources.length === 0) return;
      // An empty source is none of the money; an unreadable one (text, an error) leaves the sum unknown.
      if (b.sources.some((s) => s.amount.state !== "empty" && usableValue(s.amount) === null)) return;
      const known = b.sources.filter((s) => usableValue(s.amount) !== null);
      if (known.length === 0) return;
      const sum = sumCents(known.map((s) => usableValue(s.amount) as number));
      const parts = known
        .map((s) => `${s.label.text.replace(/\s+/g, "").replace(/^其中[:：]?/, "")} ${formatWan(usableValue(s.amount) as number)}`)
        .join(" + ");
      const data = { block: BLOCK[b.period].zh, blockEn: BLOCK[b.period].en, sum: formatWan(sum), total: formatWan(total), parts };
      const cells = [cellOf(b.total), ...known.map(cellOf)];
      if (sum > total && differs(sum, total, tolerance)) ctx.report({ messageId: "sourcesExceed", data, cells });
      else if (b.complete && differs(sum, total, tolerance)) {
        ctx.report({ messageId: "sourcesMismatch", data: { ...data, diff: formatWan(Math.abs(total - sum)) }, cells });
      }
    }
  },
});

function cellOf(f: AmountField): { row: number; col: number } {
  const c = f.value ?? f.label;
  return { row: c.row, col: c.col };
}
