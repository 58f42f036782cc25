/**
 * Packages the patcher used to hand to the exceljs rewrite (issue #25), now patched in place: an
 * edit over a formula cell (plain, a shared formula's master or follower, a one-cell array), with
 * the calculation chain kept consistent; and what it still refuses, as Excel does (part of an
 * array). Packages are written by hand in the shape Excel writes them; results are read back with
 * the test's independent raw reader.
 *
 * Shapes: a shared formula is a master `<f t="shared" ref="…" si="n">text</f>` and followers
 * `<f t="shared" si="n"/>` (ECMA-376 Part 1 §18.3.1.40); calcChain.xml lists formula cells, `i`
 * being the sheetId and omitted when it repeats the previous entry's (§18.6.1, §18.6.2).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser, SaxesTagNS } from "saxes";
import { CellMarkPatch, patchMarks } from "../../../src/hosts/file/patchMarks";
import { applyPlan } from "../../../src/hosts/file/apply";
import { EditLog } from "../../../src/hosts/file/patchWrite";
import { patchSteps } from "../../../src/hosts/file/patchRows";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { PatchUnsupported, ValueEdit, patchValues } from "../../../src/hosts/file/patch";
import { readRawXlsx } from "../../helpers/rawXlsx";
import { packageParts, partText, sameBytes, wellFormed } from "../../helpers/packageParts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs></styleSheet>`;

async function pkg(sheetData: string, calcChain?: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${
      calcChain
        ? `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>`
        : ""
    }</Types>`,
  );
  z.file(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  z.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="3" r:id="rId4"/></sheets><calcPr calcId="191029"/></workbook>`,
  );
  z.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>${
      calcChain ? `<Relationship Id="rId3" Type="${R}/calcChain" Target="calcChain.xml"/>` : ""
    }<Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
  );
  z.file("xl/styles.xml", STYLES);
  z.file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`);
  z.file(
    "xl/worksheets/sheet2.xml",
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`,
  );
  if (calcChain) z.file("xl/calcChain.xml", `<calcChain xmlns="${MAIN}">${calcChain}</calcChain>`);
  return z.generateAsync({ type: "uint8array" });
}

const edit = (row: number, col: number, value: ValueEdit["value"]): ValueEdit => ({ sheet: "表", row, col, value });

const cellsOf = async (bytes: Uint8Array) => Object.fromEntries((await readRawXlsx(bytes))[0].cells);

test("an edit over a plain formula drops the formula and its cached result, and its calcChain entry", async () => {
  // The chain: 表!B1 (sets i="1"), 表!A1 (i repeats), 乙!A1 (i="3"). Removing B1 leaves A1 without
  // a stated sheet: it gets i="1" written out, or it would be read as B1's successor on no sheet.
  const input = await pkg(
    `<row r="1"><c r="A1"><f>2*3</f><v>6</v></c><c r="B1" t="str"><f>"约"&amp;A1</f><v>约6</v></c></row>`,
    `<c r="B1" i="1"/><c r="A1"/><c r="A1" i="3"/>`,
  );
  const r = await patchValues(input, [edit(0, 1, "≥6")]);
  const sheet = partText((await packageParts(r.bytes)).get("xl/worksheets/sheet1.xml")!);
  expect(sheet).toContain(`<c r="B1" t="s"><v>0</v></c>`);
  expect(sheet).not.toContain("约");
  expect(await cellsOf(r.bytes)).toEqual({ "0,0": { formula: "2*3", result: 6 }, "0,1": "≥6" });
  const chain = partText((await packageParts(r.bytes)).get("xl/calcChain.xml")!);
  wellFormed(chain);
  expect(chain).toContain(`<calcChain xmlns="${MAIN}"><c r="A1" i="1"/><c r="A1" i="3"/></calcChain>`);
});

test("overwriting a shared formula's master writes each follower's own formula out; the other parts keep their bytes", async () => {
  const input = await pkg(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>` +
      `<row r="2"><c r="A2"><f t="shared" ref="A2:B3" si="0">A1*10</f><v>10</v></c><c r="B2"><f t="shared" si="0"/><v>20</v></c></row>` +
      `<row r="3"><c r="A3"><f t="shared" si="0"/><v>100</v></c><c r="B3"><f t="shared" si="0"/><v>200</v></c></row>`,
  );
  const r = await patchValues(input, [edit(1, 0, 7)]);
  expect(await cellsOf(r.bytes)).toEqual({
    "0,0": 1,
    "0,1": 2,
    "1,0": 7,
    "1,1": { formula: "B1*10", result: 20 },
    // A3 reads the edited A2: its cached result is recomputed (7*10).
    "2,0": { formula: "A2*10", result: 70 },
    "2,1": { formula: "B2*10", result: 200 },
  });
  const sheet = partText((await packageParts(r.bytes)).get("xl/worksheets/sheet1.xml")!);
  expect(sheet).not.toContain(`t="shared"`);
  const before = await packageParts(input),
    after = await packageParts(r.bytes);
  for (const [name, bytes] of before)
    if (name !== "xl/worksheets/sheet1.xml") expect([name, sameBytes(bytes, after.get(name)!)]).toEqual([name, true]);
});

test("overwriting a follower leaves the group shared; a one-cell array formula is overwritten like any formula", async () => {
  const input = await pkg(
    `<row r="1"><c r="A1"><f t="shared" ref="A1:C1" si="0">ROW()</f><v>1</v></c><c r="B1"><f t="shared" si="0"/><v>1</v></c><c r="C1"><f t="shared" si="0"/><v>1</v></c>` +
      `<c r="D1"><f t="array" ref="D1">SUM(A1:C1*2)</f><v>6</v></c></row>`,
  );
  const r = await patchValues(input, [edit(0, 1, 5), edit(0, 3, "无")]);
  expect(await cellsOf(r.bytes)).toEqual({
    "0,0": { formula: "ROW()", result: 1 },
    "0,1": 5,
    "0,2": { sharedFormula: "A1", result: 1 },
    "0,3": "无",
  });
});

test("a cell inside a multi-cell array formula or data table is refused, as Excel refuses to change part of an array", async () => {
  const input = await pkg(
    `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:B2">A1:A2*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>4</v></c></row>`,
  );
  for (const e of [edit(0, 1, 3), edit(1, 1, 3)]) {
    const err = await patchValues(input, [e]).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(PatchUnsupported);
    expect((err as PatchUnsupported).reason?.zh).toContain("B1:B2");
  }
});

test("a chain left empty is removed with its relationship and content type (CT_CalcChain needs one entry)", async () => {
  const input = await pkg(`<row r="1"><c r="A1"><f>1+2</f><v>3</v></c></row>`, `<c r="A1" i="1"/>`);
  const r = await patchValues(input, [edit(0, 0, 4)]);
  const parts = await packageParts(r.bytes);
  expect(parts.has("xl/calcChain.xml")).toBe(false);
  expect(partText(parts.get("xl/_rels/workbook.xml.rels")!)).not.toContain("calcChain");
  expect(partText(parts.get("[Content_Types].xml")!)).not.toContain("calcChain");
  expect(r.changedParts).toContain("xl/calcChain.xml");
});

describe("EditLog: what a plan leaves in exceljs's model is what the patch writes", () => {
  // exceljs models a merge's covered cells as pointing at the top-left ("master") cell, rich text as
  // { richText: [...] } and a date as a Date (exceljs README, "Merged Cells", "Rich Text", "Date Value").
  async function model() {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("A1").value = new Date(Date.UTC(2025, 0, 1));
    ws.getCell("B1").value = { richText: [{ text: "约" }, { font: { bold: true }, text: "3000人次" }] };
    ws.mergeCells("B1:C1");
    ws.getCell("D1").value = { formula: "1+1", result: 2 };
    ws.getCell("E1").value = { error: "#N/A" };
    return wb;
  }

  test("a setValue inside a merge is logged as the top-left cell the write step changes", async () => {
    const wb = await model();
    const log = new EditLog();
    const plan: EditPlan = { title: { zh: "改", en: "edit" }, edits: [setValue({ sheet: "表", row: 0, col: 2 }, "≥3000人次")] };
    for (const e of plan.edits) if (e.op === "setValue") log.touch(wb, e);
    expect(applyPlan(wb, plan)).toEqual({ ok: true });
    expect(log.edits(wb)).toEqual([{ sheet: "表", row: 0, col: 1, value: "≥3000人次" }]);
  });

  test("logged cells the plans left as they were (a date, rich text, a formula, an error) need no edit", async () => {
    const wb = await model();
    const log = new EditLog();
    for (const col of [0, 1, 3, 4]) log.touch(wb, { sheet: "表", row: 0, col });
    expect(log.edits(wb)).toEqual([]);
    // One of them written by a plan: only that one is an edit.
    expect(applyPlan(wb, { title: { zh: "改", en: "edit" }, edits: [setValue({ sheet: "表", row: 0, col: 0 }, 45658)] })).toEqual({
      ok: true,
    });
    expect(log.edits(wb)).toEqual([{ sheet: "表", row: 0, col: 0, value: 45658 }]);
  });
});

describe("annotate: packages the mark patcher used to leave to the exceljs rewrite", () => {
  const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
  const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
  const VML = `xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"`;
  // A note as Excel writes it (ECMA-376 Part 1 §18.7.3): authors, then the comment's rich text.
  const COMMENTS = `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="A1" authorId="0"><text><r><t>原批注</t></r></text></comment></commentList></comments>`;

  async function book(o: {
    root?: string;
    sheetTail?: string;
    sheetRels?: string[];
    parts?: Record<string, string>;
    styles?: string | null;
  }): Promise<Uint8Array> {
    const z = new JSZip();
    const styles = o.styles === undefined ? STYLES : o.styles;
    z.file(
      "[Content_Types].xml",
      `<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    );
    z.file(
      "_rels/.rels",
      `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    z.file(
      "xl/workbook.xml",
      `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    z.file(
      "xl/_rels/workbook.xml.rels",
      `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${
        styles === null ? "" : `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>`
      }</Relationships>`,
    );
    if (styles !== null) z.file("xl/styles.xml", styles);
    z.file(
      "xl/worksheets/sheet1.xml",
      `<worksheet xmlns="${MAIN}" ${o.root ?? `xmlns:r="${R}"`}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${o.sheetTail ?? ""}</worksheet>`,
    );
    if (o.sheetRels) z.file("xl/worksheets/_rels/sheet1.xml.rels", `<Relationships xmlns="${PR}">${o.sheetRels.join("")}</Relationships>`);
    for (const [name, text] of Object.entries(o.parts ?? {})) z.file(name, text);
    return z.generateAsync({ type: "uint8array" });
  }

  const mark = (col: number): CellMarkPatch => ({ sheet: "表", row: 0, col, argb: "FFFFC7CE", note: "绩效表助手:\n【错误】示例" });

  /** Parses with namespaces (saxes, XML Namespaces 1.0): an undeclared prefix is an error, as for Excel's parser. */
  function nsElements(xml: string): { name: string; uri: string; attrs: { name: string; uri: string }[] }[] {
    const p = new SaxesParser({ xmlns: true });
    const out: { name: string; uri: string; attrs: { name: string; uri: string }[] }[] = [];
    p.on("error", (e) => {
      throw e;
    });
    p.on("opentag", (t: SaxesTagNS) =>
      out.push({ name: t.local, uri: t.uri, attrs: Object.values(t.attributes).map((a) => ({ name: a.local, uri: a.uri })) }),
    );
    p.write(xml).close();
    return out;
  }

  async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
    return new Map([...(await packageParts(bytes))].map(([k, v]) => [k, partText(v)]));
  }

  test("a notes part without its VML drawing gets one, with a shape for the user's note and for ours", async () => {
    const input = await book({
      sheetRels: [`<Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/>`],
      parts: { "xl/comments1.xml": COMMENTS },
    });
    const out = await parts(await patchMarks(input, [mark(1)]));
    const rels = out.get("xl/worksheets/_rels/sheet1.xml.rels")!;
    const vmlTarget = /Type="[^"]*\/vmlDrawing" Target="\.\.\/([^"]+)"/.exec(rels)![1];
    const vml = out.get(`xl/${vmlTarget}`)!;
    const shapes = nsElements(vml).filter((e) => e.name === "shape" && e.uri === "urn:schemas-microsoft-com:vml");
    expect(shapes).toHaveLength(2);
    expect([...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`)).toEqual(["0,0", "0,1"]);
    const sheet = out.get("xl/worksheets/sheet1.xml")!;
    const vid = /Id="(rId\d+)" Type="[^"]*\/vmlDrawing"/.exec(rels)![1];
    // legacyDrawing after pageMargins (CT_Worksheet order), its r:id in the relationships namespace.
    expect(sheet).toMatch(new RegExp(`<pageMargins [^>]*/><legacyDrawing r:id="${vid}"/></worksheet>`));
    expect(out.get("[Content_Types].xml")).toContain(`<Default Extension="vml"`);
    const comments = out.get("xl/comments1.xml")!;
    expect(comments).toContain(`<authors><author>张三</author><author>绩效表助手</author></authors>`);
    expect(comments).toContain("原批注");
    expect(comments).toMatch(/<comment ref="B1" authorId="1">/);
  });

  test("an r prefix another tool bound to another namespace: the relationship id gets a free prefix of its own", async () => {
    const input = await book({ root: `xmlns:r="urn:example:other"` });
    const sheet = (await parts(await patchMarks(input, [mark(0)]))).get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain(`xmlns:r="urn:example:other"`);
    const legacy = nsElements(sheet).find((e) => e.name === "legacyDrawing")!;
    expect(legacy.attrs).toEqual([{ name: "id", uri: R }]);
  });

  test("a VML drawing that uses v:, o:, x: without declaring them gets the declarations; its shapes and ours parse", async () => {
    const oldVml = `<xml><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
    const input = await book({
      sheetTail: `<legacyDrawing r:id="rId2"/>`,
      sheetRels: [
        `<Relationship Id="rId1" Type="${R}/comments" Target="../comments1.xml"/>`,
        `<Relationship Id="rId2" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
      ],
      parts: { "xl/comments1.xml": COMMENTS, "xl/drawings/vmlDrawing1.vml": oldVml },
    });
    const vml = (await parts(await patchMarks(input, [mark(1)]))).get("xl/drawings/vmlDrawing1.vml")!;
    expect(vml.startsWith(`<xml ${VML}>`)).toBe(true);
    const shapes = nsElements(vml).filter((e) => e.name === "shape" && e.uri === "urn:schemas-microsoft-com:vml");
    expect(shapes).toHaveLength(2);
    expect(vml).toContain(`<x:Row>0</x:Row><x:Column>1</x:Column>`);
  });

  test("a package without a styles part gets a minimal one (related and typed) holding the mark's fill", async () => {
    const input = await book({ styles: null });
    const out = await parts(await patchMarks(input, [mark(1)]));
    const styles = out.get("xl/styles.xml")!;
    expect(nsElements(styles)[0].uri).toBe(MAIN);
    expect(out.get("xl/_rels/workbook.xml.rels")).toMatch(/Type="[^"]*\/styles" Target="styles\.xml"/);
    expect(out.get("[Content_Types].xml")).toContain(
      `PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"`,
    );
    const s = Number(/<c r="B1" s="(\d+)"/.exec(out.get("xl/worksheets/sheet1.xml")!)![1]);
    const xf = [...styles.matchAll(/<xf [^>]*xfId="0"[^>]*\/>/g)][s][0];
    const fillId = Number(/fillId="(\d+)"/.exec(xf)![1]);
    expect([...styles.matchAll(/<fill>[\s\S]*?<\/fill>/g)][fillId][0]).toContain(`<fgColor rgb="FFFFC7CE"/>`);
    // The cells read as before.
    expect(await cellsOf(await patchMarks(input, [mark(1)]))).toEqual({ "0,0": 1, "0,1": 2 });
  });

  test("a stylesheet without fills gets the two reserved ones before the mark's (CT_Stylesheet order)", async () => {
    const noFills = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0"/></cellXfs></styleSheet>`;
    const styles = (await parts(await patchMarks(await book({ styles: noFills }), [mark(0)]))).get("xl/styles.xml")!;
    expect(styles).toContain(
      `<fonts count="1"><font/></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/>`,
    );
    expect(styles).toContain(`<xf numFmtId="0" fontId="0" fillId="2" applyFill="1"/>`);
  });
});

test("add: a data table's input cells (r1, r2) move with the rows like its range (ECMA-376 §18.3.1.40)", async () => {
  // A one-input data table as Excel writes it: the master cell of the results holds
  // <f t="dataTable" ref dt2D dtr r1>; the input cell B10 is on the same sheet.
  const input = await pkg(
    `<row r="2"><c r="E2"><f t="dataTable" ref="E2:E4" dt2D="0" dtr="0" r1="B10"/><v>1</v></c></row>` +
      `<row r="3"><c r="E3"><v>2</v></c></row><row r="4"><c r="E4"><v>3</v></c></row>` +
      `<row r="10"><c r="B10"><v>5</v></c></row>` +
      `<row r="20"><c r="F20"><f t="dataTable" ref="F20:G21" dt2D="1" dtr="0" r1="B10" r2="B2"/><v>1</v></c></row>`,
  );
  const r = await patchSteps(input, [{ op: "insertRows", sheet: "表", at: 5, count: 1 }]);
  const sheet = partText((await packageParts(r.bytes)).get("xl/worksheets/sheet1.xml")!);
  expect(sheet).toContain(`<c r="E2"><f t="dataTable" ref="E2:E4" dt2D="0" dtr="0" r1="B11"/><v>1</v></c>`);
  expect(sheet).toContain(`<c r="F21"><f t="dataTable" ref="F21:G22" dt2D="1" dtr="0" r1="B11" r2="B2"/><v>1</v></c>`);
  expect(sheet).toContain(`<row r="11"><c r="B11"><v>5</v></c></row>`);
});
