/**
 * Rewrites of an indicator value that keep the user's own words, number and unit and change only
 * what a finding is about: a vague word turned into the operator of the indicator's direction
 * (「约3000人次」 → 「≥3000人次」), an operator put before a bare target.
 */
import { parseValue } from "./value";
import { findVague } from "./vague";

/** Words that only soften a number right after them: they become the operator. */
const APPROX_BEFORE = /(大约|大概|约)(?:为|在|计|达)?\s*(?=[\d０-９])/g;
/** 「3000人次左右」: the number with its unit, then the word. */
const APPROX_AFTER = /(\d[\d,.]*\s*[%‰\p{Script=Han}a-zA-Z²³]{0,4}?)\s*(左右|上下)/gu;
/** Words of effort that add nothing to a target: dropped. */
const EFFORT = ["尽可能", "进一步", "力争", "争取", "积极", "努力", "逐步", "稳步", "不断", "尽量"];
const OPERATOR_BEFORE = /[≥≤＝＞＜>=<]\s*$/;

/**
 * The value with its vague words resolved, or null when a word is left that only the user can
 * replace (明显, 有效, 基本 … say nothing of a number) or no operator results.
 */
export function definiteTarget(raw: string, words: string[], op: string): string | null {
  let s = raw.replace(APPROX_BEFORE, (_m, _w, at: number, all: string) => (OPERATOR_BEFORE.test(all.slice(0, at)) ? "" : op));
  s = s.replace(APPROX_AFTER, (_m, num: string, _w, at: number, all: string) => (OPERATOR_BEFORE.test(all.slice(0, at)) ? num : op + num));
  for (const w of EFFORT) if (words.includes(w)) s = s.split(w).join("");
  if (s === raw || findVague(s, words).length > 0) return null;
  let p = parseValue(s);
  // 「力争300人」: the effort word gone, the number still needs its operator.
  if (!p.operator && p.main?.unit && !p.main.date && s.slice(p.main.index).startsWith(p.main.text.slice(0, 1))) {
    s = s.slice(0, p.main.index) + op + s.slice(p.main.index);
    p = parseValue(s);
  }
  if (!p.operator || !p.main) return null;
  // 「约100%」 is all of it: ≥100% would be an impossible target (indicators/impossible-target).
  if (op === "≥" && p.main.unit === "%" && p.main.value >= 100) return definiteTarget(raw, words, "＝");
  return s;
}
