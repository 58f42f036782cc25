import JSZip from "jszip";
import { formatRef, toA1 } from "../../src/core/a1";
import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/engine";
import { SEVERITY_NAMES } from "../../src/core/i18n";
import { markArgb } from "../../src/core/marks";
import { readXlsx } from "../../src/hosts/file/read";
import { ROOT, examplePath, fixturePath, readExample } from "../helpers/xlsx";
import { fixturesUpToDate } from "../../scripts/build-fixtures";
import { noStackTrace, run } from "./capture";

const SEED = "examples/seed-form.xlsx";
const CLEAN = "examples/corrected-form.xlsx";
const fx = (n: string) => `test/fixtures/generated/${n}`;
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-"));

async function seedResult() {
  return checkWorkbook((await readExample("seed-form.xlsx")).snapshot);
}

describe("usage", () => {
  test("--help and help in English", async () => {
    const zh = await run(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("用法: budget-form <命令>");
    expect(zh.out).toMatch(/check\s+检查/);
    const en = await run(["--lang", "en", "--help"]);
    expect(en.out).toContain("Usage: budget-form <command>");
    const cmd = await run(["check", "--help"]);
    expect([cmd.code, cmd.out.includes("--annotate <文件夹>")]).toEqual([0, true]);
  });

  test("--version prints package.json's version", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, out: `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`, err: "" });
  });

  test.each([
    [[], /用法/],
    [["frobnicate"], /未知命令「frobnicate」/],
    [["check"], /请给出要检查的 \.xlsx 文件/],
    [["check", CLEAN, "--format", "xml"], /--format 只能是 text、table 或 json/],
    [["check", CLEAN, "--format"], /--format 需要一个值/],
    [["check", CLEAN, "--fast"], /未知选项 --fast/],
    [["check", CLEAN, "--lang", "fr"], /--lang 只能是 zh 或 en/],
  ])("bad usage %j → exit 2 with a Chinese message", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });
});

