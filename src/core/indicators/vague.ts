/**
 * Vague words in an indicator value (约, 力争, 进一步 …): they make a target unmeasurable. Some
 * of them also occur inside ordinary words (节约, 可持续, 有效期), which are not flagged.
 */

/** The default list (domain-rules §2.2); rules take their own list from an option. */
export const DEFAULT_VAGUE_WORDS = [
  "约",
  "左右",
  "大约",
  "力争",
  "争取",
  "积极",
  "努力",
  "进一步",
  "明显",
  "显著",
  "有效",
  "逐步",
  "稳步",
  "不断",
  "基本",
  "较大",
  "大幅",
  "持续",
  "大概",
  "若干",
  "尽量",
  "尽可能",
  "适当",
];

/** Where a word is part of a longer ordinary word: the characters that may not precede / follow it. */
const NOT_VAGUE: Record<string, { before?: RegExp; after?: RegExp }> = {
  约: { before: /[节预制集契简隐婚公条邀相违履]$/, after: /^[定束请谈见稿]/ },
  持续: { before: /可$/ },
  有效: { after: /^[期率性]/ },
  基本: { after: /^(支出|公共|医疗|养老|建设|情况|信息|农田|工资|民生|生活)/ },
  适当: { after: /^性/ },
};

/** Splits an option value ("约,左右、力争 积极") into words. */
export function parseWordList(s: string): string[] {
  return s
    .split(/[,,、;;\s]+/)
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

/** The vague words found in text, each once, in order of appearance; longer words win over the words inside them. */
const sortedLists = new WeakMap<string[], string[]>();

function longestFirst(words: string[]): string[] {
  let sorted = sortedLists.get(words);
  if (!sorted) {
    sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
    sortedLists.set(words, sorted);
  }
  return sorted;
}

export function findVague(text: string, words: string[] = DEFAULT_VAGUE_WORDS): string[] {
  const sorted = longestFirst(words);
  // Most values hold no vague word: nothing is allocated until one is found.
  let taken: boolean[] | null = null;
  const hits: { word: string; at: number }[] = [];
  for (const w of sorted) {
    if (w === "") continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      if (taken && taken.slice(i, i + w.length).some(Boolean)) continue;
      const ctx = NOT_VAGUE[w];
      if (ctx?.before?.test(text.slice(0, i)) || ctx?.after?.test(text.slice(i + w.length))) continue;
      taken ??= new Array<boolean>(text.length).fill(false);
      for (let k = i; k < i + w.length; k++) taken[k] = true;
      hits.push({ word: w, at: i });
    }
  }
  if (hits.length === 0) return [];
  const out: string[] = [];
  for (const h of hits.sort((a, b) => a.at - b.at)) if (!out.includes(h.word)) out.push(h.word);
  return out;
}
