/**
 * The reviewer's batch: the closing verdict table, --quiet, --max-warnings, the findings a form's
 * authors ignored in the add-in, and the --summary workbook read back with exceljs.
 */
import { formatRef } from "../../src/core/a1";
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { checkWorkbook } from "../../src/core/engine";
import { ignoreKey } from "../../src/hosts/host";
import { readState, writeState } from "../../src/hosts/file/state";
import { displayWidth, formatTable } from "../../src/cli/table";
import { isSummaryWorkbook } from "../../src/cli/summary";
import { ROOT, examplePath, fixturePath, readExample, toBytes } from "../helpers/xlsx";
import { noStackTrace, run } from "./capture";

const SEED = "examples/seed-form.xlsx";
const CLEAN = "examples/corrected-form.xlsx";
const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-batch-"));

async function seedResult() {
  return checkWorkbook((await readExample("seed-form.xlsx")).snapshot);
}

/** A folder as a reviewer receives it: good, bad and broken forms, one in a sub-folder. */
function reviewFolder(): string {
  const dir = tmp();
  mkdirSync(join(dir, "二科"));
  copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "科协-改好.xlsx"));
  copyFileSync(examplePath("seed-form.xlsx"), join(dir, "二科", "科协 初稿.xlsx"));
  copyFileSync(fixturePath("two-forms.xlsx"), join(dir, "两张表.xlsx"));
  copyFileSync(fixturePath("csv-renamed.xlsx"), join(dir, "改了扩展名.xlsx"));
  copyFileSync(fixturePath("not-the-form.xlsx"), join(dir, "工资表.xlsx"));
  return dir;
}

describe("display width", () => {
  test("Chinese characters and full-width punctuation take two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("科协")).toBe(4);
    expect(displayWidth("（部门）、")).toBe(10);
    expect(displayWidth("a「b」")).toBe(6);
  });

  test("formatTable pads by display width, numbers to the right", () => {
    expect(
      formatTable(
        [
          ["文件", "n"],
          ["a.xlsx", "1"],
          ["科协.xlsx", "10"],
        ],
        ["left", "right"],
      ),
    ).toEqual(["文件        n", "a.xlsx      1", "科协.xlsx  10"]);
  });
});

