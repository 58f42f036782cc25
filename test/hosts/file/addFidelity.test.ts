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
  const old = zip.file(relsPath)
    ? await zip.file(relsPath)!.async("string")
    : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const target = absoluteTarget ? "/xl/tables/table1.xml" : "../tables/table1.xml";
  zip.file(relsPath, old.replace("</Relationships>", `<Relationship Id="rIdT1" Type="${R}/table" Target="${target}"/></Relationships>`));
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // tableParts is the last element but extLst (ECMA-376 Part 1 §18.3.1.99, CT_Worksheet's sequence).
  sheet = sheet.replace(/(<extLst>|<\/worksheet>)/, `<tableParts count="1"><tablePart xmlns:r="${R}" r:id="rIdT1"/></tableParts>$1`);
  zip.file("xl/worksheets/sheet1.xml", sheet);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(
    "</Types>",
    '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>',
  );
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

describe("add: array formulas beside the form", () => {
  /** Array formulas in J: one spanning the insertion point, one below it, one above it. */
  async function formWithArrays(): Promise<Uint8Array> {
    const bytes = await formWithList();
    const zip = await JSZip.loadAsync(bytes);
    let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const cell = (r: number, f: string) => `<c r="J${r}">${f}<v>${r * 2}</v></c>`;
    const arrays: Record<number, string> = {
      36: cell(36, '<f t="array" ref="J36:J37">I36:I37*2</f>'),
      38: cell(38, '<f t="array" ref="J38:J40">I38:I40*2</f>'),
      41: cell(41, '<f t="array" ref="J41">SUM(I37:I41)</f>'),
    };
    // Each goes at the end of its row (J is right of every cell the form and the list use).
    for (const [r, c] of Object.entries(arrays)) sheet = sheet.replace(new RegExp(`(<row r="${r}"[^>]*>[\\s\\S]*?)(</row>)`), `$1${c}$2`);
    zip.file("xl/worksheets/sheet1.xml", sheet);
    return zip.generateAsync({ type: "uint8array" });
  }

  test("each array formula's range moves or grows with its cells, and its references follow the rows", async () => {
    const r = await add(await formWithArrays());
    expect(r.code).toBe(0);
    const sheet = await r.zip!.file("xl/worksheets/sheet1.xml")!.async("string");
    const arrays = [...sheet.matchAll(/<c r="(J\d+)"[^>]*><f t="array" ref="([^"]*)">([^<]*)<\/f>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(arrays).toEqual(["J36 J36:J37 I36:I37*2", "J38 J38:J41 I38:I41*2", "J42 J42 SUM(I37:I42)"]);
  });
});

describe("add: pictures beside the form", () => {
  // A 1×1 PNG.
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

  /** Pictures anchored as Excel anchors them (ECMA-376 Part 1 §20.5.2.33 editAs): move and size with
   * cells (twoCell), move only (oneCell), neither (absolute). */
  async function formWithPictures(): Promise<Uint8Array> {
    const { workbook } = await readExample("corrected-form.xlsx");
    const ws = workbook.worksheets[0];
    const id = workbook.addImage({ buffer: PNG as never, extension: "png" });
    const at = (col: number, row: number) => ({ nativeCol: col, nativeColOff: 0, nativeRow: row, nativeRowOff: 0 });
    // 0-based rows: 36 is row 37; the insertion is before row 39 (0-based 38).
    ws.addImage(id, { tl: at(7, 36), br: at(9, 40), editAs: "twoCell" } as never);
    ws.addImage(id, { tl: at(7, 41), br: at(9, 43), editAs: "oneCell" } as never);
    ws.addImage(id, { tl: at(7, 44), br: at(9, 46), editAs: "absolute" } as never);
    ws.addImage(id, { tl: at(7, 30), br: at(9, 32), editAs: "twoCell" } as never);
    return toBytes(workbook);
  }

  async function anchors(zip: JSZip): Promise<string[]> {
    const parts = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(parts).toHaveLength(1);
    const xml = await zip.file(parts[0])!.async("string");
    return [
      ...xml.matchAll(
        /<xdr:twoCellAnchor(?: editAs="(\w+)")?>\s*<xdr:from>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/g,
      ),
    ].map((m) => `${m[1] ?? "twoCell"} ${m[2]}-${m[3]}`);
  }

  test("each picture moves with its cells as Excel's anchor says: grows over the new row, moves, or stays", async () => {
    const bytes = await formWithPictures();
    expect(await anchors(await JSZip.loadAsync(bytes))).toEqual(["twoCell 36-40", "oneCell 41-43", "absolute 44-46", "twoCell 30-32"]);
    const r = await add(bytes);
    expect(r.code).toBe(0);
    expect(await anchors(r.zip!)).toEqual(["twoCell 36-41", "oneCell 42-44", "absolute 44-46", "twoCell 30-32"]);
  });
});

