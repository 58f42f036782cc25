/**
 * examples/project-form.xlsx: a real published project form, built by `npm run examples` from its
 * source in the printed corpus's format, and checked with the findings its reviewer expected.
 */
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { printedXlsx } from "../../scripts/build-examples";
import { PrintedExpectation, PrintedForm, loadPrinted, printedWorkbook, scorePrinted } from "../../scripts/lib/printedCorpus";
import { checkWorkbook } from "../../src/core/engine";
import { readExample } from "../helpers/xlsx";
import { noStackTrace, run } from "./capture";

const ROOT = join(__dirname, "../..");
const source = readFileSync(join(ROOT, "examples/source/project-form.json"), "utf8");
const form = JSON.parse(source) as PrintedForm;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

test("is what `npm run examples` builds from its source today, and the source is the corpus form", async () => {
  expect(sha(await printedXlsx(source))).toBe(sha(readFileSync(join(ROOT, "examples/project-form.xlsx"))));
  expect(JSON.parse(readFileSync(join(ROOT, `test/corpus/printed/${form.id}.json`), "utf8"))).toEqual(form);
  expect(form.source).toMatch(/^https?:\/\//);
});

test("is read as a project form and checked with the findings its reviewer expected, no more", async () => {
  const expected = JSON.parse(readFileSync(join(ROOT, `test/corpus/printed/${form.id}.expected.json`), "utf8")) as PrintedExpectation;
  const result = checkWorkbook((await readExample("project-form.xlsx")).snapshot);
  expect(result.forms.map((f) => f.model.kind)).toEqual(["project"]);
  const score = scorePrinted(form, expected, result.findings);
  expect({ false: score.falsePositives.map((f) => `${f.rule} ${f.message.zh}`), missed: score.missed }).toEqual({ false: [], missed: [] });
  expect(score.truePositives.length).toBe(expected.problems.length);
});

describe("budget-form check on the project example and on sources that are no form", () => {
  test("JSON says what was read, as the reviewer read it: kind, project, department, header row, value columns", async () => {
    const expected = JSON.parse(readFileSync(join(ROOT, `test/corpus/printed/${form.id}.expected.json`), "utf8")) as PrintedExpectation;
    const r = await run(["check", "examples/project-form.xlsx", "--format", "json"]);
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.out).files;
    expect(entry.verdict).toBe("submit");
    expect(entry.form).toEqual({
      kind: "project",
      sheet: expected.read!.sheet,
      title: form.title,
      project: "雾炮车降尘抑尘服务",
      department: "湘潭市环境卫生管理处",
      indicatorHeaderRow: expected.read!.indicatorHeaderRow,
      indicatorRows: expect.any(Number),
      valueColumns: expected.read!.valueColumns,
    });
  });

  test("text: the read line names the kind and the project; the verdict table's 类型 is 项目", async () => {
    const r = await run(["check", "examples/project-form.xlsx"]);
    expect(r.out).toContain("\n  读到:项目支出绩效目标表「雾炮车降尘抑尘服务」 · 工作表「Sheet1」 · 指标表第 8–");
    expect(r.out).toMatch(/^examples\/project-form\.xlsx +项目 +雾炮车降尘抑尘服务 +可以提交 +0 +\d+ +\d+$/m);
  });

  test.each(["c3-tongxin-2022", "c3-tongxin-xmg-2023"])("%s (a notice, no target form): one sentence, 未检查, exit 2", async (id) => {
    const dir = mkdtempSync(join(tmpdir(), "printed-"));
    const file = join(dir, `${id}.xlsx`);
    writeFileSync(file, await printedWorkbook(loadPrinted(id).form));
    const r = await run(["check", file, "--format", "json"]);
    expect(r.code).toBe(2);
    const [entry] = JSON.parse(r.out).files;
    expect(entry).toEqual({ file, sheet: expect.any(String), verdict: "unchecked", notChecked: expect.stringMatching(/[\u4e00-\u9fff]/) });
    noStackTrace(r.out + r.err);
  });
});

test("--summary: the 类型 column says 项目 and the name column the project", async () => {
  const dir = mkdtempSync(join(tmpdir(), "summary-"));
  const out = join(dir, "汇总.xlsx");
  await run(["check", "examples/project-form.xlsx", "examples/seed-form.xlsx", "--summary", out]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const rows = [2, 3].map((r) => (wb.getWorksheet("汇总")!.getRow(r).values as unknown[]).slice(1, 6));
  expect(rows.map((v) => [v[2], v[3]])).toEqual([
    ["项目", "雾炮车降尘抑尘服务"],
    ["部门整体", "广州市白云区科学技术协会(部门)"],
  ]);
});
