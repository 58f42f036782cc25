/**
 * `add` inserts a row into the form; what sits beside the form must move with its cells, as it does
 * in Excel (issue #7): Excel tables (ListObjects), array formulas, pictures. The packages are built
 * with jszip where exceljs cannot write the feature the way Excel or openpyxl do, and every result
 * is read back from the written package's XML with jszip — never through the code under test.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readExample, toBytes } from "../../helpers/xlsx";
import { run } from "../../cli/capture";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
// `add --template satisfaction.public` on the corrected example inserts a new row 39.
const INSERTED = 39;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bf-fidelity-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Adds a table part to sheet1 of the package, the way the given tool writes it. */
async function withTable(bytes: Uint8Array, table: string, absoluteTarget: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("xl/tables/table1.xml", table);
  const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
  const old = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const target = absoluteTarget ? "/xl/tables/table1.xml" : "../tables/table1.xml";
  zip.file(relsPath, old.replace("</Relationships>", `<Relationship Id="rIdT1" Type="${R}/table" Target="${target}"/></Relationships>`));
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // tableParts is the last element but extLst (ECMA-376 Part 1 §18.3.1.99, CT_Worksheet's sequence).
  sheet = sheet.replace(/(<extLst>|<\/worksheet>)/, `<tableParts count="1"><tablePart xmlns:r="${R}" r:id="rIdT1"/></tableParts>$1`);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace("</Types>", '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>');
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array" });
}

/** The corrected example with a two-column list in H36:I41, which the insertion at row 39 splits. */
async function formWithList(): Promise<Uint8Array> {
  const { workbook } = await readExample("corrected-form.xlsx");
  const ws = workbook.worksheets[0];
  ws.getCell("H36").value = "名称";
  ws.getCell("I36").value = "数量";
  for (let r = 37; r <= 41; r++) {
    ws.getCell(`H${r}`).value = `项${r}`;
    ws.getCell(`I${r}`).value = r;
  }
  return toBytes(workbook);
}

async function add(bytes: Uint8Array): Promise<{ code: number; err: string; zip: JSZip | null }> {
  // The expectations below hold for a row inserted at INSERTED: make sure it was.

  writeFileSync(join(dir, "in.xlsx"), bytes);
  const r = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "out.xlsx", "--force"], { cwd: dir });
  if (r.code === 0) expect(r.out).toContain(`第 ${INSERTED} 行`);
  let zip: JSZip | null;
  try {
    zip = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsx")));
  } catch {
    zip = null;
  }
  return { code: r.code, err: r.err, zip };
}

async function tableXml(zip: JSZip): Promise<string> {
  const parts = Object.keys(zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n));
  expect(parts).toHaveLength(1);
  return zip.file(parts[0])!.async("string");
}

describe("add: Excel tables beside the form", () => {
  test("a table written by openpyxl without a style: the copy is written, the table grows over the new row, nothing else changes", async () => {
    // openpyxl 3.1 writes no <tableStyleInfo> unless asked, and an absolute relationship target.
    const table = `<table xmlns="${MAIN}" id="1" name="清单" displayName="清单" ref="H36:I41" headerRowCount="1"><autoFilter ref="H36:I41"/><tableColumns count="2"><tableColumn id="1" name="名称"/><tableColumn id="2" name="数量"/></tableColumns></table>`;
    const r = await add(await withTable(await formWithList(), table, true));
    expect(r.err).not.toMatch(/Cannot read|theme|TypeError/);
    expect(r.code).toBe(0);
    const xml = await tableXml(r.zip!);
    expect(xml).toBe(table.replace(/H36:I41/g, "H36:I42"));
    // The table's cells moved with it: the row below the insertion holds what row 39 held.
    const sheet = await r.zip!.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<c r="H40"[^>]*t="(s|str|inlineStr)"/);
  });

  test("a table as Excel writes it (header row by default, a style): its header row stays a header row", async () => {
    // Excel omits headerRowCount when it is 1, the default (ECMA-376 Part 1 §18.5.1.2).
    const table =
      `<table xmlns="${MAIN}" id="3" name="Table3" displayName="Table3" ref="H36:I41" totalsRowShown="0"><autoFilter ref="H36:I41"/>` +
      `<tableColumns count="2"><tableColumn id="1" name="名称"/><tableColumn id="2" name="数量"/></tableColumns>` +
      `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
    const r = await add(await withTable(await formWithList(), table, false));
    expect(r.code).toBe(0);
    const xml = await tableXml(r.zip!);
    expect(xml).not.toMatch(/headerRowCount="0"/);
    expect(xml).not.toMatch(/hiddenButton/);
    expect(xml).toBe(table.replace(/H36:I41/g, "H36:I42"));
  });

  test("a table entirely below the insertion moves down; one above it stays", async () => {
    const below = `<table xmlns="${MAIN}" id="1" name="下方" displayName="下方" ref="H40:I41"><autoFilter ref="H40:I41"/><tableColumns count="2"><tableColumn id="1" name="项40"/><tableColumn id="2" name="40"/></tableColumns></table>`;
    const r = await add(await withTable(await formWithList(), below, false));
    expect(r.code).toBe(0);
    expect(await tableXml(r.zip!)).toContain('ref="H41:I42"');
    const above = `<table xmlns="${MAIN}" id="1" name="上方" displayName="上方" ref="H36:I38"><autoFilter ref="H36:I38"/><tableColumns count="2"><tableColumn id="1" name="名称"/><tableColumn id="2" name="数量"/></tableColumns></table>`;
    const r2 = await add(await withTable(await formWithList(), above, false));
    expect(r2.err).toBe("");
    expect(r2.code).toBe(0);
    expect(await tableXml(r2.zip!)).toBe(above);
  });
});
