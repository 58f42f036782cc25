/**
 * Before a copy is written the user is told, by name and count, each workbook feature exceljs cannot
 * write back (issue #7: they were lost silently). Each warning is proved true: the package is built
 * with the feature, and exceljs's own written copy is shown to lack it.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { openXlsx } from "../../../src/hosts/file/open";
import { readExample, toBytes } from "../../helpers/xlsx";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function withFeatures(): Promise<Uint8Array> {
  const { workbook } = await readExample("corrected-form.xlsx");
  workbook.worksheets[0].getCell("H2").value = "跳到预算";
  workbook.worksheets[0].getCell("H3").value = "再跳";
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  let wb = await zip.file("xl/workbook.xml")!.async("string");
  // Its place in the schema's order: before bookViews (or sheets when there are none).
  wb = wb.replace(/<(bookViews|sheets)>/, '<workbookProtection workbookPassword="CC1A" lockStructure="1"/><$1>');
  wb = wb.includes("<definedNames>")
    ? wb.replace("<definedNames>", '<definedNames><definedName name="本表金额" localSheetId="0">申报表!$D$8:$D$9</definedName>')
    : wb.replace("</sheets>", '</sheets><definedNames><definedName name="本表金额" localSheetId="0">申报表!$D$8:$D$9</definedName></definedNames>');
  zip.file("xl/workbook.xml", wb);
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  sheet = sheet.replace("<pageMargins", '<hyperlinks><hyperlink ref="H2" location="申报表!D8"/><hyperlink ref="H3" location="申报表!D9"/></hyperlinks><pageMargins');
  sheet = sheet.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1" password="DAA7"/>');
  zip.file("xl/worksheets/sheet1.xml", sheet);
  zip.file(
    "docProps/custom.xml",
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property></Properties>',
  );
  let rels = await zip.file("_rels/.rels")!.async("string");
  rels = rels.replace("</Relationships>", `<Relationship Id="rIdCustom" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`);
  zip.file("_rels/.rels", rels);
  return zip.generateAsync({ type: "uint8array" });
}

test("each feature exceljs drops is named and counted before writing, and really is dropped", async () => {
  const bytes = await withFeatures();
  const r = await openXlsx(bytes, "features.xlsx");
  const zh = Object.fromEntries(r.warnings.map((w) => [w.kind, w.message.zh]));
  expect(zh).toEqual({
    "custom-properties": "工作簿的 1 个自定义文档属性(「审核人」)写出的副本中将不保留",
    "workbook-protection": "工作簿结构保护(禁止增删、重命名工作表)写出的副本中将不保留,请在 Excel 中重新设置",
    "scoped-names": "1 个仅限某张工作表使用的名称(「本表金额」)在写出的副本中将变为整个工作簿的名称",
    "sheet-passwords": "工作表「申报表」的保护密码写出的副本中将丢失:副本仍受保护,但不用密码即可撤销保护",
    "internal-links": "2 个指向本工作簿内位置的超链接写出的副本中将不保留",
  });

  // The claims hold: exceljs's written copy lacks every one of them.
  const out = await JSZip.loadAsync(await r.workbook.xlsx.writeBuffer());
  const wb = await out.file("xl/workbook.xml")!.async("string");
  const sheet = await out.file("xl/worksheets/sheet1.xml")!.async("string");
  expect({
    custom: out.file("docProps/custom.xml") !== null,
    protection: wb.includes("<workbookProtection"),
    scoped: /localSheetId=/.test(wb),
    password: /<sheetProtection[^>]*password=/.test(sheet),
    links: /<hyperlink[^>]*location=/.test(sheet),
  }).toEqual({ custom: false, protection: false, scoped: false, password: false, links: false });
});

test("a plain workbook gets none of these warnings", async () => {
  const { workbook } = await readExample("corrected-form.xlsx");
  const r = await openXlsx(await toBytes(workbook), "plain.xlsx");
  expect(r.warnings).toEqual([]);
  void ExcelJS;
});
