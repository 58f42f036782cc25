/**
 * Patches the package exceljs wrote with what it read but does not write back faithfully, taken from
 * the package the workbook came from and moved with the rows inserted since (each checked by a round
 * trip through exceljs 4.4):
 * - Excel tables: exceljs rewrites a table's part from its model, turning an absent headerRowCount
 *   (1 by default, ECMA-376 Part 1 §18.5.1.2) into headerRowCount="0" — the header becomes data —
 *   and hiding the filter buttons; the original part is kept, its refs moved.
 * - Hyperlinks to places in the workbook (`<hyperlink location>`, no relationship): exceljs drops them.
 *   The link's cell moves; its destination is a stored address, which Excel's Insert leaves alone
 *   (docs/writing.md, the audit) and so does the package patch.
 * - Sheet protection: exceljs drops the legacy `password` hash (the sheet stays protected, without
 *   its password); the original element is kept.
 * - Workbook structure protection (`<workbookProtection>`): dropped by exceljs.
 * - Defined names: exceljs drops a sheet-scoped name (keeping only a global one of the same name),
 *   drops a global name whose rows are relative, writes a mixed reference ($D40) as absolute and
 *   mangles a formula (SUM(申报表!$D$40:$D$41) becomes 'SUM(申报表'!$D$40:$D$41); every name is
 *   kept as written instead, a sheet-scoped one with its sheet index remapped, and moved as the
 *   package patch moves it (patchRowsRefs.ts shiftWorkbook), so both write paths agree. The print
 *   area too: exceljs writes its rows as relative references.
 * - Custom document properties (docProps/custom.xml): exceljs writes no such part.
 *
 * Parts are matched by sheet name (workbook.xml and its relationships), never by part file name:
 * exceljs renumbers parts, and adds sheets (the state sheet, a report) of its own.
 */
import JSZip from "jszip";
import { parseRange, rangeToA1 } from "../../core/a1";
import { RowShift, shiftFormula } from "./formulaShift";
import { childrenAfter } from "./worksheetOrder";

const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeXml = (x: string) =>
  x
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** A part's relationships; "" is the package itself (_rels/.rels). */
const relsPathOf = (part: string) => (part === "" ? "_rels/.rels" : part.replace(/([^/]+)$/, "_rels/$1.rels"));
const dirOf = (part: string) => part.replace(/\/?[^/]*$/, "");

/** One package, read lazily: parts as text, the workbook's sheets by name. */
export class Package {
  private readonly cache = new Map<string, string | null>();
  private sheetsCache: { name: string; part: string; index: number }[] | null = null;
  /** Whether set() changed anything, so an unchanged package is not compressed again. */
  changed = false;
  constructor(readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<Package> {
    const p = new Package(await JSZip.loadAsync(bytes));
    const main = (await p.rels("")).find((r) => r.type === "officeDocument");
    if (main && (await p.text(main.path)) !== null) p.workbookPath = main.path;
    return p;
  }

  async text(path: string): Promise<string | null> {
    if (!this.cache.has(path)) {
      const f = this.zip.file(path) ?? this.zip.file(`/${path}`);
      this.cache.set(path, f ? await f.async("string") : null);
    }
    return this.cache.get(path)!;
  }

  set(path: string, text: string): void {
    if (this.cache.get(path) === text) return;
    this.changed = true;
    this.cache.set(path, text);
    this.zip.file(path, text);
  }

  private workbookPath = "xl/workbook.xml";

  /** The workbook part, as the package's own relationships name it (other tools may not use xl/workbook.xml). */
  get workbookPart(): string {
    return this.workbookPath;
  }

  /** Relationships of a part: id → { type (last path segment), target as a package path }. */
  async rels(part: string): Promise<{ id: string; type: string; path: string; tag: string }[]> {
    const xml = (await this.text(relsPathOf(part))) ?? "";
    return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: attr(m[0], "Id") ?? "",
      type: (attr(m[0], "Type") ?? "").replace(/^.*\//, ""),
      path: resolveTarget(dirOf(part), attr(m[0], "Target") ?? ""),
      tag: m[0],
    }));
  }

  /** The worksheets in workbook order, with the part that holds each. */
  async sheets(): Promise<{ name: string; part: string; index: number }[]> {
    if (this.sheetsCache) return this.sheetsCache;
    const wb = (await this.text(this.workbookPart)) ?? "";
    const rels = new Map((await this.rels(this.workbookPart)).map((r) => [r.id, r.path]));
    this.sheetsCache = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m, index) => ({
      name: unescapeXml(attr(m[0], "name") ?? ""),
      part: rels.get(attr(m[0], "r:id") ?? "") ?? "",
      index,
    }));
    return this.sheetsCache;
  }

  async partOfSheet(name: string): Promise<string | null> {
    return (await this.sheets()).find((s) => s.name === name)?.part ?? null;
  }
}

