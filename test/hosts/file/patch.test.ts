/**
 * The package patcher (src/hosts/file/patch.ts) on small packages written by hand: where a new cell
 * goes, how text is stored (shared strings, ST_Xstring escapes), when a cell format is appended, and
 * which cached formula results are recomputed. Results are read back with the independent raw reader.
 */
import JSZip from "jszip";
import { PatchUnsupported, ValueEdit, patchValues } from "../../../src/hosts/file/patch";
import { evaluate, parseFormula } from "../../../src/hosts/file/formulaCalc";
import { readRawXlsx } from "../../helpers/rawXlsx";
import { withRevisionLog } from "../../helpers/lossyForms";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

async function pkg(sheetData: string, opts: { sst?: string[]; second?: string } = {}): Promise<Uint8Array> {
  const z = new JSZip();
  const sheets = [
    `<sheet name="表" sheetId="1" r:id="rId1"/>`,
    ...(opts.second !== undefined ? [`<sheet name="汇总" sheetId="2" r:id="rId4"/>`] : []),
  ];
  z.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  z.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  z.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheets.join("")}</sheets><calcPr calcId="191029"/></workbook>`,
  );
  const rels = [
    `<Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>`,
    `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>`,
    ...(opts.sst ? [`<Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`] : []),
    ...(opts.second !== undefined ? [`<Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/>`] : []),
  ];
  z.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  z.file("xl/styles.xml", STYLES);
  if (opts.sst)
    z.file(
      "xl/sharedStrings.xml",
      `<sst xmlns="${MAIN}" count="${opts.sst.length}" uniqueCount="${opts.sst.length}">${opts.sst.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`,
    );
  z.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><dimension ref="A1:C2"/><sheetData>${sheetData}</sheetData></worksheet>`);
  if (opts.second !== undefined)
    z.file("xl/worksheets/sheet2.xml", `<worksheet xmlns="${MAIN}"><sheetData>${opts.second}</sheetData></worksheet>`);
  return z.generateAsync({ type: "uint8array" });
}

const edit = (row: number, col: number, value: ValueEdit["value"], numberFormat?: string): ValueEdit => ({
  sheet: "表",
  row,
  col,
  value,
  ...(numberFormat ? { numberFormat } : {}),
});

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

test("a new cell goes into its row in column order, a new row in row order, and the dimension grows", async () => {
  const input = await pkg(`<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="A3"><v>5</v></c></row>`);
  const r = await patchValues(input, [edit(0, 1, 2), edit(1, 0, 4), edit(4, 3, 9)]);
  const sheet = await part(r.bytes, "xl/worksheets/sheet1.xml");
  expect(sheet).toContain(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row><row r="3">`,
  );
  expect(sheet).toContain(`<dimension ref="A1:D5"/>`);
  const [s] = await readRawXlsx(r.bytes);
  expect([...s.cells.entries()].sort()).toEqual(
    [
      ["0,0", 1],
      ["0,1", 2],
      ["0,2", 3],
      ["1,0", 4],
      ["2,0", 5],
      ["4,3", 9],
    ].sort(),
  );
  expect(r.changedParts).toEqual(["xl/worksheets/sheet1.xml"]);
});

test("text is stored as a shared string, reusing an equal entry and escaping what XML cannot hold", async () => {
  const input = await pkg(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>7</v></c></row>`, { sst: ["甲"] });
  const tricky = "a_x0041_\r\nb\u0001 <&>";
  const r = await patchValues(input, [edit(0, 1, "甲"), edit(0, 2, tricky), edit(0, 0, null)]);
  const sst = await part(r.bytes, "xl/sharedStrings.xml");
  // A1 no longer holds a string, B1 and C1 do: 2 references, 2 entries.
  expect(sst).toMatch(/count="2" uniqueCount="2"/);
  expect(sst).toContain(`<si><t xml:space="preserve">a_x005F_x0041__x000D_\nb_x0001_ &lt;&amp;&gt;</t></si>`);
  const sheet = await part(r.bytes, "xl/worksheets/sheet1.xml");
  // The cell keeps its style; an emptied cell keeps its place.
  expect(sheet).toContain(`<c r="A1"/><c r="B1" s="1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c>`);
  const [s] = await readRawXlsx(r.bytes);
  expect(s.cells.get("0,2")).toBe(tricky);
});

test("a workbook without shared strings gets the part, its relationship and its content type", async () => {
  const r = await patchValues(await pkg(`<row r="1"><c r="A1"><v>1</v></c></row>`), [edit(0, 0, "新")]);
  expect(await part(r.bytes, "xl/_rels/workbook.xml.rels")).toContain('Target="sharedStrings.xml"');
  expect(await part(r.bytes, "[Content_Types].xml")).toContain('PartName="/xl/sharedStrings.xml"');
  expect((await readRawXlsx(r.bytes))[0].cells.get("0,0")).toBe("新");
});

