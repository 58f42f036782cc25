import { formatRef, toA1 } from "../../../src/core/a1";
import { cellsOf } from "../../helpers/cells";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../../src/core/engine";
import { MARK_COLORS, markArgb, marksByCell } from "../../../src/core/marks";
import { Finding, Severity } from "../../../src/core/rules/types";
import { annotate } from "../../../src/hosts/file/annotate";
import { readExample, roundTrip } from "../../helpers/xlsx";

function finding(cells: string[], severity: Severity, zh: string, en: string, rule = "test/rule"): Finding {
  return { rule, severity, category: "layout", messageId: "m", data: {}, message: { zh, en }, cells: cellsOf(...cells) };
}

const fillOf = (ws: ExcelJS.Worksheet, a1: string) => {
  const f = ws.getCell(a1).fill as ExcelJS.FillPattern | undefined;
  return f?.pattern === "solid" ? f.fgColor?.argb : undefined;
};

test("the three mark colours are the ones the Excel host and the preview use", () => {
  expect(MARK_COLORS).toEqual({ error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" });
  expect(markArgb("error")).toBe("FFFFC7CE");
});

describe("annotate the seed example with its own findings", () => {
  let ws: ExcelJS.Worksheet;
  let findings: Finding[];
  beforeAll(async () => {
    const { workbook, snapshot } = await readExample("seed-form.xlsx");
    findings = checkWorkbook(snapshot).findings;
    expect(findings.length).toBeGreaterThan(3);
    annotate(workbook, findings, "zh");
    ws = (await roundTrip(workbook)).getWorksheet("申报表")!;
  });

  test("every flagged cell is filled with its most serious finding's colour", () => {
    for (const m of marksByCell(findings))
      expect([formatRef(m), fillOf(ws, toA1(m.row, m.col))]).toEqual([formatRef(m), markArgb(m.severity)]);
  });

  test("every flagged cell has one note listing each of its findings", () => {
    for (const m of marksByCell(findings)) {
      const note = String(ws.getCell(toA1(m.row, m.col)).note ?? "");
      for (const f of m.findings) expect(note).toContain(f.message.zh);
      expect(note.split("\n").filter((l) => l.startsWith("【")).length).toBe(m.findings.length);
    }
  });

  test("cells without findings keep their look, even those sharing a style with flagged cells", () => {
    const flagged = new Set(marksByCell(findings).map((m) => toA1(m.row, m.col)));
    for (let r = 5; r <= 50; r++) {
      for (const c of "ABCDEF") {
        const a1 = `${c}${r}`;
        if (flagged.has(a1)) continue;
        expect([a1, fillOf(ws, a1)]).toEqual([a1, undefined]);
        expect([a1, ws.getCell(a1).note]).toEqual([a1, undefined]);
      }
    }
  });
});

describe("annotate: notes", () => {
  async function annotated(findings: Finding[], lang: "zh" | "en", before?: (ws: ExcelJS.Worksheet) => void) {
    const { workbook } = await readExample("corrected-form.xlsx");
    before?.(workbook.getWorksheet("申报表")!);
    annotate(workbook, findings, lang);
    return (await roundTrip(workbook)).getWorksheet("申报表")!;
  }

  test("two findings on one cell: one note, both messages, the worse colour", async () => {
    const ws = await annotated(
      [finding(["申报表!D8"], "warning", "警告甲", "warning A"), finding(["申报表!D8", "申报表!F8"], "error", "错误乙", "error B")],
      "zh",
    );
    expect(fillOf(ws, "D8")).toBe("FFFFC7CE");
    expect(fillOf(ws, "F8")).toBe("FFFFC7CE");
    expect(ws.getCell("D8").note).toBe("绩效表助手:\n【警告】警告甲(test/rule)\n【错误】错误乙(test/rule)");
  });

  test("in English", async () => {
    const ws = await annotated([finding(["申报表!E21"], "info", "提示", "a tip")], "en");
    expect(fillOf(ws, "E21")).toBe("FFDDEBF7");
    expect(ws.getCell("E21").note).toBe("Budget Form Assistant:\n【Tip】a tip(test/rule)");
  });

  test("the user's own note is kept above ours", async () => {
    const ws = await annotated([finding(["申报表!D9"], "warning", "请核对", "check")], "zh", (s) => {
      s.getCell("D9").note = "已与财务核对";
    });
    expect(String(ws.getCell("D9").note)).toMatch(/^已与财务核对\n\n绩效表助手:\n【警告】请核对/);
  });

  test("an empty cell's mark survives writing and reading back", async () => {
    const ws = await annotated([finding(["申报表!F21"], "error", "空", "empty")], "zh", (s) => {
      s.getCell("F21").value = null;
    });
    expect(fillOf(ws, "F21")).toBe("FFFFC7CE");
    expect(ws.getCell("F21").note).toContain("【错误】空");
  });

  test("a cell inside a merged area marks the area's top-left cell", async () => {
    const ws = await annotated([finding(["申报表!D5"], "error", "部门名称", "dept")], "zh");
    expect(fillOf(ws, "B5")).toBe("FFFFC7CE");
    expect(ws.getCell("B5").note).toContain("部门名称");
  });

  test("findings on a sheet the workbook lacks, or with no cell, are skipped", async () => {
    const { workbook } = await readExample("corrected-form.xlsx");
    expect(annotate(workbook, [finding(["别的表!A1"], "error", "x", "x"), finding([], "error", "y", "y")], "zh")).toBe(0);
  });
});
