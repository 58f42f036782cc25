import { allowedValues, optionSchema, resolveSetting, validateConfig } from "../../src/core/config";
import { closest } from "../../src/core/closest";
import { parseJson } from "../../src/core/json";
import { checkWorkbook } from "../../src/core/engine";
import { RULES } from "../../src/core/rules/registry";
import { cleanSheet, setCells, workbook } from "../helpers/forms";

const ids = RULES;
const zh = (list: { zh: string }[]) => list.map((m) => m.zh);
const en = (list: { en: string }[]) => list.map((m) => m.en);

describe("odd rule settings in a user's JSON config", () => {
  test("null is reported by validation and treated as no setting", () => {
    const raw = { rules: { "budget/amount-invalid": null } };
    expect(zh(validateConfig(raw, ids))).toEqual([expect.stringContaining("budget/amount-invalid")]);
    expect(resolveSetting(raw as never, "budget/amount-invalid")).toEqual({ severity: null, options: {} });
    expect(() => checkWorkbook(workbook(cleanSheet()), raw as never)).not.toThrow();
  });

  test("options that are not an object are reported and ignored", () => {
    const raw = { rules: { "indicators/satisfaction-below-floor": ["warning", 95] } };
    expect(zh(validateConfig(raw, ids))).toEqual([expect.stringContaining("indicators/satisfaction-below-floor")]);
    expect(resolveSetting(raw as never, "indicators/satisfaction-below-floor")).toEqual({ severity: "warning", options: {} });
  });

  test("an unknown severity is reported and leaves the rule's own severity", () => {
    const raw = { rules: { "budget/amount-invalid": "Warning" } };
    expect(validateConfig(raw, ids)).toHaveLength(1);
    expect(resolveSetting(raw as never, "budget/amount-invalid").severity).toBeNull();
    const sheet = setCells(cleanSheet(), { D8: "abc" });
    const result = checkWorkbook(workbook(sheet), raw as never);
    expect(result.findings.filter((f) => f.rule === "budget/amount-invalid").map((f) => f.severity)).toEqual(["error"]);
    expect(result.summary.error).toBeGreaterThan(0);
  });

  test("a well-formed config passes", () => {
    const raw = {
      rules: {
        "budget/amount-invalid": "warning",
        "indicators/satisfaction-below-floor": ["error", { floor: 95 }],
        "tasks/incomplete-row": { severity: "off" },
      },
    };
    expect(validateConfig(raw, ids)).toEqual([]);
  });
});

