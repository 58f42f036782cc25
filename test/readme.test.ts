import { readFileSync } from "fs";
import { join } from "path";
import { RULES } from "../src/core/rules/registry";
import { withRuleTable } from "../scripts/rule-docs";

const readme = readFileSync(join(__dirname, "../README.md"), "utf8");

test("the README's rule list is generated from the rules' metadata and up to date (npm run docs)", () => {
  expect(withRuleTable(readme)).toBe(readme);
  for (const r of RULES) expect(readme).toContain(`\`${r.meta.id}\``);
});

test(".ci/run runs exactly the README's test command after npm ci", () => {
  const ci = readFileSync(join(__dirname, "../.ci/run"), "utf8");
  expect(readme).toContain("npm test");
  const lines = ci
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const ciIdx = lines.indexOf("npm ci");
  expect(ciIdx).toBeGreaterThanOrEqual(0);
  expect(lines.slice(ciIdx + 1)).toContain("npm test");
});
