import { cellsOf } from "../../helpers/cells";
import { formatRef } from "../../../src/core/a1";
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../../src/core/engine";
import { recognizeWorkbook } from "../../../src/core/form/recognize";
import { CATEGORY_NAMES, SEVERITY_NAMES } from "../../../src/core/i18n";
import { markArgb } from "../../../src/core/marks";
import { Finding } from "../../../src/core/rules/types";
import { FileHost, FileHostEvent } from "../../../src/hosts/file/fileHost";
import { examplePath } from "../../helpers/xlsx";

const open = () => FileHost.fromData(readFileSync(examplePath("seed-form.xlsx")), "seed-form.xlsx");

async function reopen(host: FileHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

const visibleSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
const formulaOf = (c: ExcelJS.Cell) => (c.value as { formula?: string } | null)?.formula;
const fillOf = (c: ExcelJS.Cell) => (c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
/** Comparable findings: what the user sees, in order. */
const shape = (fs: Finding[]) => fs.map((f) => `${f.rule}|${f.severity}|${f.cells.map(formatRef).join(",")}|${f.message.zh}`);

function finding(rule: string, message: string, ...cells: string[]): Finding {
  return {
    rule,
    severity: "error",
    category: "budget",
    messageId: "m",
    data: {},
    message: { zh: message, en: message },
    cells: cellsOf(...cells),
  };
}

describe("FileHost.writeReport", () => {
  test("writes a 校验报告 sheet on the seed form: a row per finding, links to the cells, bold frozen header", async () => {
    const host = await open();
    const findings = checkWorkbook((await host.read()).snapshot).findings;
    expect(findings.length).toBeGreaterThan(5);
    const events: FileHostEvent[] = [];
    host.subscribe((e) => events.push(e));
    const changed = jest.fn();
    host.onChange(changed);

    await host.writeReport(findings, "zh");
    expect(changed).toHaveBeenCalledTimes(1);
    expect(events).toEqual([{ type: "workbook" }, { type: "selection", sheet: "校验报告", row: 0, col: 0 }]);
    expect(host.getSelection()).toEqual({ sheet: "校验报告", row: 0, col: 0 });

    const wb = await reopen(host);
    expect(visibleSheets(wb)).toEqual(["申报表", "校验报告"]);
    const ws = wb.getWorksheet("校验报告")!;
    expect(ws.getCell("A1").value).toBe("绩效表助手 · 校验报告");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    // Title and summary span the table instead of wrapping in narrow column A.
    for (const a of ["F1", "B2", "F2"])
      expect([a, ws.getCell(a).isMerged, ws.getCell(a).master.address]).toEqual([a, true, a.endsWith("1") ? "A1" : "A2"]);
    expect(ws.getCell("A2").value).toMatch(new RegExp(`^错误 ${findings.filter((f) => f.severity === "error").length} 个 · `));
    const header = [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(4, c));
    expect(header.map((c) => c.value)).toEqual(["序号", "级别", "类别", "问题", "单元格", "规则"]);
    expect(header.every((c) => c.font?.bold === true)).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    for (let c = 1; c <= 6; c++) expect(ws.getColumn(c).width).toBeGreaterThan(5);
    expect(ws.getColumn(4).width).toBeGreaterThan(ws.getColumn(2).width!);

    findings.forEach((f, i) => {
      const row = 5 + i;
      expect(ws.getCell(row, 1).value).toBe(i + 1);
      expect(ws.getCell(row, 2).value).toBe(SEVERITY_NAMES[f.severity].zh);
      expect(fillOf(ws.getCell(row, 2))).toBe(markArgb(f.severity));
      expect(ws.getCell(row, 3).value).toBe(CATEGORY_NAMES[f.category].zh);
      expect(ws.getCell(row, 4).value).toBe(f.message.zh);
      expect(ws.getCell(row, 6).value).toBe(f.rule);
      const link = ws.getCell(row, 5);
      const m = /^HYPERLINK\("#'([^']+)'!([A-Z]+\d+)","([^"]+)"\)$/.exec(formulaOf(link) ?? "");
      expect(m).not.toBeNull();
      // The link jumps to exactly the finding's first cell, on a sheet the workbook has.
      expect(`${m![1]}!${m![2]}`).toBe(formatRef(f.cells[0]));
      expect(m![3]).toBe(formatRef(f.cells[0]));
      expect(wb.getWorksheet(m![1])).toBeDefined();
      expect(link.result).toBe(formatRef(f.cells[0]));
    });
    expect(ws.rowCount).toBe(4 + findings.length);
    // A link the reviewer can spot: the seed flags E41, so some row links there.
    expect(
      findings.some(
        (f, i) => formatRef(f.cells[0]) === "申报表!E41" && formulaOf(ws.getCell(5 + i, 5)) === `HYPERLINK("#'申报表'!E41","申报表!E41")`,
      ),
    ).toBe(true);
  });

  test("the report sheet is not taken for a form: the reopened workbook checks the same", async () => {
    const host = await open();
    const before = checkWorkbook((await host.read()).snapshot).findings;
    await host.writeReport(before, "zh");
    // In memory (what the preview re-checks) and after a download.
    const snap = (await host.read()).snapshot;
    expect(snap.sheets.map((s) => s.name)).toEqual(["申报表", "校验报告"]);
    expect(recognizeWorkbook(snap).find((r) => r.sheet === "校验报告")!.forms).toEqual([]);
    expect(shape(checkWorkbook(snap).findings)).toEqual(shape(before));
    const again = await FileHost.fromData(await host.toBuffer(), "seed-form.xlsx");
    const result = checkWorkbook((await again.read()).snapshot);
    expect(result.forms.map((f) => f.sheet)).toEqual(["申报表"]);
    expect(shape(result.findings)).toEqual(shape(before));
  });

  test("re-running replaces the report it wrote, in its place among the tabs", async () => {
    const host = await open();
    const findings = checkWorkbook((await host.read()).snapshot).findings;
    await host.writeReport(findings, "zh");
    host.excelWorkbook.addWorksheet("备注").getCell("A1").value = "后加的表";
    await host.writeReport(findings.slice(0, 2), "zh");
    const wb = await reopen(host);
    expect(visibleSheets(wb)).toEqual(["申报表", "校验报告", "备注"]);
    const ws = wb.getWorksheet("校验报告")!;
    expect(ws.rowCount).toBe(4 + 2);
    expect(ws.getCell("D6").value).toBe(findings[1].message.zh);
    expect(wb.getWorksheet("备注")!.getCell("A1").value).toBe("后加的表");
  });

  test("a user's own 校验报告 sheet is untouched: the report goes to 校验报告 2, and stays there on a re-run", async () => {
    const host = await open();
    const mine = host.excelWorkbook.addWorksheet("校验报告");
    mine.getCell("A1").value = "我的笔记";
    mine.getCell("B3").value = 42;
    const findings = checkWorkbook((await host.read()).snapshot).findings;
    await host.writeReport(findings, "zh");
    await host.writeReport(findings.slice(0, 1), "zh");
    expect(host.getSelection()).toEqual({ sheet: "校验报告 2", row: 0, col: 0 });
    const wb = await reopen(host);
    expect(visibleSheets(wb)).toEqual(["申报表", "校验报告", "校验报告 2"]);
    const theirs = wb.getWorksheet("校验报告")!;
    expect(theirs.getCell("A1").value).toBe("我的笔记");
    expect(theirs.getCell("B3").value).toBe(42);
    expect(theirs.rowCount).toBe(3);
    const ours = wb.getWorksheet("校验报告 2")!;
    expect(ours.getCell("A1").value).toBe("绩效表助手 · 校验报告");
    expect(ours.rowCount).toBe(5);
  });

  test("refuses, changing nothing, when every report name is a user's sheet", async () => {
    const host = await open();
    const names = ["校验报告", ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `校验报告 ${n}`)];
    for (const n of names) host.excelWorkbook.addWorksheet(n).getCell("A1").value = "mine";
    const changed = jest.fn();
    host.onChange(changed);
    await expect(host.writeReport([finding("a", "x", "申报表!D8")], "zh")).rejects.toThrow(/已有太多名为「校验报告」的工作表/);
    expect(changed).not.toHaveBeenCalled();
    expect(names.every((n) => host.excelWorkbook.getWorksheet(n)!.getCell("A1").value === "mine")).toBe(true);
  });

  test("English report; text that looks like a formula stays text; a finding without a cell has no link", async () => {
    const host = await open();
    await host.writeReport([finding("a", "=1+1 is not a number", "'O''Brien 表'!C3"), finding("b", "whole workbook")], "en");
    const wb = await reopen(host);
    const ws = wb.getWorksheet("Check report")!;
    expect(ws.getCell("A1").value).toBe("绩效表助手 · Check report");
    expect(ws.getCell("B4").value).toBe("Severity");
    expect(ws.getCell("B5").value).toBe("Error");
    expect(ws.getCell("D5").value).toBe("=1+1 is not a number");
    expect(ws.getCell("D5").type).toBe(ExcelJS.ValueType.String);
    expect(formulaOf(ws.getCell("E5"))).toBe(`HYPERLINK("#'O''Brien 表'!C3","'O''Brien 表'!C3")`);
    expect(ws.getCell("E6").value).toBeNull();
    expect(ws.getCell("F6").value).toBe("b");
  });
});
