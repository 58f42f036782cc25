/**
 * The example form changed into packages the patcher refuses to patch while an exceljs rewrite
 * would lose something, in the shapes Excel writes: used by the CLI's --allow-loss tests and the
 * preview's "download anyway" test, so both meet the same file.
 */
import JSZip from "jszip";

/** A chart part (xl/charts/chart1.xml), which a rewrite does not keep. */
export function withChart(zip: JSZip): void {
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`,
  );
}

/**
 * F24:F25 as one array formula reading E24:E25 (the same texts they hold, so the form reads the
 * same): `<f t="array" ref="F24:F25">` on its top-left cell only (ECMA-376 Part 1 §18.3.1.40). A fix of
 * F25 then changes part of an array, which Excel refuses too ("You can't change part of an array").
 */
export async function withArray(zip: JSZip): Promise<void> {
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const texts = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(""),
  );
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const f24 = /<c r="F24" s="(\d+)" t="s"><v>(\d+)<\/v><\/c>/.exec(sheet)!;
  zip.file(
    "xl/worksheets/sheet1.xml",
    sheet.replace(f24[0], `<c r="F24" s="${f24[1]}" t="str"><f t="array" ref="F24:F25">E24:E25</f><v>${texts[Number(f24[2])]}</v></c>`),
  );
}

/** No cell formats: an empty `<cellXfs>` and no cell, row or column naming one (every cell in the default look). */
export async function withoutCellFormats(zip: JSZip): Promise<void> {
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("xl/styles.xml", styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, `<cellXfs count="0"/>`));
  const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace(/ (s|style)="\d+"/g, "").replace(/ customFormat="1"/g, ""));
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/**
 * A shared workbook with a revision log, in the parts Excel writes (ECMA-376 Part 1's Shared Workbook
 * Revision Headers, Revision Log and User Data parts; Part 3's primer, "First Edit Revision Log"): the
 * revision headers and the user list related from the workbook, one revision log related from the
 * headers, each with its content type. The log records one cell change, as Excel does for each entry
 * (`rcc`, ISO/IEC 29500-1 §18.11.1.9).
 */
export async function withRevisionLog(zip: JSZip): Promise<void> {
  const wbRels = "xl/_rels/workbook.xml.rels";
  const rels = await zip.file(wbRels)!.async("string");
  zip.file(
    wbRels,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdRevH" Type="${REL}/revisionHeaders" Target="revisions/revisionHeaders.xml"/>` +
        `<Relationship Id="rIdUsers" Type="${REL}/usernames" Target="revisions/userNames.xml"/></Relationships>`,
    ),
  );
  const guid = "{A84A6777-8908-4CB9-9EB6-625CEFF419D3}";
  zip.file(
    "xl/revisions/revisionHeaders.xml",
    `<headers xmlns="${SML}" xmlns:r="${REL}" guid="${guid}" lastGuid="${guid}" shared="1" diskRevisions="1" revisionId="1" version="2">` +
      `<header guid="${guid}" dateTime="2026-11-30T09:00:00" maxSheetId="2" userName="张三" r:id="rId1" minRId="1" maxRId="1">` +
      `<sheetIdMap count="1"><sheetId val="1"/></sheetIdMap></header></headers>`,
  );
  zip.file(
    "xl/revisions/_rels/revisionHeaders.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/revisionLog" Target="revisionLog1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/revisions/revisionLog1.xml",
    `<revisions xmlns="${SML}" xmlns:r="${REL}"><rcc rId="1" sId="1"><nc r="H2" t="inlineStr"><is><t>已审</t></is></nc></rcc></revisions>`,
  );
  zip.file(
    "xl/revisions/userNames.xml",
    `<users xmlns="${SML}" xmlns:r="${REL}" count="1"><userInfo guid="${guid}" name="张三" id="1" dateTime="2026-11-30T09:00:00"/></users>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/revisions/revisionHeaders.xml" ContentType="${CT}.revisionHeaders+xml"/>` +
        `<Override PartName="/xl/revisions/revisionLog1.xml" ContentType="${CT}.revisionLog+xml"/>` +
        `<Override PartName="/xl/revisions/userNames.xml" ContentType="${CT}.userNames+xml"/></Types>`,
    ),
  );
}