describe("text output", () => {
  test("grouped by file, then severity; one line per error and warning, tips grouped by rule; subtotals, verdicts and a total", async () => {
    const seed = await seedResult();
    const r = await run(["check", CLEAN, SEED]);
    expect(r.code).toBe(seed.summary.error > 0 ? 1 : 0);
    const [clean, seedBlock, table, totals] = r.out.trimEnd().split("\n\n");
    // Each form says what was read, so a user can see why it was checked the way it was.
    const read = "  读到:部门整体绩效目标表「广州市白云区科学技术协会(部门)」 · 工作表「申报表」 · 指标表第 20–";
    const [cleanHead, cleanRead, ...cleanRest] = clean.split("\n");
    expect([cleanHead, cleanRead.startsWith(read), cleanRead.endsWith(" · 目标值列 F(年度)、E(实施期)"), cleanRest]).toEqual([
      `${CLEAN}  [申报表]`,
      true,
      true,
      ["  未发现问题", "  小计:0 个错误,0 个警告,0 条提示"],
    ]);
    const lines = seedBlock.split("\n");
    expect(lines[0]).toBe(`${SEED}  [申报表]`);
    expect(lines[1].startsWith(read)).toBe(true);
    // Severity headings in order, each followed by its findings.
    const headings = lines.filter((l) => /^ {2}\S/.test(l) && !l.startsWith("  小计") && !l.startsWith("  读到"));
    const present = (["error", "warning", "info"] as const).filter((s) => seed.summary[s] > 0);
    expect(headings).toEqual(present.map((s) => `  ${SEVERITY_NAMES[s].zh}`));
    for (const f of seed.findings.filter((f) => f.severity !== "info"))
      expect(lines).toContain(
        `    ${formatRef(f.cells[0])}${f.cells.length > 1 ? ` 等 ${f.cells.length} 处` : ""}  ${f.rule}  ${f.message.zh}`,
      );
    // A tip repeated on many rows: its first occurrence in full, then the other cells.
    const tipRules = [...new Set(seed.findings.filter((f) => f.severity === "info").map((f) => f.rule))];
    for (const rule of tipRules) {
      const same = seed.findings.filter((f) => f.rule === rule);
      const at = lines.indexOf(
        `    ${formatRef(same[0].cells[0])}${same[0].cells.length > 1 ? ` 等 ${same[0].cells.length} 处` : ""}  ${rule}  ${same[0].message.zh}`,
      );
      expect(at).toBeGreaterThan(0);
      if (same.length > 1)
        expect(lines[at + 1]).toMatch(
          new RegExp(`^ {6}同类提示另有 ${same.length - 1} 处:${toA1(same[1].cells[0].row, same[1].cells[0].col)}、`),
        );
      for (const f of same.slice(1))
        expect(lines).not.toContain(
          `    ${formatRef(f.cells[0])}${f.cells.length > 1 ? ` 等 ${f.cells.length} 处` : ""}  ${rule}  ${f.message.zh}`,
        );
    }
    expect(lines[lines.length - 1]).toBe(`  小计:${seed.summary.error} 个错误,${seed.summary.warning} 个警告,${seed.summary.info} 条提示`);
    expect(table.split("\n")).toHaveLength(3);
    expect(totals).toBe(
      `结论:可以提交 1 份,需修改 1 份\n共 2 个文件:${seed.summary.error} 个错误,${seed.summary.warning} 个警告,${seed.summary.info} 条提示`,
    );
    expect(r.err).toBe("");
  });

  test("in English", async () => {
    const seed = await seedResult();
    const r = await run(["check", SEED, "--lang", "en"]);
    expect(r.out).toContain("  Warning\n");
    for (const f of seed.findings.filter((f) => f.severity !== "info"))
      expect(r.out).toContain(
        `    ${formatRef(f.cells[0])}${f.cells.length > 1 ? ` and ${f.cells.length - 1} more` : ""}  ${f.rule}  ${f.message.en}`,
      );
    // Tips of one rule repeated over rows are grouped (the seed may have none left to group).
    const tips = seed.findings.filter((f) => f.severity === "info");
    const repeated = tips.some((f, i) => tips.findIndex((g) => g.rule === f.rule) !== i);
    expect(/^ {6}\d+ more like this: [A-Z]+\d+/m.test(r.out)).toBe(repeated);
    expect(r.out).toMatch(/^File +Kind +Department \/ project +Verdict +Errors +Warnings +Tips$/m);
    // The verdict table fits 80 columns (names cut with …); the kind and the verdict are never cut.
    expect(r.out).toMatch(/^\S+ +Department +广州市\S* +Needs changes +1 +\d+ +1$/m);
    expect(r.out).toContain(
      '\n  Read: department-wide target form "广州市白云区科学技术协会(部门)" · sheet "申报表" · indicator table rows 20–',
    );
    expect(r.out.trimEnd().split("\n").pop()).toMatch(/^1 file: \d+ errors?, \d+ warnings?, \d+ tips?$/);
  });

  test("the slid rows of the seed are listed with their cells", async () => {
    const r = await run(["check", SEED]);
    for (const cell of ["B43", "C44", "C49", "C50"])
      expect(r.out).toMatch(new RegExp(`申报表!${cell}  layout/misaligned-row  第 \\d+ 行错位`));
  });
});

