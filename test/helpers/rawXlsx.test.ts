/**
 * The raw OOXML reader (rawXlsx.ts) that proves insertions (issue #7) shares no code with the writer,
 * so it must be right on its own: on every real workbook of the repository it agrees with exceljs's
 * read cell by cell (values, merges, row count, hidden rows, sheet states), and on hand-made
 * packages it reads what the standard says — inline strings, rich-text and phonetic runs, escapes,
 * formulas with their cached values, shared formulas, relationships to parts at any path, prefixed
 * namespaces — where exceljs is no oracle.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readdirSync, readFileSync } from "fs";
import { Seen, disagreements, exceljsRead, independentRead } from "./genForm";
import { readRawXlsx } from "./rawXlsx";
import { EXAMPLES, FIXTURES, examplePath, fixturePath } from "./xlsx";

/** Fixtures that are not packages at all (or not whole) — the readers' refusals are tested elsewhere. */
const UNREADABLE = new Set(["truncated.xlsx", "csv-renamed.xlsx", "ole-renamed.xlsx", "empty.xlsx"]);
/** 50,000 rows: exceljs alone takes seconds; the shape is the same as every other fixture's. */
const SLOW = new Set(["rows-50000.xlsx"]);

const files = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => examplePath(f)),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx") && !UNREADABLE.has(f) && !SLOW.has(f))
    .map((f) => fixturePath(f)),
];