describe("what a copy cannot keep is named before writing", () => {
  test("pictures are kept, so no warning; a text box beside them is counted and named", async () => {
    const { workbook } = await readExample("corrected-form.xlsx");
    const id = workbook.addImage({
      buffer: Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64",
      ) as never,
      extension: "png",
    });
    workbook.worksheets[0].addImage(id, "H2:I4");
    const pictures = await toBytes(workbook);
    writeFileSync(join(dir, "pictures.xlsx"), pictures);
    const plain = await run(["add", "pictures.xlsx", "--template", "satisfaction.public", "--out", "a.xlsx"], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.err).toBe("");

    // A text box as Excel writes one: an anchor holding <xdr:sp>, which exceljs does not model.
    const zip = await JSZip.loadAsync(pictures);
    const path = Object.keys(zip.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    const box =
      "<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      "<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="TextBox 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr/>' +
      "<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>审核意见</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>";
    zip.file(path, (await zip.file(path)!.async("string")).replace("</xdr:wsDr>", `${box}</xdr:wsDr>`));
    writeFileSync(join(dir, "box.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    const withBox = await run(["add", "box.xlsx", "--template", "satisfaction.public", "--out", "b.xlsx"], { cwd: dir });
    expect(withBox.code).toBe(0);
    // The insertion is patched into the package (patchRows.ts): the text box is kept, so nothing is named as lost.
    expect(withBox.err).toBe("");
    const out = await JSZip.loadAsync(readFileSync(join(dir, "b.xlsx")));
    const drawing = await out.file(Object.keys(out.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!)!.async("string");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("审核意见");
    // Both sit above the insertion at row 39: neither anchor moved.
    expect([...drawing.matchAll(/<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1])).every((n) => n < 38)).toBe(true);
  });
});

describe("add: a picture as openpyxl writes it", () => {
  // Captured from openpyxl 3.1.5's output for ws.add_image(img, "H45"): default namespace, no
  // "xdr:" prefix (which exceljs needs), absolute relationship targets.
  const DRAWING =
    '<wsDr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">' +
    '<oneCellAnchor><from><col>7</col><colOff>0</colOff><row>44</row><rowOff>0</rowOff></from><ext cx="95250" cy="95250" /><pic><nvPicPr><cNvPr id="1" name="Image 1" descr="Picture" /><cNvPicPr /></nvPicPr>' +
    '<blipFill><a:blip cstate="print" r:embed="rId1" /><a:stretch><a:fillRect /></a:stretch></blipFill><spPr><a:prstGeom prst="rect" /></spPr></pic><clientData /></oneCellAnchor></wsDr>';
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

  test("is kept, not dropped with a warning, and moves down with its row", async () => {
    const zip = await JSZip.loadAsync(await toBytes((await readExample("corrected-form.xlsx")).workbook));
    zip.file("xl/drawings/drawing1.xml", DRAWING);
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${R}/image" Target="/xl/media/image1.png" Id="rId1" /></Relationships>`,
    );
    zip.file("xl/media/image1.png", PNG);
    zip.file(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${R}/drawing" Target="/xl/drawings/drawing1.xml" Id="rId1" /></Relationships>`,
    );
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `<drawing xmlns:r="${R}" r:id="rId1" /></worksheet>`));
    let types = await zip.file("[Content_Types].xml")!.async("string");
    types = types.replace(
      "</Types>",
      '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    );
    zip.file("[Content_Types].xml", types);

    const r = await add(await zip.generateAsync({ type: "uint8array" }));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const out = r.zip!;
    const drawingPath = Object.keys(out.files).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))!;
    const drawing = await out.file(drawingPath)!.async("string");
    // Kept as openpyxl wrote it (default namespace), only its row moved.
    expect(drawing).toBe(DRAWING.replace("<row>44</row>", "<row>45</row>"));
    // Below the insertion at row 39: row 45 (0-based 44) is now row 46.
    expect(/<(?:xdr:)?from>[\s\S]*?<(?:xdr:)?row>(\d+)<\/(?:xdr:)?row>/.exec(drawing)?.[1]).toBe("45");
    // The image itself travelled: the drawing's relationship points at a PNG in the package.
    const rels = await out.file(drawingPath.replace(/([^/]+)$/, "_rels/$1.rels"))!.async("string");
    const target = /Target="([^"]*)"/
      .exec(rels)![1]
      .replace(/^\.\.\//, "xl/")
      .replace(/^\//, "");
    expect(Buffer.from(await out.file(target)!.async("uint8array")).equals(PNG)).toBe(true);
  });
});
