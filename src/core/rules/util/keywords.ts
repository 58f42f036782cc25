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
  const words = [...new Set((JSON.parse(list) as string[]).map((w) => w.toLowerCase()).filter((w) => w !== ""))].sort(
    (a, b) => b.length - a.length,
  );
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

const OTHER = 1;
const LETTER = 2;
const NUMBER = 3;
/** \p{L} / \p{N} / neither, by code unit, filled as characters are met: a pattern per character
 * made bigrams the costliest step of checking a long indicator table. */
const kindOfUnit = new Uint8Array(0x10000);
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;

function kindOf(ch: string): number {
  return IS_NUMBER.test(ch) ? NUMBER : IS_LETTER.test(ch) ? LETTER : OTHER;
}

/**
 * Every pair of neighbouring letters or digits (a run of them is a word), unless both are digits.
 * Walks code points, so a pair is a slice of s, as "组织" of "组织学术".
 */
function bigramsUncached(text: string, stop: RegExp | null): Set<string> {
  let s = fold(text).toLowerCase();
  if (stop) s = s.replace(stop, "|");
  const out = new Set<string>();
  let prevStart = -1;
  let prevKind = OTHER;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const len = astral ? 2 : 1;
    let kind: number;
    if (astral) kind = kindOf(s.slice(i, i + 2));
    else {
      kind = kindOfUnit[c];
      if (kind === 0) kind = kindOfUnit[c] = kindOf(s[i]);
    }
    if (kind !== OTHER && prevKind !== OTHER && !(kind === NUMBER && prevKind === NUMBER)) out.add(s.slice(prevStart, i + len));
    prevStart = i;
    prevKind = kind;
    i += len;
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