/** Compares both readers on every sheet (sheet states; values, merges, row count, hidden rows); the differences and cells compared. */
async function compareAll(bytes: Uint8Array): Promise<{ diffs: string[]; compared: number; sheets: number }> {
  const raw = await readRawXlsx(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const diffs: string[] = [];
  let compared = 0;
  const states = (xs: { name: string; state: string }[]) => xs.map((x) => `${x.name}:${x.state}`);
  if (JSON.stringify(states(raw)) !== JSON.stringify(states(wb.worksheets)))
    diffs.push(`sheets ${states(raw)} vs ${states(wb.worksheets)}`);
  for (const ws of raw) {
    const d = disagreements(await independentRead(bytes, ws.name), await exceljsRead(bytes, ws.name));
    diffs.push(...d.diffs.map((x) => `${ws.name}: ${x}`));
    compared += d.compared;
  }
  return { diffs, compared, sheets: raw.length };
}

describe("agrees with exceljs on every workbook of the repository", () => {
  test.each(files.map((f) => [f.replace(/.*\//, ""), f]))("%s", async (_, path) => {
    const { diffs, compared, sheets } = await compareAll(readFileSync(path));
    expect(diffs).toEqual([]);
    if (!/no-sheets/.test(path)) {
      expect(sheets).toBeGreaterThan(0);
      expect(compared).toBeGreaterThan(0);
    }
  });

  test("the fixtures' special cells read as the file stores them", async () => {
    const rich = await independentRead(readFileSync(fixturePath("rich-text-and-links.xlsx")));
    expect([...rich.stored.values()]).toContain("广州市白云区科学技术协会(部门)");
    // The date is the serial the file stores: 2025-12-31.
    expect([...rich.stored.values()]).toContain(46022);
    const err = await independentRead(readFileSync(fixturePath("error-amount.xlsx")));
    expect([...err.stored.values()]).toContainEqual({ formula: "SUM(#REF!)", result: { error: "#REF!" } });
    const f = await independentRead(readFileSync(fixturePath("budget-mismatch-formula.xlsx")));
    expect([...f.stored.values()]).toContainEqual({ formula: "300+36.6", result: 336.6 });
    const hidden = await readRawXlsx(readFileSync(fixturePath("hidden-rows.xlsx")));
    expect(hidden[0].hiddenRows).toHaveLength(1);
  });
});

/** A workbook with every kind of cell exceljs writes (it writes strings as shared strings only). */
async function everyKind(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "hidden sheet";
  wb.getWorksheet("说明")!.state = "hidden";
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "plain";
  ws.getCell("B1").value = { richText: [{ text: "广州市" }, { text: "白云区", font: { bold: true } }, { text: " 科协 " }] };
  ws.getCell("C1").value = "  leading and trailing  ";
  ws.getCell("D1").value = "line\r\nbreak";
  ws.getCell("A2").value = 326.6;
  ws.getCell("B2").value = true;
  ws.getCell("C2").value = false;
  ws.getCell("D2").value = { error: "#N/A" };
  ws.getCell("A3").value = { formula: "A2*2", result: 653.2 };
  ws.getCell("B3").value = { formula: 'IF(B2,"是","否")', result: "是" };
  ws.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("D3").value = { formula: "B2", result: true };
  ws.getCell("A4").value = 1;
  ws.getCell("A5").value = { formula: "A4+1", result: 2, shareType: "shared", ref: "A5:A7" } as ExcelJS.CellValue;
  ws.getCell("A6").value = { sharedFormula: "A5", result: 3 } as ExcelJS.CellValue;
  ws.getCell("A7").value = { sharedFormula: "A5", result: 4 } as ExcelJS.CellValue;
  ws.getCell("B5").value = { text: "链接", hyperlink: "https://example.invalid/" };
  ws.getCell("C5").value = new Date(Date.UTC(2025, 0, 1));
  ws.getCell("B8").value = "merged";
  ws.mergeCells("B8:D9");
  ws.getRow(10).hidden = true;
  ws.getCell("A10").value = "on a hidden row";
  ws.getCell("F12").value = "";
  const hidden = wb.addWorksheet("state");
  hidden.state = "veryHidden";
  hidden.getCell("A1").value = "x";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("every kind of cell exceljs writes", () => {
  test("agrees with exceljs and reads the stored values", async () => {
    const bytes = await everyKind();
    const { diffs } = await compareAll(bytes);
    expect(diffs).toEqual([]);
    // The first sheet that is not veryHidden, hidden or not (as the form reader looks at them).
    expect((await independentRead(bytes)).value(0, 0)).toBe("hidden sheet");
    const s = await independentRead(bytes, "表");
    // exceljs writes the \r of D1 as it is, and XML reads a CR LF as a LF (XML 1.0 §2.11): so does Excel.
    const at = (a1: string) => s.value(Number(a1.slice(1)) - 1, a1.charCodeAt(0) - 65);
    expect([at("A1"), at("B1"), at("C1"), at("D1")]).toEqual(["plain", "广州市白云区 科协 ", "  leading and trailing  ", "line\nbreak"]);
    expect([at("A2"), at("B2"), at("C2"), at("D2")]).toEqual([326.6, true, false, { error: "#N/A" }]);
    expect([at("A3"), at("B3"), at("C3"), at("D3")]).toEqual([
      { formula: "A2*2", result: 653.2 },
      { formula: 'IF(B2,"是","否")', result: "是" },
      { formula: "1/0", result: { error: "#DIV/0!" } },
      { formula: "B2", result: true },
    ]);
    expect([at("A5"), at("A6"), at("A7")]).toEqual([
      { formula: "A4+1", result: 2 },
      { sharedFormula: "A5", result: 3 },
      { sharedFormula: "A5", result: 4 },
    ]);
    expect([at("B5"), at("C5")]).toEqual(["链接", 45658]);
    expect([at("B8"), at("D9"), at("F12")]).toEqual(["merged", "merged", null]);
    expect(s.merges).toEqual([{ top: 7, left: 1, bottom: 8, right: 3 }]);
    expect(s.rowCount).toBe(12);
    const sheets = await readRawXlsx(bytes);
    expect(sheets.map((x) => [x.name, x.state])).toEqual([
      ["说明", "hidden"],
      ["表", "visible"],
      ["state", "veryHidden"],
    ]);
    expect(sheets[1].hiddenRows).toEqual([9]);
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;

/** A minimal package written by hand, the way other producers do; `odd` puts the parts at unusual paths with prefixed names. */
async function handMade(odd: boolean): Promise<Uint8Array> {
  const zip = new JSZip();
  const wbPath = odd ? "book/main.xml" : "xl/workbook.xml";
  const p = odd ? "x:" : "";
  const ns = odd ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const at = (a1: string) => (odd ? "" : ` r="${a1}"`);
  const rp = odd ? "rel" : "r"; // exceljs knows the relationships namespace by the prefix r only
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/${wbPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/${odd ? "book/sheets/a.xml" : "xl/worksheets/sheet1.xml"}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/${odd ? "strings.xml" : "xl/sharedStrings.xml"}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="${PKG}">${rel("rId1", "officeDocument", odd ? "/book/main.xml" : "xl/workbook.xml")}</Relationships>`,
  );
  zip.file(
    odd ? "book/_rels/main.xml.rels" : "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="${PKG}">` +
      rel("rIdS", "worksheet", odd ? "sheets/a.xml" : "worksheets/sheet1.xml") +
      rel("rIdT", "sharedStrings", odd ? "../strings.xml" : "sharedStrings.xml") +
      `</Relationships>`,
  );
  zip.file(
    wbPath,
    `<?xml version="1.0"?><${p}workbook ${ns} xmlns:${rp}="${R}"><${p}sheets><${p}sheet name="表一" sheetId="1" ${rp}:id="rIdS"/></${p}sheets></${p}workbook>`,
  );
  zip.file(
    odd ? "strings.xml" : "xl/sharedStrings.xml",
    `<?xml version="1.0"?><${p}sst ${ns} count="3" uniqueCount="3">` +
      `<${p}si><${p}t>一级指标</${p}t></${p}si>` +
      `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">产出 </${p}t></${p}r><${p}r><${p}t>指标</${p}t></${p}r>` +
      `<${p}rPh sb="0" eb="2"><${p}t>チャンシュツ</${p}t></${p}rPh></${p}si>` +
      `<${p}si><${p}t>a_x000D_b &amp; &lt;c&gt;</${p}t></${p}si></${p}sst>`,
  );
  zip.file(
    odd ? "book/sheets/a.xml" : "xl/worksheets/sheet1.xml",
    `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>` +
      `<${p}row r="2"><${p}c r="B2" t="s"><${p}v>0</${p}v></${p}c><${p}c r="C2" t="s"><${p}v>1</${p}v></${p}c><${p}c r="D2" t="s"><${p}v>2</${p}v></${p}c></${p}row>` +
      // With odd, no r on the row or its cells: the row after 2, cells from A on (exceljs refuses such rows).
      `<${p}row${odd ? "" : ' r="3"'}><${p}c${at("A3")} t="inlineStr"><${p}is><${p}t>内联</${p}t></${p}is></${p}c>` +
      `<${p}c${at("B3")} t="inlineStr"><${p}is><${p}r><${p}t>富</${p}t></${p}r><${p}r><${p}t>文本</${p}t></${p}r></${p}is></${p}c>` +
      `<${p}c${at("C3")}><${p}v>1.5</${p}v></${p}c><${p}c${at("D3")} t="b"><${p}v>1</${p}v></${p}c><${p}c${at("E3")} t="e"><${p}v>#VALUE!</${p}v></${p}c>` +
      `<${p}c${at("F3")} t="str"><${p}v>文字</${p}v></${p}c></${p}row>` +
      `<${p}row r="5" hidden="1"><${p}c r="A5" t="str"><${p}f>C3&amp;"x"</${p}f><${p}v>1.5x</${p}v></${p}c><${p}c r="B5"><${p}f t="shared" ref="B5:B6" si="0">C3*2</${p}f><${p}v>3</${p}v></${p}c></${p}row>` +
      `<${p}row r="6"><${p}c r="B6"><${p}f t="shared" si="0"/><${p}v>4</${p}v></${p}c><${p}c r="C6" s="1"/><${p}c r="D6" t="s"><${p}v>0</${p}v></${p}c></${p}row>` +
      `<${p}row r="9" hidden="1"/>` +
      `</${p}sheetData><${p}mergeCells count="1"><${p}mergeCell ref="C6:D7"/></${p}mergeCells></${p}worksheet>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("a hand-made package", () => {
  const expectStandard = (s: Seen) => {
    expect(Object.fromEntries(s.stored)).toEqual({
      "1,1": "一级指标",
      "1,2": "产出 指标",
      "1,3": "a\rb & <c>",
      "2,0": "内联",
      "2,1": "富文本",
      "2,2": 1.5,
      "2,3": true,
      "2,4": { error: "#VALUE!" },
      "2,5": "文字",
      "4,0": { formula: 'C3&"x"', result: "1.5x" },
      "4,1": { formula: "C3*2", result: 3 },
      "5,1": { sharedFormula: "B5", result: 4 },
    });
    // D6 holds a value under the merge C6:D7 whose top-left C6 is empty: nobody sees it.
    expect(s.value(5, 3)).toBeNull();
    expect(s.merges).toEqual([{ top: 5, left: 2, bottom: 6, right: 3 }]);
    expect(s.rowCount).toBe(9);
  };

  test("at the usual paths: reads what the standard says, and exceljs agrees", async () => {
    const bytes = await handMade(false);
    expectStandard(await independentRead(bytes));
    expect((await compareAll(bytes)).diffs).toEqual([]);
    const [sheet] = await readRawXlsx(bytes);
    expect(sheet.hiddenRows).toEqual([4, 8]);
    // The value hidden under the merge is in the file all the same.
    expect(sheet.cells.get("5,3")).toBe("一级指标");
  });

  test("at unusual paths with prefixed element names: the relationships lead to the parts", async () => {
    const bytes = await handMade(true);
    expectStandard(await independentRead(bytes));
    expect((await readRawXlsx(bytes)).map((s) => s.name)).toEqual(["表一"]);
  });
});
