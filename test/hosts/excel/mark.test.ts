import { RangePos, rangeToA1 } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { isMarkerFormula } from "../../../src/hosts/excel/markAreas";
import { seedSheet } from "../../helpers/forms";
import { FakeCF, FakeExcel, FakeSheet, userRule } from "./fakeExcel";
import { fakeWith, finding, hostFor } from "./helpers";

const ours = (s: FakeSheet) => s.cfs.filter((cf) => isMarkerFormula(cf.formula));
const foreign = (s: FakeSheet) => s.cfs.filter((cf) => !isMarkerFormula(cf.formula));
const copy = (cfs: FakeCF[]) => cfs.map((cf) => ({ ...cf, ranges: cf.ranges.map(rangeToA1) }));

/** Cells covered by our rules of one colour, as sorted A1 cells. */
function coloured(s: FakeSheet, fill: string): string[] {
  const cells: string[] = [];
  for (const cf of ours(s).filter((c) => c.fill === fill)) {
    for (const r of cf.ranges as RangePos[])
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) cells.push(rangeToA1({ top: row, bottom: row, left: col, right: col }));
  }
  return cells.sort();
}

function seeded(minor = 20): { excel: FakeExcel; sheet: FakeSheet } {
  const excel = fakeWith(minor, seedSheet());
  const sheet = excel.find("申报表")!;
  // The user's own formatting: a fill on D8 and two conditional formats of their own.
  sheet.fills.set("7,3", "#FFFF00");
  userRule(sheet, "D8:D12", "CellValue");
  userRule(sheet, "F8:F9", "Custom", "=F8>100", "#FF0000");
  return { excel, sheet };
}

describe("ExcelHost.mark", () => {
  it("writes in exactly one sync (deleting old marks and adding new ones together), after read-only lookups", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8")]);
    excel.resetLog();
    await host.mark([finding("a", "error", "申报表!D9"), finding("b", "warning", "申报表!F8")]);
    expect(excel.writeSyncs).toHaveLength(1);
    const writes = excel.writeSyncs[0].writes;
    expect(writes.filter((w) => w === "ConditionalFormat.delete")).toHaveLength(1);
    expect(writes.filter((w) => w.startsWith("ConditionalFormats.add"))).toHaveLength(2);
    // The write sync is the last one; the ones before only read.
    expect(excel.syncs[excel.syncs.length - 1]).toBe(excel.writeSyncs[0]);
    expect(excel.syncs.length).toBeLessThanOrEqual(3);
    expect(ours(sheet)).toHaveLength(2);
  });

  it("changes no value, no fill and none of the user's conditional formats", async () => {
    const { excel, sheet } = seeded();
    const values = new Map(sheet.cells);
    const fills = new Map(sheet.fills);
    const before = copy(foreign(sheet));
    const { host } = hostFor(excel);
    const wb = (await host.read()).snapshot;
    const findings = checkWorkbook(wb).findings;
    expect(findings.length).toBeGreaterThan(0);
    await host.mark(findings);
    expect(ours(sheet).length).toBeGreaterThan(0);
    expect(sheet.cells).toEqual(values);
    expect(sheet.fills).toEqual(fills);
    expect(copy(foreign(sheet))).toEqual(before);
  });

  it("colours each cell once, by its most serious finding, in the severity's colour", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([
      finding("a", "warning", "申报表!D8", "申报表!D9"),
      finding("b", "error", "申报表!D9", "申报表!D10"),
      finding("c", "info", "申报表!B5"),
      finding("d", "error", "申报表!E9"),
    ]);
    expect(coloured(sheet, "#FFC7CE")).toEqual(["D10", "D9", "E9"]);
    expect(coloured(sheet, "#FFEB9C")).toEqual(["D8"]);
    expect(coloured(sheet, "#DDEBF7")).toEqual(["B5"]);
    // Adjacent error cells share rectangles: D9:D10 and E9 fit in two areas, one rule.
    expect(ours(sheet).filter((c) => c.fill === "#FFC7CE")).toHaveLength(1);
    expect(ours(sheet).every((c) => c.type === "Custom")).toBe(true);
  });

  it("replaces earlier marks instead of stacking them", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8"), finding("b", "warning", "申报表!D9")]);
    await host.mark([finding("a", "error", "申报表!D8"), finding("b", "warning", "申报表!D9")]);
    expect(ours(sheet)).toHaveLength(2);
    await host.mark([finding("c", "info", "申报表!B5")]);
    expect(ours(sheet)).toHaveLength(1);
    expect(coloured(sheet, "#FFC7CE")).toEqual([]);
    expect(coloured(sheet, "#DDEBF7")).toEqual(["B5"]);
  });

  it("clears exactly the marker rules, on every sheet, and reports whether marks exist", async () => {
    const { excel, sheet } = seeded();
    const other = excel.sheet("附表", (s) => s.put("A1", [["x"]]));
    userRule(other, "A1", "Custom", '=N("别人的规则")=0', "#123456");
    const before = copy(foreign(sheet));
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8"), finding("b", "warning", "附表!A1")]);
    expect(await host.hasMarks()).toBe(true);
    await host.clearMarks();
    expect(ours(sheet)).toEqual([]);
    expect(ours(other)).toEqual([]);
    expect(copy(foreign(sheet))).toEqual(before);
    expect(other.cfs).toHaveLength(1);
    expect(await host.hasMarks()).toBe(false);
  });

  it("finds marks left in a reopened workbook (no memory but the marker formula)", async () => {
    const { excel, sheet } = seeded();
    sheet.cfs.push({
      type: "Custom",
      formula: '= n("绩效表助手:error") = 0',
      fill: "#FFC7CE",
      ranges: [{ top: 7, bottom: 7, left: 3, right: 3 }],
    });
    const { host } = hostFor(excel);
    expect(await host.hasMarks()).toBe(true);
    await host.clearMarks();
    expect(ours(sheet)).toEqual([]);
    expect(foreign(sheet)).toHaveLength(2);
  });

  it("on Office 2019 (ExcelApi 1.8, no RangeAreas) adds one rule per rectangle, still in one write sync", async () => {
    const { excel, sheet } = seeded(8);
    const { host } = hostFor(excel);
    await host.read();
    excel.resetLog();
    await host.mark([finding("a", "error", "申报表!D8", "申报表!D9", "申报表!F11")]);
    expect(excel.writeSyncs).toHaveLength(1);
    expect(
      ours(sheet)
        .map((c) => c.ranges.map(rangeToA1).join(","))
        .sort(),
    ).toEqual(["D8:D9", "F11"]);
  });

  it("splits long address lists so each getRanges call stays short", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    const cells = Array.from({ length: 120 }, (_, i) => `申报表!${i % 2 ? "B" : "D"}${i * 2 + 1}`);
    await host.mark([finding("a", "error", ...cells)]);
    expect(ours(sheet).length).toBeGreaterThan(1);
    expect(excel.writeSyncs[excel.writeSyncs.length - 1].writes.filter((w) => w.startsWith("ConditionalFormats.add")).length).toBe(
      ours(sheet).length,
    );
    expect(coloured(sheet, "#FFC7CE")).toHaveLength(120);
  });

  it("leaves a protected sheet alone and says so", async () => {
    const { excel, sheet } = seeded();
    sheet.protected = true;
    const { host } = hostFor(excel);
    await host.read();
    const outcome = await host.mark([finding("a", "error", "申报表!D8")]);
    expect(ours(sheet)).toEqual([]);
    expect(excel.writeSyncs).toHaveLength(0);
    expect(outcome.marked).toBe(0);
    expect(outcome.warnings[0].zh).toContain("受保护");
  });

  it("without the conditional-format API (ExcelApi 1.5) marks nothing and explains", async () => {
    const { excel, sheet } = seeded(5);
    const { host } = hostFor(excel);
    await host.read();
    const outcome = await host.mark([finding("a", "error", "申报表!D8")]);
    expect(ours(sheet)).toEqual([]);
    expect(outcome).toEqual({ marked: 0, warnings: [expect.objectContaining({ zh: expect.stringContaining("ExcelApi 1.6") })] });
  });

  it("copes with a sheet renamed since the last read", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8")]);
    sheet.name = "申报表(终稿)";
    await host.mark([finding("a", "error", "申报表(终稿)!D9")]);
    expect(coloured(sheet, "#FFC7CE")).toEqual(["D9"]);
  });
});

