import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { reportRows } from "../../../src/hosts/excel/report";
import { seedSheet } from "../../helpers/forms";
import { FakeExcel, FakeSheet, installOfficeGlobal } from "./fakeExcel";
import { fakeWith, finding, hostFor } from "./helpers";

const at = (s: FakeSheet, a1: string) => {
  const p = parseRange(a1);
  return s.cells.get(`${p.top},${p.left}`);
};

describe("ExcelHost.writeReport (via office-js-helpers' forceCreateSheet)", () => {
  let excel: FakeExcel;
  let restore: () => void;
  beforeEach(() => {
    excel = fakeWith(20, seedSheet());
    restore = installOfficeGlobal(excel);
  });
  afterEach(() => restore());

  const findings = [
    finding("budget/total", "error", "申报表!D8"),
    finding("tasks/empty", "warning", "申报表!B15"),
    finding("layout/x", "info"),
  ];

  it("writes a 校验报告 sheet with a row per finding and links that jump to the cell", async () => {
    const { host } = hostFor(excel);
    await host.writeReport(findings, "zh");
    const report = excel.find("校验报告")!;
    expect(report).toBeDefined();
    expect(excel.active).toBe(report);
    expect(at(report, "A1")?.value).toBe("绩效表助手 · 校验报告");
    expect(at(report, "A2")?.value).toMatch(/^错误 1 个 · 警告 1 个 · 提示 1 条 · 生成于 \d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(["A4", "B4", "C4", "D4", "E4", "F4"].map((a) => at(report, a)?.value)).toEqual([
      "序号",
      "级别",
      "类别",
      "问题",
      "单元格",
      "规则",
    ]);
    expect(at(report, "B5")?.value).toBe("错误");
    expect(at(report, "D5")?.value).toBe("问题 budget/total");
    expect(at(report, "E5")?.formula).toBe(`=HYPERLINK("#'申报表'!D8","申报表!D8")`);
    expect(at(report, "E7")).toBeUndefined(); // a workbook-level finding has no cell
    expect(report.frozenRows).toBe(4);
    // Title and summary span the table instead of wrapping in narrow column A.
    expect(report.merges.map((m) => rangeToA1(m)).sort()).toEqual(["A1:F1", "A2:F2"]);
    expect(report.fills.get("4,1")).toBe("#FFC7CE");
    expect(report.fills.get("5,1")).toBe("#FFEB9C");
  });

  it("rewrites its own report in place instead of adding sheets", async () => {
    const { host } = hostFor(excel);
    await host.writeReport(findings, "zh");
    await host.writeReport([findings[0]], "zh");
    expect(excel.sheets.map((s) => s.name)).toEqual(["申报表", "校验报告"]);
    const report = excel.find("校验报告")!;
    expect(at(report, "D5")?.value).toBe("问题 budget/total");
    expect(at(report, "D6")).toBeUndefined();
  });

  it("never clears a user's own sheet that happens to be called 校验报告", async () => {
    const mine = excel.sheet("校验报告", (s) => s.put("A1", [["我的笔记"]]));
    const { host } = hostFor(excel);
    await host.writeReport(findings, "zh");
    expect(at(mine, "A1")?.value).toBe("我的笔记");
    expect(excel.find("校验报告 2")).toBeDefined();
    expect(excel.active.name).toBe("校验报告 2");
  });

  it("writes English when asked, and quotes awkward sheet names in links", async () => {
    const { host } = hostFor(excel);
    await host.writeReport([finding("a", "error", "'O''Brien 表'!C3")], "en");
    const report = excel.find("Check report")!;
    expect(at(report, "B5")?.value).toBe("Error");
    expect(at(report, "E5")?.formula).toBe(`=HYPERLINK("#'O''Brien 表'!C3","'O''Brien 表'!C3")`);
  });

  it("stores text that looks like a formula as text", () => {
    const f = { ...finding("a", "error", "申报表!D8"), message: { zh: "=1+1 不是数字", en: "=1+1" } };
    expect(reportRows([f], "zh", new Date(2026, 0, 2, 3, 4))[4][3]).toBe("'=1+1 不是数字");
    expect(reportRows([], "zh", new Date(2026, 0, 2, 3, 4))[4][3]).toBe("未发现问题。");
  });
});
