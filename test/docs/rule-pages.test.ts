/**
 * Every rule has its page, and the page's generated block matches the rule's metadata
 * (`npm run docs` rewrites it), the way test/readme.test.ts keeps the README's rule table fresh.
 */
import { readdirSync, statSync } from "fs";
import { join, relative } from "path";
import { pageBlock, readPage, withPageBlock } from "../../scripts/rule-docs";
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