/** Moves the rows of an A1 range (or "A1:B2 C3" list) as Excel does when rows are inserted. */
export function shiftRef(ref: string, sheet: string, shifts: RowShift[]): string {
  return ref
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      let r = parseRange(part.replace(/\$/g, ""));
      for (const s of shifts) {
        if (s.sheet !== sheet) continue;
        const move = (row: number) => (row + 1 >= s.at ? row + s.count : row);
        r = { ...r, top: move(r.top), bottom: move(r.bottom) };
      }
      return rangeToA1(r);
    })
    .join(" ");
}

/** Every `ref="…"` and `sqref="…"` attribute in the XML, moved. */
function shiftRefAttributes(xml: string, sheet: string, shifts: RowShift[]): string {
  if (!shifts.some((s) => s.sheet === sheet)) return xml;
  return xml.replace(/\b(ref|sqref)="([^"]*)"/g, (_w, name: string, ref: string) => `${name}="${shiftRef(ref, sheet, shifts)}"`);
}

async function carryTables(from: Package, to: Package, shifts: RowShift[]): Promise<void> {
  // The written tables by name: exceljs numbers its parts itself.
  const written = new Map<string, string>();
  for (const path of Object.keys(to.zip.files).filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))) {
    const name = attr(((await to.text(path)) ?? "").match(/<table\b[^>]*>/)?.[0] ?? "", "name");
    if (name) written.set(name, path);
  }
  for (const sheet of await from.sheets()) {
    for (const rel of (await from.rels(sheet.part)).filter((r) => r.type === "table")) {
      const xml = await from.text(rel.path);
      const name = xml && attr(xml.match(/<table\b[^>]*>/)?.[0] ?? "", "name");
      const target = name ? written.get(name) : undefined;
      if (!xml || !target) continue;
      to.set(target, shiftRefAttributes(xml, sheet.name, shifts));
    }
  }
}

/**
 * A defined name's formula with its references moved, as the package patch moves it: absolute rows
 * only, a relative row being an offset from the cell using the name (formulaShift.ts, relativeRowsStay).
 */
function shiftName(text: string, shifts: RowShift[]): string {
  return shifts.reduce((t, s) => shiftFormula(t, "", s, { relativeRowsStay: true }), text);
}

