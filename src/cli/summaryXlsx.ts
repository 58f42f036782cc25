/**
 * A small .xlsx writer for the reviewer's summary: the package parts are built as strings and
 * zipped with Node's zlib. exceljs wrote it before, which was most of what `--summary` cost on top
 * of the check itself; the summary needs only text, numbers, links, a few cell formats, column
 * widths, row heights, a frozen header, a filter, print setup, conditional fills and defined
 * names — all written here as ECMA-376 Part 1 (SpreadsheetML) states them.
 */
import * as zlib from "zlib";
import { columnName } from "../core/a1";
import { crc32 as tableCrc32 } from "../core/crc32";
import { escapeXml, tElement } from "../hosts/file/patch";

export type XlsxValue = string | number | null | undefined | { text: string; hyperlink: string };

/** What a cell's format adds to its column's: every field optional, all compared by value. */
export interface XlsxStyle {
  bold?: boolean;
  /** A link's look: blue, underlined. */
  link?: boolean;
  /** Solid fill, ARGB. */
  fill?: string;
  /** A number format code, e.g. "0.00". */
  numFmt?: string;
  wrap?: boolean;
}

export interface XlsxSheet {
  name: string;
  rows: XlsxValue[][];
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Each column's format (also given to the column, so empty cells look alike). */
  columnStyle: (col: number) => XlsxStyle;
  /** The format of one cell (0-based row and column); the header row is row 0. */
  cellStyle: (row: number, col: number) => XlsxStyle;
  /** Row heights in points where one is needed (0-based row), else undefined. */
  height: (row: number) => number | undefined;
  /** Conditional fills: where a formula (relative to the range's top-left cell) holds, the fill. */
  conditional?: { ref: string; rules: { formula: string; fill: string }[] };
}

export interface XlsxBook {
  sheets: XlsxSheet[];
  /** Workbook-wide defined names: name → reference ('Sheet'!$A$1). */
  names: Record<string, string>;
  creator: string;
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const LINK_COLOR = "FF0563C1";

/** A sheet name always quoted ('O''Brien'), as the summary's names were written; core/a1 quoteSheet quotes only when it must. */
export const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The styles part, built as cell formats are asked for: one <xf> per distinct format, fonts,
 * fills and number formats shared between them. Index 0 is the default format (Normal).
 */
class StyleSheet {
  private fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  // Fills 0 and 1 are reserved: Excel expects none and gray125 there (§18.8.21).
  private fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private numFmts: string[] = [];
  private xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private dxfs: string[] = [];
  private ids = new Map<string, number>();
  /** The same style object (a column's, say) asked for again, cell after cell. */
  private byObject = new Map<XlsxStyle, number>();

