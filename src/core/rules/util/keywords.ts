/**
 * Keyword overlap for Chinese text, which has no spaces: character bigrams. Generic words are cut
 * out BEFORE pairing, so that "组织学术交流" does not match "组织学会…" through the junk pair "织学"
 * that straddles the stop word.
 */
import { fold } from "../../text";

/** Splits a user-written word list: commas (half or full width), 、, semicolons or white space. */
export function wordList(s: string): string[] {
  return s
    .split(/[,，、;；\s]+/)
    .map((w) => fold(w))
    .filter((w) => w !== "");
}

/** The bigrams of `text` once the stop words are removed; pairs never cross punctuation or brackets. */
export function bigrams(text: string, stopWords: readonly string[]): Set<string> {
  let s = fold(text).toLowerCase();
  // Longest first, so a stop word never leaves half of a longer one behind.
  for (const w of [...stopWords].sort((a, b) => b.length - a.length)) s = s.split(w.toLowerCase()).join("|");
  const out = new Set<string>();
  for (const run of s.split(/[^\p{L}\p{N}]+/u)) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = chars[i] + chars[i + 1];
      if (!/^\p{N}+$/u.test(pair)) out.add(pair);
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

/** How many pairs two sets have in common. */
export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
