import { formatRef } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { cellShown, cellValue } from "../../../src/core/snapshot";
import { cleanSheet, seedSheet, workbook } from "../../helpers/forms";
import { FakeExcel } from "./fakeExcel";
import { cellsOf, fakeWith, hostFor } from "./helpers";

const dataLoads = (excel: FakeExcel) => excel.syncs.map((s) => s.loads.filter((l) => l.includes("values")).length);

describe("ExcelHost.read", () => {
  it("reads a one-sheet workbook in exactly one sync, cells and merges intact", async () => {
    const seed = seedSheet();
    const excel = fakeWith(20, seed);
    const { host } = hostFor(excel);
    const wb = (await host.read()).snapshot;
    expect(excel.syncs).toHaveLength(1);
    expect(excel.writeSyncs).toHaveLength(0);
    expect(wb.source).toBe("预算申报.xlsx");
    expect(wb.sheets).toHaveLength(1);
    const got = wb.sheets[0];
    expect(got.name).toBe("申报表");
    expect(cellsOf(got)).toEqual(cellsOf(seed));
    expect([...got.merges].sort()).toEqual([...seed.merges].sort());
  });

  it("reads other sheets in one more sync, each sheet's data loaded exactly once, in tab order", async () => {
    const excel = fakeWith(20, cleanSheet({ sheetName: "说明" }), seedSheet(), cleanSheet({ sheetName: "备份" }));
    excel.active = excel.find("申报表")!;
    const { host } = hostFor(excel);
    const wb = (await host.read()).snapshot;
    expect(excel.syncs).toHaveLength(2);
    expect(dataLoads(excel)).toEqual([1, 2]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["说明", "申报表", "备份"]);
  });

  it("passes on the text a number format shows (Range.text), only where it differs from the number", async () => {
    const excel = fakeWith(20, seedSheet());
    const sheet = excel.find("申报表")!;
    // D8 holds 326.6 shown as 326.60; a target cell holds 0.95 shown as 95%; an unformatted number stays bare.
    sheet.numberFormats.set("7,3", "0.00");
    sheet.put("H2", [[0.95, 42]]);
    sheet.numberFormats.set("1,7", "0%");
    const { host } = hostFor(excel);
    const got = (await host.read()).snapshot.sheets[0];
    expect(cellValue(got, 7, 3)).toBe(326.6);
    expect(cellShown(got, 7, 3)).toBe("326.60");
    expect(cellValue(got, 1, 7)).toBe(0.95);
    expect(cellShown(got, 1, 7)).toBe("95%");
    expect(cellShown(got, 1, 8)).toBeNull();
    // Text cells are never given a second copy.
    expect(cellShown(got, 0, 0)).toBeNull();
  });

  it("leaves out the file host's hidden state sheet", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.sheet("_BudgetFormState", (s) => s.put("A1", [['{"ignored":[]}']]));
    const { host } = hostFor(excel);
    const wb = (await host.read()).snapshot;
    expect(wb.sheets.map((s) => s.name)).toEqual(["申报表"]);
    expect(dataLoads(excel).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("keeps errors apart from text, formulas as formulas, and empties as null", async () => {
    const excel = new FakeExcel({ minor: 20 });
    excel.sheet("表", (s) => {
      s.put("B2", [[{ error: "#REF!" }, "#REF!", 12.5, ""]]);
      s.set(2, 1, 377.24, "=SUM(D8:D9)");
    });
    const { host } = hostFor(excel);
    const [s] = (await host.read()).snapshot.sheets;
    expect(s.originRow).toBe(1);
    expect(s.originCol).toBe(1);
    expect(s.values[0]).toEqual([{ error: "#REF!" }, "#REF!", 12.5]);
    expect(s.values[1]).toEqual([377.24, null, null]);
    expect(s.formulas?.[1][0]).toBe("=SUM(D8:D9)");
    expect(s.formulas?.[0][2]).toBeNull();
  });

  it("finds the form wherever it sits, and the core reports the same findings as on the source snapshot", async () => {
    const moved = seedSheet({ rowOffset: 3, colOffset: 2, sheetName: "预算 表" });
    const excel = fakeWith(20, moved);
    const { host } = hostFor(excel);
    const wb = (await host.read()).snapshot;
    expect(wb.sheets[0].originRow).toBeGreaterThanOrEqual(3);
    const key = (r: ReturnType<typeof checkWorkbook>) => r.findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(" ")}`).sort();
    const direct = checkWorkbook(workbook(moved));
    expect(direct.forms).toHaveLength(1);
    expect(direct.findings.length).toBeGreaterThan(0);
    expect(key(checkWorkbook(wb))).toEqual(key(direct));
  });

  it("reports hidden rows from ExcelApi 1.9 and skips them quietly before", async () => {
    const seed = seedSheet();
    const withHidden = { ...seed, hiddenRows: [10, 12] };
    const modern = fakeWith(20, withHidden);
    // Excel's rows 11 and 13 (rowIndex 10 and 12): the snapshot counts from 0 as Excel's rowIndex does.
    expect([...modern.find("申报表")!.hiddenRows].sort((a, b) => a - b)).toEqual([11, 13]);
    expect((await hostFor(modern).host.read()).snapshot.sheets[0].hiddenRows).toEqual([10, 12]);
    const office2019 = fakeWith(8, withHidden);
    const wb = (await hostFor(office2019).host.read()).snapshot;
    expect(wb.sheets[0].hiddenRows).toEqual([]);
    expect(wb.sheets[0].merges).toEqual([]);
    expect(wb.source).toBe("预算申报.xlsx");
    // Recognition works from labels, not merges: the form is still found on Office 2019.
    expect(checkWorkbook(wb).forms).toHaveLength(1);
  });

  it("skips a sheet too large to read, with a message naming it, and reads the rest", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.sheet("流水", (s) => {
      s.claimed = { rows: 1000, cols: 6000 };
    });
    const { host } = hostFor(excel);
    const { snapshot: wb, warnings } = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["申报表"]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].zh).toContain("流水");
    expect(warnings[0].zh).toContain("1000 行 × 6000 列");
  });

  it("falls back to sheet-by-sheet reading when Excel refuses the batch as too large", async () => {
    const excel = fakeWith(20, cleanSheet({ sheetName: "说明" }), seedSheet());
    excel.sheet("明细", (s) => {
      for (let r = 0; r < 400; r++) s.put(`A${r + 1}`, [[r, `行${r}`, r * 2]]);
    });
    excel.active = excel.find("申报表")!;
    // Room for one form sheet (values, formulas, value types and text: four grids), not for the three together.
    excel.payloadLimitCells = 1500;
    const { host } = hostFor(excel);
    const { snapshot: wb, warnings } = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["说明", "申报表"]);
    expect(warnings.map((w) => w.en)).toEqual([expect.stringContaining('"明细"')]);
  });

  it("reads without merges, and says so, when a sheet has more merged areas than Excel will list", async () => {
    const excel = fakeWith(20, seedSheet());
    excel.sheet("排版", (s) => {
      for (let r = 0; r < 600; r++) s.merges.push({ top: r, bottom: r, left: 0, right: 1 });
      s.put("A1", [["x"]]);
    });
    const { host } = hostFor(excel);
    const { snapshot: wb, warnings } = await host.read();
    expect(wb.sheets.map((s) => s.name)).toEqual(["申报表", "排版"]);
    expect(wb.sheets[0].merges).toEqual([]);
    expect(checkWorkbook(wb).forms).toHaveLength(1);
    expect(warnings[0].zh).toContain("512");
  });

  it("lets other errors through instead of hiding them", async () => {
    const excel = fakeWith(20, seedSheet());
    const boom = Object.assign(new Error("GeneralException"), { code: "GeneralException" });
    const run = async () => {
      throw boom;
    };
    const { host } = hostFor(excel, { run });
    await expect(host.read()).rejects.toBe(boom);
  });
});
