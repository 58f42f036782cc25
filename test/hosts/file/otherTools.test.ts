/**
 * Valid workbooks written by other tools are read, never called corrupt (issue #7). The packages are
 * built the way openpyxl 3.1 writes them (part names and XML captured from its output): notes at
 * xl/comments/comment1.xml with absolute relationship targets and plain-text bodies, VML at
 * xl/drawings/commentsDrawing1.vml, drawings without the "xdr:" prefix. exceljs alone fails on each.
 */
import { formatRef } from "../../../src/core/a1";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkWorkbook } from "../../../src/core/engine";
import { noteTextAsRuns } from "../../../src/hosts/file/normalize";
import { openXlsx } from "../../../src/hosts/file/open";
import { readExample, toBytes } from "../../helpers/xlsx";
import { run } from "../../cli/capture";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rel = (type: string, target: string, id: string) => `<Relationship Type="${R}/${type}" Target="${target}" Id="${id}" />`;
const rels = (...xs: string[]) =>
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xs.join("")}</Relationships>`;

const COMMENTS =
  '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>reviewer</author></authors><commentList>' +
  '<comment ref="B5" authorId="0" shapeId="0"><text><t>请核对部门全称</t></text></comment>' +
  '<comment ref="F9" authorId="0" shapeId="0"><text><t>第二条批注</t></text></comment></commentList></comments>';
const VML =
  '<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" xmlns:ns1="urn:schemas-microsoft-com:vml" xmlns:ns2="urn:schemas-microsoft-com:office:excel">' +
  '<ns1:shape type="#_x0000_t202" id="_x0000_s1026"><ns2:ClientData ObjectType="Note"><ns2:Row>4</ns2:Row><ns2:Column>1</ns2:Column></ns2:ClientData></ns1:shape>' +
  '<ns1:shape type="#_x0000_t202" id="_x0000_s1027"><ns2:ClientData ObjectType="Note"><ns2:Row>8</ns2:Row><ns2:Column>5</ns2:Column></ns2:ClientData></ns1:shape></xml>';
const DRAWING =
  '<wsDr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  `xmlns:r="${R}" xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>7</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from>` +
  '<ext cx="5400000" cy="2700000" /><graphicFrame><nvGraphicFramePr><cNvPr id="1" name="Chart 1" /><cNvGraphicFramePr /></nvGraphicFramePr><xfrm />' +
  '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1" /></a:graphicData></a:graphic></graphicFrame><clientData /></oneCellAnchor></wsDr>';

/** The corrected example with D8 as text "326.60", re-packaged with openpyxl-style notes and/or a chart. */
async function openpyxlStyle(parts: { notes?: boolean; chart?: boolean }): Promise<Uint8Array> {
  const { workbook } = await readExample("corrected-form.xlsx");
  workbook.worksheets[0].getCell("D8").value = "326.60";
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  const sheetPath = "xl/worksheets/sheet1.xml";
  let sheet = await zip.file(sheetPath)!.async("string");
  const relsOut: string[] = [];
  const tail: string[] = [];
  if (parts.chart) {
    zip.file("xl/drawings/drawing1.xml", DRAWING);
    zip.file("xl/drawings/_rels/drawing1.xml.rels", rels(rel("chart", "/xl/charts/chart1.xml", "rId1")));
    zip.file("xl/charts/chart1.xml", '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    relsOut.push(rel("drawing", "/xl/drawings/drawing1.xml", "rId9"));
    tail.push(`<drawing xmlns:r="${R}" r:id="rId9" />`);
  }
  if (parts.notes) {
    zip.file("xl/comments/comment1.xml", COMMENTS);
    zip.file("xl/drawings/commentsDrawing1.vml", VML);
    relsOut.push(
      rel("comments", "/xl/comments/comment1.xml", "comments"),
      rel("vmlDrawing", "/xl/drawings/commentsDrawing1.vml", "anysvml"),
    );
    tail.push(`<legacyDrawing xmlns:r="${R}" r:id="anysvml" />`);
  }
  sheet = sheet.replace("</worksheet>", `${tail.join("")}</worksheet>`);
  zip.file(sheetPath, sheet);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", rels(...relsOut));
  return zip.generateAsync({ type: "uint8array" });
}

/** exceljs gives a note as a string or as rich-text runs. */
function noteText(ws: ExcelJS.Worksheet, a1: string): string {
  const n = ws.getCell(a1).note as ExcelJS.Comment | string | undefined;
  return typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("");
}

async function exceljsAlone(bytes: Uint8Array): Promise<string> {
  try {
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    return "loaded";
  } catch {
    return "failed";
  }
}

type Parts = { notes?: boolean; chart?: boolean };
describe.each<[string, Parts]>([
  ["a note", { notes: true }],
  ["a chart", { chart: true }],
  ["notes and a chart", { notes: true, chart: true }],
])("a workbook written by openpyxl with %s", (_, parts) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await openpyxlStyle(parts);
  });

  test("exceljs alone cannot load it (why this matters)", async () => {
    expect(await exceljsAlone(bytes)).toBe("failed");
  });

  test("is checked: the check-only read sees the same cells as the original", async () => {
    const r = await openXlsx(bytes, "openpyxl.xlsx", { readOnly: true });
    const findings = checkWorkbook(r.snapshot).findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")}`);
    expect(findings).toEqual(["budget/amount-not-number 申报表!D8"]);
  });

  test("the CLI checks it and exits 0 / 1 as for any file, with no read error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budget-form-openpyxl-"));
    writeFileSync(join(dir, "in.xlsx"), bytes);
    const r = await run(["check", join(dir, "in.xlsx"), "--format", "json"]);
    const file = JSON.parse(r.out).files[0];
    expect(file.error).toBeUndefined();
    expect(file.summary).toEqual({ error: 0, warning: 1, info: 0 });
    expect(r.code).toBe(0);
  });

  test("a fixed copy keeps its notes and its chart, part for part, with no warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), "budget-form-openpyxl-"));
    writeFileSync(join(dir, "in.xlsx"), bytes);
    const r = await run(["fix", join(dir, "in.xlsx"), "--out", join(dir, "out.xlsx")]);
    expect(r.code).toBe(0);
    // fix patches the package (issue #25): the chart is kept, so there is nothing to warn about.
    expect(r.err).not.toContain("图表");
    expect(r.err).not.toContain("批注");
    const before = await JSZip.loadAsync(bytes);
    const after = await JSZip.loadAsync(readFileSync(join(dir, "out.xlsx")));
    for (const name of Object.keys(before.files).filter((n) => /chart|comment|drawing/i.test(n) && !before.files[n].dir))
      expect(await after.file(name)!.async("string")).toBe(await before.file(name)!.async("string"));
    // Read as the commands read it: openpyxl's note layout is normalised first, exceljs alone fails on it.
    const again = await openXlsx(readFileSync(join(dir, "out.xlsx")), "out.xlsx");
    const ws = again.workbook.worksheets[0];
    expect([noteText(ws, "B5"), noteText(ws, "F9")]).toEqual(parts.notes ? ["请核对部门全称", "第二条批注"] : ["", ""]);
    expect(ws.getCell("D8").value).toBe(326.6);
  });
});