const escapeXml = (x: string) =>
  x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Inserts `element` before the first of `before` found in `xml` (the schema's order), else before `close`. */
function insertBefore(xml: string, element: string, before: string[], close: string): string {
  for (const tag of before) {
    const i = xml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  const i = xml.lastIndexOf(close);
  return i < 0 ? xml : xml.slice(0, i) + element + xml.slice(i);
}

const AFTER_HYPERLINKS = childrenAfter("hyperlinks");
const AFTER_SHEET_PROTECTION = childrenAfter("sheetProtection");

async function carrySheetParts(from: Package, to: Package, shifts: RowShift[]): Promise<void> {
  for (const sheet of await from.sheets()) {
    const original = await from.text(sheet.part);
    if (!original) continue;
    const links = [...original.matchAll(/<hyperlink\b[^>]*\/>/g)]
      .map((m) => m[0])
      .filter((h) => !/\br:id="/.test(h) && /\blocation="/.test(h));
    const protection = /<sheetProtection\b[^>]*\/>/.exec(original)?.[0];
    const password = protection !== undefined && /\bpassword="/.test(protection);
    // A large sheet's written part is only unpacked when there is something to carry into it.
    if (links.length === 0 && !password) continue;
    const part = await to.partOfSheet(sheet.name);
    let xml = part ? await to.text(part) : null;
    if (!part || xml === null) continue;

    const present = new Set([...xml.matchAll(/<hyperlink\b[^>]*\bref="([^"]*)"/g)].map((m) => m[1]));
    const moved = links
      .map((h) => {
        const ref = shiftRef(attr(h, "ref") ?? "", sheet.name, shifts);
        return { ref, tag: h.replace(/\bref="[^"]*"/, `ref="${ref}"`) };
      })
      .filter((h) => !present.has(h.ref));
    if (moved.length > 0) {
      const tags = moved.map((h) => h.tag).join("");
      xml = /<hyperlinks>/.test(xml)
        ? xml.replace("</hyperlinks>", `${tags}</hyperlinks>`)
        : insertBefore(xml, `<hyperlinks>${tags}</hyperlinks>`, AFTER_HYPERLINKS, "</worksheet>");
    }

    if (protection && password) {
      const written = /<sheetProtection\b[^>]*\/>/.exec(xml)?.[0];
      xml = written ? xml.replace(written, protection) : insertBefore(xml, protection, AFTER_SHEET_PROTECTION, "</worksheet>");
    }
    to.set(part, xml);
  }
}

async function carryWorkbookPart(from: Package, to: Package, shifts: RowShift[]): Promise<void> {
  const original = (await from.text(from.workbookPart)) ?? "";
  let xml = await to.text(to.workbookPart);
  if (xml === null) return;

  const protection = /<workbookProtection\b[^>]*\/>/.exec(original)?.[0];
  if (protection && !/<workbookProtection\b/.test(xml)) xml = insertBefore(xml, protection, ["bookViews", "sheets"], "</workbook>");

  const names = [...original.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)];
  // Every name of the user's is carried (see the file comment). Built-in names are sheet-scoped;
  // exceljs models them, but writes a print area's rows as relative references ($A1:$F45, the
  // original's $A$1:$F$45 read through pageSetup), so the print area is carried as well. The others
  // (print titles, filters) stay exceljs's.
  const carried = (a: string) => !/\bname="_xlnm\./.test(a) || /\bname="_xlnm\.Print_Area"/.test(a);
  const carriedNames = new Set(names.filter((m) => carried(m[1])).map((m) => attr(m[1], "name") ?? ""));
  carriedNames.delete("");
  if (carriedNames.size > 0) {
    const fromSheets = await from.sheets();
    const toSheets = await to.sheets();
    const kept = names.flatMap((m) => {
      const name = attr(m[1], "name") ?? "";
      if (!carriedNames.has(name)) return [];
      const local = attr(m[1], "localSheetId");
      let head = m[1];
      if (local !== null) {
        const sheet = fromSheets[Number(local)]?.name;
        const index = toSheets.find((s) => s.name === sheet)?.index;
        if (index === undefined) return [];
        head = head.replace(/\blocalSheetId="[^"]*"/, `localSheetId="${index}"`);
      }
      return [`<definedName${head}>${escapeXml(shiftName(unescapeXml(m[2]), shifts))}</definedName>`];
    });
    // exceljs's own definitions of those names (it keeps one, as a global name) give way to them.
    xml = xml.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (whole, a: string) =>
      carriedNames.has(unescapeXml(attr(a, "name") ?? "")) ? "" : whole,
    );
    const all = kept.join("");
    if (/<definedNames>/.test(xml)) xml = xml.replace("<definedNames>", `<definedNames>${all}`);
    else if (/<definedNames\/>/.test(xml)) xml = xml.replace("<definedNames/>", `<definedNames>${all}</definedNames>`);
    else
      xml = insertBefore(
        xml,
        `<definedNames>${all}</definedNames>`,
        [
          "calcPr",
          "oleSize",
          "customWorkbookViews",
          "pivotCaches",
          "smartTagPr",
          "smartTagTypes",
          "webPublishing",
          "fileRecoveryPr",
          "webPublishObjects",
          "extLst",
        ],
        "</workbook>",
      );
  }
  to.set(to.workbookPart, xml);
}

const CUSTOM_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
const CUSTOM_CONTENT = "application/vnd.openxmlformats-officedocument.custom-properties+xml";

async function carryCustomProperties(from: Package, to: Package): Promise<void> {
  const rel = (await from.rels("")).find((r) => r.type === "custom-properties");
  const xml = rel && (await from.text(rel.path));
  if (!rel || !xml || (await to.rels("")).some((r) => r.type === "custom-properties")) return;
  const path = "docProps/custom.xml";
  to.set(path, xml);
  const rels =
    (await to.text("_rels/.rels")) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const taken = new Set((await to.rels("")).map((r) => r.id));
  let n = 1;
  while (taken.has(`rIdCustom${n}`)) n++;
  to.set(
    "_rels/.rels",
    rels.replace("</Relationships>", `<Relationship Id="rIdCustom${n}" Type="${CUSTOM_TYPE}" Target="${path}"/></Relationships>`),
  );
  const types = (await to.text("[Content_Types].xml")) ?? "";
  if (!types.includes(`PartName="/${path}"`))
    to.set("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/${path}" ContentType="${CUSTOM_CONTENT}"/></Types>`));
}

/** The written package with the original's kept features carried over (see the file comment). */
export async function carryOver(original: Uint8Array, written: Uint8Array, shifts: RowShift[]): Promise<Uint8Array> {
  const from = await Package.load(original);
  const to = await Package.load(written);
  await carryTables(from, to, shifts);
  await carrySheetParts(from, to, shifts);
  await carryWorkbookPart(from, to, shifts);
  await carryCustomProperties(from, to);
  if (!to.changed) return written;
  return to.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
