/** 指标推荐 on the command line (issue #20): `templates --drafts`, the ids in `check --format json`, and `add --draft`. */
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/engine";
import { readXlsx } from "../../src/hosts/file";
import { run as capture } from "./capture";

const EXAMPLES = join(__dirname, "../../examples");
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bf-drafts-"));
  copyFileSync(join(EXAMPLES, "seed-form.xlsx"), join(dir, "seed.xlsx"));
  // The corrected example with a key task no indicator measures, as the rule's own test has it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(EXAMPLES, "corrected-form.xlsx"));
  const ws = wb.getWorksheet("申报表")!;
  ws.getCell("B18").value = "机关党建";
  ws.getCell("C18").value = "组织党员集中学习活动12次,开展主题党日。";
  ws.getCell("D18").value = 3.5;
  await wb.xlsx.writeFile(join(dir, "task.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const { code, out: stdout, err: stderr } = await capture(argv, { cwd: dir });
  return { code, stdout, stderr };
}

const load = async (file: string) => readXlsx(readFileSync(join(dir, file)), file);

/** The indicator on a 0-based row of a check's first form, as 一级, 二级, name, 实施期 and 年度 values. */
function indicatorAt(check: ReturnType<typeof checkWorkbook>, row: number): unknown[] {
  const got = check.forms[0].model.indicators!.rows.find((x) => x.row === row)!;
  return [got.level1, got.level2, got.name.value, got.period?.value, got.annual.value];
}

describe("budget-form templates --drafts", () => {
  test("lists each finding that offers drafts, then its drafts by id, in plain text", async () => {
    const r = await run("templates", "--drafts", "task.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^申报表!B18 {2}重点工作任务「机关党建」没有对应的绩效指标/m);
    expect(r.stdout).toMatch(/^ {2}B18-1 {2}党员集中学习活动次数\(次\) {2}≥12次 {2}\(产出指标 \/ 数量指标 · 插入为第 \d+ 行\)$/m);
    expect(r.stdout).toMatch(/^ {2}B18-2 {2}机关党建成本\(万元\) {2}≤3\.5万元 {2}\(产出指标 \/ 成本指标/m);
    const seed = await run("templates", "--drafts", "seed.xlsx");
    expect(seed.stdout.match(/^ {2}[A-Z]+\d+-\d+ /gm)!.map((s) => s.trim())).toEqual([
      "B43-1",
      "B43-2",
      "B43-3",
      "C47-1",
      "C48-1",
      "C48-2",
      "C48-3",
    ]);
    expect(seed.stdout).toContain("C48-1  管理机制健全性  优  (效益指标 / 可持续影响指标 · 填入第 48 行)");
    expect(seed.stdout).toContain("共 7 条拟定指标。");
    expect((await run("templates", "--drafts", "seed.xlsx", "--lang", "en")).stdout).toContain(
      "(效益指标 / 可持续影响指标 · fills row 48)",
    );
  });

  test("--format json carries the same ids as the suggestions of check --format json", async () => {
    const listed = JSON.parse((await run("templates", "--drafts", "seed.xlsx", "--format", "json")).stdout) as {
      drafts: { id: string; name: string; annual: string; level2: string; row: number; mode: string }[];
    };
    expect(listed.drafts.find((d) => d.id === "B43-2")).toMatchObject({
      name: "项目按时完成率(%)",
      annual: "＝100%",
      level2: "时效",
      row: 43,
      mode: "fill",
    });
    const checked = JSON.parse((await run("check", "seed.xlsx", "--format", "json")).stdout) as {
      files: { findings: { suggestions?: { id?: string; changes: { cell: string; after: unknown }[] }[] }[] }[];
    };
    const withIds = checked.files[0].findings.flatMap((f) => f.suggestions ?? []).filter((s) => s.id);
    expect(withIds.map((s) => s.id)).toEqual(listed.drafts.map((d) => d.id));
    // The id names the suggestion whose changes write that draft's name.
    const b432 = withIds.find((s) => s.id === "B43-2")!;
    expect(b432.changes.find((c) => c.cell === "申报表!D43")!.after).toBe("项目按时完成率(%)");
  });

  test("a form with nothing to draft says so", async () => {
    copyFileSync(join(EXAMPLES, "corrected-form.xlsx"), join(dir, "clean.xlsx"));
    const r = await run("templates", "--drafts", "clean.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("「clean.xlsx」没有可拟定的指标:每项重点工作任务都有对应指标,也没有空着的指标分类。\n");
  });
});

describe("budget-form add --draft", () => {
  test("inserts the drafted row, with the values given, in its group through the verified path", async () => {
    const r = await run("add", "task.xlsx", "--draft", "B18-1", "--annual", ">=10次", "--period", "≥20次", "--out", "out1.xlsx");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^插入指标「党员集中学习活动次数\(次\)」\(产出指标 \/ 数量指标\):插入「申报表」第 (\d+) 行,已写出「out1\.xlsx」\n插入后表中没有错误或警告。\n$/,
    );
    const row = Number(/第 (\d+) 行/.exec(r.stdout)![1]) - 1;
    const before = checkWorkbook((await load("task.xlsx")).snapshot);
    const after = checkWorkbook((await load("out1.xlsx")).snapshot);
    expect(indicatorAt(after, row)).toEqual(["产出", "数量", "党员集中学习活动次数(次)", "≥20次", "≥10次"]);
    // The task now has its indicator; nothing new is reported.
    expect(after.findings.filter((f) => f.rule === "tasks/no-matching-indicator")).toEqual([]);
    expect(after.summary.error).toBe(before.summary.error);
    expect(after.summary.warning).toBe(before.summary.warning - 1);
  });

  test("--name renames the drafted row; the cost draft lands in 成本", async () => {
    const r = await run(
      "add",
      "task.xlsx",
      "--draft",
      "b18-2",
      "--name",
      "党建工作经费(万元)",
      "--annual",
      "≤3.2万元",
      "--out",
      "out2.xlsx",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const row = Number(/第 (\d+) 行/.exec(r.stdout)![1]) - 1;
    expect(indicatorAt(checkWorkbook((await load("out2.xlsx")).snapshot), row)).toEqual([
      "产出",
      "成本",
      "党建工作经费(万元)",
      "≤3.2万元",
      "≤3.2万元",
    ]);
  });

  test("the seed's empty 可持续影响 row is filled with the edited draft", async () => {
    const r = await run("add", "seed.xlsx", "--draft", "C48-3", "--annual", "≥250人", "--out", "out3.xlsx");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("填入「申报表」第 48 行");
    expect(indicatorAt(checkWorkbook((await load("out3.xlsx")).snapshot), 47)).toEqual([
      "效益",
      "可持续影响",
      "科普志愿者队伍人数(人)",
      "≥250人",
      "≥250人",
    ]);
  });

  test("a draft that fails the checks as given, an unknown id, or both --template and --draft: nothing written", async () => {
    const vague = await run("add", "seed.xlsx", "--draft", "C48-3", "--annual", "约250人", "--out", "bad1.xlsx");
    expect(vague.code).toBe(2);
    expect(vague.stderr).toBe(
      "拟定指标「科普志愿者队伍人数(人)」按所给的值未通过检查,未写出文件:\n  申报表!E48: 「约250人」含模糊表述「约」,请改为明确的目标值(如「≥250人」)\n",
    );
    expect(existsSync(join(dir, "bad1.xlsx"))).toBe(false);
    const unknown = await run("add", "seed.xlsx", "--draft", "C49-1", "--out", "bad2.xlsx");
    expect([unknown.code, unknown.stderr]).toEqual([2, "没有编号为「C49-1」的拟定指标,您是不是要用「C47-1」?\n"]);
    const far = await run("add", "seed.xlsx", "--draft", "任务一", "--out", "bad2.xlsx");
    expect(far.stderr).toBe("「seed.xlsx」没有编号为「任务一」的拟定指标;运行 budget-form templates --drafts seed.xlsx 查看全部编号\n");
    const both = await run("add", "seed.xlsx", "--draft", "C48-3", "--template", "satisfaction.public", "--out", "bad3.xlsx");
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([2, "--template 与 --draft 只能用一个"]);
    expect(["bad2.xlsx", "bad3.xlsx"].some((f) => existsSync(join(dir, f)))).toBe(false);
  });
});
