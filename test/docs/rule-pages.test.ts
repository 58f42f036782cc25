/**
 * Every rule has its page, and the page's generated block matches the rule's metadata
 * (`npm run docs` rewrites it), the way test/readme.test.ts keeps the README's rule table fresh.
 */
import { readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { PAGE_END, pageBlock, readPage, withPageBlock } from "../../scripts/rule-docs";
import { RULE_BASIS, ruleDocPath } from "../../src/core/rules/docs";
import { RULES } from "../../src/core/rules/registry";

const ROOT = join(__dirname, "../..");

function mdFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? mdFiles(p) : p.endsWith(".md") ? [p] : [];
  });
}

describe.each(RULES.map((r) => [r.meta.id, r] as const))("%s", (id, rule) => {
  const page = readPage(rule);

  test("has a page at its doc path", () => {
    expect(page).not.toBeNull();
  });

  test("the page's generated block is up to date (npm run docs)", () => {
    expect(withPageBlock(page, rule)).toBe(page);
    expect(page).toContain(pageBlock(rule));
  });

  test("names its basis (依据) in both languages", () => {
    expect(RULE_BASIS[id]?.zh).toBeTruthy();
    expect(RULE_BASIS[id]?.en).toBeTruthy();
  });

  test("the page says, by hand, why, with examples, its severity and its fix", () => {
    const body = (page ?? "").slice((page ?? "").indexOf(PAGE_END) + PAGE_END.length);
    for (const heading of ["## 为什么 Why", "## 示例 Examples", "## 级别 Severity", "## 修复与建议 Fix and suggestions"]) {
      const at = body.indexOf(heading);
      expect(at).toBeGreaterThanOrEqual(0);
      const next = body.indexOf("\n## ", at + heading.length);
      const section = body.slice(at + heading.length, next < 0 ? undefined : next).trim();
      // Chinese first, then English: a section must have both.
      expect(section).toMatch(/[\u4e00-\u9fff]/);
      expect(section).toMatch(/[A-Za-z]{3,}.*[A-Za-z]{3,}/s);
    }
  });
});

test("no page is left for an id the registry does not have", () => {
  const ids = new Set(RULES.map((r) => ruleDocPath(r.meta.id)));
  const pages = mdFiles(join(ROOT, "docs/rules")).map((p) => relative(ROOT, p).split("\\").join("/"));
  expect(pages.filter((p) => !ids.has(p) && !p.endsWith("/README.md"))).toEqual([]);
});

test("the basis list has no entry for an id the registry does not have", () => {
  const ids = new Set(RULES.map((r) => r.meta.id));
  expect(Object.keys(RULE_BASIS).filter((id) => !ids.has(id))).toEqual([]);
});

test("a page without its markers is refused, not overwritten", () => {
  expect(() => withPageBlock("# hand-written only\n", RULES[0])).toThrow(/rule-doc markers/);
});
