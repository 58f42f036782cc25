/**
 * `budget-form add` into the project example, whose 满意度 category cell is merged across the 一级 and
 * 二级 columns (湖南's layout): the row joins that group, under the same merged label, and the input is
 * left as it was.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../src/core/engine";
import { readXlsx } from "../../src/hosts/file/read";
import { ROOT } from "../helpers/xlsx";
import { noStackTrace, run } from "./capture";

test("a satisfaction template lands under 社会公众或服务对象满意度指标, which grows over the new row", async () => {
  const input = join(ROOT, "examples/project-form.xlsx");
  const before = readFileSync(input);
  const out = join(mkdtempSync(join(tmpdir(), "add-project-")), "x.xlsx");
  const r = await run(["add", "examples/project-form.xlsx", "--template", "satisfaction.public", "--out", out]);
  noStackTrace(r.out + r.err);
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
  expect(r.out).toContain("第 19 行");
  expect(readFileSync(input).equals(before)).toBe(true);

  const bytes = new Uint8Array(readFileSync(out));
  const table = checkWorkbook((await readXlsx(bytes, "x.xlsx")).snapshot).forms[0].model.indicators!;
  const rows = table.rows.filter((x) => x.level1 === "满意度").map((x) => [x.row + 1, x.level2, x.name.text, x.annual.text]);
  expect(rows).toEqual([
    [18, "服务对象满意度", "市民满意度", "≥90%"],
    [19, "服务对象满意度", "群众满意度(%)", "≥95%"],
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const merges = (wb.worksheets[0].model as { merges: string[] }).merges;
  expect(merges).toEqual(expect.arrayContaining(["B18:C19", "A8:A19"]));
  expect(merges).not.toContain("B18:C18");
});
