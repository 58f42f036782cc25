/**
 * The one shape of every user-visible text: a catalogue entry holds both languages side by side,
 * so an entry cannot lose a language without the compiler (and test/core/i18n.test.ts) noticing.
 * A fixed text is a `Message` ({zh, en} strings); a text built from values is a `Phrase` ({zh, en}
 * functions of the same arguments), because each language orders its words and inflects its
 * plurals in its own way. Code never branches on the language: it calls `pick`.
 */
import { Category, Message, Severity } from "./rules/types";

export type { Message } from "./rules/types";

export type Lang = "zh" | "en";

/** Chinese first: it is the default and the fallback. */
export const LANGS: readonly Lang[] = ["zh", "en"];

export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}

/** A text built from values: both languages take the same arguments. */
export interface Phrase<A extends unknown[]> {
  zh: (...args: A) => string;
  en: (...args: A) => string;
}

// `any[]` rather than `unknown[]`: a function's parameters are contravariant, so a phrase of
// (n: number) is not a phrase of (...args: unknown[]); a catalogue holds phrases of any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Text = Message | Phrase<any[]>;

/** A module's texts by key. */
export type Catalogue = Record<string, Text>;

/**
 * The text in `lang`. A message whose `lang` text is empty (one read from a user's file or JSON)
 * falls back to Chinese, so nothing shows blank.
 */
export function pick(text: Message, lang: Lang): string;
export function pick<A extends unknown[]>(text: Phrase<A>, lang: Lang, ...args: A): string;
export function pick(text: Text, lang: Lang, ...args: unknown[]): string {
  const t = text[lang];
  if (typeof t === "function") return t(...args);
  return t || (text.zh as string);
}

/**
 * Every language's text, Chinese first, for what is shown before the user's language is known
 * (the pane's boot screen: the language is saved in the workbook, which is not read yet).
 */
export function inEveryLanguage(text: Message): string {
  return LANGS.map((lang) => pick(text, lang)).join(" ");
}

/** Both languages of a phrase filled in, for whatever carries a Message (errors, findings, reports). */
export function bilingual<A extends unknown[]>(text: Phrase<A>, ...args: A): Message {
  return { zh: text.zh(...args), en: text.en(...args) };
}

/** A catalogue in one language: messages become strings, phrases functions of their arguments. */
export type Localized<C extends Catalogue> = {
  readonly [K in keyof C]: C[K] extends Phrase<infer A> ? (...args: A) => string : string;
};

const localized = new WeakMap<Catalogue, Partial<Record<Lang, unknown>>>();

/** One object per catalogue and language, so a React component gets the same one on every render. */
export function localize<C extends Catalogue>(catalogue: C, lang: Lang): Localized<C> {
  const cached = localized.get(catalogue) ?? {};
  localized.set(catalogue, cached);
  if (!cached[lang]) {
    const out: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(catalogue)) {
      const t = text[lang];
      out[key] = typeof t === "function" ? t : pick(text as Message, lang);
    }
    cached[lang] = Object.freeze(out);
  }
  return cached[lang] as Localized<C>;
}

export const SEVERITY_NAMES: Record<Severity, Message> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Tip" },
};

export const CATEGORY_NAMES: Record<Category, Message> = {
  layout: { zh: "表格结构", en: "Layout" },
  budget: { zh: "预算勾稽", en: "Budget reconciliation" },
  required: { zh: "必填项", en: "Required fields" },
  tasks: { zh: "重点工作任务", en: "Key tasks" },
  indicators: { zh: "绩效指标", en: "Indicators" },
};

/** Separators of a list and of clauses: Chinese punctuation is full-width and needs no space. */
export const PUNCTUATION = {
  list: { zh: "、", en: ", " },
  clauses: { zh: ";", en: "; " },
  colon: { zh: ":", en: ": " },
} satisfies Catalogue;

/**
 * English plurals after the numbers are filled in: "slid 1 column(s)" → "slid 1 column",
 * "2 column(s)" → "2 columns". Messages keep the "(s)" template so one string serves every count.
 */
export function englishPlurals(text: string): string {
  return text.replace(/\b(\d+(?:\.\d+)?) ([A-Za-z]+)\(s\)/g, (_, n: string, word: string) => `${n} ${Number(n) === 1 ? word : `${word}s`}`);
}

/** "1 error", "3 errors": English needs the plural, Chinese does not. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
