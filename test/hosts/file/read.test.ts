import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { FileReadError } from "../../../src/hosts/file/errors";
import { readXlsx } from "../../../src/hosts/file/read";
import { cleanTsv, seedTsv } from "../../helpers/forms";
import { fixturePath, readExample, readFixture, toBytes } from "../../helpers/xlsx";
import { layoutFromTsv } from "../../../scripts/lib/tsvLayout";
import { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { withRevisionLog } from "../../helpers/lossyForms";

/** Trailing empty cells and leading empty rows say nothing; compare without them. */
function content(s: SheetSnapshot): { origin: [number, number]; rows: CellValue[][] } {
  const rows = s.values.map((r) => {
    const x = r.slice();
    while (x.length && x[x.length - 1] === null) x.pop();
    return x;
  });
  let skip = 0;
  while (skip < rows.length && rows[skip].length === 0) skip++;
  return { origin: [s.originRow + skip, s.originCol], rows: rows.slice(skip) };
}

describe("readXlsx: the examples", () => {
  test.each([
    ["seed-form.xlsx", seedTsv],
    ["corrected-form.xlsx", cleanTsv],
  ])("%s reads back exactly as its TSV source lays out", async (name, tsv) => {
    const t0 = performance.now();
    const { snapshot, warnings } = await readExample(name);
    const ms = performance.now() - t0;
    console.log(`read ${name}: ${ms.toFixed(0)} ms`);
    const laid = layoutFromTsv(tsv());
    expect(snapshot.source).toBe(name);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["申报表"]);
    const sheet = snapshot.sheets[0];
    expect(content(sheet)).toEqual(content(laid));
    expect([...sheet.merges].sort()).toEqual([...laid.merges].sort());
    expect(sheet.hiddenRows).toEqual([]);
    expect(sheet.formulas).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe("readXlsx: cell kinds", () => {
  let sheet: SheetSnapshot;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("样表");
    ws.getCell("C3").value = "文本";
    ws.getCell("D3").value = 326.6;
    ws.getCell("E3").value = true;
    ws.getCell("C4").value = { formula: "D3+D4", result: 367.24 };
    ws.getCell("D4").value = { error: "#REF!" };
    ws.getCell("E4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("C5").value = { richText: [{ text: "广州市" }, { text: "白云区", font: { bold: true } }] };
    ws.getCell("D5").value = { text: "链接文字", hyperlink: "https://example.invalid" };
    ws.getCell("E5").value = new Date(Date.UTC(2025, 11, 31));
    ws.getCell("F5").value = new Date(Date.UTC(2025, 11, 31, 8, 30));
    ws.getCell("C6").value = 1;
    ws.getCell("C7").value = 2;
    ws.getCell("D6").value = { formula: "C6*2", result: 2, shareType: "shared", ref: "D6:D7" } as ExcelJS.CellValue;
    ws.getCell("D7").value = { sharedFormula: "D6", result: 4 } as ExcelJS.CellValue;
    ws.mergeCells("C8:E9");
    ws.getCell("C8").value = "合并";
    ws.getCell("C10").value = "隐藏";
    ws.getRow(10).hidden = true;
    ws.getCell("D11").value = "";
    const { snapshot } = await readXlsx(await toBytes(wb), "kinds.xlsx");
    sheet = snapshot.sheets[0];
  });
  const at = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return sheet.values[Number(m[2]) - 1 - sheet.originRow]?.[m[1].charCodeAt(0) - 65 - sheet.originCol] ?? null;
  };
  const formulaAt = (a1: string) => {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    return sheet.formulas?.[Number(m[2]) - 1 - sheet.originRow]?.[m[1].charCodeAt(0) - 65 - sheet.originCol] ?? null;
  };

  test("the used range starts at its first value", () => {
    expect([sheet.originRow, sheet.originCol]).toEqual([2, 2]);
  });
  test("plain values", () => {
    expect([at("C3"), at("D3"), at("E3")]).toEqual(["文本", 326.6, true]);
  });
  test("formulas: cached result as the value, text in formulas (shared ones translated)", () => {
    expect(at("C4")).toBe(367.24);
    expect(formulaAt("C4")).toBe("=D3+D4");
    expect(at("D7")).toBe(4);
    expect(formulaAt("D7")).toBe("=C7*2");
    expect(formulaAt("D3")).toBeNull();
  });
  test("errors as {error}, also as a formula's result", () => {
    expect(at("D4")).toEqual({ error: "#REF!" });
    expect(at("E4")).toEqual({ error: "#DIV/0!" });
  });
  test("rich text flattened, hyperlinks as their text, dates as ISO text", () => {
    expect(at("C5")).toBe("广州市白云区");
    expect(at("D5")).toBe("链接文字");
    expect(at("E5")).toBe("2025-12-31");
    expect(at("F5")).toBe("2025-12-31T08:30:00");
  });
  test("merges without the sheet name; covered cells empty", () => {
    expect(sheet.merges).toEqual(["C8:E9"]);
    expect(at("C8")).toBe("合并");
    expect(at("D8")).toBeNull();
    expect(at("C9")).toBeNull();
  });
  test("hidden rows 0-based like every position (row 10 is 9); an empty string is empty", () => {
    expect(sheet.hiddenRows).toEqual([9]);
    expect(at("D11")).toBeNull();
    // Rows 3..10: the "" in row 11 does not extend the used range.
    expect(sheet.values.length).toBe(8);
  });
});

describe("readXlsx: parts a written copy would lose", () => {
  test("charts, pivot tables and notes exceljs cannot attach are reported in both languages", async () => {
    const { warnings, workbook } = await readFixture("with-parts.xlsx");
    expect(warnings.map((w) => w.kind).sort()).toEqual(["charts", "notes", "pivots"]);
    const notes = warnings.find((w) => w.kind === "notes")!;
    expect(notes.message.zh).toContain("2 条批注");
    expect(notes.message.en).toContain("2 cell note");
    for (const w of warnings) {
      expect(w.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(w.message.en).toMatch(/^[^\u4e00-\u9fff]+$/);
    }
    // The note exceljs did read is kept, so it is not counted as lost.
    expect(workbook.getWorksheet("申报表")!.getCell("B5").note).toBe("请核对部门全称");
  });

  test("a shared workbook: its revision log and user list named when it has both, the sharing alone when history is off", async () => {
    const { workbook } = await readExample("corrected-form.xlsx");
    const zip = await JSZip.loadAsync(await toBytes(workbook));
    expect((await readXlsx(await zip.generateAsync({ type: "uint8array" }), "plain.xlsx")).warnings).toEqual([]);
    await withRevisionLog(zip);
    const withLog = (await readXlsx(await zip.generateAsync({ type: "uint8array" }), "shared.xlsx")).warnings;
    expect(withLog.map((w) => [w.kind, w.message.zh])).toEqual([["shared-workbook", expect.stringContaining("不保留修订记录")]]);
    // Shared without keeping a change history: only the user list is related from the workbook.
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship Id="rIdRevH"[^>]*\/>/, ""));
    const sharingOnly = (await readXlsx(await zip.generateAsync({ type: "uint8array" }), "shared.xlsx")).warnings;
    expect(sharingOnly.map((w) => [w.kind, w.message.zh, w.message.en])).toEqual([
      [
        "shared-workbook",
        "这是共享工作簿,写出的副本中将不保留共享用户列表,副本不再是共享工作簿",
        "This is a shared workbook; a written copy does not keep its list of sharing users and is no longer shared",
      ],
    ]);
  });
});

test("a note on an empty, unformatted cell is one exceljs cannot read back: reported, not dropped silently", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("申报表");
  ws.getCell("A1").value = "部门名称";
  ws.getCell("A1").note = "这条能读回";
  ws.getCell("C7").note = "这条会丢失";
  const { warnings, workbook } = await readXlsx(await toBytes(wb), "notes.xlsx");
  expect(workbook.getWorksheet("申报表")!.getCell("A1").note).toBe("这条能读回");
  expect(warnings.map((w) => [w.kind, w.message.zh])).toEqual([["notes", expect.stringContaining("1 条批注")]]);
});

