/**
 * The summary workbook as written without exceljs (src/cli/summaryXlsx.ts), read back by two
 * independent readers: exceljs (what the existing summary tests use) and the project's own check
 * reader (fastRead), which is how a later `check` of the folder recognises and skips it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { spawnSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { SUMMARY_NAME, isSummaryWorkbook } from "../../src/cli/summary";
import { XlsxSheet, writeXlsx } from "../../src/cli/summaryXlsx";
import { columnName } from "../../src/core/a1";
import { markArgb } from "../../src/core/marks";
import { cellShown, cellValue } from "../../src/core/snapshot";
import { readSnapshotFast } from "../../src/hosts/file/fastRead";
import { ROOT, examplePath } from "../helpers/xlsx";
import { run } from "./capture";

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const fast = (bytes: Uint8Array) => readSnapshotFast(bytes, "汇总.xlsx", { inflateRaw: inflateRawSync });

describe("writeXlsx", () => {
  // Text XML cannot hold as it is: markup characters, line breaks and edge spaces; the last two
  // are what ST_Xstring escapes (control characters, a literal `_xHHHH_`), which neither reader
  // here decodes, so they are checked in the part's XML instead.
  const TRICKY = ["a & b < c > d \"e\" 'f'", "两行\n文字", "  padded  ", "ＡＢ全角", "bell\u0007 and\u001f", "_x0041_ stays"];
  const PLAIN = TRICKY.slice(0, 4);

  const sheet = (name: string, rows: XlsxSheet["rows"], extra: Partial<XlsxSheet> = {}): XlsxSheet => ({
    name,
    rows,
    widths: rows[0].map((_, c) => 10 + c),
    columnStyle: () => ({}),
    cellStyle: () => ({}),
    height: () => undefined,
    ...extra,
  });

  function book(): Uint8Array {
    return writeXlsx({
      creator: "budget-form",
      names: { Marker: "'It''s 表'!$A$1" },
      sheets: [
        sheet(
          "It's 表",
          [["文本", "数", "链接"], ...TRICKY.map((t, i) => [t, i + 0.5, { text: `f${i}.xlsx`, hyperlink: `../子 目录/f&${i}.xlsx` }])],
          {
            cellStyle: (r, c) =>
              r === 0 ? { bold: true, fill: "FFDDEBF7" } : c === 1 ? { numFmt: "0.00" } : c === 2 ? { link: true } : {},
            height: (r) => (r === 4 ? 30 : undefined),
          },
        ),
        sheet("空", [["only"], [null], [7]], {
          conditional: { ref: "A2:A3", rules: [{ formula: '$A2="x"', fill: "FFFF0000" }] },
        }),
      ],
    });
  }

  test("exceljs reads back every text, number, format, link, height, view, filter and name", async () => {
    const wb = await exceljs(book());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["It's 表", "空"]);
    const ws = wb.getWorksheet("It's 表")!;
    expect(PLAIN.map((_, i) => ws.getCell(i + 2, 1).value)).toEqual(PLAIN);
    expect(TRICKY.map((_, i) => ws.getCell(i + 2, 2).value)).toEqual(TRICKY.map((_, i) => i + 0.5));
    expect(ws.getCell("B2").numFmt).toBe("0.00");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect((ws.getCell("A2").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(ws.getCell("C3").value).toEqual({ text: "f1.xlsx", hyperlink: "../子 目录/f&1.xlsx" });
    expect(ws.getCell("C3").font).toMatchObject({ underline: true, color: { argb: "FF0563C1" } });
    expect(ws.getCell("A2").alignment).toMatchObject({ vertical: "top" });
    expect(ws.getRow(5).height).toBe(30);
    expect(ws.getCell("A3").alignment).toMatchObject({ vertical: "top" });
    expect(ws.getRow(4).height ?? 15).toBe(15);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([10, 11, 12]);
    expect(ws.autoFilter).toBe("A1:C7");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    expect(wb.definedNames.getRanges("Marker").ranges).toEqual(["'It''s 表'!$A$1"]);

    const empty = wb.getWorksheet("空")!;
    expect(empty.getCell("A2").value).toBeNull();
    expect(empty.getCell("A3").value).toBe(7);
    expect(empty.autoFilter).toBe("A1:A3");
    const cf = (empty as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: unknown }[] }[] })
      .conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe("A2:A3");
    expect(cf[0].rules[0].formulae).toEqual(['$A2="x"']);
    expect(cf[0].rules[0].style).toMatchObject({ fill: { bgColor: { argb: "FFFF0000" } } });
  });

  test("the check reader reads the same sheets, values and shown numbers, and the name", async () => {
    const r = await fast(book());
    expect(r.snapshot.sheets.map((s) => s.name)).toEqual(["It's 表", "空"]);
    const s = r.snapshot.sheets[0];
    expect(PLAIN.map((_, i) => cellValue(s, i + 1, 0))).toEqual(PLAIN);
    expect(cellValue(s, 1, 1)).toBe(0.5);
    expect(cellShown(s, 1, 1)).toBe("0.50");
    expect(cellValue(s, 2, 2)).toBe("f1.xlsx");
    expect(r.rangeNames).toEqual(["Marker"]);
  });

  test("the package holds only parts, each declared, well-formed and reachable", async () => {
    // JSZip checks every member's CRC-32 and sizes against the central directory.
    const zip = await JSZip.loadAsync(book(), { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names.filter((n) => zip.files[n].dir)).toEqual([]);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const n of names.filter((n) => n.endsWith(".xml") && !n.startsWith("[")))
      expect(types.includes(`PartName="/${n}"`) || /Default Extension="xml"/.test(types)).toBe(true);
    expect(names).toEqual(
      expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/_rels/sheet1.xml.rels"]),
    );
    // As Excel writes them (ECMA-376 Part 1 §22.9.2.19): a control character as _xHHHH_, the `_` of
    // a literal escape as _x005F_, so Excel shows the text as it was.
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain("<t>bell_x0007_ and_x001F_</t>");
    expect(xml).toContain("<t>_x005F_x0041_ stays</t>");
    expect(xml).toContain('<t xml:space="preserve">  padded  </t>');
    expect(xml).toContain("<t>a &amp; b &lt; c &gt; d &quot;e&quot; 'f'</t>");
    // The second sheet has no link, so no relationships part.
    expect(names).not.toContain("xl/worksheets/_rels/sheet2.xml.rels");
  });
});

describe("the --summary workbook, end to end", () => {
  test("both readers agree on every cell; fills, links, conditional colours and the mark are there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "summary-xlsx-"));
    copyFileSync(examplePath("seed-form.xlsx"), join(dir, "初稿 & 改.xlsx"));
    copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "改好.xlsx"));
    const r = await run(["check", ".", "--summary", "汇总.xlsx"], { cwd: dir });
    expect(r.err).toBe("已写出汇总表「汇总.xlsx」。\n");
    const bytes = readFileSync(join(dir, "汇总.xlsx"));

    const wb = await exceljs(bytes);
    expect(isSummaryWorkbook(wb)).toBe(true);
    const f = await fast(bytes);
    expect(f.rangeNames).toEqual([SUMMARY_NAME]);
    expect(f.snapshot.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((w) => w.name));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "明细"]);

    // Every cell the same through both readers (a link's text is what the check reader sees).
    for (const ws of wb.worksheets) {
      const snap = f.snapshot.sheets.find((s) => s.name === ws.name)!;
      expect(ws.rowCount).toBeGreaterThan(1);
      for (let row = 1; row <= ws.rowCount; row++)
        for (let col = 1; col <= ws.columnCount; col++) {
          const v = ws.getCell(row, col).value;
          const plain = v !== null && typeof v === "object" && "text" in v ? v.text : v;
          expect([ws.name, columnName(col - 1) + row, cellValue(snap, row - 1, col - 1)]).toEqual([
            ws.name,
            columnName(col - 1) + row,
            plain,
          ]);
        }
    }

    const sum = wb.getWorksheet("汇总")!;
    const byFile = new Map([2, 3].map((r) => [(sum.getCell(r, 1).value as { text: string }).text, r]));
    expect([...byFile.keys()].sort()).toEqual(["初稿 & 改.xlsx", "改好.xlsx"]);
    const seedRow = byFile.get("初稿 & 改.xlsx")!;
    expect(sum.getCell(seedRow, 1).value).toEqual({ text: "初稿 & 改.xlsx", hyperlink: "初稿 & 改.xlsx" });
    expect(sum.getCell(seedRow, 6).value).toBe("需修改");
    expect(sum.getCell(seedRow, 6).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(sum.getCell(byFile.get("改好.xlsx")!, 6).fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFC6EFCE" } });
    expect(sum.getCell("A1").font).toMatchObject({ bold: true });
    expect(sum.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    // 支出合计 shown with two decimals by the check reader too.
    const snap = f.snapshot.sheets[0];
    expect(cellShown(snap, seedRow - 1, 4) ?? String(cellValue(snap, seedRow - 1, 4))).toMatch(/^\d+\.\d\d$/);

    const det = wb.getWorksheet("明细")!;
    const cf = (det as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; style: unknown }[] }[] })
      .conditionalFormattings;
    expect(cf[0].ref).toBe(`D2:D${det.rowCount}`);
    expect(cf[0].rules.map((r) => r.formulae[0])).toEqual(['$D2="错误"', '$D2="警告"', '$D2="提示"']);
    expect(cf[0].rules[0].style).toMatchObject({ fill: { bgColor: { argb: markArgb("error") } } });

    // A later check of the folder skips it, as it skipped the exceljs-written one.
    const again = await run(["check", ".", "--format", "json"], { cwd: dir });
    expect((JSON.parse(again.out) as { files: { file: string }[] }).files.map((x) => x.file).sort()).toEqual([
      "初稿 & 改.xlsx",
      "改好.xlsx",
    ]);

    // Python's zipfile finds every member intact (CRCs and sizes), where python3 is at hand.
    const py = spawnSync(
      "python3",
      ["-c", "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip())", join(dir, "汇总.xlsx")],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    if (!py.error) expect(py.stdout.trim()).toBe("None");
  });
});
