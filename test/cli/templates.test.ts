import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/engine";
import { CATALOGUE, findTemplate } from "../../src/core/templates/catalogue";
import { defaultValues } from "../../src/core/templates/insert";
import { readXlsx } from "../../src/hosts/file";
import { disagreements, exceljsRead, independentRead } from "../helpers/genForm";
import { brokenConditions } from "../helpers/postConditions";
import { run as capture } from "./capture";

const EXAMPLES = join(__dirname, "../../examples");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bf-templates-"));
  copyFileSync(join(EXAMPLES, "corrected-form.xlsx"), join(dir, "corrected.xlsx"));
  copyFileSync(join(EXAMPLES, "seed-form.xlsx"), join(dir, "seed.xlsx"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const { code, out: stdout, err: stderr } = await capture(argv, { cwd: dir });
  return { code, stdout, stderr };
}

const hash = (file: string) =>
  createHash("sha256")
    .update(readFileSync(join(dir, file)))
    .digest("hex");
const load = async (file: string) => readXlsx(readFileSync(join(dir, file)), file);
/** The written file through the raw OOXML reader, which shares no code with the writer (issue #7). */
const raw = async (file: string) => independentRead(readFileSync(join(dir, file)));
/** exceljs's read of the file disagrees with the raw read nowhere. */
const readersAgree = async (file: string) => disagreements(await raw(file), await exceljsRead(readFileSync(join(dir, file)))).diffs;

describe("budget-form templates", () => {
  test("lists the whole catalogue, grouped by 一级 / 二级", async () => {
    const r = await run("templates");
    expect(r.code).toBe(0);
    for (const t of CATALOGUE) expect(r.stdout).toContain(t.id);
    expect(r.stdout).toMatch(/^满意度指标 \/ 服务对象满意度指标$/m);
    expect(r.stdout).toMatch(/satisfaction\.service-recipients\s+服务对象满意度\(%\) {2}≥95%/);
    expect(r.stdout).toContain(`共 ${CATALOGUE.length} 个模板。`);
    // Groups come in the table's order.
    expect(r.stdout.indexOf("数量指标")).toBeLessThan(r.stdout.indexOf("时效指标"));
    expect(r.stdout.indexOf("时效指标")).toBeLessThan(r.stdout.indexOf("服务对象满意度指标"));
  });

  test("--format json, filters, and a custom library", async () => {
    writeFileSync(
      join(dir, "mine.json"),
      JSON.stringify({ templates: [{ name: "档案数字化率(%)", level2: "质量", value: "≥80%", tags: ["档案管理"] }] }),
    );
    const all = await run("templates", "--format", "json", "--templates", "mine.json");
    expect(all.code).toBe(0);
    const list = JSON.parse(all.stdout).templates as { id: string; name: string }[];
    expect(list.length).toBe(CATALOGUE.length + 1);
    expect(list[list.length - 1]).toMatchObject({ name: "档案数字化率(%)" });
    expect(list[list.length - 1].id.startsWith("custom.")).toBe(true);
    // The documented public shape (README, 命令行), nothing internal.
    const keys = [
      "id",
      "name",
      "level1",
      "level2",
      "kind",
      "operator",
      "unit",
      "period",
      "annual",
      "formula",
      "tags",
      "custom",
      "citation",
    ];
    for (const t of list) expect(Object.keys(t)).toEqual(keys);
    expect(all.stdout).not.toMatch(/"(source|placement101|placement|needsValue|capByProjectAmount)"/);
    const byId = new Map(CATALOGUE.map((t) => [t.id, t]));
    for (const t of list.slice(0, -1) as unknown as Record<string, unknown>[]) {
      const c = byId.get(t.id as string)!;
      expect(t).toEqual({
        id: c.id,
        name: c.name,
        level1: c.placement.level1,
        level2: c.placement.level2,
        kind: c.kind,
        operator: c.operator,
        unit: c.unit,
        period: c.period,
        annual: c.annual,
        formula: c.formula,
        tags: c.tags,
        custom: false,
        citation: c.citation,
      });
      // Every catalogue template names its published source.
      expect(t.citation).toEqual({ document: expect.any(String), issuer: expect.any(String), year: c.citation!.year });
    }
    // A user's own template names none.
    expect(list[list.length - 1]).toMatchObject({ level2: "质量", custom: true, citation: null });
    const tagged = JSON.parse((await run("templates", "--format=json", "--tag", "会议培训", "--category", "满意度")).stdout).templates;
    expect(tagged.map((t: { id: string }) => t.id)).toEqual(["satisfaction.trainees"]);
    const searched = await run("templates", "--search", "三公");
    expect(searched.stdout).toContain("cost.three-public-change");
    expect(searched.stdout).toContain("共 1 个模板。");
  });

  test("bad input: invalid library, unknown category, extra argument", async () => {
    writeFileSync(join(dir, "bad.json"), JSON.stringify([{ name: "x(个)", level2: "不知道" }]));
    const bad = await run("templates", "--templates", "bad.json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("模板库「bad.json」有误");
    expect(bad.stderr).toContain("第 1 个模板:二级指标无法识别");
    const missing = await run("templates", "--templates", "nope.json");
    expect(missing.stderr).toBe("无法读取模板库「nope.json」:文件不存在\n");
    expect((await run("templates", "--category", "别的")).stderr).toMatch(/^--category 无法识别「别的」/);
    expect((await run("templates", "extra")).code).toBe(2);
    expect((await run("templates", "--lang", "en", "--help")).stdout).toMatch(/^Usage: budget-form templates/);
  });
});

describe("budget-form add", () => {
  test("inserts the row into a new file and leaves the input alone", async () => {
    const before = hash("corrected.xlsx");
    const r = await run("add", "corrected.xlsx", "--template", "satisfaction.public", "--annual", ">=96%", "--out", "out.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "插入指标「群众满意度(%)」(满意度指标 / 服务对象满意度指标):插入「申报表」第 39 行,已写出「out.xlsx」\n插入后表中没有错误或警告。\n",
    );
    expect(hash("corrected.xlsx")).toBe(before);
    const out = await load("out.xlsx");
    const result = checkWorkbook(out.snapshot);
    const row = result.forms[0].model.indicators!.rows.find((x) => x.row === 38)!;
    expect([row.level1, row.level2, row.name.value, row.period?.value, row.annual.value]).toEqual([
      "满意度",
      "服务对象满意度",
      "群众满意度(%)",
      "≥96%",
      "≥96%",
    ]);
    const original = checkWorkbook((await load("corrected.xlsx")).snapshot);
    expect(result.summary).toEqual(original.summary);
    // The written file, read without exceljs: the post-conditions of the insertion hold, and exceljs agrees.
    const inserted = {
      row: 38,
      mode: "append" as const,
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "群众满意度(%)",
      values: ["≥96%", "≥96%"],
    };
    expect(brokenConditions(await raw("corrected.xlsx"), await raw("out.xlsx"), inserted)).toEqual([]);
    expect(await readersAgree("out.xlsx")).toEqual([]);
  });

  test("fills the seed's empty 时效 row", async () => {
    const r = await run("add", "seed.xlsx", "--template", "timeliness.project-on-schedule", "--out", "seed-out.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("填入「申报表」第 43 行");
    const out = await load("seed-out.xlsx");
    expect(out.snapshot.sheets[0].merges.sort()).toEqual((await load("seed.xlsx")).snapshot.sheets[0].merges.sort());
    // The written file, read without exceljs. (The seed prints 时效指标 in the 一级 column, so the
    // post-conditions' plain reading of the groups does not apply: the cells are checked one by one.)
    const t = findTemplate("timeliness.project-on-schedule")!;
    const { period, annual } = defaultValues(null, t);
    const [was, now] = [await raw("seed.xlsx"), await raw("seed-out.xlsx")];
    const keys = (m: { top: number; left: number; bottom: number; right: number }[]) => m.map((x) => JSON.stringify(x)).sort();
    expect(keys(now.merges)).toEqual(keys(was.merges));
    const moved = [...was.stored].filter(([k, v]) => now.stored.get(k) !== v);
    expect(moved).toEqual([]);
    expect([now.value(42, 1), now.value(42, 3), now.value(42, 4), now.value(42, 5)]).toEqual(["时效指标", t.name, period, annual]);
    expect(now.stored.size).toBe(was.stored.size + 3);
    expect(await readersAgree("seed-out.xlsx")).toEqual([]);
  });

  test("refuses to overwrite the input, in any spelling of its path", async () => {
    const before = hash("corrected.xlsx");
    for (const out of ["corrected.xlsx", "./corrected.xlsx", join(dir, "corrected.xlsx")]) {
      const r = await run("add", "corrected.xlsx", "--template", "satisfaction.public", "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^--out 不能是原文件「corrected\.xlsx」/);
    }
    symlinkSync(join(dir, "corrected.xlsx"), join(dir, "link.xlsx"));
    expect((await run("add", "link.xlsx", "--template", "satisfaction.public", "--out", "corrected.xlsx")).code).toBe(2);
    expect(hash("corrected.xlsx")).toBe(before);
    const noOut = await run("add", "corrected.xlsx", "--template", "satisfaction.public");
    expect(noOut.stderr).toMatch(/^请用 --out 指定新文件/);
  });

  test("unknown template, duplicate row, unreadable file: a message and nothing written", async () => {
    const unknown = await run("add", "corrected.xlsx", "--template", "no.such", "--out", "x.xlsx");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("没有编号为「no.such」的模板;运行 budget-form templates 查看全部编号\n");
    const dup = await run("add", "corrected.xlsx", "--template", "timeliness.payment", "--out", "x.xlsx");
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/^「资金支付及时率\(%\)」已在第 32 行/);
    writeFileSync(join(dir, "junk.xlsx"), "not a workbook");
    const junk = await run("add", "junk.xlsx", "--template", "satisfaction.public", "--out", "x.xlsx");
    expect(junk.code).toBe(2);
    expect(junk.stderr).not.toBe("");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  test("--config: the insertion is verified with the user's rule settings", async () => {
    // ≥80% is below the satisfaction floor: a warning by default, so the row goes in.
    const args = ["add", "corrected.xlsx", "--template", "satisfaction.public", "--annual", "≥80%"];
    expect((await run(...args, "--out", "default.xlsx")).code).toBe(0);
    expect(existsSync(join(dir, "default.xlsx"))).toBe(true);
    // Made an error by the user's config, it is a new error: nothing is written.
    writeFileSync(join(dir, "strict.json"), JSON.stringify({ rules: { "indicators/satisfaction-below-floor": "error" } }));
    const strict = await run(...args, "--config", "strict.json", "--out", "strict.xlsx");
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/出现新的错误:满意度目标「≥80%」低于 90%.*未写出文件/);
    expect(existsSync(join(dir, "strict.xlsx"))).toBe(false);
    // A bad config is refused before anything is read.
    writeFileSync(join(dir, "bad.json"), "{");
    const bad = await run(...args, "--config", "bad.json", "--out", "bad.xlsx");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/配置文件「bad\.json」不是有效的 JSON/);
  });

  test("a custom template from a library", async () => {
    writeFileSync(
      join(dir, "mine.json"),
      JSON.stringify({ templates: [{ id: "custom.digital", name: "档案数字化率(%)", level2: "质量", value: "≥80%" }] }),
    );
    const r = await run("add", "corrected.xlsx", "--templates", "mine.json", "--template", "custom.digital", "--out", "o.xlsx");
    expect(r.code).toBe(0);
    const rows = checkWorkbook((await load("o.xlsx")).snapshot).forms[0].model.indicators!.rows;
    expect(rows.find((x) => x.name.value === "档案数字化率(%)")).toMatchObject({ level2: "质量", row: 30 });
  });
});

describe("budget-form fix", () => {
  test("applies every safe fix to a copy, re-checking between them", async () => {
    const { workbook } = await load("corrected.xlsx");
    const ws = workbook.worksheets[0];
    ws.getCell("D8").value = "326.60"; // a number stored as text
    ws.getCell("D9").value = "40.64";
    ws.getCell("E22").value = "=1个"; // ASCII operators
    ws.getCell("F22").value = "=1个";
    writeFileSync(join(dir, "flawed.xlsx"), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const before = hash("flawed.xlsx");
    const original = checkWorkbook((await load("flawed.xlsx")).snapshot);
    expect(original.findings.filter((f) => f.fix).length).toBeGreaterThanOrEqual(3);

    const r = await run("fix", "flawed.xlsx", "--out", "fixed.xlsx");
    expect(hash("flawed.xlsx")).toBe(before);
    // Each fix with the values before and after: text in quotes, numbers bare, as read back.
    expect(r.stdout).toMatch(/^已修复: .* {2}申报表!D8: "326\.60" → 326\.6$/m);
    expect(r.stdout).toMatch(/^已修复: .* {2}申报表!D9: "40\.64" → 40\.64$/m);
    expect(r.stdout).toMatch(/^已修复: .*申报表!E22: "=1个" → "＝1个"/m);
    expect(r.stdout).not.toMatch(/未修复/);
    // Nothing left: no request to re-check.
    expect(r.stdout).toMatch(/共修复 \d+ 处,已写出「fixed\.xlsx」。没有剩下的错误或警告。\n$/);
    expect(r.stdout).not.toContain("budget-form check");
    const en = await run("fix", "flawed.xlsx", "--out", "fixed-en.xlsx", "--lang", "en");
    expect(en.stdout).toMatch(/^Fixed: .* {2}申报表!D8: "326\.60" → 326\.6$/m);
    expect(en.stdout).toMatch(/No error or warning is left\.\n$/);
    expect(r.code).toBe(0);
    const fixed = await load("fixed.xlsx");
    const cell = (a: string) => fixed.workbook.worksheets[0].getCell(a).value;
    expect([cell("D8"), cell("D9"), cell("E22"), cell("F22")]).toEqual([326.6, 40.64, "＝1个", "＝1个"]);
    // The same cells in the file itself, read without exceljs (issue #7): numbers stored as numbers.
    const seen = await raw("fixed.xlsx");
    expect([seen.value(7, 3), seen.value(8, 3), seen.value(21, 4), seen.value(21, 5)]).toEqual([326.6, 40.64, "＝1个", "＝1个"]);
    expect(await readersAgree("fixed.xlsx")).toEqual([]);
    expect(checkWorkbook(fixed.snapshot).findings).toEqual([]);
  });

  test("the seed: its fixes are written, the error that needs a person remains (exit 1)", async () => {
    const r = await run("fix", "seed.xlsx", "--out", "fixed.xlsx");
    expect(r.stdout).toMatch(/^共修复 [1-9]\d* 处,已写出「fixed\.xlsx」。仍有 1 个错误/m);
    expect(existsSync(join(dir, "fixed.xlsx"))).toBe(true);
    expect(r.code).toBe(1);
  });

  test("nothing to fix on the corrected form; refuses to overwrite the input", async () => {
    const r = await run("fix", "corrected.xlsx", "--out", "same.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("「corrected.xlsx」没有可自动修复的问题,未写出新文件。仍有 0 个错误、0 个警告。\n");
    expect(existsSync(join(dir, "same.xlsx"))).toBe(false);
    const same = await run("fix", "seed.xlsx", "--out", "seed.xlsx");
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^--out 不能是原文件/);
  });
});
