/**
 * The row patcher's own cases beyond the fidelity workbooks: parts that point at the form from
 * elsewhere (a pivot cache, threaded comments, the calc chain, page breaks) and the merge steps of a
 * slid-row fix. Packages are edited as text with JSZip and read back the same way, never through
 * the code under test.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { run } from "../../cli/capture";
import { join } from "path";
import { patchSteps } from "../../../src/hosts/file/patchRows";
import { volatileCells } from "../../../src/hosts/file/patchRowsRefs";
import { readRawXlsx } from "../../helpers/rawXlsx";
import { PatchUnsupported, patchValues } from "../../../src/hosts/file/patch";
import { writePatched } from "../../../src/hosts/file/patchWrite";
import { readSnapshotFast } from "../../../src/hosts/file/fastRead";
import { WorkbookWriteError } from "../../../src/hosts/file/write";
import { WorkbookSnapshot } from "../../../src/core/snapshot";
import { fidelityWorkbook } from "../../../scripts/build-fidelity";

const ROOT = join(__dirname, "../../..");
const FORM = "xl/worksheets/sheet1.xml";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function example(edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(readFileSync(join(ROOT, "examples/corrected-form.xlsx")));
  await edit(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
const textOf = async (bytes: Uint8Array, name: string) => (await JSZip.loadAsync(bytes)).file(name)!.async("string");
const addRel = async (zip: JSZip, relsPath: string, xml: string) => {
  const old = zip.file(relsPath)
    ? await zip.file(relsPath)!.async("string")
    : `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  zip.file(relsPath, old.replace("</Relationships>", `${xml}</Relationships>`));
};

test("a pivot cache on the form, threaded comments, the calc chain and page breaks follow the moved rows", async () => {
  const input = await example(async (zip) => {
    zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" refreshOnLoad="1"><cacheSource type="worksheet"><worksheetSource ref="B20:F38" sheet="申报表"/></cacheSource></pivotCacheDefinition>`,
    );
    zip.file(
      "xl/threadedComments/threadedComment1.xml",
      `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="D30" dT="2026-12-01T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>请核实</text></threadedComment></ThreadedComments>`,
    );
    await addRel(
      zip,
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<Relationship Id="rIdTC" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`,
    );
    zip.file(
      "xl/calcChain.xml",
      `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D10" i="1"/><c r="D30"/><c r="A1" i="2"/></calcChain>`,
    );
    await addRel(zip, "xl/_rels/workbook.xml.rels", `<Relationship Id="rIdCC" Type="${R}/calcChain" Target="calcChain.xml"/>`);
    const sheet = await zip.file(FORM)!.async("string");
    zip.file(
      FORM,
      sheet.replace(
        "</worksheet>",
        `<rowBreaks count="2" manualBreakCount="2"><brk id="19" max="16383" man="1"/><brk id="30" max="16383" man="1"/></rowBreaks></worksheet>`,
      ),
    );
  });
  // Insert one row before row 28 (0-based 27).
  const out = (await patchSteps(input, [{ op: "insertRows", sheet: "申报表", at: 27, count: 1 }])).bytes;
  expect(await textOf(out, "xl/pivotCache/pivotCacheDefinition1.xml")).toContain('<worksheetSource ref="B20:F39" sheet="申报表"/>');
  expect(await textOf(out, "xl/threadedComments/threadedComment1.xml")).toContain('<threadedComment ref="D31"');
  expect(await textOf(out, "xl/calcChain.xml")).toContain('<c r="D10" i="1"/><c r="D31"/><c r="A1" i="2"/>');
  const sheet = await textOf(out, FORM);
  expect(sheet).toContain('<brk id="19" max="16383" man="1"/><brk id="31" max="16383" man="1"/>');
  // The cells moved and the new row is empty.
  const raw = (await readRawXlsx(out))[0];
  const before = (await readRawXlsx(input))[0];
  expect(raw.cells.get("28,3")).toEqual(before.cells.get("27,3"));
  expect([...raw.cells.keys()].some((k) => k.startsWith("27,"))).toBe(false);
});

test("a slid-row fix's merge steps: one merge removed, one added, the count kept right; a sheet without merges gets the element in schema order", async () => {
  const input = await example(async () => undefined);
  const before = await textOf(input, FORM);
  const count = Number(/<mergeCells count="(\d+)"/.exec(before)![1]);
  const out = (
    await patchSteps(input, [
      { op: "unmerge", sheet: "申报表", range: { top: 36, left: 1, bottom: 37, right: 1 } },
      { op: "merge", sheet: "申报表", range: { top: 36, left: 1, bottom: 36, right: 2 } },
      { op: "write", sheet: "申报表", row: 37, col: 1, value: "满意度指标" },
    ])
  ).bytes;
  const sheet = await textOf(out, FORM);
  expect(sheet).not.toContain('<mergeCell ref="B37:B38"/>');
  expect(sheet).toContain('<mergeCell ref="B37:C37"/>');
  expect(/<mergeCells count="(\d+)"/.exec(sheet)![1]).toBe(String(count));
  expect((await readRawXlsx(out))[0].cells.get("37,1")).toBe("满意度指标");

  // All merges removed: the element goes; then one added back lands after sheetData, before what CT_Worksheet puts later.
  const refs = [...before.matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>/g)];
  const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const unmergeAll = refs.map((m) => ({
    op: "unmerge" as const,
    sheet: "申报表",
    range: { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) },
  }));
  const bare = await textOf((await patchSteps(input, unmergeAll)).bytes, FORM);
  expect(bare).not.toMatch(/<mergeCells/);
  const again = await textOf(
    (await patchSteps(input, [...unmergeAll, { op: "merge", sheet: "申报表", range: { top: 0, left: 0, bottom: 0, right: 5 } }])).bytes,
    FORM,
  );
  expect(again).toMatch(/<\/sheetData>(<sheetProtection[^>]*>)?<mergeCells count="1"><mergeCell ref="A1:F1"\/><\/mergeCells>/);
});

describe("the read-back refuses a patched copy that differs from the edited model", () => {
  /** The snapshot of `bytes` with one cell of `sheet` changed: a model the patch does not produce. */
  async function wrongModel(bytes: Uint8Array, sheet: string): Promise<WorkbookSnapshot> {
    const s = (await readSnapshotFast(bytes, "x.xlsx")).snapshot;
    return {
      ...s,
      sheets: s.sheets.map((x) =>
        x.name === sheet ? { ...x, values: x.values.map((r, i) => (i === 0 ? ["不是这样", ...r.slice(1)] : r)) } : x,
      ),
    };
  }

  test("a value patch: checked on the sheets it rewrote", async () => {
    const input = await fidelityWorkbook(["formulas"]);
    const edits = [{ sheet: "申报表", row: 7, col: 3, value: 326.6 }];
    const right = (await readSnapshotFast((await patchValues(input, edits)).bytes, "x.xlsx")).snapshot;
    await expect(writePatched(input, edits, right)).resolves.toMatchObject({ changedParts: expect.arrayContaining([FORM]) });
    await expect(writePatched(input, edits, await wrongModel((await patchValues(input, edits)).bytes, "申报表"))).rejects.toBeInstanceOf(
      WorkbookWriteError,
    );
  });

  test("a row insertion: checked on every sheet", async () => {
    const input = await fidelityWorkbook(["formulas"]);
    const steps = [{ op: "insertRows" as const, sheet: "申报表", at: 27, count: 1 }];
    const patched = (await patchSteps(input, steps)).bytes;
    await expect(writePatched(input, { steps }, (await readSnapshotFast(patched, "x.xlsx")).snapshot)).resolves.toBeDefined();
    await expect(writePatched(input, { steps }, await wrongModel(patched, "汇总"))).rejects.toBeInstanceOf(WorkbookWriteError);
  });
});

