/**
 * The 校验报告 sheet says what was read of each form: its kind, name, sheet and table, on the row
 * under the summary, in every host (they share reportTable); with nothing given the row stays blank.
 */
import { readFileSync } from "fs";
import { validate } from "../../src/app/validate";
import { FileHost } from "../../src/hosts/file/fileHost";
import { readXlsx } from "../../src/hosts/file/read";
import { reportTable } from "../../src/hosts/reportRows";
import { whatWasRead } from "../../src/core/form/whatWasRead";
import { examplePath } from "../helpers/xlsx";

const NOW = new Date(2026, 0, 2, 3, 4);

test("the row under the summary names each form read, in the report's language", () => {
  const read = [
    { zh: "项目支出绩效目标表「甲」 · 工作表「表1」", en: 'project target form "甲" · sheet "表1"' },
    { zh: "部门整体绩效目标表 · 工作表「表2」", en: 'department-wide target form · sheet "表2"' },
  ];
  expect(reportTable([], "zh", NOW, read)[2]).toEqual([
    "项目支出绩效目标表「甲」 · 工作表「表1」;部门整体绩效目标表 · 工作表「表2」",
    "",
    "",
    "",
    "",
    "",
  ]);
  expect(reportTable([], "en", NOW, read)[2][0]).toBe('project target form "甲" · sheet "表1"; department-wide target form · sheet "表2"');
  expect(reportTable([], "zh", NOW)[2]).toEqual(["", "", "", "", "", ""]);
});

test("the file host's report on the project example says it is a project form", async () => {
  const host = await FileHost.fromData(readFileSync(examplePath("project-form.xlsx")), "project-form.xlsx");
  const r = await validate(host, { mark: false });
  await host.writeReport(
    r.findings,
    "zh",
    r.forms.map((f) => whatWasRead(f.model)),
  );
  const { workbook } = await readXlsx(await host.toBuffer(), "out.xlsx");
  const a3 = String(workbook.getWorksheet("校验报告")!.getCell("A3").value);
  expect(a3).toMatch(/^项目支出绩效目标表「.+」 · 工作表「Sheet1」 · 指标表第 8–18 行 · 目标值列 E$/);
});