describe("the verdict table at the end of a text run", () => {
  test("one line per form or unreadable file, columns aligned in display width", async () => {
    const dir = reviewFolder();
    const r = await run(["check", "."], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.out.trimEnd().split("\n");
    const head = lines.findIndex((l) => /^文件\s+类型\s+部门\/项目\s+结论\s+错误\s+警告\s+提示$/.test(l));
    expect(head).toBeGreaterThan(0);
    const table = lines.slice(head, head + 7);
    expect(lines[head + 7]).toBe("");
    // Every column starts at the same display column on every line.
    const starts = (l: string, word: string) => displayWidth(l.slice(0, l.indexOf(word)));
    const verdictCol = starts(table[0], "结论");
    for (const l of table.slice(1)) expect(starts(l, l.match(/可以提交|需修改|未检查|无法读取/)![0])).toBe(verdictCol);
    const widths = table.map(displayWidth);
    expect(new Set(widths).size).toBe(1);
    const rows = table.slice(1).map((l) => l.split(/\s{2,}/));
    expect(rows).toEqual([
      ["两张表.xlsx [科协]", "部门整体", expect.any(String), "可以提交", "0", "0", "0"],
      ["两张表.xlsx [文化馆]", "部门整体", "广州市白云区文化馆", "可以提交", "0", "0", "0"],
      [
        "二科/科协 初稿.xlsx",
        "部门整体",
        expect.stringContaining("广州市白云"),
        "需修改",
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^\d+$/),
        expect.stringMatching(/^\d+$/),
      ],
      // A workbook without a form is not checked: never sent back as 需修改.
      ["工资表.xlsx", "-", "-", "未检查", "-", "-", "-"],
      ["改了扩展名.xlsx", "-", "-", "无法读取", "-", "-", "-"],
      ["科协-改好.xlsx", "部门整体", expect.stringContaining("广州市白云"), "可以提交", "0", "0", "0"],
    ]);
    expect(lines[lines.length - 2]).toBe("结论:可以提交 3 份,需修改 1 份,未检查 1 个,无法读取 1 个");
    noStackTrace(r.out + r.err);
  });

  test("--quiet lists errors only, still counts the rest, and leaves out files without errors", async () => {
    const seed = await seedResult();
    const r = await run(["check", CLEAN, SEED, "--quiet"]);
    expect(r.code).toBe(1);
    for (const f of seed.findings) {
      const line = `    ${formatRef(f.cells[0])}${f.cells.length > 1 ? ` 等 ${f.cells.length} 处` : ""}  ${f.rule}  ${f.message.zh}`;
      if (f.severity === "error") expect(r.out).toContain(line);
      else expect(r.out).not.toContain(line);
    }
    expect(r.out).not.toContain(`${CLEAN}  [申报表]`);
    expect(r.out).not.toMatch(/^ {2}(警告|提示)$/m);
    expect(r.out).toMatch(new RegExp(`^${CLEAN} +.+ +可以提交 +0 +0 +0$`, "m"));
    const json = JSON.parse((await run(["check", SEED, "--quiet", "-q", "--format", "json"])).out);
    expect(json.files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(
      seed.findings.filter((f) => f.severity === "error").map(() => "error"),
    );
    expect(json.files[0].summary).toEqual(seed.summary);
  });

  test("--max-warnings: exit 1 only when the total is exceeded (ESLint's convention)", async () => {
    const seed = await seedResult();
    const w = seed.summary.warning;
    expect(w).toBeGreaterThan(0);
    // The clean form has no warning: at the limit, exit 0; the seed also has errors, so use a config that drops them.
    const dir = tmp();
    const cfg = join(dir, "no-errors.json");
    const errorRules = [...new Set(seed.findings.filter((f) => f.severity === "error").map((f) => f.rule))];
    writeFileSync(cfg, JSON.stringify({ rules: Object.fromEntries(errorRules.map((id) => [id, "off"])) }));
    const atLimit = await run(["check", SEED, "--config", cfg, "--max-warnings", String(w)]);
    expect(atLimit.code).toBe(0);
    expect(atLimit.err).toBe("");
    const over = await run(["check", SEED, "--config", cfg, "--max-warnings", String(w - 1)]);
    expect(over.code).toBe(1);
    expect(over.err).toBe(`警告共 ${w} 个,超过 --max-warnings 允许的 ${w - 1} 个。\n`);
    const en = await run(["check", SEED, "--config", cfg, "--max-warnings=0", "--lang", "en"]);
    expect([en.code, en.err]).toEqual([1, `${w} warnings, more than --max-warnings allows (0).\n`]);
    expect((await run(["check", SEED, "--config", cfg, "--max-warnings", "-1"])).code).toBe(0);
  });

  test.each([["many"], ["1.5"], [""]])("--max-warnings %j → exit 2 naming the option", async (v) => {
    const r = await run(["check", CLEAN, "--max-warnings", v]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--max-warnings 应为不小于 0 的整数");
    expect(r.out).toBe("");
  });
});

describe("findings the form's authors ignored in the add-in", () => {
  /** The seed with its only error and one warning ignored, as the pane's 忽略 button saves them. */
  async function seedWithIgnored(dir: string): Promise<{ file: string; ignored: string[] }> {
    const seed = await seedResult();
    const error = seed.findings.find((f) => f.severity === "error")!;
    const warning = seed.findings.find((f) => f.severity === "warning")!;
    expect(seed.summary.error).toBe(1);
    const read = await readExample("seed-form.xlsx");
    const state = readState(read.workbook);
    state.ignored = [ignoreKey(error), ignoreKey(warning)];
    writeState(read.workbook, state);
    const file = join(dir, "已忽略.xlsx");
    writeFileSync(file, await toBytes(read.workbook));
    return { file, ignored: state.ignored };
  }

  test("are not reported by check, only counted; --include-ignored reports them", async () => {
    const dir = tmp();
    const { file, ignored } = await seedWithIgnored(dir);
    const seed = await seedResult();

    const r = await run(["check", "已忽略.xlsx", "--format", "json"], { cwd: dir });
    const entry = JSON.parse(r.out).files[0];
    // The JSON output's cells are A1 text; the key's cell is the same text.
    const keys = entry.findings.map((f: { rule: string; cells: string[] }) => `${f.rule}@${f.cells[0] ?? ""}`);
    for (const k of ignored) expect(keys).not.toContain(k);
    expect(entry.findings).toHaveLength(seed.findings.length - 2);
    expect(entry.summary).toEqual({ error: 0, warning: seed.summary.warning - 1, info: seed.summary.info });
    expect(entry.ignored).toBe(2);
    // The only error was ignored: the form can be submitted.
    expect(r.code).toBe(0);

    const text = await run(["check", "已忽略.xlsx"], { cwd: dir });
    expect(text.out).toContain("  另有 2 条问题已由填表人在加载项中忽略(--include-ignored 可显示)");
    expect(text.out).toMatch(/^已忽略\.xlsx +.+ +可以提交 +0 +\d+ +\d+ +2$/m);
    expect(text.out.trimEnd().split("\n").pop()!.endsWith("(另有 2 条已忽略)")).toBe(true);

    const all = await run(["check", file, "--format", "json", "--include-ignored"]);
    expect(JSON.parse(all.out).files[0].file).toBe(file);
    expect(JSON.parse(all.out).files[0].summary).toEqual(seed.summary);
    expect(JSON.parse(all.out).files[0].ignored).toBe(0);
    expect(all.code).toBe(1);
  });

  test("go through the pane's flow: the workbook's ignore list applies, its saved rule settings do not", async () => {
    const dir = tmp();
    const seed = await seedResult();
    const error = seed.findings.find((f) => f.severity === "error")!;
    const info = seed.findings.find((f) => f.severity === "info")!;
    const read = await readExample("seed-form.xlsx");
    const state = readState(read.workbook);
    // The authors ignored the error, and switched the info's rule off in their own settings.
    state.ignored = [ignoreKey(error)];
    state.settings.config = { rules: { [info.rule]: "off" } };
    writeState(read.workbook, state);
    writeFileSync(join(dir, "表.xlsx"), await toBytes(read.workbook));

    const r = await run(["check", "表.xlsx", "--format", "json"], { cwd: dir });
    const entry = JSON.parse(r.out).files[0];
    const rules = entry.findings.map((f: { rule: string }) => f.rule);
    // The reviewer's rules decide: the rule the authors switched off still reports.
    expect(rules).toContain(info.rule);
    expect(entry.findings).toHaveLength(seed.findings.length - 1);
    expect(entry.ignored).toBe(1);
    expect(entry.summary.error).toBe(0);

    // --include-ignored: the ignored error is back, and counted as an error again.
    const all = JSON.parse((await run(["check", "表.xlsx", "--format", "json", "--include-ignored"], { cwd: dir })).out).files[0];
    expect(all.findings).toContainEqual(expect.objectContaining({ rule: error.rule, severity: "error" }));
    expect([all.summary.error, all.ignored]).toEqual([1, 0]);

    // The summary workbook counts the one ignored finding in its own column.
    await run(["check", "表.xlsx", "--summary", "汇总.xlsx"], { cwd: dir });
    const sum = new ExcelJS.Workbook();
    await sum.xlsx.readFile(join(dir, "汇总.xlsx"));
    const row = (sum.getWorksheet("汇总")!.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(6, 10)).toEqual([0, seed.summary.warning, seed.summary.info, 1]);
  });
});

/** The summary as exceljs alone reads it. */
async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describe("--summary FILE.xlsx", () => {
  const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

  test("one row per form or unreadable file, links, filters, frozen header, widths, print setup; 明细 holds every finding", async () => {
    const dir = reviewFolder();
    // The summary's folder does not exist yet: it is created, as --annotate's is.
    const out = join(dir, "结果", "汇总.xlsx");
    const seed = await seedResult();
    const r = await run(["check", ".", "--summary", "结果/汇总.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("已写出汇总表「结果/汇总.xlsx」。\n");
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "明细"]);

    const sum = wb.getWorksheet("汇总")!;
    expect(values(sum, 1)).toEqual([
      "文件",
      "工作表",
      "类型",
      "部门/项目",
      "支出合计(万元)",
      "结论",
      "错误",
      "警告",
      "提示",
      "已忽略",
      "主要问题",
    ]);
    expect(sum.rowCount).toBe(7);
    const rows = [2, 3, 4, 5, 6, 7].map((r) => values(sum, r));
    expect(rows.map((v) => [(v[0] as { text: string }).text, v[1] ?? null, v[2] ?? null, v[5]])).toEqual([
      ["两张表.xlsx", "科协", "部门整体", "可以提交"],
      ["两张表.xlsx", "文化馆", "部门整体", "可以提交"],
      ["二科/科协 初稿.xlsx", "申报表", "部门整体", "需修改"],
      ["工资表.xlsx", "工资表", null, "未检查"],
      ["改了扩展名.xlsx", null, null, "无法读取"],
      ["科协-改好.xlsx", "申报表", "部门整体", "可以提交"],
    ]);
    // What was found instead of a form, in the 主要问题 column.
    expect(String(rows[3][10])).toContain("没有找到绩效指标表");
    // Links relative to the summary's folder, so they survive moving both together.
    for (const v of rows) {
      const link = v[0] as { text: string; hyperlink: string };
      expect(link.hyperlink).toBe(relative(join(dir, "结果"), join(dir, link.text)));
      expect(existsSync(join(dir, "结果", link.hyperlink))).toBe(true);
    }
    const seedRow = rows[2];
    expect(seedRow.slice(6, 10)).toEqual([seed.summary.error, seed.summary.warning, seed.summary.info, 0]);
    // 支出合计 = 基本支出 + 项目支出 as the form states them.
    const amounts = seed.forms[0].model.amounts;
    expect(seedRow[4]).toBeCloseTo(amounts.basic!.amount.value! + amounts.project!.amount.value!, 2);
    expect(sum.getCell("E2").numFmt).toBe("0.00");
    // The top problems in words: the error first.
    const problems = String(seedRow[10]).split("\n");
    expect(problems.length).toBeGreaterThan(1);
    expect(problems[0]).toBe(`错误:${seed.findings.find((f) => f.severity === "error")!.message.zh}`);
    expect(String(rows[4][10])).toContain("文本文件");
    expect(rows[0][10] ?? null).toBeNull();
    // Wrapped problems get a row tall enough for every line (a file carries no heights otherwise,
    // and LibreOffice or a printout shows one line); a row without problems keeps the default.
    expect(sum.getCell("K4").alignment).toMatchObject({ wrapText: true });
    expect(sum.getRow(4).height).toBeGreaterThanOrEqual(15 * problems.length);
    expect(sum.getRow(2).height ?? 15).toBe(15);

    expect(sum.autoFilter).toBe("A1:K7");
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    for (let c = 1; c <= 11; c++) expect(sum.getColumn(c).width).toBeGreaterThan(5);
    expect(sum.getColumn(11).width).toBeGreaterThan(sum.getColumn(7).width!);
    expect(sum.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });

    const det = wb.getWorksheet("明细")!;
    expect(values(det, 1)).toEqual(["文件", "部门/项目", "单元格", "级别", "类别", "规则", "说明"]);
    const seedDetails = [];
    for (let i = 2; i <= det.rowCount; i++) if (det.getCell(i, 1).value === "二科/科协 初稿.xlsx") seedDetails.push(values(det, i));
    expect(seedDetails).toEqual(
      seed.findings.map((f) => [
        expect.any(String),
        expect.any(String),
        formatRef(f.cells[0]),
        expect.any(String),
        expect.any(String),
        f.rule,
        f.message.zh,
      ]),
    );
    expect(det.rowCount).toBe(1 + seed.findings.length); // 工资表 was not checked: no finding of its own
    expect(det.autoFilter).toBe(`A1:G${det.rowCount}`);
    expect(det.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    noStackTrace(r.out + r.err);
  });

  test("a missing file gets a row with its reason and no link", async () => {
    const dir = tmp();
    await run(["check", "没有这个.xlsx", "--summary", "汇总.xlsx"], { cwd: dir });
    const row = values((await load(join(dir, "汇总.xlsx"))).getWorksheet("汇总")!, 2);
    expect([row[0], row[5], row[10]]).toEqual(["没有这个.xlsx", "无法读取", "找不到文件「没有这个.xlsx」"]);
  });

  test("in English; a later check of the folder skips the summary it holds", async () => {
    const dir = tmp();
    copyFileSync(examplePath("seed-form.xlsx"), join(dir, "a.xlsx"));
    const first = await run(["check", ".", "--summary", "summary.xlsx", "--lang", "en"], { cwd: dir });
    expect(first.err).toBe('Wrote the summary "summary.xlsx".\n');
    const wb = await load(join(dir, "summary.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Findings"]);
    expect(values(wb.getWorksheet("Summary")!, 2)[5]).toBe("Needs changes");

    copyFileSync(join(dir, "summary.xlsx"), join(dir, "old-summary.xlsx"));
    const again = await run(["check", ".", "--format", "json"], { cwd: dir });
    expect(JSON.parse(again.out).files.map((f: { file: string }) => f.file)).toEqual(["a.xlsx"]);
    expect(again.err).toBe("已跳过 2 个由 budget-form 生成的汇总表。\n");
  });

  test.each([
    [["--summary", "汇总.csv"], "--summary 的文件应以 .xlsx(或 .html)结尾"],
    [["--summary", "申报表.xlsx"], "「申报表.xlsx」已存在,且不是 budget-form 写出的汇总表,不会覆盖它"],
    [["--summary", "其他.xlsx"], "「其他.xlsx」已存在,且不是 budget-form 写出的汇总表"],
    [["--summary", "坏的.xlsx"], "「坏的.xlsx」已存在"],
  ])("%j → exit 2, no file touched", async (args, message) => {
    const dir = tmp();
    copyFileSync(examplePath("seed-form.xlsx"), join(dir, "申报表.xlsx"));
    copyFileSync(fixturePath("not-the-form.xlsx"), join(dir, "其他.xlsx"));
    copyFileSync(fixturePath("truncated.xlsx"), join(dir, "坏的.xlsx"));
    const before = ["申报表.xlsx", "其他.xlsx", "坏的.xlsx"].map((f) => readFileSync(join(dir, f)));
    const r = await run(["check", "申报表.xlsx", ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe("");
    expect(["申报表.xlsx", "其他.xlsx", "坏的.xlsx"].map((f) => readFileSync(join(dir, f)))).toEqual(before);
  });

  test("--summary FILE.html: the same rows as a self-contained page; replaced on the next run, never another page", async () => {
    const dir = reviewFolder();
    const seed = await seedResult();
    const r = await run(["check", ".", "--summary", "汇总.html"], { cwd: dir });
    expect(r.err).toBe("已写出汇总表「汇总.html」。\n");
    const html = readFileSync(join(dir, "汇总.html"), "utf8");
    const rows = (html.match(/<tr class="[a-z]+">/g) ?? []).length;
    expect(rows).toBe(6 + seed.findings.length);
    expect(html).toContain('<tr class="unchecked"><td><a href="%E5%B7%A5');
    expect(html).toContain(
      '<tr class="revise"><td><a href="%E4%BA%8C%E7%A7%91/%E7%A7%91%E5%8D%8F%20%E5%88%9D%E7%A8%BF.xlsx">二科/科协 初稿.xlsx</a></td>',
    );
    expect(html).toContain('<tr class="unreadable"><td><a href="%E6%94%B9');
    expect(html).not.toMatch(/<script|https?:\/\//);
    for (const f of seed.findings)
      expect(html).toContain(f.message.zh.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    // A second run replaces its own page; any other page is refused.
    expect((await run(["check", ".", "--summary", "汇总.html"], { cwd: dir })).err).toBe("已写出汇总表「汇总.html」。\n");
    writeFileSync(join(dir, "其他.html"), "<html><body>我的笔记</body></html>");
    const refused = await run(["check", ".", "--summary", "其他.html"], { cwd: dir });
    expect([refused.code, readFileSync(join(dir, "其他.html"), "utf8")]).toEqual([2, "<html><body>我的笔记</body></html>"]);
  });

  test("ignored findings are counted in the summary's 已忽略 column", async () => {
    const dir = tmp();
    const read = await readExample("seed-form.xlsx");
    const seed = await seedResult();
    const state = readState(read.workbook);
    state.ignored = seed.findings.filter((f) => f.severity === "info").map(ignoreKey);
    writeState(read.workbook, state);
    writeFileSync(join(dir, "表.xlsx"), await toBytes(read.workbook));
    await run(["check", "表.xlsx", "--summary", "汇总.xlsx"], { cwd: dir });
    const row = values((await load(join(dir, "汇总.xlsx"))).getWorksheet("汇总")!, 2);
    expect(row.slice(6, 10)).toEqual([seed.summary.error, seed.summary.warning, 0, new Set(state.ignored).size]);
  });
});

test("an annotated copy never takes the summary's name", async () => {
  const dir = tmp();
  copyFileSync(examplePath("seed-form.xlsx"), join(dir, "a.xlsx"));
  const r = await run(["check", "a.xlsx", "--annotate", "out", "--summary", "out/a.xlsx"], { cwd: dir });
  expect(r.err).toContain("「a.xlsx」的副本名为「a-2.xlsx」");
  expect(isSummaryWorkbook(await load(join(dir, "out", "a.xlsx")))).toBe(true);
  expect(existsSync(join(dir, "out", "a-2.xlsx"))).toBe(true);
});

test("--annotate says where it wrote, and which copy had to take another name", async () => {
  const dir = tmp();
  copyFileSync(examplePath("seed-form.xlsx"), join(dir, "申报表.xlsx"));
  const r = await run(["check", "申报表.xlsx", "--annotate", "."], { cwd: dir });
  expect(r.err).toBe("已在「.」写出 1 份带标注的副本。\n  「申报表.xlsx」的副本名为「申报表-2.xlsx」(同名文件已存在或是输入文件)\n");
  const en = await run(["check", join(ROOT, CLEAN), "--annotate", "out", "--lang", "en"], { cwd: dir });
  expect(en.err).toBe('Wrote 1 annotated copy to "out".\n');
});
