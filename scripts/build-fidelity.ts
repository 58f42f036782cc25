/**
 * The fidelity workbooks (issue #25): the example form with what staff workbooks carry, one feature
 * per workbook plus one with all of them, each written into the package as Excel 2016+ saves it —
 * x14 list validations pointing at another sheet, x14 data bars, duplicate-value rules, VML notes with
 * authors, one-cell picture anchors, a chart with cached values, a table, shared formulas, inline
 * strings, constant names, hidden rows, sheet protection, a pivot table over the form. The form
 * carries fixable flaws (amounts stored as text, an ASCII operator) so `fix` has something to write.
 *
 * Built by editing the package text (never through exceljs or the product's writer), so the test
 * that reads the outputs compares with shapes neither of them produced.
 * `npx tsx scripts/build-fidelity.ts [dir]` writes them as .xlsx files; the test builds them in memory.
 */
import JSZip from "jszip";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { WorksheetChild, childrenAfter } from "../src/hosts/file/worksheetOrder";

const ROOT = join(__dirname, "..");
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const FORM = "xl/worksheets/sheet1.xml";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export const FEATURES = [
  "formulas",
  "helperFormula",
  "conditionalFormats",
  "crossSheetValidation",
  "notes",
  "hyperlinks",
  "names",
  "picture",
  "chart",
  "table",
  "hiddenRows",
  "protection",
  "pivot",
  "sheetExtras",
  "relativeRules",
  "sparklines",
  "linkedShape",
  "formControl",
  "namedSheetView",
  "oleSize",
] as const;
export type Feature = (typeof FEATURES)[number];

