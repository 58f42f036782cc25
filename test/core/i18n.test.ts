/**
 * One translation shape: every catalogue entry has both languages, and no code branches on the
 * language. The catalogues are found in the source (every `… satisfies Catalogue`), so a new one
 * is checked without being listed here.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { spawnSync } from "child_process";
import { CATEGORY_NAMES, LANGS, Message, Phrase, SEVERITY_NAMES, Text, bilingual, isLang, localize, pick } from "../../src/core/i18n";
import { COMMANDS } from "../../src/cli/main";
import { VERDICT_NAMES } from "../../src/cli/report";
import { SHEET_NAMES } from "../../src/cli/summary";
import { CLI } from "../../src/cli/messages";
import { PLAN } from "../../src/core/plan/messages";
import { REPORT } from "../../src/hosts/reportRows";
import { PANE } from "../../src/taskpane/i18n";
import { TEMPLATE_TEXTS } from "../../src/taskpane/templates/strings";
import { ROOT } from "../helpers/xlsx";

const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Exported catalogues: `export const NAME = {` … `} satisfies Catalogue;` in a file of src. */
function declaredCatalogues(): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^export const (\w+) = \{$(?:(?!^export )[\s\S])*?^\} satisfies Catalogue;$/gm))
      out.push({ file, name: m[1] });
  }
  return out;
}

/** What is wrong with one entry, or null: both languages, of one kind, neither empty. */
function entryProblem(entry: unknown): string | null {
  if (typeof entry !== "object" || entry === null) return "not a {zh, en} object";
  const keys = Object.keys(entry).sort();
  if (keys.join(",") !== "en,zh") return `has keys ${keys.join(",") || "(none)"}, not exactly zh and en`;
  const { zh, en } = entry as Record<string, unknown>;
  if (typeof zh !== typeof en) return `zh is a ${typeof zh}, en a ${typeof en}`;
  if (typeof zh === "string") return zh.trim() && (en as string).trim() ? null : "an empty text";
  if (typeof zh === "function")
    return zh.length === (en as () => string).length ? null : `zh takes ${zh.length} arguments, en ${(en as () => string).length}`;
  return `zh is a ${typeof zh}`;
}

function problemsOf(table: Record<string, unknown>): string[] {
  return Object.entries(table).flatMap(([key, entry]) => {
    const p = entryProblem(entry);
    return p ? [`${key}: ${p}`] : [];
  });
}

describe("every catalogue entry has both languages", () => {
  const found = declaredCatalogues();

  test("the catalogues of the CLI, the pane, the template tab, the edit plans and the report are found", () => {
    const at = found.map((c) => `${relative(SRC, c.file).split("\\").join("/")}#${c.name}`);
    expect(at).toEqual(
      expect.arrayContaining([
        "cli/messages.ts#CLI",
        "taskpane/i18n.ts#PANE",
        "taskpane/templates/strings.ts#TEMPLATE_TEXTS",
        "core/plan/messages.ts#PLAN",
        "hosts/reportRows.ts#REPORT",
      ]),
    );
    // The tables checked below are the very objects the code uses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = found.map((c) => require(c.file)[c.name]);
    for (const t of [CLI, PANE, TEMPLATE_TEXTS, PLAN, REPORT]) expect(loaded.some((l) => l === t)).toBe(true);
  });

  test.each(found.map((c) => [`${relative(SRC, c.file)}#${c.name}`, c] as const))("%s", (_, c) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const table = require(c.file)[c.name] as Record<string, unknown>;
    expect(Object.keys(table).length).toBeGreaterThan(0);
    expect(problemsOf(table)).toEqual([]);
  });

  test("the tables of names and the commands' help", () => {
    const tables: Record<string, Record<string, unknown>> = {
      SEVERITY_NAMES,
      CATEGORY_NAMES,
      VERDICT_NAMES,
      SHEET_NAMES,
      ...Object.fromEntries(COMMANDS.map((c) => [`command ${c.name}`, { summary: c.summary, help: c.help }])),
    };
    expect(Object.entries(tables).flatMap(([name, t]) => problemsOf(t).map((p) => `${name}.${p}`))).toEqual([]);
  });

  test("the check itself catches an entry without English, an empty text and mismatched kinds", () => {
    expect(
      problemsOf({
        a: { zh: "甲" },
        b: { zh: "乙", en: " " },
        c: { zh: "丙", en: () => "C" },
        d: { zh: (n: number) => `${n}`, en: () => "" },
        e: { zh: "丁", en: "D" },
      }),
    ).toEqual([
      "a: has keys zh, not exactly zh and en",
      "b: an empty text",
      "c: zh is a string, en a function",
      "d: zh takes 1 arguments, en 0",
    ]);
  });
});

