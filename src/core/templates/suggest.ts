/** Which templates a finding offers: the ids the rules put in `templates`, best first. */
import { Level1, Level2 } from "../form/model";
import { CATALOGUE } from "./catalogue";
import { IndicatorTemplate } from "./types";

/** The satisfaction template a low or unrealistic 满意度 target is pointed to (≥95%). */
export const SERVICE_SATISFACTION = "satisfaction.service-recipients";

const MAX = 6;

/** Department-wide templates first: they suit any department; then catalogue order. */
const rank = (t: IndicatorTemplate) => (t.tags.includes("部门整体") ? 0 : 1);

/**
 * Template ids for a missing or empty group. With only a 一级, every group of it (产出 leaves out
 * 成本, whose place depends on the layout and which the 成本 一级 answers).
 */
export function templateIdsFor(level1: Level1 | null, level2?: Level2 | null): string[] {
  if (!level1) return [];
  const fits = (p: IndicatorTemplate["placement"]) =>
    p.level1 === level1 && (level2 ? p.level2 === level2 : !(level1 === "产出" && p.level2 === "成本"));
  const list = CATALOGUE.filter((t) => fits(t.placement) || fits(t.placement101));
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .slice(0, MAX)
    .map(({ t }) => t.id);
}

/** A verb a task's sentence starts its activity with; dropped from a drafted indicator's name. */
const LEADING_VERB = /^(组织|开展|举办|召开|举行|实施|推进|完成|建设|编印|印发|发放|培训|拟|计划|全年|年内|共)+/;
/** 「科普咨询活动2次」: an activity, a number, a count unit. */
const COUNTED = /([\u4e00-\u9fff]{2,14}?)(\d+(?:\.\d+)?)\s*(人次|次|场|期|篇|个|项|所|家|册|份|期)/g;
const MEASURE: Record<string, string> = { 人次: "人次", 次: "次数", 场: "场次", 期: "期数", 篇: "篇数" };

/**
 * Indicators drafted from a key task's own text (指标推荐): each count it names (「组织科普咨询活动2次」
 * → 科普咨询活动次数(次) ≥2次, a 数量 indicator) and its planned funds (「拟投入资金16.2万元」 → a cost
 * ceiling ≤16.2万元). Templates built for the one form: the inserter places them in their group.
 */
export function draftsForTask(task: { name: string; content: string; goal: string; amount: number | null }): IndicatorTemplate[] {
  const out: IndicatorTemplate[] = [];
  const seen = new Set<string>();
  for (const text of [task.content, task.goal, task.name]) {
    for (const m of text.matchAll(COUNTED)) {
      const noun = m[1].replace(/.*[,,。;;、]/, "").replace(LEADING_VERB, "");
      if (noun.length < 2 || /[年月日]$/.test(noun)) continue;
      const unit = m[3];
      const name = `${noun}${MEASURE[unit] ?? "数量"}(${unit})`;
      if (seen.has(name)) continue;
      seen.add(name);
      const value = `≥${m[2]}${unit}`;
      out.push(
        draft(
          `draft.count.${out.length}`,
          name,
          value,
          "quantitative",
          { level1: "产出", level2: "数量" },
          { level1: "产出", level2: "数量" },
          unit,
        ),
      );
      if (out.length >= 2) break;
    }
  }
  if (task.amount !== null && task.amount > 0) {
    const core = task.name.replace(/[\s()()【】[\]《》「」“”"',,、。;;::]/g, "");
    const value = `≤${Number(task.amount.toFixed(4))}万元`;
    out.push(
      draft(
        "draft.cost",
        `${core}成本(万元)`,
        value,
        "quantitative",
        { level1: "产出", level2: "成本" },
        { level1: "成本", level2: "经济成本" },
        "万元",
      ),
    );
  }
  return out;
}

/** A one-form template for a drafted row: the same value for both columns, the operator it starts with. */
export function draft(
  id: string,
  name: string,
  value: string,
  kind: IndicatorTemplate["kind"],
  placement: IndicatorTemplate["placement"],
  placement101: IndicatorTemplate["placement101"],
  unit: string,
  source = "drafted from the key task's text",
): IndicatorTemplate {
  return {
    id,
    name,
    kind,
    operator: value.startsWith("≤") ? "≤" : "≥",
    unit,
    period: value,
    annual: value,
    placement,
    placement101,
    formula: "",
    tags: [],
    source,
  };
}
