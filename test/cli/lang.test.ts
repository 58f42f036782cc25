/**
 * Usage and config errors speak --lang wherever it stands on the command line: before the mistake,
 * after it, as --lang=en, or not at all (Chinese). Each case checks the text of both languages and
 * that the other language's text is absent.
 */
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "./capture";

const CLEAN = "examples/corrected-form.xlsx";
const dir = mkdtempSync(join(tmpdir(), "budget-form-lang-"));
const config = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
};
const unknownRule = config("unknown-rule.json", { rules: { "no/such-rule": "off" } });
const optionKey = config("option-key.json", { rules: { "indicators/satisfaction-below-floor": ["warning", { flor: 95 }] } });
const out = join(dir, "out.xlsx");

/** argv with the mistake; the Chinese and the English text it must produce. */
const CASES: [string, string[], string, string][] = [
  ["unknown command", ["chek", CLEAN], "未知命令「chek」", 'Unknown command "chek"'],
  ["unknown option", ["check", CLEAN, "--bogus"], "未知选项 --bogus", "Unknown option --bogus"],
  ["option without its value", ["check", CLEAN, "--format"], "选项 --format 需要一个值", "Option --format needs a value"],
  [
    "bad --format",
    ["templates", "--format", "xml"],
    "--format 只能是 text 或 json,收到「xml」",
    '--format must be text or json, got "xml"',
  ],
  [
    "missing --config file",
    ["check", CLEAN, "--config", "no-such.json"],
    "无法读取配置文件「no-such.json」:文件不存在",
    'Cannot read config file "no-such.json": file not found',
  ],
  ["unknown rule id in --config", ["check", CLEAN, "--config", unknownRule], "未知规则「no/such-rule」", 'Unknown rule "no/such-rule"'],
  ["unknown option key in --config", ["fix", CLEAN, "--out", out, "--config", optionKey], "没有选项「flor」", 'has no option "flor"'],
  ["fix without --out", ["fix", CLEAN], "请用 --out 指定新文件", "Give the new file with --out"],
  ["add without --template", ["add", CLEAN, "--out", out], "请用 --template 指定模板编号", "Give the template id with --template"],
  ["unknown --category", ["templates", "--category", "颜色"], "--category 无法识别「颜色」", '--category "颜色" is not known'],
];

describe.each(CASES)("%s", (_, argv, zh, en) => {
  test.each([
    ["no --lang: Chinese", argv],
    ["--lang zh after the mistake", [...argv, "--lang", "zh"]],
  ])("%s", async (_how, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(zh);
    expect(r.err).not.toContain(en);
  });

  test.each([
    ["--lang en after the mistake", [...argv, "--lang", "en"]],
    ["--lang=en after the mistake", [...argv, "--lang=en"]],
    ["--lang en before the command", ["--lang", "en", ...argv]],
  ])("%s", async (_how, args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(en);
    expect(r.err).not.toContain(zh);
  });
});

test("a bad --lang is itself reported in Chinese, the default, and names the value", async () => {
  const r = await run(["check", CLEAN, "--bogus", "--lang", "fr"]);
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err).toContain("--lang 只能是 zh 或 en,收到「fr」");
  expect(r.err).toContain("运行 budget-form --help 查看用法。");
});

test("fix's counts are inflected in English and not in Chinese", async () => {
  // The seed now has fixes (issue #20): its dry run states what would remain, with the same inflection.
  const argv = ["fix", "examples/seed-form.xlsx", "--dry-run"];
  const e = await run([...argv, "--lang", "en"]);
  const m = /no file was written\. (\d+) (errors?) and (\d+) (warnings?) would remain\./.exec(e.out);
  expect(m).not.toBeNull();
  const [, errors, errorWord, warnings, warningWord] = m!;
  expect([errorWord, warningWord]).toEqual([errors === "1" ? "error" : "errors", warnings === "1" ? "warning" : "warnings"]);
  const z = await run(argv);
  expect(z.out).toContain(`未写出任何文件。修复后还会有 ${errors} 个错误、${warnings} 个警告。`);
});
