/**
 * The order of the 指标模板 list: the user's own templates first (they made them for forms like
 * this one), then the catalogue by how well each template fits what the form itself says it does —
 * its 重点工作任务 and its 部门 — so a 科协 reading 「科普活动」 in its tasks finds the 宣传 and
 * 活动 indicators near the top instead of somewhere among 49 cards.
 */
import { FormModel } from "../../core/form/model";
import { CellValue } from "../../core/snapshot";
import { cellText } from "../../core/text";
import { CUSTOM_PREFIX } from "../../core/templates/library";
import { IndicatorTemplate } from "../../core/templates/types";

/** Everything the form says about its work, one string: department, then each task's name, content and goal. */
export function formWords(form: FormModel | null): string {
  if (!form) return "";
  const v = (c: { value: CellValue } | null | undefined) => (c ? cellText(c.value) : "");
  return [v(form.department?.value), ...form.tasks.flatMap((t) => [v(t.name), v(t.content), v(t.goal)])].join("\n");
}

/** Two-character pieces of a Chinese name ("培训参训人次" → 培训, 训参, 参训 …): words without a word list. */
function pairs(text: string): Set<string> {
  const han = text.replace(/[(（][^)）]*[)）]/g, "").replace(/[^\u4e00-\u9fff]+/g, " ");
  const out = new Set<string>();
  for (const run of han.split(" ")) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/**
 * How well a template fits the form's words: a tag the form uses counts 3 (a tag names a kind of
 * work: 会议培训, 信息化), each pair of characters of its name the form uses counts 1.
 */
export function fitScore(t: IndicatorTemplate, words: string): number {
  if (!words) return 0;
  let score = 0;
  for (const tag of t.tags) if ([...pairs(tag)].some((p) => words.includes(p))) score += 3;
  for (const p of pairs(t.name)) if (words.includes(p)) score += 1;
  return score;
}

/** The list in the order it is shown: own templates first, then best fit first; ties keep the catalogue's order. */
export function orderForForm(list: readonly IndicatorTemplate[], form: FormModel | null): IndicatorTemplate[] {
  const words = formWords(form);
  const rank = list.map((t, i) => ({ t, i, own: t.id.startsWith(CUSTOM_PREFIX) ? 0 : 1, score: fitScore(t, words) }));
  rank.sort((a, b) => a.own - b.own || b.score - a.score || a.i - b.i);
  return rank.map((r) => r.t);
}