describe("our conditional formats are found by their own identity, not by a priority read in an earlier sync (issue #21)", () => {
  /** A co-author adds a highlight rule (at the top, as Excel does) right after our identifying reads. */
  function coAuthorAddsRuleAfterOurReads(excel: FakeExcel, sheet: FakeSheet): FakeCF {
    const theirs: FakeCF = { type: "CellValue", formula: null, fill: "#00B0F0", ranges: [{ top: 20, bottom: 24, left: 2, right: 2 }] };
    excel.beforeSync = () => {
      const last = excel.syncs[excel.syncs.length - 1];
      if (!last?.loads.some((l) => l.includes("rule.load(formula)")) || sheet.cfs.includes(theirs)) return;
      sheet.cfs.unshift(theirs);
    };
    return theirs;
  }

  it("a rule added between our read and our write survives, and the marks are exactly the new ones", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8"), finding("b", "warning", "申报表!F8")]);
    const theirs = coAuthorAddsRuleAfterOurReads(excel, sheet);

    const out = await host.mark([finding("a", "error", "申报表!D9")]);

    excel.beforeSync = null;
    expect(sheet.cfs).toContain(theirs);
    expect(foreign(sheet)).toHaveLength(3);
    expect(coloured(sheet, "#FFC7CE")).toEqual(["D9"]);
    expect(ours(sheet)).toHaveLength(1);
    expect(out.marked).toBe(1);
  });

  it("clearing marks while a rule is added in between removes ours only", async () => {
    const { excel, sheet } = seeded();
    const { host } = hostFor(excel);
    await host.read();
    await host.mark([finding("a", "error", "申报表!D8", "申报表!E8"), finding("b", "info", "申报表!F8")]);
    const theirs = coAuthorAddsRuleAfterOurReads(excel, sheet);

    await host.clearMarks();

    excel.beforeSync = null;
    expect(ours(sheet)).toHaveLength(0);
    expect(sheet.cfs).toContain(theirs);
    expect(foreign(sheet)).toHaveLength(3);
  });
});