test("fix on the seed: the slid rows moved back with their merges are patched into the package, every other part kept", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bf-patch-rows-"));
  try {
    const input = join(ROOT, "examples/seed-form.xlsx");
    const r = await run(["fix", input, "--out", join(dir, "fixed.xlsx")]);
    expect(r.out).toContain("把第 49 行移回对应列");
    expect(r.err).not.toMatch(/不保留|丢失|lost|not keep/);
    const a = await JSZip.loadAsync(readFileSync(input));
    const b = await JSZip.loadAsync(readFileSync(join(dir, "fixed.xlsx")));
    const names = Object.keys(a.files).filter((n) => !a.files[n].dir);
    expect(
      Object.keys(b.files)
        .filter((n) => !b.files[n].dir)
        .sort(),
    ).toEqual(names.sort());
    const changed: string[] = [];
    for (const n of names) if ((await a.file(n)!.async("string")) !== (await b.file(n)!.async("string"))) changed.push(n);
    expect(changed.sort()).toEqual(["xl/sharedStrings.xml", FORM]);
    const merges = async (z: JSZip) =>
      [...(await z.file(FORM)!.async("string")).matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort();
    const before = await merges(a);
    expect(before).toContain("A49:A50");
    // The category label slid into A49 goes back to C49 with its merge.
    expect(await merges(b)).toEqual([...before.filter((m) => m !== "A49:A50"), "C49:C50"].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("references beside the fidelity matrix: pivot location, consolidation cache, XML map cell, connection parameter, filtered chart range, other sheets' tables, linked shapes and control formulas, sync anchor, OLE anchor", async () => {
  const input = await (async () => {
    const zip = await JSZip.loadAsync(await fidelityWorkbook(["formulas"]));
    const form = await zip.file(FORM)!.async("string");
    zip.file(
      FORM,
      form
        .replace("<sheetPr>", '<sheetPr syncRef="A30">')
        // A sheet-level filter and sort, and a smart tag on a cell (ST_Ref, ST_CellRef).
        .replace("<mergeCells", '<autoFilter ref="B20:F38"/><sortState ref="B21:F38"><sortCondition ref="D21:D38"/></sortState><mergeCells')
        .replace(
          "</worksheet>",
          // An embedded object sized with its cells (CT_ObjectAnchor sizeWithCells): each corner moves with its row.
          `<smartTags><cellSmartTags r="D30"><cellSmartTag type="0"/></cellSmartTags></smartTags><oleObjects><mc:AlternateContent><mc:Choice Requires="x14"><oleObject progId="Word.Document.12" shapeId="2049" r:id="rIdOle"><objectPr defaultSize="0" r:id="rIdOle">` +
            `<anchor moveWithCells="1" sizeWithCells="1"><from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></from>` +
            `<to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>30</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor></objectPr></oleObject></mc:Choice></mc:AlternateContent></oleObjects></worksheet>`,
        )
        .replace("<worksheet ", '<worksheet xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '),
    );
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${R}/${type}`}" Target="${target}"/>`;
    await addRel(
      zip,
      "xl/worksheets/_rels/sheet1.xml.rels",
      rel("rIdPT", "pivotTable", "../pivotTables/pivotTable9.xml") + rel("rIdXM", "tableSingleCells", "../tables/tableSingleCells1.xml"),
    );
    zip.file(
      "xl/pivotTables/pivotTable9.xml",
      `<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="表9" cacheId="9"><location ref="H30:I35" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`,
    );
    zip.file(
      "xl/tables/tableSingleCells1.xml",
      `<singleXmlCells xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><singleXmlCell id="1" r="G8" connectionId="0"/><singleXmlCell id="2" r="G30" connectionId="0"/></singleXmlCells>`,
    );
    zip.file(
      "xl/pivotCache/pivotCacheDefinition9.xml",
      `<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource type="consolidation"><consolidation><rangeSets count="2"><rangeSet ref="C21:D38" sheet="申报表"/><rangeSet ref="A20:B40" sheet="汇总"/></rangeSets></consolidation></cacheSource></pivotCacheDefinition>`,
    );
    zip.file(
      "xl/connections.xml",
      `<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="查询" type="1"><dbPr connection="DSN=x" command="select ?"/><parameters count="2"><parameter name="p1" parameterType="cell" cell="申报表!$D$30"/><parameter name="p2" parameterType="cell" cell="汇总!$B$1"/></parameters></connection></connections>`,
    );
    zip.file(
      "xl/charts/chart9.xml",
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"><c:chart><c:plotArea><c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}"><c15:filteredBarSeries><c15:ser><c:val><c:numRef><c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}"><c15:formulaRef><c15:sqref>申报表!$D$21:$D$38</c15:sqref></c15:formulaRef></c:ext></c:extLst></c:numRef></c:val></c15:ser></c15:filteredBarSeries></c:ext></c:extLst></c:plotArea></c:chart></c:chartSpace>`,
    );
    // 汇总's own parts: a table whose calculated column reads the form, a linked text box, a control's VML formula.
    await addRel(
      zip,
      "xl/worksheets/_rels/sheet2.xml.rels",
      rel("rIdT", "table", "../tables/table9.xml") +
        rel("rIdD", "drawing", "../drawings/drawing9.xml") +
        rel("rIdV", "vmlDrawing", "../drawings/vmlDrawing9.vml"),
    );
    zip.file(
      "xl/tables/table9.xml",
      `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="9" name="T9" displayName="T9" ref="E1:F3"><tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="b"><calculatedColumnFormula>申报表!$D$30&amp;E2</calculatedColumnFormula></tableColumn></tableColumns></table>`,
    );
    zip.file(
      "xl/drawings/drawing9.xml",
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>29</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>31</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink="申报表!$E$37"/><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file(
      "xl/drawings/vmlDrawing9.vml",
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s3073"><x:ClientData ObjectType="Drop"><x:Anchor>1, 0, 29, 0, 3, 0, 30, 0</x:Anchor><x:FmlaRange>申报表!$C$21:$C$38</x:FmlaRange><x:FmlaLink>$B$30</x:FmlaLink></x:ClientData></v:shape></xml>`,
    );
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  })();
  // Insert one row before row 28 (0-based 27).
  const out = (await patchSteps(input, [{ op: "insertRows", sheet: "申报表", at: 27, count: 1 }])).bytes;
  const form = await textOf(out, FORM);
  expect(form).toContain('<sheetPr syncRef="A31">');
  expect(form).toContain('<dimension ref="A3:F39"/>');
  expect(form).toContain('<autoFilter ref="B20:F39"/><sortState ref="B21:F39"><sortCondition ref="D21:D39"/></sortState>');
  expect(form).toContain('<cellSmartTags r="D31">');
  expect(form).toMatch(/<xdr:row>20<\/xdr:row>[\s\S]*<xdr:row>31<\/xdr:row>[\s\S]*<\/oleObjects>/);
  expect(await textOf(out, "xl/pivotTables/pivotTable9.xml")).toContain('<location ref="H31:I36"');
  expect(await textOf(out, "xl/tables/tableSingleCells1.xml")).toContain('r="G8" connectionId="0"/><singleXmlCell id="2" r="G31"');
  expect(await textOf(out, "xl/pivotCache/pivotCacheDefinition9.xml")).toContain(
    '<rangeSet ref="C21:D39" sheet="申报表"/><rangeSet ref="A20:B40" sheet="汇总"/>',
  );
  expect(await textOf(out, "xl/connections.xml")).toContain(
    'cell="申报表!$D$31"/><parameter name="p2" parameterType="cell" cell="汇总!$B$1"/>',
  );
  expect(await textOf(out, "xl/charts/chart9.xml")).toContain("<c15:sqref>申报表!$D$21:$D$39</c15:sqref>");
  expect(await textOf(out, "xl/tables/table9.xml")).toContain('ref="E1:F3"');
  expect(await textOf(out, "xl/tables/table9.xml")).toContain("<calculatedColumnFormula>申报表!$D$31&amp;E2</calculatedColumnFormula>");
  // Another sheet's drawing and VML: positions stay (their rows did not move), formulas reading the form move.
  const d9 = await textOf(out, "xl/drawings/drawing9.xml");
  expect(d9).toContain('textlink="申报表!$E$38"');
  expect(d9).toContain("<xdr:row>29</xdr:row>");
  const v9 = await textOf(out, "xl/drawings/vmlDrawing9.vml");
  expect(v9).toContain(
    "<x:Anchor>1, 0, 29, 0, 3, 0, 30, 0</x:Anchor><x:FmlaRange>申报表!$C$21:$C$39</x:FmlaRange><x:FmlaLink>$B$30</x:FmlaLink>",
  );
});

/** The fidelity workbook with `edit` applied to its parts (read and written as text). */
async function fidelityWith(edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await fidelityWorkbook(["formulas"]));
  await edit(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
const editPart = async (zip: JSZip, name: string, f: (xml: string) => string) => zip.file(name, f(await zip.file(name)!.async("string")));
const insertAt28 = [{ op: "insertRows" as const, sheet: "申报表", at: 27, count: 1 }];

test("workbook-level references: names keep their relative rows, the embedded-object area follows the active sheet", async () => {
  const input = await fidelityWith(async (zip) => {
    await editPart(zip, "xl/workbook.xml", (wb) =>
      wb
        // 上一格 is "the cell above" (stored as seen from A1, so its row wraps to the last one); 本行D is
        // column D of the using cell's row; 固定 is absolute. Only the absolute one points at a place.
        .replace(
          "</sheets>",
          `</sheets><definedNames><definedName name="上一格">申报表!D1048576</definedName><definedName name="本行D">申报表!$D1</definedName>` +
            `<definedName name="固定">申报表!$D$30</definedName><definedName name="半固定">申报表!$D$30:$D30</definedName></definedNames>`,
        )
        .replace("</workbook>", `<oleSize ref="A1:F40"/></workbook>`),
    );
  });
  const wb = await textOf((await patchSteps(input, insertAt28)).bytes, "xl/workbook.xml");
  expect(wb).toContain(
    `<definedName name="上一格">申报表!D1048576</definedName><definedName name="本行D">申报表!$D1</definedName>` +
      `<definedName name="固定">申报表!$D$31</definedName><definedName name="半固定">申报表!$D$31:$D30</definedName>`,
  );
  // No bookViews: the first sheet (the form) is active, so its area grows over the new row.
  expect(wb).toContain(`<oleSize ref="A1:F41"/>`);

  // With 汇总 active the area is on 汇总, whose rows did not move.
  const other = await fidelityWith(async (zip) => {
    await editPart(zip, "xl/workbook.xml", (x) =>
      x
        .replace("<sheets>", `<bookViews><workbookView activeTab="1"/></bookViews><sheets>`)
        .replace("</workbook>", `<oleSize ref="A1:F40"/></workbook>`),
    );
  });
  expect(await textOf((await patchSteps(other, insertAt28)).bytes, "xl/workbook.xml")).toContain(`<oleSize ref="A1:F40"/>`);
});

test("a named sheet view's filter and sort ranges move; column page breaks stay whole-column, as Office draws them", async () => {
  const input = await fidelityWith(async (zip) => {
    await editPart(zip, FORM, (s) =>
      s.replace(
        "</worksheet>",
        `<rowBreaks count="1" manualBreakCount="1"><brk id="30" max="16383" man="1"/></rowBreaks>` +
          `<colBreaks count="2" manualBreakCount="2"><brk id="3" max="1048575" man="1"/><brk id="5" min="10" max="40" man="1"/></colBreaks></worksheet>`,
      ),
    );
    await addRel(
      zip,
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<Relationship Id="rIdNsv" Type="http://schemas.microsoft.com/office/2019/04/relationships/namedSheetView" Target="../namedSheetViews/namedSheetView1.xml"/>`,
    );
    zip.file(
      "xl/namedSheetViews/namedSheetView1.xml",
      `<namedSheetViews xmlns="http://schemas.microsoft.com/office/spreadsheetml/2019/namedsheetviews" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<namedSheetView name="我的视图" id="{6E4B2A4C-1D1E-4B8F-9C2A-0A1B2C3D4E5F}"><nsvFilter filterId="{7F5C3B5D-2E2F-4C90-8D3B-1B2C3D4E5F60}" ref="B20:F38">` +
        `<columnFilter colId="2"><filter colId="2"><x:filters><x:filter val="1"/></x:filters></filter></columnFilter>` +
        `<sortRules><sortRule colId="3"><sortCondition descending="1" ref="D21:D38"/></sortRule></sortRules></nsvFilter></namedSheetView></namedSheetViews>`,
    );
  });
  const out = (await patchSteps(input, insertAt28)).bytes;
  const nsv = await textOf(out, "xl/namedSheetViews/namedSheetView1.xml");
  expect(nsv).toContain(`ref="B20:F39">`);
  expect(nsv).toContain(`<sortCondition descending="1" ref="D21:D39"/>`);
  // MS-OI29500 §2.1.589: Office ignores a break's min and max and draws it across the whole sheet,
  // so a column break's row extent is left as written while row breaks below the insertion move.
  const form = await textOf(out, FORM);
  expect(form).toContain(`<brk id="31" max="16383" man="1"/>`);
  expect(form).toContain(
    `<colBreaks count="2" manualBreakCount="2"><brk id="3" max="1048575" man="1"/><brk id="5" min="10" max="40" man="1"/></colBreaks>`,
  );
});

describe("volatile dependencies (RTD and CUBE cells) and shared workbooks", () => {
  const VOL = "xl/volatileDependencies.xml";
  /** The fidelity workbook with an RTD formula in 申报表!G30 and a dependency list naming `trs`. */
  const withRtd = (trs: string) =>
    fidelityWith(async (zip) => {
      await editPart(zip, FORM, (s) =>
        s.replace(/(<row r="30"[^>]*>[\s\S]*?)<\/row>/, `$1<c r="G30"><f>RTD("x.rtd",,"价格")</f><v>1</v></c></row>`),
      );
      await addRel(
        zip,
        "xl/_rels/workbook.xml.rels",
        `<Relationship Id="rIdVol" Type="${R}/volatileDependencies" Target="volatileDependencies.xml"/>`,
      );
      zip.file(
        VOL,
        `<volTypes xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><volType type="realTimeData"><main first="x.rtd"><tp><v>1</v><stp>价格</stp>${trs}</tp></main></volType></volTypes>`,
      );
    });

  test("a topic's cell on the form moves with it; one on another sheet stays", async () => {
    // s="1": sheetId 1 is the form, position 1 is 汇总; only the form's G30 holds an RTD call. s="2": 汇总 either way.
    const out = (await patchSteps(await withRtd(`<tr r="G30" s="1"/><tr r="C40" s="2"/>`), insertAt28)).bytes;
    expect(await textOf(out, VOL)).toContain(`<tr r="G31" s="1"/><tr r="C40" s="2"/>`);
    expect(await textOf(out, FORM)).toContain(`<c r="G31"><f>RTD("x.rtd",,"价格")</f>`);
  });

  test("a cell whose sheet cannot be told apart is refused, with the reason", async () => {
    // G35 holds no RTD call on either reading of s="1" (the form by sheetId, 汇总 by position).
    const err = await patchSteps(await withRtd(`<tr r="G30" s="1"/><tr r="G35" s="1"/>`), insertAt28).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatchUnsupported);
    expect((err as PatchUnsupported).reason?.zh).toContain("G35");
  });

  test("a shared workbook's insertion is refused: its revision log would not record it", async () => {
    const input = await fidelityWith(async (zip) => {
      await addRel(
        zip,
        "xl/_rels/workbook.xml.rels",
        `<Relationship Id="rIdRev" Type="${R}/revisionHeaders" Target="revisions/revisionHeaders.xml"/>`,
      );
      zip.file(
        "xl/revisions/revisionHeaders.xml",
        `<headers xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" guid="{00000000-0000-0000-0000-000000000003}" lastGuid="{00000000-0000-0000-0000-000000000003}" shared="1" history="1" trackRevisions="1" version="2" revisionId="1"/>`,
      );
    });
    const err = await patchSteps(input, insertAt28).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PatchUnsupported);
    expect((err as PatchUnsupported).reason?.zh).toContain("共享工作簿");
  });
});

test("a range reaching the sheet's last row keeps ending there (row 1048577 would make Excel refuse the file)", async () => {
  const input = await fidelityWith(async (zip) => {
    await editPart(zip, FORM, (s) =>
      s.replace(
        "<pageMargins",
        `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="G2:G1048576"><formula1>0</formula1></dataValidation></dataValidations><pageMargins`,
      ),
    );
    await editPart(zip, "xl/workbook.xml", (wb) =>
      wb.replace("</sheets>", `</sheets><definedNames><definedName name="到底">申报表!$G$21:$G$1048576</definedName></definedNames>`),
    );
  });
  const out = (await patchSteps(input, insertAt28)).bytes;
  expect(await textOf(out, FORM)).toContain(`sqref="G2:G1048576"`);
  expect(await textOf(out, "xl/workbook.xml")).toContain(`<definedName name="到底">申报表!$G$21:$G$1048576</definedName>`);
});

test("the cells counted as reading an RTD or CUBE topic: direct calls and a shared formula's followers, not look-alike names", () => {
  const sheet =
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
    `<row r="2"><c r="A2"><f>RTD("x.rtd",,"a")*2</f><v>2</v></c><c r="B2"><f t="shared" ref="B2:B3" si="0">CUBEVALUE("c",A2)</f><v>1</v></c>` +
    `<c r="C2"><f t="shared" ref="C2:C3" si="1">A2+1</f><v>3</v></c><c r="D2"><f>MYRTD(1)+"RTD("</f><v>0</v></c></row>` +
    `<row r="3"><c r="B3"><f t="shared" si="0"/><v>1</v></c><c r="C3"><f t="shared" si="1"/><v>3</v></c></row></sheetData></worksheet>`;
  expect([...volatileCells(sheet)].sort()).toEqual(["A2", "B2", "B3"]);
});