describe("strict configs: the key, what is allowed, a did-you-mean, in both languages", () => {
  const floorRule = "indicators/satisfaction-below-floor";
  test.each([
    [
      { rules: { "indicators/vague-wordng": "off" } },
      "未知规则「indicators/vague-wordng」,您是不是要写「indicators/vague-wording」?",
      'Unknown rule "indicators/vague-wordng". Did you mean "indicators/vague-wording"?',
    ],
    [
      { rules: { "vague-wording": "off" } },
      "未知规则「vague-wording」,您是不是要写「indicators/vague-wording」?",
      'Did you mean "indicators/vague-wording"?',
    ],
    [{ rules: { "no/such-rule": "off" } }, "未知规则「no/such-rule」;规则 id 形如", 'Unknown rule "no/such-rule". Rule ids look like'],
    [
      { rules: { [floorRule]: ["warning", { flor: 95 }] } },
      `规则「${floorRule}」没有选项「flor」,您是不是要写「floor」?可用的选项:floor`,
      'has no option "flor". Did you mean "floor"?',
    ],
    [
      { rules: { [floorRule]: ["warning", { floor: "high" }] } },
      `规则「${floorRule}」的选项「floor」应为 1–100 之间的数字,收到 "high"`,
      'option "floor" must be a number from 1 to 100; got "high"',
    ],
    [{ rules: { [floorRule]: ["warning", { floor: 0.95 }] } }, "应为 1–100 之间的数字,收到 0.95", "got 0.95"],
    [
      { rules: { "budget/development-within-project": ["warning", { mode: "equals" }] } },
      '选项「mode」应为 "within" 或 "equal",收到 "equals",您是不是要写「equal」?',
      'must be "within" or "equal"; got "equals". Did you mean "equal"?',
    ],
    [
      { rules: { "budget/income-matches-expenditure": { options: { tolerance: -1 } } } },
      "应为不小于 0 的数字,收到 -1",
      "must be a number of at least 0; got -1",
    ],
    [
      { rules: { "required/field-empty": ["warning", { minGoalLength: 10.5 }] } },
      "应为不小于 0 的整数",
      "must be a whole number of at least 0",
    ],
    [
      { rules: { "indicators/vague-wording": ["warning", { words: 3 }] } },
      "应为文字(用引号括起),收到 3",
      "must be text (in quotes); got 3",
    ],
    [
      { rules: { "layout/misaligned-row": ["warning", { floor: 95 }] } },
      "规则「layout/misaligned-row」没有可设置的选项,收到「floor」",
      'Rule "layout/misaligned-row" has no options; got "floor"',
    ],
    [{ rules: { "layout/misaligned-row": "warn" } }, '级别 "warn" 无效,您是不是要写「warning」?', 'Did you mean "warning"?'],
    [{ rules: { "layout/misaligned-row": 2 } }, "的设置应为级别字符串", "must be a severity string"],
    [{ rules: { "layout/misaligned-row": ["error", {}, "extra"] } }, "的设置应为级别字符串", "must be a severity string"],
    [
      { rules: { "layout/misaligned-row": { severity: "error", option: {} } } },
      "未知的键「option」,您是不是要写「options」?",
      'unknown key "option". Did you mean "options"?',
    ],
    [
      { rule: { "layout/misaligned-row": "off" } },
      "未知的配置项「rule」,您是不是要写「rules」?",
      'Unknown config key "rule". Did you mean "rules"?',
    ],
  ])("%j", (raw, zhText, enText) => {
    const problems = validateConfig(raw, RULES);
    expect(problems).toHaveLength(1);
    expect(problems[0].zh).toContain(zhText);
    expect(problems[0].en).toContain(enText);
  });

  test("a suggestion replaces the general hint; without one, the hint says where the ids are", () => {
    const [near] = validateConfig({ rules: { "vague-wording": "off" } }, RULES);
    expect(near).toEqual({
      zh: "未知规则「vague-wording」,您是不是要写「indicators/vague-wording」?",
      en: 'Unknown rule "vague-wording". Did you mean "indicators/vague-wording"?',
    });
    const [far] = validateConfig({ rules: { "x/y": "off" } }, RULES);
    expect(far.zh).toContain("完整列表见 README 的「规则」表");
  });

  test("every problem of a config is listed, not just the first", () => {
    const raw = { rules: { "no/such": "off", "indicators/satisfaction-below-floor": ["warnin", { flor: 1, floor: true }] } };
    expect(en(validateConfig(raw, RULES))).toEqual([
      expect.stringContaining('Unknown rule "no/such"'),
      expect.stringContaining('severity "warnin" is not valid. Did you mean "warning"?'),
      expect.stringContaining('no option "flor"'),
      expect.stringContaining('option "floor" must be a number'),
    ]);
  });

  test("every option of the catalogue has a schema its own default satisfies", () => {
    for (const rule of RULES) {
      const schema = optionSchema(rule);
      expect(Object.keys(schema)).toEqual(Object.keys(rule.meta.defaultOptions));
      const setting = ["warning", { ...rule.meta.defaultOptions }];
      expect(validateConfig({ rules: { [rule.meta.id]: setting } }, RULES)).toEqual([]);
      for (const spec of Object.values(schema)) expect(allowedValues(spec).zh).not.toBe("");
    }
  });

  test("the limits are read from the rule itself (meta.optionSchema), not from a list kept elsewhere", () => {
    const meta = { id: "demo/rule", defaultOptions: { share: 0.5, mode: "alpha" } };
    const limited = { meta: { ...meta, optionSchema: { share: { max: 1 }, mode: { choices: ["alpha", "beta"] } } } } as never;
    const free = { meta } as never;
    const config = { rules: { "demo/rule": ["warning", { share: 2, mode: "zzzzzz" }] } };
    expect(en(validateConfig(config, [limited]))).toEqual([
      'Rule "demo/rule": option "share" must be a number from 0 to 1; got 2',
      'Rule "demo/rule": option "mode" must be "alpha" or "beta"; got "zzzzzz"',
    ]);
    expect(validateConfig(config, [free])).toEqual([]);
    // The catalogue's rules state theirs the same way.
    const floor = RULES.find((r) => r.meta.id === "indicators/satisfaction-below-floor")!;
    expect(floor.meta.optionSchema).toEqual({ floor: { min: 1, max: 100 } });
    expect(optionSchema(floor).floor).toEqual({ type: "number", min: 1, max: 100 });
  });

  test("each listed choice changes what the rule does (a choice the rule ignores would be a lie)", () => {
    // A choice the rule does not know falls back to the default through choiceOption; so a choice
    // that is listed but unknown to the rule would give the default's findings.
    const sheet = cleanSheet();
    const findingsWith = (id: string, options: object) =>
      checkWorkbook(workbook(sheet), { rules: { [id]: ["warning", options] } } as never)
        .findings.filter((f) => f.rule === id)
        .map((f) => f.messageId);
    const mode = optionSchema(RULES.find((r) => r.meta.id === "budget/development-within-project")!).mode;
    expect(mode.choices).toEqual(["within", "equal"]);
    expect(findingsWith("budget/development-within-project", { mode: "equal" })).not.toEqual(
      findingsWith("budget/development-within-project", { mode: "within" }),
    );
  });
});

describe("closest", () => {
  test.each([
    ["flor", ["floor", "tolerance"], "floor"],
    ["fomrat", ["format", "config"], "format"],
    ["chek", ["check", "templates", "add", "fix"], "check"],
    ["x", ["check", "fix"], undefined],
    ["tolerence", ["tolerance"], "tolerance"],
    ["completely-different", ["floor"], undefined],
  ])("%s → %s", (word, list, expected) => {
    expect(closest(word, list)).toBe(expected);
  });
});

describe("parseJson: where and why, in both languages", () => {
  test.each([
    ['{"rules": {"a": "off",}}', "第 1 行第 23 列:最后一项后面多了一个逗号", "line 1, column 23: there is a comma after the last item"],
    ["{ rules: 1 }", "第 1 行第 3 列:键名要用英文双引号括起来", "keys must be in double quotes"],
    ['{\n  "rules": {\n    "x": “off”\n  }\n}', "第 3 行第 10 列:这里是全角符号「“」", 'line 3, column 10: "“" is a full-width character'],
    ['{"rules": {', "内容不完整", "the text ends too early"],
    ["{'rules': 1}", "JSON 要用双引号", "double quotes"],
  ])("%j", (text, zhText, enText) => {
    const r = parseJson(text.replace(/\\n/g, "\n"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.zh).toContain(zhText);
    expect(r.error.en).toContain(enText);
    // Not the engine's English message.
    expect(r.error.zh).not.toMatch(/Unexpected|position|Expected/);
  });

  test("a byte-order mark and valid JSON", () => {
    expect(parseJson('\uFEFF{"rules": {}}')).toEqual({ ok: true, value: { rules: {} } });
  });
});