describe("pick, bilingual, localize", () => {
  const phrase: Phrase<[number]> = { zh: (n) => `${n} 个错误`, en: (n) => `${n} error${n === 1 ? "" : "s"}` };

  test("pick takes the language's text, and fills a phrase's values", () => {
    expect(LANGS.map((l) => pick({ zh: "错误", en: "Error" }, l))).toEqual(["错误", "Error"]);
    expect(LANGS.map((l) => pick(phrase, l, 2))).toEqual(["2 个错误", "2 errors"]);
  });

  test("a message read from outside with an empty English text shows the Chinese, not a blank", () => {
    expect(pick({ zh: "已忽略", en: "" }, "en")).toBe("已忽略");
  });

  test("bilingual fills both languages of a phrase, for what carries a Message", () => {
    expect(bilingual(phrase, 1)).toEqual<Message>({ zh: "1 个错误", en: "1 error" });
  });

  test("localize gives one object per catalogue and language: texts as strings, phrases as functions", () => {
    const cat = { title: { zh: "标题", en: "Title" }, count: phrase } satisfies Record<string, Text>;
    const en = localize(cat, "en");
    expect(en.title).toBe("Title");
    expect(en.count(3)).toBe("3 errors");
    expect(localize(cat, "zh").count(3)).toBe("3 个错误");
    expect(localize(cat, "en")).toBe(en);
  });

  test("isLang accepts only the two languages", () => {
    expect(["zh", "en", "fr", "", null, undefined, "ZH"].map(isLang)).toEqual([true, true, false, false, false, false, false]);
  });
});

/** A comparison with, or a switch case on, a language literal: code that translates by branching. */
const BRANCH = /[!=]==?\s*["'`](?:zh|en)["'`]|["'`](?:zh|en)["'`]\s*[!=]==?|\bcase\s+["'`](?:zh|en)["'`]/;

describe("no code branches on the language", () => {
  test("the scan recognises the shapes it forbids, and not an ordinary key", () => {
    expect(['lang === "zh" ? a : b', "x !== 'en'", '"en" == lang', 'case "zh":'].map((s) => BRANCH.test(s))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["m.zh || m.en", 'const LANGS = ["zh", "en"]', 'lang: "zh"'].map((s) => BRANCH.test(s))).toEqual([false, false, false]);
  });

  test("no file in src compares the language to a literal (use a catalogue entry and pick)", () => {
    const hits = sourceFiles(SRC).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && BRANCH.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  test("ESLint reports such a branch, and a text indexed by the language, in src (no-restricted-syntax)", () => {
    const code =
      'export const f = (lang: "zh" | "en") => (lang === "zh" ? "甲" : "A");\nexport const g = (m: { zh: string; en: string }, lang: "zh" | "en") => m[lang];\n';
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", "src/cli/probe.ts", "--format", "json"],
      {
        cwd: ROOT,
        input: code,
        encoding: "utf8",
      },
    );
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ["no-restricted-syntax", 1],
      ["no-restricted-syntax", 2],
    ]);
  });
});