test("plain-text note bodies become rich-text runs; rich ones and other XML stay as they are", () => {
  expect(noteTextAsRuns('<comment ref="A1"><text><t>甲</t></text></comment>')).toBe(
    '<comment ref="A1"><text><r><t xml:space="preserve">甲</t></r></text></comment>',
  );
  const rich = "<text><r><rPr><b/></rPr><t>乙</t></r></text>";
  expect(noteTextAsRuns(rich)).toBe(rich);
  expect(noteTextAsRuns('<text><t xml:space="preserve"> 丙 </t><rPh sb="0" eb="1"><t>ヘイ</t></rPh></text>')).toBe(
    '<text><r><t xml:space="preserve"> 丙 </t></r><rPh sb="0" eb="1"><t>ヘイ</t></rPh></text>',
  );
});

test("a plain-text note in Excel's own part name is read, not counted as lost", async () => {
  const { workbook } = await readExample("corrected-form.xlsx");
  workbook.worksheets[0].getCell("B5").note = "占位";
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  const name = Object.keys(zip.files).find((n) => /^xl\/comments\d+\.xml$/.test(n))!;
  const xml = await zip.file(name)!.async("string");
  zip.file(name, xml.replace(/<text>[\s\S]*?<\/text>/, "<text><t>请核对部门全称</t></text>"));
  const r = await openXlsx(await zip.generateAsync({ type: "uint8array" }), "plain-note.xlsx");
  expect(noteText(r.workbook.worksheets[0], "B5")).toBe("请核对部门全称");
  expect(r.warnings).toEqual([]);
});
