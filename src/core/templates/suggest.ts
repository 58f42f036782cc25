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