describe("JSON output", () => {
  test("exactly the documented shape, messages in --lang", async () => {
    const seed = await seedResult();
    const r = await run(["check", SEED, CLEAN, "--format", "json", "--lang", "en"]);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["files"]);
    expect(json.files).toHaveLength(2);
    const [s, c] = json.files;
    expect(Object.keys(s)).toEqual(["file", "sheet", "verdict", "form", "findings", "summary", "ignored"]);
    expect(s.verdict).toBe(seed.summary.error > 0 ? "revise" : "submit");
    // What was read, as the reviewer's corpus notes it: 1-based header row, A1 value columns.
    expect(s.form).toEqual({
      kind: "department",
      sheet: "申报表",
      title: seed.forms[0].model.title?.text,
      department: "广州市白云区科学技术协会(部门)",
      indicatorHeaderRow: seed.forms[0].model.indicators!.headerRow + 1,
      indicatorRows: seed.forms[0].model.indicators!.rows.length,
      valueColumns: ["E", "F"],
    });
    expect(s.ignored).toBe(0);
    expect(s.file).toBe(SEED);
    expect(s.sheet).toBe("申报表");
    expect(s.summary).toEqual(seed.summary);
    // Cells stay sheet-qualified A1 text in the JSON ("申报表!E41"), whatever the app uses inside.
    // Each finding's fix and suggestions follow (issue #20; their content is test/cli/fix.test.ts's).
    expect(
      s.findings.map((f: Record<string, unknown>) => ({
        rule: f.rule,
        severity: f.severity,
        cells: f.cells,
        message: f.message,
        docs: f.docs,
      })),
    ).toEqual(
      seed.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        cells: f.cells.map(formatRef),
        message: f.message.en,
        docs: `docs/rules/${f.rule}.md`,
      })),
    );
    // Each finding's docs path is a page that exists in the repository.
    for (const f of s.findings) expect(existsSync(join(ROOT, f.docs))).toBe(true);
    expect(s.findings[0].cells[0]).toMatch(/^申报表![A-Z]+\d+$/);
    for (const f of s.findings)
      expect(Object.keys(f).filter((k) => k !== "fix" && k !== "suggestions")).toEqual(["rule", "severity", "cells", "message", "docs"]);
    expect(c).toEqual({
      file: CLEAN,
      sheet: "申报表",
      verdict: "submit",
      form: expect.objectContaining({ kind: "department" }),
      findings: [],
      summary: { error: 0, warning: 0, info: 0 },
      ignored: 0,
    });
  });

  test("two forms in one workbook → two entries", async () => {
    const r = await run(["check", fx("two-forms.xlsx"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files.map((f: { file: string; sheet: string }) => [f.file, f.sheet])).toEqual([
      [fx("two-forms.xlsx"), "科协"],
      [fx("two-forms.xlsx"), "文化馆"],
    ]);
  });

  test("no form in the file → one not-checked entry saying what was found, never 需修改; exit 2 as for an unreadable file", async () => {
    const r = await run(["check", fx("not-the-form.xlsx"), "--format", "json"]);
    expect(r.code).toBe(2);
    const [entry] = JSON.parse(r.out).files;
    expect(Object.keys(entry)).toEqual(["file", "sheet", "verdict", "notChecked"]);
    expect(entry.sheet).toBe("工资表");
    expect(entry.verdict).toBe("unchecked");
    expect(entry.notChecked).toMatch(/没有找到绩效指标表/);

    const text = await run(["check", fx("not-the-form.xlsx"), CLEAN]);
    expect(text.code).toBe(2);
    expect(text.out).toContain(`${fx("not-the-form.xlsx")}  [工资表]\n  未检查:`);
    // The table fits 80 columns when piped: a long path is cut with …, the verdict never.
    expect(text.out).toMatch(/^test\/fixtures\/generated\/not-th\S* +- +- +未检查 +- +- +-$/m);
    expect(text.out).toContain("结论:可以提交 1 份,需修改 0 份,未检查 1 个\n");
  });

  test("an unreadable file gets an error entry; the others are still checked; exit 2", async () => {
    const r = await run(["check", fx("csv-renamed.xlsx"), CLEAN, "--format", "json"]);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.out).files;
    expect(files[0]).toEqual({ file: fx("csv-renamed.xlsx"), error: expect.stringContaining("文本文件") });
    expect(files[1].summary).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe("bad inputs: clear Chinese message, no stack trace, exit 2", () => {
  test.each([
    ["empty.xlsx", /文件是空的/],
    ["csv-renamed.xlsx", /用逗号或制表符分隔的文本文件\(CSV\)/],
    ["ole-renamed.xlsx", /旧版 Excel 97-2003.*密码/],
    ["truncated.xlsx", /已损坏或不完整/],
    ["no-sheets.xlsx", /没有任何工作表/],
  ])("%s", async (name, message) => {
    const r = await run(["check", fx(name)]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(message);
    expect(r.out).toContain(`${fx(name)}\n  无法读取「${fx(name)}」`);
    expect(r.out.trimEnd().split("\n").slice(-2)).toEqual([
      "结论:可以提交 0 份,需修改 0 份,无法读取 1 个",
      "共 1 个文件:0 个错误,0 个警告,0 条提示,1 个文件无法读取",
    ]);
    noStackTrace(r.out + r.err);
  });

  test("a missing file, a glob matching nothing, an empty folder", async () => {
    const dir = tmp();
    const r = await run(["check", "没有这个文件.xlsx", "nothing-*.xlsx", dir, CLEAN], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.out).toContain("找不到文件「没有这个文件.xlsx」");
    expect(r.out).toContain("没有文件与「nothing-*.xlsx」匹配");
    expect(r.out).toContain(".xlsx 文件");
    expect(r.out).toContain(`${CLEAN}  [申报表]`);
  });

  test("a 50,000-row sheet is read like any other file (it holds no form: not checked)", async () => {
    const r = await run(["check", fx("rows-50000.xlsx"), "--format", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ verdict: "unchecked", notChecked: expect.any(String) });
  });
});

describe("inputs", () => {
  test("globs and folders expand to their .xlsx files (sorted, de-duplicated)", async () => {
    const r = await run(["check", "test/fixtures/generated/two-*.xlsx", "examples", CLEAN, "--format", "json"]);
    const files = [...new Set(JSON.parse(r.out).files.map((f: { file: string }) => f.file))];
    expect(files).toEqual([fx("two-forms.xlsx"), fx("two-page-indicators.xlsx"), CLEAN, "examples/project-form.xlsx", SEED]);
  });

  test("absolute paths are shown as given", async () => {
    const abs = examplePath("corrected-form.xlsx");
    const r = await run(["check", abs, "--format", "json"], { cwd: tmp() });
    expect(JSON.parse(r.out).files[0].file).toBe(abs);
  });
});

describe("--config", () => {
  test("a rule turned off, a severity raised", async () => {
    const dir = tmp();
    const off = join(dir, "off.json");
    writeFileSync(off, JSON.stringify({ rules: { "layout/form-not-found": "off" } }));
    // The rule off silences its message, not the fact: a workbook without a form is still not checked.
    const a = await run(["check", fx("not-the-form.xlsx"), "--config", off, "--format", "json"]);
    expect([a.code, JSON.parse(a.out).files[0].verdict]).toEqual([2, "unchecked"]);

    const raise = join(dir, "raise.json");
    writeFileSync(raise, JSON.stringify({ rules: { "layout/misaligned-row": "error" } }));
    const b = await run(["check", SEED, "--config", raise, "--format", "json"]);
    const slid = JSON.parse(b.out).files[0].findings.filter((f: { rule: string }) => f.rule === "layout/misaligned-row");
    expect(slid.length).toBe(4);
    expect(slid.every((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(b.code).toBe(1);
  });

  const floor = "indicators/satisfaction-below-floor";
  test.each([
    ["unknown.json", { rules: { "no/such-rule": "off" } }, "未知规则「no/such-rule」", 'Unknown rule "no/such-rule"'],
    [
      "typo-rule.json",
      { rules: { "indicators/vague-wordng": "off" } },
      "您是不是要写「indicators/vague-wording」",
      'Did you mean "indicators/vague-wording"',
    ],
    ["severity.json", { rules: { "layout/misaligned-row": "fatal" } }, '级别 "fatal" 无效', 'severity "fatal" is not valid'],
    [
      "option-key.json",
      { rules: { [floor]: ["warning", { flor: 95 }] } },
      `规则「${floor}」没有选项「flor」,您是不是要写「floor」?`,
      `Rule "${floor}" has no option "flor". Did you mean "floor"?`,
    ],
    [
      "option-type.json",
      { rules: { [floor]: ["warning", { floor: "high" }] } },
      `选项「floor」应为 1–100 之间的数字,收到 "high"`,
      `option "floor" must be a number from 1 to 100; got "high"`,
    ],
    [
      "choice.json",
      { rules: { "budget/development-within-project": { options: { mode: "equals" } } } },
      '应为 "within" 或 "equal"',
      'must be "within" or "equal"',
    ],
    ["top-key.json", { rule: {} }, "未知的配置项「rule」", 'Unknown config key "rule"'],
    [
      "broken.json",
      "{ rules: ",
      "不是有效的 JSON,第 1 行第 3 列:键名要用英文双引号括起来",
      "is not valid JSON: line 1, column 3: keys must be in double quotes",
    ],
    [
      "full-width.json",
      '{"rules": {"layout/misaligned-row": “off”}}',
      "第 1 行第 37 列:这里是全角符号「“」",
      'line 1, column 37: "“" is a full-width character',
    ],
    ["array.json", "[]", "应为 JSON 对象", "must be a JSON object"],
  ])("bad config %s → exit 2 naming the key, in the chosen language; nothing checked", async (name, content, zhText, enText) => {
    const file = join(tmp(), name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    const r = await run(["check", CLEAN, "--config", file]);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toContain(`配置文件「${file}」`);
    expect(r.err).toContain(zhText);
    expect(r.err).not.toMatch(/Unexpected|position/);
    const e = await run(["check", CLEAN, "--config", file, "--lang", "en"]);
    expect([e.code, e.out]).toEqual([2, ""]);
    expect(e.err).toContain(enText);
    // fix reads the same config the same way.
    const f = await run(["fix", CLEAN, "--out", join(tmp(), "out.xlsx"), "--config", file]);
    expect([f.code, f.err]).toEqual([2, r.err]);
  });

  test("a config file that does not exist", async () => {
    const r = await run(["check", CLEAN, "--config", "没有.json"]);
    expect([r.code, r.err]).toEqual([2, "无法读取配置文件「没有.json」:文件不存在\n"]);
  });
});

describe("--annotate", () => {
  test("writes marked copies under the same names; inputs stay byte for byte the same", async () => {
    const dir = tmp();
    const inputs = [SEED, fx("with-parts.xlsx"), fx("empty.xlsx")];
    const before = inputs.map((f) => sha(join(ROOT, f)));
    const r = await run(["check", ...inputs, "--annotate", join(dir, "out")]);
    expect(r.code).toBe(2); // empty.xlsx cannot be read
    expect(inputs.map((f) => sha(join(ROOT, f)))).toEqual(before);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["seed-form.xlsx", "with-parts.xlsx"]);

    const seed = await seedResult();
    const copy = await readXlsx(readFileSync(join(dir, "out/seed-form.xlsx")), "copy.xlsx");
    const ws = copy.workbook.getWorksheet("申报表")!;
    // Our notes are written in runs, as Excel writes them: exceljs reads such a note as { texts }.
    const noteOf = (n: unknown) =>
      typeof n === "string" ? n : ((n as { texts?: { text: string }[] })?.texts ?? []).map((t) => t.text).join("");
    for (const f of seed.findings) {
      const { row, col } = f.cells[0];
      expect(noteOf(ws.getCell(row + 1, col + 1).note)).toContain(f.message.zh);
    }
    const firstError = seed.findings.find((f) => f.severity === "error");
    if (firstError)
      expect(
        (ws.getCell(firstError.cells[0].row + 1, firstError.cells[0].col + 1).fill as { fgColor?: { argb?: string } }).fgColor?.argb,
      ).toBe(markArgb("error"));
    // The copy still recognises the same (values untouched).
    expect(checkWorkbook(copy.snapshot).summary).toEqual(seed.summary);

    // The copy is the input's package with fills and notes patched in (issue #25): its chart, pivot
    // table and the notes part exceljs could not attach are kept as they were, so nothing is warned about.
    const original = await JSZip.loadAsync(readFileSync(join(ROOT, fx("with-parts.xlsx"))));
    const kept = await JSZip.loadAsync(readFileSync(join(dir, "out/with-parts.xlsx")));
    for (const part of ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml", "xl/comments99.xml"])
      expect(await kept.file(part)!.async("string")).toBe(await original.file(part)!.async("string"));
    expect(r.err).not.toContain("注意:");
    expect(r.err).toMatch(/已在「[^」]*out」写出 2 份带标注的副本。/);
    noStackTrace(r.err);
  });

  test("annotating into the input's own folder never overwrites the input", async () => {
    const dir = tmp();
    const input = join(dir, "申报表.xlsx");
    copyFileSync(examplePath("seed-form.xlsx"), input);
    const before = sha(input);
    await run(["check", input, "--annotate", dir]);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, "申报表-2.xlsx"))).toBe(true);
  });
});

describe("progress", () => {
  test("shown on stderr only when stderr is a terminal", async () => {
    const tty = await run(["check", CLEAN, SEED], { isTTY: true });
    expect(tty.err).toContain(`[1/2] ${CLEAN}`);
    expect(tty.err).toContain(`[2/2] ${SEED}`);
    expect(tty.err.endsWith("\r\x1b[K")).toBe(true);
    const pipe = await run(["check", CLEAN, SEED], { isTTY: false });
    expect(pipe.err).toBe("");
    expect(pipe.out).toBe(tty.out);
  });
});

test("the fixtures the tests rely on exist (built by jest's globalSetup)", () => {
  for (const n of ["two-forms.xlsx", "rows-50000.xlsx"]) expect(existsSync(fixturePath(n))).toBe(true);
  expect(fixturesUpToDate()).toBe(true);
});