describe("readXlsx: bad input gets a clear message, never a stack trace", () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ["empty.xlsx", "empty", /空的.*0 字节/, /empty/],
    ["csv-renamed.xlsx", "text", /文本文件.*CSV/, /CSV/],
    ["ole-renamed.xlsx", "ole", /\.xls.*密码|密码.*\.xls/, /legacy.*password|password.*legacy/],
    ["truncated.xlsx", "corrupt", /损坏或不完整/, /damaged or incomplete/],
    ["no-sheets.xlsx", "no-sheets", /没有任何工作表/, /no worksheet/],
  ];
  test.each(cases)("%s → %s", async (name, kind, zh, en) => {
    const err = await readFixture(name).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FileReadError);
    const e = err as FileReadError;
    expect(e.kind).toBe(kind);
    expect(e.reason.zh).toMatch(zh);
    expect(e.reason.zh).toContain(`「${name}」`);
    expect(e.reason.en).toMatch(en);
    expect(e.message).toBe(e.reason.zh);
    expect(e.reason.zh).not.toMatch(/\n\s+at /);
  });

  test("a zip that is not a workbook (a renamed .docx)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const err = await readXlsx(await zip.generateAsync({ type: "uint8array" }), "报告.xlsx").catch((e: unknown) => e);
    expect((err as FileReadError).kind).toBe("not-workbook");
  });

  test("an ArrayBuffer works as well as a Uint8Array", async () => {
    const b = readFileSync(fixturePath("offset.xlsx"));
    const ab = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    const { snapshot } = await readXlsx(ab, "offset.xlsx");
    expect(snapshot.sheets[0].originCol).toBe(2);
  });
});

describe("readXlsx: a 50,000-row sheet", () => {
  test("is snapshotted whole, in reasonable time", async () => {
    const t0 = performance.now();
    const { snapshot } = await readFixture("rows-50000.xlsx");
    const ms = performance.now() - t0;
    console.log(`read rows-50000.xlsx: ${ms.toFixed(0)} ms`);
    const s = snapshot.sheets[0];
    expect(s.values.length).toBe(50001);
    expect(s.values[50000]).toEqual([50000, "支出记录 50000", "项目支出", (500000 * 37) / 1000, "经办人3", "2025-09-01"]);
    expect(ms).toBeLessThan(30000);
  });
});
