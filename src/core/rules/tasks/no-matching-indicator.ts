/**
 * @fileoverview A key task (年度重点工作任务) that no 三级 indicator measures (相关性: each task
 * should be reflected by ≥1 indicator; domain-rules §1.3 compares task names/content with 三级
 * names). Related means sharing a character bigram with an indicator name once generic words are
 * cut out. A short name often says only what kind of work it is ("学术交流") while the indicator
 * counts the first thing the content lists ("组织学会开展科普咨询活动次数"), so when the name finds
 * nothing the first sentence of 主要实施内容 is tried, asking for a closer overlap since a sentence
 * has many more pairs. A heuristic, hence a warning.
 */
import { rowName } from "../../indicators/cells";
import { fold } from "../../text";
import { Suggestion, defineRule } from "../types";
import { draftsForTask } from "../../templates/suggest";
import { isInsertError, planInsertion } from "../../templates/insert";
import { numberOption } from "../util/options";
import { bigrams, firstSentence, sharesAtLeast, wordList } from "../util/keywords";

/**
 * Words too generic to tie a task to an indicator: verbs every task uses (组织, 开展, 举办…), and
 * words of indicators nearly every form carries (重点工作任务按时完成率, 服务对象满意度).
 */
export const DEFAULT_STOP_WORDS =
  "工作,开展,组织,举办,建设,管理,活动,事务,项目,任务,重点,年度,日常,其他,相关,有关,各项,推进,加强,落实,完成,实施,做好,提升,提高,服务,部门,单位,业务,进行";

const VERB_FIRST = /^(组织|开展|举办|召开|实施|推进|加强|落实|完成)/;

export default defineRule({
  meta: {
    id: "tasks/no-matching-indicator",
    category: "tasks",
    severity: "warning",
    docs: {
      zh: "年度重点工作任务没有对应的三级指标(按名称的关键词比对三级指标名称;名称找不到时,再比对主要实施内容的第一句)",
      en: "A key task that no 三级 indicator measures (keywords of its name compared with 三级 names; when the name finds nothing, the first sentence of its content)",
    },
    messages: {
      noIndicator: {
        zh: "重点工作任务「{{task}}」没有对应的绩效指标:三级指标中找不到与它相关的一项。建议增加一个衡量它的三级指标,如「{{example}}」",
        en: 'Key task "{{task}}" has no matching performance indicator: no 三级 indicator relates to it. Add one that measures it, e.g. "{{example}}"',
      },
    },
    kinds: ["department"],
    defaultOptions: { stopWords: DEFAULT_STOP_WORDS, contentOverlap: 2 },
    hasSuggestions: true,
    optionSchema: { contentOverlap: { integer: true } },
    optionDocs: {
      stopWords: {
        zh: "比对时忽略的通用词,以逗号或顿号分隔;设置后替换默认列表",
        en: "Generic words ignored when comparing, separated by commas; a value replaces the default list",
      },
      contentOverlap: {
        zh: "名称找不到对应指标时,主要实施内容第一句与某个指标名称至少共有多少个二字词组才算相关(0 表示不看内容)",
        en: "When the name finds nothing: how many two-character pairs the first sentence of the content must share with one indicator name (0: never look at the content)",
      },
    },
  },
  check(ctx) {
    const { form } = ctx;
    const stop = wordList(typeof ctx.options.stopWords === "string" ? ctx.options.stopWords : DEFAULT_STOP_WORDS);
    const table = form.indicators;
    const names = (table?.rows ?? []).filter((r) => !r.emptyGroup && r.name.text !== "");
    // No indicator at all is the indicator table's problem, not every task's.
    if (!table || names.length === 0) return;
    // Keys are made as the search reaches them: a task usually matches an early indicator, and
    // a table of thousands of rows then costs no more than the rows looked at.
    const keys: Set<string>[] = [];
    const anyShares = (pairs: Set<string>, min: number): boolean => {
      for (let i = 0; i < names.length; i++) {
        keys[i] ??= bigrams(rowName(table, names[i]).core, stop);
        if (sharesAtLeast(pairs, keys[i], min)) return true;
      }
      return false;
    };
    const minContent = numberOption(ctx.options.contentOverlap, 2);
    for (const t of form.tasks) {
      const task = t.name.text;
      if (task === "") continue;
      const byName = bigrams(task, stop);
      if (byName.size > 0 && anyShares(byName, 1)) continue;
      const byContent = minContent > 0 ? bigrams(firstSentence(t.content.text), stop) : new Set<string>();
      if (byContent.size > 0 && anyShares(byContent, minContent)) continue;
      // A generic name and no usable content: nothing specific to look for, no basis for a warning.
      if (byName.size === 0 && byContent.size === 0) continue;
      ctx.report({
        messageId: "noIndicator",
        data: { task, example: example(task) },
        cells: [{ row: t.name.row, col: t.name.col }],
        // 指标推荐: rows drafted from the task's own words, each placed in its group by the inserter.
        suggestions: (): Suggestion[] =>
          draftsForTask({ name: task, content: t.content.text, goal: t.goal.text, amount: t.parsedAmount.value }).flatMap((d) => {
            const plan = planInsertion(form, ctx.grid, d);
            if (isInsertError(plan)) return [];
            return [
              {
                desc: {
                  zh: `增加指标「${d.name}」${d.annual}(据任务内容拟定)`,
                  en: `Add the indicator "${d.name}" ${d.annual} (drafted from the task)`,
                },
                plan,
                draft: d,
              },
            ];
          }),
      });
    }
  },
});

/** "学术交流" → "组织学术交流次数(次)": a count is the measure any task can start from. */
function example(task: string): string {
  const core = fold(task).replace(/[\s()（）【】[\]《》「」“”"',，、。;；:：]/g, "");
  return `${VERB_FIRST.test(core) ? "" : "组织"}${core}次数(次)`;
}
