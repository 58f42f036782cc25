/**
 * Rule-setting validation exists once (validateSettings → core's usableConfig): the CLI's --config
 * refuses what it finds wrong, and the settings a workbook carries (what the pane saves) keep exactly
 * the part it finds right.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { validateSettings } from "../../src/app/validate";
import { loadConfig } from "../../src/cli/config";
import { sanitizeState } from "../../src/hosts/workbookState";

const raw = {
  rules: {
    "indicators/bare-percent": "off",
    "indicators/satisfaction-below-floor": ["warning", { floor: 250 }],
    "indicators/annual-exceeds-period": "fatal",
    "someday/new-rule": "warning",
  },
};

test("one check: the CLI refuses with its problems, the stored settings keep only what it accepts", () => {
  const { config, problems } = validateSettings(raw);
  expect(problems.map((p) => p.en).join("\n")).toMatch(
    /satisfaction-below-floor[\s\S]*annual-exceeds-period|annual-exceeds-period[\s\S]*satisfaction-below-floor/,
  );
  expect(Object.keys(config.rules ?? {}).sort()).toEqual(["indicators/bare-percent", "someday/new-rule"]);

  const stored = sanitizeState({ settings: { config: raw } }).settings.config;
  expect(stored.rules).toEqual({ "indicators/bare-percent": "off", "someday/new-rule": "warning" });

  const dir = mkdtempSync(join(tmpdir(), "bf-settings-"));
  try {
    writeFileSync(join(dir, "c.json"), JSON.stringify(raw));
    const cli = loadConfig("c.json", dir);
    expect(cli.ok).toBe(false);
    if (!cli.ok) for (const p of problems) expect(cli.problems.some((q) => q.zh.includes(p.zh))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a setting the CLI accepts is kept whole by the stored state", () => {
  const good = { rules: { "indicators/satisfaction-below-floor": ["warning", { floor: 95 }] as [string, { floor: number }] } };
  expect(validateSettings(good).problems).toEqual([]);
  expect(sanitizeState({ settings: { config: good } }).settings.config).toEqual(good);
});