test("a number format is set only on a General or Text cell, by appending one cell format", async () => {
  const input = await pkg(`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>`, { sst: ["1.5"] });
  const r = await patchValues(input, [edit(0, 0, 1.5, "0.00"), edit(0, 1, 2, "0.00"), edit(0, 2, 3, "0.000")]);
  const styles = await part(r.bytes, "xl/styles.xml");
  // One format per (style, number format): A1's Text style and B1's General one each get a "0.00" copy, C1 a "0.000" one.
  expect(styles).toContain(
    `<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/></cellXfs>`,
  );
  const sheet = await part(r.bytes, "xl/worksheets/sheet1.xml");
  expect(sheet).toContain(`<c r="A1" s="2"><v>1.5</v></c><c r="B1" s="3"><v>2</v></c><c r="C1" s="4"><v>3</v></c>`);
});

test("cached results of simple formulas reading an edited cell are recomputed, through chains and shared formulas", async () => {
  const input = await pkg(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`, {
    second:
      `<row r="1"><c r="A1"><f>SUM(表!A1:B1)</f><v>3</v></c><c r="B1"><f>ROUND(A1/3,2)</f><v>1</v></c></row>` +
      `<row r="2"><c r="A2"><f t="shared" ref="A2:B2" si="0">表!A1*10</f><v>10</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row>`,
  });
  const r = await patchValues(input, [edit(0, 0, 5)]);
  expect(r.fullCalcOnLoad).toBe(false);
  expect(r.recomputed.sort()).toEqual(["汇总!A1", "汇总!A2", "汇总!B1"]);
  const sum = (await readRawXlsx(r.bytes))[1];
  expect(sum.cells.get("0,0")).toEqual({ formula: "SUM(表!A1:B1)", result: 7 });
  expect(sum.cells.get("0,1")).toEqual({ formula: "ROUND(A1/3,2)", result: 2.33 });
  expect(sum.cells.get("1,0")).toEqual({ formula: "表!A1*10", result: 50 });
  // B2 reads B1 of 表, which did not change.
  expect(sum.cells.get("1,1")).toEqual({ sharedFormula: "A2", result: 20 });
  expect(await part(r.bytes, "xl/workbook.xml")).not.toContain("fullCalcOnLoad");
});

test("a formula it cannot compute (or whose inputs it cannot know) makes Excel recalculate on open", async () => {
  for (const f of ["LEN(表!A1)", "SUM(金额)", 'INDIRECT("表!A1")']) {
    const input = await pkg(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
      second: `<row r="1"><c r="A1"><f>${f.replace(/"/g, "&quot;")}</f><v>1</v></c></row>`,
    });
    const r = await patchValues(input, [edit(0, 0, 22)]);
    expect(r.fullCalcOnLoad).toBe(true);
    expect(await part(r.bytes, "xl/workbook.xml")).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  }
  // A formula that reads other cells only needs nothing.
  const untouched = await pkg(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
    second: `<row r="1"><c r="A1"><f>LEN(表!B1)</f><v>0</v></c></row>`,
  });
  expect((await patchValues(untouched, [edit(0, 0, 22)])).fullCalcOnLoad).toBe(false);
});

test("an edit on a sheet that is not there is left to the other writer (edits over formulas: patchFallbacks.test.ts)", async () => {
  const input = await pkg(`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>`);
  await expect(patchValues(input, [{ ...edit(0, 1, 3), sheet: "无" }])).rejects.toThrow(PatchUnsupported);
});

test("the formula subset: what it computes and what it declines", () => {
  const v = (f: string) =>
    evaluate(
      parseFormula(f),
      (_s, r, c) =>
        [
          [1, 2, "x"],
          [4, null, true],
        ][r]?.[c] ?? null,
    );
  expect(v("SUM(A1:C2)")).toBe(7);
  expect(v("A1+B1*2-(A2/4)")).toBe(4);
  expect(v("AVERAGE(A1:B1)")).toBe(1.5);
  expect(v("MAX(A1:B2)+MIN(A1:B1)+COUNT(A1:C2)")).toBe(8);
  expect(v("0.1+0.2")).toBe(0.3);
  expect(v("A1+C1")).toBeUndefined(); // text in arithmetic is #VALUE!
  expect(v("A1/B2")).toBeUndefined(); // #DIV/0!
  expect(v("IF(A1>0,1,2)")).toBeUndefined();
  expect(parseFormula("SUM(D:D)").refsKnown).toBe(false);
  expect(parseFormula("LOG10(A1)").refsKnown).toBe(true);
  expect(parseFormula("'其 他'!A1+表!$B$2").tokens.filter((t) => t.k === "ref").length).toBe(2);
});

test("a shared workbook with a revision log takes no value edit: Excel would log it as a revision, this would not", async () => {
  const plain = await pkg(`<row r="1"><c r="A1"><v>1</v></c></row>`);
  const zip = await JSZip.loadAsync(plain);
  await withRevisionLog(zip);
  const shared = await zip.generateAsync({ type: "uint8array" });
  const err = await patchValues(shared, [edit(0, 0, 2)]).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PatchUnsupported);
  expect((err as PatchUnsupported).reason).toEqual({
    zh: "这是带修订记录的共享工作簿:Excel 把对单元格内容的每次修改都记为一条修订,本工具不写修订记录,改值后修订记录将缺少这些修改",
    en: "this is a shared workbook with a revision log: Excel records every change to a cell's contents as a revision, which this tool does not write, so the log would miss these changes",
  });
  // The log is what refuses: the same edit without it is patched.
  expect((await readRawXlsx((await patchValues(plain, [edit(0, 0, 2)])).bytes))[0].cells.get("0,0")).toBe(2);
});