class Book {
  constructor(readonly zip: JSZip) {}
  async text(name: string): Promise<string> {
    return this.zip.file(name)!.async("string");
  }
  async edit(name: string, f: (s: string) => string): Promise<void> {
    this.zip.file(name, f(await this.text(name)));
  }
  async override(part: string, type: string): Promise<void> {
    await this.edit("[Content_Types].xml", (s) =>
      s.includes(`PartName="/${part}"`) ? s : s.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`),
    );
  }
  async defaultType(ext: string, type: string): Promise<void> {
    await this.edit("[Content_Types].xml", (s) =>
      s.includes(`Extension="${ext}"`) ? s : s.replace("<Override", `<Default Extension="${ext}" ContentType="${type}"/><Override`),
    );
  }
  /** Adds a relationship to `part`'s rels (created when missing); returns its id. `type` is short for an OPC type, or a full URI. */
  async rel(part: string, type: string, target: string, external = false): Promise<string> {
    const i = part.lastIndexOf("/");
    const path = `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
    const old = this.zip.file(path)
      ? await this.text(path)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    let n = 1;
    while (old.includes(`Id="rId${n}"`)) n++;
    const id = `rId${n}`;
    this.zip.file(
      path,
      old.replace(
        "</Relationships>",
        `<Relationship Id="${id}" Type="${type.includes("://") ? type : `${R}/${type}`}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`,
      ),
    );
    return id;
  }
  /** Puts `xml` (one element named `name`) where CT_Worksheet orders it; an existing extLst takes the ext. */
  async sheetElement(part: string, name: WorksheetChild, xml: string): Promise<void> {
    await this.edit(part, (s) => {
      // Only the worksheet's own children count: a cfRule or a custom view holds an extLst or
      // pageMargins of its own, and an mc:AlternateContent wraps controls (read as what it wraps).
      const children = topLevel(s);
      const ext = children.find((c) => c.name === "extLst");
      if (name === "extLst" && ext) {
        const close = s.lastIndexOf("</extLst>", s.indexOf("</worksheet>"));
        return s.slice(0, close) + xml.replace(/^<extLst>|<\/extLst>$/g, "") + s.slice(close);
      }
      const later = new Set(childrenAfter(name));
      const next = children.find((c) => later.has(c.name));
      const at = next ? next.start : s.indexOf("</worksheet>");
      return s.slice(0, at) + xml + s.slice(at);
    });
  }
  /** A new worksheet part with the given sheetData content; returns its path. */
  async addSheet(name: string, sheetData: string, extra = ""): Promise<string> {
    const wb = await this.text("xl/workbook.xml");
    const n = (wb.match(/<sheet /g) ?? []).length + 1;
    const path = `xl/worksheets/sheet${n}.xml`;
    this.zip.file(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheetData>${sheetData}</sheetData>${extra}</worksheet>`,
    );
    await this.override(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    const id = await this.rel("xl/workbook.xml", "worksheet", `worksheets/sheet${n}.xml`);
    await this.edit("xl/workbook.xml", (s) => s.replace("</sheets>", `<sheet name="${name}" sheetId="${n}" r:id="${id}"/></sheets>`));
    return path;
  }
  async sheetPath(name: string): Promise<string | null> {
    const wb = await this.text("xl/workbook.xml");
    const m = new RegExp(`<sheet name="${name}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb);
    if (!m) return null;
    const rels = await this.text("xl/_rels/workbook.xml.rels");
    const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels);
    return t ? `xl/${t[1]}` : null;
  }
}

/** The root element's children (name without prefix, start offset); an mc:AlternateContent is named by the element it wraps. */
function topLevel(xml: string): { name: string; start: number }[] {
  const out: { name: string; start: number }[] = [];
  let depth = 0;
  let wrapper: { start: number; depth: number } | null = null;
  for (const m of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    const [, close, qname, self] = m;
    if (close) {
      depth--;
      continue;
    }
    const local = qname.replace(/^\w+:/, "");
    if (depth === 1) {
      if (qname === "mc:AlternateContent") wrapper = { start: m.index, depth };
      else out.push({ name: local, start: m.index });
    } else if (wrapper && depth === wrapper.depth + 2 && !out.some((o) => o.start === wrapper!.start)) {
      out.push({ name: local, start: wrapper.start });
    }
    if (!self) depth++;
  }
  return out;
}

const inline = (ref: string, text: string, s = "") => `<c r="${ref}"${s} t="inlineStr"><is><t>${text}</t></is></c>`;

/** The flaws `fix` repairs: amounts as text (inline strings, as some tools save them) and an ASCII operator. */
async function flawed(b: Book): Promise<void> {
  await b.edit(FORM, (s) =>
    s
      .replace(/<c r="D8" s="(\d+)"><v>326.6<\/v><\/c>/, (_, st: string) => inline("D8", "326.60", ` s="${st}"`))
      .replace(/<c r="D9" s="(\d+)"><v>40.64<\/v><\/c>/, (_, st: string) => inline("D9", "40.64", ` s="${st}"`))
      .replace(/<c r="E22" s="(\d+)" t="s"><v>\d+<\/v><\/c>/, (_, st: string) => inline("E22", "&gt;=2次", ` s="${st}"`)),
  );
}

async function optionsSheet(b: Book): Promise<string> {
  return (
    (await b.sheetPath("选项")) ??
    b.addSheet(
      "选项",
      `<row r="1">${inline("A1", "是")}</row><row r="2">${inline("A2", "否")}</row><row r="3">${inline("A3", "部分")}</row>`,
    )
  );
}

const BUILD: Record<Feature, (b: Book) => Promise<void>> = {
  async formulas(b) {
    // Cached results as Excel left them while the amounts were text: SUM skips text (0), + converts it.
    await b.addSheet(
      "汇总",
      `<row r="1">${inline("A1", "合计")}<c r="B1"><f>SUM(申报表!D8:D9)</f><v>0</v></c><c r="C1"><f>B1/2</f><v>0</v></c></row>` +
        `<row r="3"><c r="B3"><f t="shared" ref="B3:B4" si="0">申报表!D8*1</f><v>326.6</v></c></row>` +
        `<row r="4"><c r="B4"><f t="shared" si="0"/><v>40.64</v></c></row>` +
        // Rows an added indicator moves: a shared pair that splits when a row lands between D27 and
        // D28 (Excel then writes each formula out), and a count over the indicators that grows.
        `<row r="6"><c r="B6" t="str"><f t="shared" ref="B6:B7" si="1">申报表!D27</f><v>公众号推送科普文章篇数(篇)</v></c></row>` +
        `<row r="7"><c r="B7" t="str"><f t="shared" si="1"/><v>科普活动参与群众受益率(%)</v></c></row>` +
        `<row r="8"><c r="B8"><f>COUNTA(申报表!D21:D38)</f><v>18</v></c></row>`,
    );
  },
  async helperFormula(b) {
    await b.addSheet("辅助", `<row r="1"><c r="A1"><f>LEN(申报表!E22)</f><v>4</v></c></row>`);
  },
  async conditionalFormats(b) {
    await b.edit("xl/styles.xml", (s) =>
      s.replace(
        /<dxfs count="0"\/>/,
        '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
      ),
    );
    const id = "{6F1C8F2A-2B1D-4B7A-9C55-0A1B2C3D4E5F}";
    await b.sheetElement(
      FORM,
      "conditionalFormatting",
      `<conditionalFormatting sqref="E21:E38"><cfRule type="duplicateValues" dxfId="0" priority="2"/></conditionalFormatting>` +
        `<conditionalFormatting sqref="D8:D9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${id}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
    );
    await b.sheetElement(
      FORM,
      "extLst",
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}">` +
        `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0">` +
        `<x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>500</xm:f></x14:cfvo><x14:borderColor rgb="FF638EC6"/><x14:negativeFillColor rgb="FFFF0000"/>` +
        `<x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>D8:D9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`,
    );
  },
  async crossSheetValidation(b) {
    await optionsSheet(b);
    await b.sheetElement(
      FORM,
      "dataValidations",
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="B6"><formula1>"是,否"</formula1></dataValidation></dataValidations>`,
    );
    await b.sheetElement(
      FORM,
      "extLst",
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="1" xmlns:xm="${XM}">` +
        `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1>` +
        `<xm:sqref>F21:F38</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`,
    );
  },
  async notes(b) {
    b.zip.file(
      "xl/comments1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>张三</author><author>李四</author></authors><commentList>` +
        `<comment ref="D8" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>张三:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">\n按上年决算填</t></r></text></comment>` +
        `<comment ref="G40" authorId="1"><text><t>空单元格上的批注</t></text></comment></commentList></comments>`,
    );
    const shape = (row: number, col: number, id: number) =>
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
    b.zip.file(
      "xl/drawings/vmlDrawing1.vml",
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
        `${shape(7, 3, 1025)}${shape(39, 6, 1026)}</xml>`,
    );
    await b.defaultType("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
    await b.override("xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
    await b.rel(FORM, "comments", "../comments1.xml");
    const vml = await b.rel(FORM, "vmlDrawing", "../drawings/vmlDrawing1.vml");
    await b.sheetElement(FORM, "legacyDrawing", `<legacyDrawing r:id="${vml}"/>`);
  },
  async hyperlinks(b) {
    const ext = await b.rel(FORM, "hyperlink", "https://www.mof.gov.cn/", true);
    await b.sheetElement(
      FORM,
      "hyperlinks",
      `<hyperlinks><hyperlink ref="A3" location="'申报表'!A20" display="跳到指标"/><hyperlink ref="B5" r:id="${ext}"/></hyperlinks>`,
    );
  },
  async names(b) {
    await b.edit("xl/workbook.xml", (s) =>
      s.replace(
        "</sheets>",
        `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">申报表!$A$3:$F$38</definedName><definedName name="本年金额">申报表!$D$8:$D$9</definedName>` +
          `<definedName name="税率">0.13</definedName><definedName name="单位">"万元"</definedName><definedName name="满意度" localSheetId="0">申报表!$E$37</definedName></definedNames>`,
      ),
    );
  },
  async picture(b) {
    b.zip.file(
      "xl/media/image1.png",
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
    );
    await drawing(
      b,
      `<xdr:oneCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>` +
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="IMG"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`,
      async (dpath) => {
        await b.defaultType("png", "image/png");
        return b.rel(dpath, "image", "../media/image1.png");
      },
    );
  },
  async chart(b) {
    b.zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
        `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
        `<c:cat><c:strRef><c:f>申报表!$D$21:$D$38</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>申报表!$D$8:$D$9</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>326.6</c:v></c:pt><c:pt idx="1"><c:v>40.64</c:v></c:pt></c:numCache></c:numRef></c:val>` +
        // Data labels showing a range of the form (Excel 2013+: c15:datalabelsRange in the series' extLst).
        `<c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}" xmlns:c15="http://schemas.microsoft.com/office/drawing/2012/chart"><c15:datalabelsRange><c15:f>申报表!$E$21:$E$38</c15:f></c15:datalabelsRange></c:ext></c:extLst></c:ser>` +
        `<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
        `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    );
    await b.override("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    await drawing(
      b,
      `<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>35</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="IMG"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
      (dpath) => b.rel(dpath, "chart", "../charts/chart1.xml"),
    );
  },
  async table(b) {
    const path = await b.addSheet(
      "明细",
      `<row r="1">${inline("A1", "项目")}${inline("B1", "金额")}</row><row r="2">${inline("A2", "培训")}<c r="B2"><v>12</v></c></row><row r="3">${inline("A3", "印刷")}<c r="B3"><v>8</v></c></row>`,
    );
    b.zip.file(
      "xl/tables/table1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="明细表" displayName="明细表" ref="A1:B3" totalsRowShown="0">` +
        `<autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="项目"/><tableColumn id="2" name="金额"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    await b.override("xl/tables/table1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
    const id = await b.rel(path, "table", "../tables/table1.xml");
    await b.sheetElement(path, "tableParts", `<tableParts count="1"><tablePart r:id="${id}"/></tableParts>`);
  },
  async hiddenRows(b) {
    // Empty hidden rows below the form: Excel writes them as bare <row> elements.
    await b.edit(FORM, (s) =>
      s.replace("</sheetData>", '<row r="40" hidden="1"/><row r="41" hidden="1" ht="0" customHeight="1"/></sheetData>'),
    );
  },
  async pivot(b) {
    // A pivot table on its own sheet over the form's indicator rows, as Excel saves one without its
    // records (saveData="0"): the cache definition names the source range on the form.
    b.zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}" saveData="0" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="0">` +
        `<cacheSource type="worksheet"><worksheetSource ref="C20:D38" sheet="申报表"/></cacheSource><cacheFields count="2"><cacheField name="三级指标" numFmtId="0"><sharedItems/></cacheField><cacheField name="指标名称" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    await b.override(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
    );
    const cacheRel = await b.rel("xl/workbook.xml", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml");
    // pivotCaches follows definedNames and calcPr in CT_Workbook.
    await b.edit("xl/workbook.xml", (s) =>
      s.replace(/(<calcPr\b[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="1" r:id="${cacheRel}"/></pivotCaches>`),
    );
    const sheet = await b.addSheet("透视", `<row r="3">${inline("A3", "行标签")}</row>`);
    b.zip.file(
      "xl/pivotTables/pivotTable1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="数据透视表1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1">` +
        `<location ref="A3" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="2"><pivotField showAll="0"/><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
    );
    await b.override("xl/pivotTables/pivotTable1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml");
    await b.rel("xl/pivotTables/pivotTable1.xml", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml");
    await b.rel(sheet, "pivotTable", "../pivotTables/pivotTable1.xml");
  },
  async sheetExtras(b) {
    // The worksheet's own positions, each element shaped as its ECMA-376 Part 1 schema type gives it
    // (CT_Worksheet §18.3.1.99 orders them): a frozen split among the indicator rows with the view
    // scrolled down (sheetView §18.3.1.87 with its pane and selection), a protected range, a scenario
    // with input cells, a consolidation whose source is another sheet (dataRef §18.3.1.30: it must
    // not move), a custom view with its own pane, selection and page break, a sheet page break,
    // watched cells (cellWatch §18.3.1.8), ignored errors and a web-publish range (§18.3.1.97).
    await optionsSheet(b);
    await b.sheetElement(
      FORM,
      "sheetViews",
      `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="28" topLeftCell="A33" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="D33" sqref="D33:E34"/></sheetView></sheetViews>`,
    );
    await b.sheetElement(FORM, "protectedRanges", `<protectedRanges><protectedRange name="填报区" sqref="D21:F38"/></protectedRanges>`);
    await b.sheetElement(
      FORM,
      "scenarios",
      `<scenarios current="0" show="0" sqref="E37:E38"><scenario name="目标上调" locked="1" count="2" user="张三"><inputCells r="E37" val="95%"/><inputCells r="E9" val="50"/></scenario></scenarios>`,
    );
    await b.sheetElement(
      FORM,
      "dataConsolidate",
      `<dataConsolidate><dataRefs count="1"><dataRef ref="A1:A30" sheet="选项"/></dataRefs></dataConsolidate>`,
    );
    await b.sheetElement(
      FORM,
      "customSheetViews",
      `<customSheetViews><customSheetView guid="{8D4C7A91-3E5B-4F1A-9C2D-6B7E8F9A0B1C}" scale="85" showPageBreaks="1" view="pageBreakPreview" topLeftCell="A21">` +
        `<pane ySplit="4" topLeftCell="A32" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="C35" sqref="C35"/>` +
        `<rowBreaks count="1" manualBreakCount="1"><brk id="29" max="16383" man="1"/></rowBreaks>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></customSheetView></customSheetViews>`,
    );
    await b.sheetElement(FORM, "rowBreaks", `<rowBreaks count="1" manualBreakCount="1"><brk id="32" max="16383" man="1"/></rowBreaks>`);
    await b.sheetElement(FORM, "cellWatches", `<cellWatches><cellWatch r="D9"/><cellWatch r="E37"/></cellWatches>`);
    await b.sheetElement(FORM, "ignoredErrors", `<ignoredErrors><ignoredError sqref="E21:E38" numberStoredAsText="1"/></ignoredErrors>`);
    await b.sheetElement(
      FORM,
      "webPublishItems",
      `<webPublishItems count="1"><webPublishItem id="24150" divId="绩效表_24150" sourceType="range" sourceRef="A20:F38" destinationFile="C:\\绩效表.htm"/></webPublishItems>`,
    );
    // Another sheet consolidating the form's indicators (dataRef naming 申报表: it moves) and its own cells.
    await b.sheetElement(
      await optionsSheet(b),
      "dataConsolidate",
      `<dataConsolidate function="sum" startLabels="1"><dataRefs count="2"><dataRef ref="C21:D38" sheet="申报表"/><dataRef ref="A1:A40" sheet="选项"/></dataRefs></dataConsolidate>`,
    );
  },
  async relativeRules(b) {
    // Formulas of rules (cfRule, dataValidation) are read from the top-left cell of their range:
    // relative references into moved rows, absolute ones, and a rule on another sheet reading the form.
    await dxf(b);
    await b.sheetElement(
      FORM,
      "conditionalFormatting",
      `<conditionalFormatting sqref="E21:E38"><cfRule type="expression" dxfId="0" priority="5"><formula>AND($D21&lt;&gt;"",E21="",ROW()&lt;ROW($E$38))</formula></cfRule></conditionalFormatting>` +
        `<conditionalFormatting sqref="D8:D9"><cfRule type="cellIs" dxfId="0" priority="6" operator="greaterThan"><formula>$D$37</formula></cfRule></conditionalFormatting>` +
        // A color scale whose thresholds are a cell and a formula (cfvo@val).
        `<conditionalFormatting sqref="F21:F38"><cfRule type="colorScale" priority="7"><colorScale><cfvo type="num" val="$F$30"/><cfvo type="formula" val="MAX($F$21:$F$38)"/>` +
        `<color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>`,
    );
    await validation(
      b,
      `<dataValidation type="custom" allowBlank="1" showErrorMessage="1" sqref="C21:C38"><formula1>COUNTIF($C$21:$C$38,C21)=1</formula1></dataValidation>`,
    );
    const opts = await optionsSheet(b);
    await b.sheetElement(
      opts,
      "conditionalFormatting",
      `<conditionalFormatting sqref="A1:A3"><cfRule type="expression" dxfId="0" priority="1"><formula>COUNTIF(申报表!$F$21:$F$38,A1)&gt;0</formula></cfRule></conditionalFormatting>`,
    );
  },
  async sparklines(b) {
    // Sparklines as Excel 2010+ saves them: a worksheet ext (MS-XLSX §2.4.8 sparklineGroups) whose
    // sparklines (§2.6.9 CT_Sparkline) hold a data range (xm:f) and a location cell (xm:sqref).
    const group = (lines: [string, string][]) =>
      `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${X14}"><x14:sparklineGroups xmlns:xm="${XM}"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
      `<x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/>` +
      `<x14:sparklines>${lines.map(([f, at]) => `<x14:sparkline><xm:f>${f}</xm:f><xm:sqref>${at}</xm:sqref></x14:sparkline>`).join("")}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
    await b.sheetElement(
      FORM,
      "extLst",
      group([
        ["申报表!D8:D9", "G8"],
        ["申报表!E21:F21", "G21"],
        ["申报表!E30:F30", "G30"],
        ["申报表!E38:F38", "G38"],
      ]),
    );
    // Another sheet's sparkline over the form's indicator column.
    await b.sheetElement(await optionsSheet(b), "extLst", group([["申报表!D21:D38", "B1"]]));
  },
  async linkedShape(b) {
    // A text box showing a cell (xdr:sp@textlink, ECMA-376 Part 1 §20.5.2) anchored "move but
    // don't size with cells" (twoCellAnchor editAs="oneCell") over the indicator rows.
    await drawing(
      b,
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>36</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>38</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:sp macro="" textlink="$E$37"><xdr:nvSpPr><xdr:cNvPr id="4" name="文本框 3"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1219200" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>` +
        `<xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="{C5E3A2B1-7D4F-4E6A-8B9C-0D1E2F3A4B5C}" type="TxLink"><a:t>95%</a:t></a:fld></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>`,
      async () => "",
    );
  },
  async formControl(b) {
    // Form controls as Excel 2010+ saves them: a VML shape (legacy readers; x:ClientData with
    // x:Anchor and x:FmlaLink/x:FmlaRange, ECMA-376 Part 4 §19.4.2), a control properties part
    // (MS-XLSX §2.4.34 formControlPr, §2.6.65 CT_FormControlPr: fmlaLink, fmlaRange) and the worksheet's <controls> in an
    // mc:AlternateContent requiring x14, each with a cell anchor (Part 1 §18.3.1.1). A check box
    // that moves but does not size with its cells (anchor moveWithCells="1"; in VML SizeWithCells
    // only, whose meaning Excel reverses, MS-OI29500 §2.1.1881), linked to G30; a list box that does
    // not move (no flags; VML MoveWithCells and SizeWithCells) listing the indicator names.
    const vml = "xl/drawings/vmlDrawing1.vml";
    const shapes = [
      {
        id: 1100,
        type: "Checkbox",
        flags: "<x:SizeWithCells/>",
        anchor: "6, 0, 29, 0, 6, 60, 30, 20",
        fmla: "<x:FmlaLink>$G$30</x:FmlaLink>",
      },
      {
        id: 1101,
        type: "List",
        flags: "<x:MoveWithCells/><x:SizeWithCells/>",
        anchor: "7, 0, 31, 0, 9, 0, 34, 0",
        fmla: "<x:FmlaRange>$C$21:$C$38</x:FmlaRange><x:FmlaLink>申报表!$G$39</x:FmlaLink>",
      },
    ];
    const vmlShapes = shapes
      .map(
        (c) =>
          `<v:shape id="_x0000_s${c.id}" type="#_x0000_t201" style="position:absolute;z-index:${c.id - 1090}" filled="f" stroked="f" o:insetmode="auto"><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/>` +
          `<o:lock v:ext="edit" shapetype="t"/><x:ClientData ObjectType="${c.type}">${c.flags}<x:Anchor>${c.anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>${c.fmla}</x:ClientData></v:shape>`,
      )
      .join("");
    if (b.zip.file(vml)) await b.edit(vml, (s) => s.replace("</xml>", `${vmlShapes}</xml>`));
    else {
      b.zip.file(
        vml,
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t201" coordsize="21600,21600" o:spt="201" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path shadowok="f" o:extrusionok="f" strokeok="f" fillok="f" o:connecttype="rect"/><o:lock v:ext="edit" shapetype="t"/></v:shapetype>` +
          `${vmlShapes}</xml>`,
      );
      await b.defaultType("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
      const id = await b.rel(FORM, "vmlDrawing", "../drawings/vmlDrawing1.vml");
      await b.sheetElement(FORM, "legacyDrawing", `<legacyDrawing r:id="${id}"/>`);
    }
    const props = [
      `<formControlPr xmlns="${X14}" objectType="CheckBox" fmlaLink="$G$30" lockText="1" noThreeD="1"/>`,
      `<formControlPr xmlns="${X14}" objectType="List" dx="16" fmlaLink="申报表!$G$39" fmlaRange="$C$21:$C$38" sel="0" val="0"/>`,
    ];
    const controls: string[] = [];
    for (const [i, c] of shapes.entries()) {
      const part = `xl/ctrlProps/ctrlProp${i + 1}.xml`;
      b.zip.file(
        part,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
${props[i]}`,
      );
      await b.override(part, "application/vnd.ms-excel.controlproperties+xml");
      const rid = await b.rel(FORM, "ctrlProp", `../ctrlProps/ctrlProp${i + 1}.xml`);
      const [c1, , r1, , c2, , r2] = c.anchor.split(", ").map(Number);
      const flags = c.type === "Checkbox" ? ' moveWithCells="1"' : "";
      controls.push(
        `<mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="${c.id}" r:id="${rid}" name="${c.type} ${i + 1}"><controlPr defaultSize="0" autoPict="0">` +
          `<anchor${flags}><from><xdr:col>${c1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r1}</xdr:row><xdr:rowOff>0</xdr:rowOff></from>` +
          `<to><xdr:col>${c2}</xdr:col><xdr:colOff>304800</xdr:colOff><xdr:row>${r2}</xdr:row><xdr:rowOff>190500</xdr:rowOff></to></anchor></controlPr></control></mc:Choice></mc:AlternateContent>`,
      );
    }
    await b.sheetElement(
      FORM,
      "controls",
      `<mc:AlternateContent xmlns:mc="${MC}" xmlns:x14="${X14}" xmlns:xdr="${XDR}"><mc:Choice Requires="x14"><controls>${controls.join("")}</controls></mc:Choice></mc:AlternateContent>`,
    );
  },
  async namedSheetView(b) {
    // An Excel 365 sheet view of the form (MS-XLSX Named Sheet Views part, related from the sheet,
    // content type application/vnd.ms-excel.namedsheetviews+xml; CT_NsvFilter with filterId, ref and
    // tableId, its column filters, then its sort rules, as LibreOffice's exporter writes them too):
    // the indicator block filtered on 三级指标 and sorted by indicator name, descending.
    const part = "xl/namedSheetViews/namedSheetView1.xml";
    b.zip.file(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<namedSheetViews xmlns="http://schemas.microsoft.com/office/spreadsheetml/2019/namedsheetviews" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<namedSheetView name="我的视图" id="{6E4B2A4C-1D1E-4B8F-9C2A-0A1B2C3D4E5F}"><nsvFilter filterId="{7F5C3B5D-2E2F-4C90-8D3B-1B2C3D4E5F60}" ref="B20:F38" tableId="0">` +
        `<columnFilter colId="1"><filter colId="1"><x:filters><x:filter val="数量指标"/></x:filters></filter></columnFilter>` +
        `<sortRules><sortRule colId="2" id="{8A6D4C6E-3F30-4DA1-9E4C-2C3D4E5F6071}"><sortCondition ref="D21:D38" descending="1"/></sortRule></sortRules>` +
        `</nsvFilter></namedSheetView></namedSheetViews>`,
    );
    await b.override(part, "application/vnd.ms-excel.namedsheetviews+xml");
    await b.rel(FORM, "http://schemas.microsoft.com/office/2019/04/relationships/namedSheetView", "../namedSheetViews/namedSheetView1.xml");
  },
  async oleSize(b) {
    // The visible area of the workbook when embedded in another document (CT_Workbook oleSize@ref,
    // ECMA-376 Part 1 §18.2.16, right after calcPr): a range with no sheet, read on the active sheet
    // (MS-XLS §2.4.187 OleObjectSize); with no workbookView the first sheet, the form, is active.
    await b.edit("xl/workbook.xml", (s) => s.replace(/(<calcPr\b[^>]*\/>)/, `$1<oleSize ref="A1:F40"/>`));
  },
  async protection(b) {
    await b.sheetElement(FORM, "sheetProtection", '<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  },
};

/** One differential format (for rules), added once. */
async function dxf(b: Book): Promise<void> {
  await b.edit("xl/styles.xml", (s) =>
    s.replace(
      /<dxfs count="0"\/>/,
      '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>',
    ),
  );
}

/** A validation added to the form's <dataValidations> (created when missing, its count kept). */
async function validation(b: Book, xml: string): Promise<void> {
  const form = await b.text(FORM);
  if (!/<dataValidations /.test(form))
    return b.sheetElement(FORM, "dataValidations", `<dataValidations count="1">${xml}</dataValidations>`);
  await b.edit(FORM, (s) =>
    s.replace(
      /<dataValidations count="(\d+)">([\s\S]*?)<\/dataValidations>/,
      (_, n: string, body: string) => `<dataValidations count="${Number(n) + 1}">${body}${xml}</dataValidations>`,
    ),
  );
}

/** One drawing part on the form sheet, holding the anchors of every feature that draws. */
async function drawing(b: Book, anchor: string, target: (drawingPath: string) => Promise<string>): Promise<void> {
  const dpath = "xl/drawings/drawing1.xml";
  if (!b.zip.file(dpath)) {
    b.zip.file(
      dpath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"></xdr:wsDr>`,
    );
    await b.override(dpath, "application/vnd.openxmlformats-officedocument.drawing+xml");
    const id = await b.rel(FORM, "drawing", "../drawings/drawing1.xml");
    await b.sheetElement(FORM, "drawing", `<drawing r:id="${id}"/>`);
  }
  const rid = await target(dpath);
  await b.edit(dpath, (s) => s.replace("</xdr:wsDr>", `${anchor.replace('"IMG"', `"${rid}"`)}</xdr:wsDr>`));
}

/** The example form with `features` added, as .xlsx bytes. */
export async function fidelityWorkbook(features: readonly Feature[]): Promise<Uint8Array> {
  const b = new Book(await JSZip.loadAsync(readFileSync(join(ROOT, "examples/corrected-form.xlsx"))));
  await flawed(b);
  for (const f of features) await BUILD[f](b);
  return b.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(ROOT, "test/fixtures/generated/fidelity");
  mkdirSync(dir, { recursive: true });
  void (async () => {
    for (const f of FEATURES) writeFileSync(join(dir, `${f}.xlsx`), await fidelityWorkbook([f]));
    writeFileSync(join(dir, "all.xlsx"), await fidelityWorkbook(FEATURES));
    console.log(`wrote ${FEATURES.length + 1} workbooks to ${dir}`);
  })();
}