  private intern(kind: string, list: string[], xml: string, first = 0): number {
    const key = `${kind}|${xml}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    list.push(xml);
    const id = list.length - 1 + first;
    this.ids.set(key, id);
    return id;
  }

  /** The cellXfs index of a format. */
  xf(s: XlsxStyle): number {
    const seen = this.byObject.get(s);
    if (seen !== undefined) return seen;
    const id = this.xfOf(s);
    this.byObject.set(s, id);
    return id;
  }

  private xfOf(s: XlsxStyle): number {
    const key = `xf|${s.bold ? 1 : 0}${s.link ? 1 : 0}|${s.fill ?? ""}|${s.numFmt ?? ""}|${s.wrap ? 1 : 0}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const fontId = s.bold
      ? this.intern("font", this.fonts, '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>')
      : s.link
        ? this.intern(
            "font",
            this.fonts,
            `<font><u/><sz val="11"/><color rgb="${LINK_COLOR}"/><name val="Calibri"/><family val="2"/></font>`,
          )
        : 0;
    const fillId = s.fill
      ? this.intern(
          "fill",
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${escapeXml(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    // 164 is the first id free for custom formats (built-in ones are below it, §18.8.30).
    const numFmtId = s.numFmt ? this.intern("numFmt", this.numFmts, s.numFmt, 164) : 0;
    const apply = `${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}`;
    const xml =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${apply} applyAlignment="1">` +
      `<alignment vertical="top"${s.wrap ? ' wrapText="1"' : ""}/></xf>`;
    this.xfs.push(xml);
    const id = this.xfs.length - 1;
    this.ids.set(key, id);
    return id;
  }

  /** The dxfs index of a conditional fill (a differential format fills with bgColor, §18.8.17). */
  dxf(fill: string): number {
    this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><bgColor rgb="${escapeXml(fill)}"/></patternFill></fill></dxf>`);
    return this.dxfs.length - 1;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`);
    return (
      `${XML_DECL}<styleSheet xmlns="${NS}">` +
      (numFmts.length ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts) +
      list("fills", this.fills) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs) +
      "</styleSheet>"
    );
  }
}

function cellXml(ref: string, v: XlsxValue, s: number): string {
  const style = s ? ` s="${s}"` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : "";
  const text = v !== null && typeof v === "object" ? v.text : v;
  const t = String(text);
  // Inline strings keep each sheet self-contained; no shared-string table to build (§18.3.1.53).
  return `<c r="${ref}"${style} t="inlineStr"><is>${tElement("", t)}</is></c>`;
}

function sheetXml(sheet: XlsxSheet, styles: StyleSheet, links: string[], first: boolean): string {
  const ncols = sheet.widths.length;
  const last = columnName(ncols - 1);
  const letters = Array.from({ length: ncols }, (_, c) => columnName(c));
  const colXf = letters.map((_, c) => styles.xf(sheet.columnStyle(c)));
  const cols = sheet.widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1" style="${colXf[c]}"/>`);
  const rows: string[] = [];
  const hyperlinks: string[] = [];
  sheet.rows.forEach((values, r) => {
    const cells: string[] = [];
    values.forEach((v, c) => {
      if (v === null || v === undefined || c >= ncols) return;
      const ref = `${letters[c]}${r + 1}`;
      cells.push(cellXml(ref, v, styles.xf(sheet.cellStyle(r, c))));
      if (typeof v === "object") {
        links.push(v.hyperlink);
        hyperlinks.push(`<hyperlink ref="${ref}" r:id="rId${links.length}"/>`);
      }
    });
    const ht = sheet.height(r);
    rows.push(`<row r="${r + 1}"${ht ? ` ht="${ht}" customHeight="1"` : ""}>${cells.join("")}</row>`);
  });
  const n = Math.max(1, sheet.rows.length);
  const cf = sheet.conditional;
  const conditional = cf
    ? `<conditionalFormatting sqref="${cf.ref}">` +
      cf.rules
        .map(
          (rule, k) =>
            `<cfRule type="expression" dxfId="${styles.dxf(rule.fill)}" priority="${k + 1}"><formula>${escapeXml(rule.formula)}</formula></cfRule>`,
        )
        .join("") +
      "</conditionalFormatting>"
    : "";
  // Element order is the schema's (CT_Worksheet, §18.3.1.99): Excel refuses a file otherwise.
  return (
    `${XML_DECL}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${last}${n}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols.join("")}</cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<autoFilter ref="A1:${last}${n}"/>` +
    conditional +
    (hyperlinks.length ? `<hyperlinks>${hyperlinks.join("")}</hyperlinks>` : "") +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "<headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter>" +
    "</worksheet>"
  );
}

const rel = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ""}/>`;
const rels = (items: string[]) => `${XML_DECL}<Relationships xmlns="${PKG_REL_NS}">${items.join("")}</Relationships>`;

/** The workbook as .xlsx bytes. */
export function writeXlsx(book: XlsxBook): Uint8Array {
  const parts: [string, string][] = [];
  const put = (path: string, xml: string) => void parts.push([path, xml]);
  const styles = new StyleSheet();
  const sheetFiles = book.sheets.map((sheet, i) => {
    const links: string[] = [];
    const xml = sheetXml(sheet, styles, links, i === 0);
    return { xml, links, path: `xl/worksheets/sheet${i + 1}.xml` };
  });
  const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  put(
    "[Content_Types].xml",
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetFiles.map((f) => `<Override PartName="/${f.path}" ContentType="${SHEET_CT}"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  );
  put(
    "_rels/.rels",
    rels([
      rel("rId1", "officeDocument", "xl/workbook.xml"),
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
      rel("rId3", "extended-properties", "docProps/app.xml"),
    ]),
  );
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  put(
    "docProps/core.xml",
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeXml(book.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified>` +
      "</cp:coreProperties>",
  );
  put(
    "docProps/app.xml",
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      `<Application>${escapeXml(book.creator)}</Application></Properties>`,
  );
  // Print titles are a defined name local to their sheet (§18.2.5, _xlnm.Print_Titles): the header row.
  const names = [
    ...Object.entries(book.names).map(([name, ref]) => `<definedName name="${escapeXml(name)}">${escapeXml(ref)}</definedName>`),
    ...book.sheets.map(
      (s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quotedSheet(s.name)}!$1:$1`)}</definedName>`,
    ),
  ];
  put(
    "xl/workbook.xml",
    `${XML_DECL}<workbook xmlns="${NS}" xmlns:r="${REL_NS}">` +
      '<bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${book.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
      `<definedNames>${names.join("")}</definedNames>` +
      '<calcPr calcId="191029"/>' +
      "</workbook>",
  );
  put(
    "xl/_rels/workbook.xml.rels",
    rels([
      ...sheetFiles.map((f, i) => rel(`rId${i + 1}`, "worksheet", f.path.slice(3))),
      rel(`rId${sheetFiles.length + 1}`, "styles", "styles.xml"),
    ]),
  );
  for (const f of sheetFiles) {
    put(f.path, f.xml);
    if (f.links.length)
      put(f.path.replace(/([^/]+)$/, "_rels/$1.rels"), rels(f.links.map((target, k) => rel(`rId${k + 1}`, "hyperlink", target, true))));
  }
  put("xl/styles.xml", styles.xml());
  return zipParts(parts, new Date());
}

// Node's own where it has one (20.15 and later), the table otherwise.
const crc32 = (bytes: Uint8Array): number => (typeof zlib.crc32 === "function" ? zlib.crc32(bytes) : tableCrc32(bytes));

/**
 * The parts as a ZIP archive (PKWARE APPNOTE 6.3: local headers, central directory, end record),
 * each DEFLATEd by Node's zlib. Not JSZip: its JavaScript deflate (pako) alone took ~100 ms for a
 * 200-form summary, about as long as exceljs took for everything, zlib ~10 ms. Names are flagged
 * UTF-8 (bit 11); a summary stays far below ZIP's 4 GB and 65,535-entry limits.
 */
function zipParts(parts: [string, string][], when: Date): Uint8Array {
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
  const date = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of parts) {
    const name = Buffer.from(path, "utf8");
    const data = Buffer.from(text, "utf8");
    const packed = zlib.deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0, DEFLATE
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    local.copy(entry, 6, 4, 30); // version needed … name length, as in the local header
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}
