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
