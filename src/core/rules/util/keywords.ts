/**
 * Keyword overlap for Chinese text, which has no spaces: character bigrams. Generic words are cut
 * out BEFORE pairing, so that "组织学术交流" does not match "组织学会…" through the junk pair "织学"
 * that straddles the stop word.
 */
import { memoize } from "../../memo";
import { fold } from "../../text";

/** Splits a user-written word list: commas (half or full width), 、, semicolons or white space. */
export const wordList: (s: string) => string[] = memoize(wordListUncached, 100);

function wordListUncached(s: string): string[] {
  return s
    .split(/[,，、;；\s]+/)
    .map((w) => fold(w))
    .filter((w) => w !== "");
}

/** The bigrams of `text` once the stop words are removed; pairs never cross punctuation or brackets. */
const NUMERIC_PAIR = /^\p{N}\p{N}$/u;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type BigramsOf = (text: string) => Set<string>;

/**
 * One cache of bigrams per stop list, found by the list's words. Memoised, so that forgetting
 * memoised results (clearMemoCaches) forgets these caches too, and a list read again from a new
 * option value finds its old cache instead of leaving one more behind.
 */
const bigramsFor = memoize((list: string): BigramsOf => {
  // One alternation, longest first, so a stop word never leaves half of a longer one behind.
  const words = [...new Set((JSON.parse(list) as string[]).map((w) => w.toLowerCase()).filter((w) => w !== ""))].sort((a, b) => b.length - a.length);
  const stop = words.length ? new RegExp(words.map(escapeRegExp).join("|"), "g") : null;
  const cache = new Map<string, Set<string>>();
  return (text) => {
    let hit = cache.get(text);
    if (!hit) {
      if (cache.size >= 100000) cache.clear();
      hit = bigramsUncached(text, stop);
      cache.set(text, hit);
    }
    return hit;
  };
});
/** The same, by the list array itself: wordList returns one array per option text. */
const bigramsOfList = new WeakMap<readonly string[], BigramsOf>();

/** Cached per stop list. Read-only result. */
export function bigrams(text: string, stopWords: readonly string[]): Set<string> {
  let f = bigramsOfList.get(stopWords);
  if (!f) {
    f = bigramsFor(JSON.stringify(stopWords));
    bigramsOfList.set(stopWords, f);
  }
  return f(text);
}

function bigramsUncached(text: string, stop: RegExp | null): Set<string> {
  let s = fold(text).toLowerCase();
  if (stop) s = s.replace(stop, "|");
  const out = new Set<string>();
  for (const run of s.split(NOT_WORD)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i] + chars[i + 1];
      if (!NUMERIC_PAIR.test(pair)) out.add(pair);
    }
  }
  return out;
}

/** The first sentence of a paragraph, without a leading "1、" / "(1)" numbering. */
export function firstSentence(text: string): string {
  const parts = fold(text)
    .split(/[。;；!！?？\n]/)
    .map((p) => p.replace(/^\s*(\(\d+\)|\d+[、.)](?!\d)|[一二三四五六七八九十]+、)\s*/, "").trim());
  return parts.find((p) => p !== "") ?? "";
}

/** Whether two sets have at least `min` pairs in common (counting stops there). */
export function sharesAtLeast(a: ReadonlySet<string>, b: ReadonlySet<string>, min: number): boolean {
  if (min <= 0) return true;
  let n = 0;
  for (const x of a) if (b.has(x) && ++n >= min) return true;
  return false;
}
