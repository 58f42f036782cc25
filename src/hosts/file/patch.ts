/**
 * Writes value edits into a user's workbook the way Excel edits a document in place: the package is
 * kept part by part and only what the edit must change is rewritten — the changed `<c>` elements of
 * the form's sheet, new entries appended to the shared strings, a cell format appended to the styles
 * when a number format must be set, the cached results of formulas that read a changed cell, and
 * (only when such a formula is not simple enough to compute here) the workbook's calcPr, so Excel
 * recalculates on open. Every other part keeps its bytes, so whatever the workbook holds — charts,
 * pivot tables, threaded comments, x14 validations, shapes, macros — is still there, untouched.
 *
 * Text in the XML is found with regular expressions over the part's text, never re-serialised from
 * a model: what is not matched is copied as it is. Anything this does not handle throws
 * PatchUnsupported; the command line then refuses an exceljs rewrite that would lose anything the
 * package inspection names unless the user allows it (src/cli/commands/rewrite.ts lossDecision).
 */
import JSZip from "jszip";
import { columnIndex, columnName } from "../../core/a1";
import { Message } from "../../core/rules/types";
import { Area, Scalar, areasOf, evaluate, parseFormula } from "./formulaCalc";
import { slideFormula } from "./fastRead";

export interface ValueEdit {
  sheet: string;
  /** 0-based. */
  row: number;
  col: number;
  value: string | number | boolean | null;
  /** Set only when the cell's format is General or Text (what apply.ts does in exceljs's model). */
  numberFormat?: string;
}

export class PatchUnsupported extends Error {
  /** `why` is for logs and tests; `reason`, when given, is what the user is told (lossDecision). */
  constructor(
    why: string,
    readonly reason?: Message,
  ) {
    super(why);
    this.name = "PatchUnsupported";
  }
}

export interface PatchReport {
  bytes: Uint8Array;
  /** Parts whose text changed (every other part is byte-identical). */
  changedParts: string[];
  /** Formula cells whose cached result was recomputed, "Sheet!A1". */
  recomputed: string[];
  /** True when a dependent formula could not be computed here and Excel is asked to recalculate on open. */
  fullCalcOnLoad: boolean;
}

// ---------------------------------------------------------------------------------------------
// XML text helpers

/** Relationship types and content types of the parts a patch may add (ECMA-376 Part 1 §15.2, Part 2). */
export const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function attrs(s: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of s.matchAll(ATTR)) m.set(a[1], decode(a[2] ?? a[3] ?? ""));
  return m;
}

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e],
  );
}

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const TO_ESCAPE = /[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

/** ST_Xstring (ECMA-376 Part 1 §22.9.2.19): what XML cannot hold as `_xHHHH_`, a literal escape's `_` as `_x005F_`. */
export function xstring(text: string): string {
  return text.replace(TO_ESCAPE, (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

const unXstring = (s: string) => s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

// Anything escapeXml, xstring or xml:space would act on (a "_" may start a literal _xHHHH_).
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /[&<>"_\x00-\x1f\x7f\ufffe\uffff]|^\s|\s$/;

/** A `<t>` element for text, keeping its spaces and line breaks (xml:space, XML 1.0 §2.10). */
export function tElement(prefix: string, text: string): string {
  // Most text has nothing to escape: it goes in as it is (a tenth of a summary sheet's time).
  if (!NEEDS_ESCAPE.test(text)) return `<${prefix}t>${text}</${prefix}t>`;
  const space = /^\s|\s$|\n|\t/.test(text) ? ' xml:space="preserve"' : "";
  return `<${prefix}t${space}>${escapeXml(xstring(text))}</${prefix}t>`;
}

export function setAttr(open: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === null) return open.replace(re, "");
  if (re.test(open)) return open.replace(re, ` ${name}="${escapeXml(value)}"`);
  return open.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

// ---------------------------------------------------------------------------------------------
// The package

export class Pkg {
  private readonly changed = new Map<string, string>();
  /** Parts taken out of the package (a replaced sheet's old relationships, patchSheets.ts). */
  private readonly removed = new Set<string>();
  private readonly names: Map<string, string>;
  constructor(private readonly zip: JSZip) {
    this.names = new Map();
    for (const f of Object.values(zip.files)) if (!f.dir) this.names.set(f.name.replace(/^\//, "").toLowerCase(), f.name);
  }
  /** Every part's name, as stored and as added. */
  list(): string[] {
    return [...new Set([...this.names.values(), ...this.changed.keys()])].filter((n) => !this.removed.has(n.toLowerCase()));
  }
  has(name: string): boolean {
    if (this.removed.has(name.toLowerCase())) return false;
    return this.changed.has(name) || this.names.has(name.toLowerCase());
  }
  async text(name: string): Promise<string | null> {
    if (this.removed.has(name.toLowerCase())) return null;
    if (this.changed.has(name)) return this.changed.get(name)!;
    const real = this.names.get(name.toLowerCase());
    return real ? this.zip.file(real)!.async("string") : null;
  }
  set(name: string, text: string): void {
    this.removed.delete(name.toLowerCase());
    this.changed.set(name, text);
  }
  remove(name: string): void {
    this.changed.delete(name);
    this.removed.add(name.toLowerCase());
  }
  async write(): Promise<{ bytes: Uint8Array; changed: string[] }> {
    const changed: string[] = [];
    for (const lower of this.removed) {
      const real = this.names.get(lower);
      if (real === undefined) continue;
      this.zip.remove(real);
      changed.push(real);
    }
    for (const [name, text] of this.changed) {
      const real = this.names.get(name.toLowerCase()) ?? name;
      const old = this.names.has(name.toLowerCase()) ? await this.zip.file(real)!.async("string") : null;
      if (old === text) continue;
      this.zip.file(real, text, { createFolders: false });
      changed.push(real);
    }
    // Unchanged entries keep their compressed bytes: JSZip reuses them when the method is the same.
    const bytes = await this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
    return { bytes, changed };
  }
}

export function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Whether the workbook is shared with a revision log: its revision headers part, related from the workbook part. */
export const hasRevisionLog = (wbRels: readonly Rel[]): boolean => wbRels.some((r) => /\/revisionHeaders$/.test(r.type));

export function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].map((m) => {
    const a = attrs(m[1]);
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
    };
  });
}

interface SheetPart {
  name: string;
  path: string;
}

export async function sheetParts(pkg: Pkg): Promise<{ sheets: SheetPart[]; workbookPath: string }> {
  const root = parseRels((await pkg.text("_rels/.rels")) ?? "");
  const office = root.find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const wb = await pkg.text(workbookPath);
  if (wb === null) throw new PatchUnsupported("no workbook part");
  const rels = parseRels((await pkg.text(relsPathOf(workbookPath))) ?? "");
  const sheets: SheetPart[] = [];
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    const rid = [...a.entries()].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const rel = rels.find((r) => r.id === rid);
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: a.get("name") ?? "", path: resolveTarget(workbookPath, rel.target) });
  }
  return { sheets, workbookPath };
}

// ---------------------------------------------------------------------------------------------
// Shared strings

export class SharedStrings {
  private xml: string | null;
  private readonly index = new Map<string, number>();
  private total = 0;
  private added = 0;
  private countDelta = 0;
  private readonly texts: (string | null)[] = [];
  constructor(
    xml: string | null,
    readonly path: string,
  ) {
    this.xml = xml;
    if (xml === null) return;
    for (const m of xml.matchAll(/<(\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1?si>)/g)) {
      const body = m[2] ?? "";
      // Only plain entries are reused (Excel reuses an entry only for the same text and runs).
      const plain = /^<(\w+:)?t(?:\s[^>]*)?>([^<]*)<\/\1?t>$/.exec(body);
      const text = plain
        ? unXstring(decode(plain[2]))
        : [...body.replace(/<(\w+:)?rPh\b[\s\S]*?<\/\1?rPh>/g, "").matchAll(/<(\w+:)?t(?:\s[^>]*)?>([^<]*)<\/\1?t>/g)]
            .map((t) => unXstring(decode(t[2])))
            .join("");
      if (plain && !this.index.has(text)) this.index.set(text, this.total);
      this.texts.push(text);
      this.total++;
    }
  }
  text(i: number): string | null {
    return this.texts[i] ?? null;
  }
  /** The index to store `text` under, appending an entry when none holds exactly it. */
  indexOf(text: string): number {
    this.countDelta++;
    const known = this.index.get(text);
    if (known !== undefined) return known;
    const i = this.total++;
    this.index.set(text, i);
    this.texts.push(text);
    this.added++;
    const prefix = /<(\w+:)?sst\b/.exec(this.xml ?? "")?.[1] ?? "";
    const si = `<${prefix}si>${tElement(prefix, text)}</${prefix}si>`;
    if (this.xml === null) {
      this.xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0">${si}</sst>`;
    } else if (/<(\w+:)?sst\b[^>]*\/>/.test(this.xml)) {
      this.xml = this.xml.replace(/<((?:\w+:)?sst)\b([^>]*?)\s*\/>/, `<$1$2>${si}</$1>`);
    } else this.xml = this.xml.replace(/<\/((?:\w+:)?sst)>(?![\s\S]*<\/(?:\w+:)?sst>)/, `${si}</$1>`);
    return i;
  }
  /** A cell that held a shared string no longer does. */
  released(): void {
    this.countDelta--;
  }
  /** The part's new text, or null when nothing changed. */
  result(): string | null {
    if (this.xml === null || (this.added === 0 && this.countDelta === 0)) return null;
    return this.xml.replace(/<((?:\w+:)?sst)\b[^>]*>/, (open) => {
      const a = attrs(open);
      let o = open;
      if (a.has("count")) o = setAttr(o, "count", String(Math.max(0, Number(a.get("count")) + this.countDelta)));
      else if (this.added > 0 && !open.includes("count")) o = setAttr(o, "count", String(this.total));
      if (a.has("uniqueCount") || this.added > 0) o = setAttr(o, "uniqueCount", String(this.total));
      return o;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Styles

/** Built-in number formats (ECMA-376 Part 1 §18.8.30) a fix may ask for. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/**
 * The styles part Excel writes for a new workbook, reduced to what a cell format needs: one font,
 * the two fills every stylesheet starts with (none, gray125 — ECMA-376 Part 1 §18.8.21 reserves
 * them), one border, the Normal cell style.
 */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * The workbook's styles, ready for cell formats to be appended; `save` writes them back when they
 * changed. A package without a styles part (some generators write none: every cell is then in the
 * default format) gets the minimal one, related from the workbook and typed, only if a format is added.
 */
export async function openStyles(opened: OpenedPackage): Promise<{ styles: Styles; save: () => Promise<void> }> {
  const { pkg, workbookPath, wbRels } = opened;
  const rel = wbRels.find((r) => /\/styles$/.test(r.type));
  const existing = rel ? await pkg.text(resolveTarget(workbookPath, rel.target)) : null;
  const styles = new Styles(existing ?? MINIMAL_STYLES);
  const save = async () => {
    const xml = styles.result();
    if (xml === null) return;
    if (rel && existing !== null) return pkg.set(resolveTarget(workbookPath, rel.target), xml);
    const dir = workbookPath.replace(/[^/]+$/, "");
    let path = rel ? resolveTarget(workbookPath, rel.target) : `${dir}styles.xml`;
    for (let n = 2; !rel && pkg.has(path); n++) path = `${dir}styles${n}.xml`;
    pkg.set(path, xml);
    if (!rel) await relateToWorkbook(pkg, workbookPath, path, `${OFFICE_REL}/styles`, STYLES_TYPE);
    else await declareType(pkg, path, STYLES_TYPE);
  };
  return { styles, save };
}

export class Styles {
  private xml: string | null;
  private readonly xfs: string[] = [];
  private readonly clones = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private dirty = false;
  constructor(xml: string | null) {
    this.xml = xml;
    const cellXfs = xml && /<(\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/\1?cellXfs>/.exec(xml);
    if (cellXfs) for (const m of cellXfs[2].matchAll(/<(\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/\1?xf>)/g)) this.xfs.push(m[0]);
  }
  numFmtId(style: number): number {
    const xf = this.xfs[style];
    return xf ? Number(attrs(/^<[^>]*>/.exec(xf)![0]).get("numFmtId") ?? 0) : 0;
  }
  /** A cell format like `style` but with `format`; appended once per (style, format). */
  withFormat(style: number, format: string): number {
    const key = `${style}\u0000${format}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    if (this.xml === null || this.xfs.length === 0) throw new PatchUnsupported("no cell formats in styles");
    let id = BUILTIN_FORMATS[format];
    if (id === undefined) {
      const fmts = [...this.xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)].map((m) => attrs(m[1]));
      const same = fmts.find((a) => a.get("formatCode") === format);
      if (same) id = Number(same.get("numFmtId"));
      else {
        id = Math.max(163, ...fmts.map((a) => Number(a.get("numFmtId")) || 0)) + 1;
        const prefix = /<(\w+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
        const nf = `<${prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`;
        if (/<(\w+:)?numFmts\b[^>]*\/>/.test(this.xml))
          this.xml = this.xml.replace(/<((?:\w+:)?numFmts)\b([^>]*?)\s*\/>/, `<$1$2>${nf}</$1>`);
        if (/<(\w+:)?numFmts\b/.test(this.xml)) {
          this.xml = this.xml
            .replace(/<\/((?:\w+:)?numFmts)>/, `${nf}</$1>`)
            .replace(/<((?:\w+:)?numFmts)\b[^>]*>/, (o) => setAttr(o, "count", String(fmts.length + 1)));
        } else {
          // numFmts is the first child of styleSheet (CT_Stylesheet).
          this.xml = this.xml.replace(/<((?:\w+:)?styleSheet)\b[^>]*>/, (o) => `${o}<${prefix}numFmts count="1">${nf}</${prefix}numFmts>`);
        }
      }
    }
    return this.appendXf(style, key, { numFmtId: String(id), applyNumberFormat: "1" });
  }
  /** A cell format like `style` but filled solid with `argb`; the fill and the format are appended once each. */
  withFill(style: number, argb: string): number {
    const key = `${style}\u0000fill:${argb}`;
    const known = this.clones.get(key);
    if (known !== undefined) return known;
    if (this.xml === null || this.xfs.length === 0) throw new PatchUnsupported("no cell formats in styles");
    const prefix = /<(\w+:)?styleSheet\b/.exec(this.xml)?.[1] ?? "";
    let fillId = this.fillIds.get(argb);
    if (fillId === undefined) {
      if (!/<(\w+:)?fills\b/.test(this.xml)) this.addDefaultFills(prefix);
      const fills = /<(\w+:)?fills\b[^>]*>([\s\S]*?)<\/\1?fills>/.exec(this.xml);
      if (!fills) throw new PatchUnsupported("no fills in styles");
      fillId = (fills[2].match(/<(\w+:)?fill\b/g) ?? []).length;
      const fill = `<${prefix}fill><${prefix}patternFill patternType="solid"><${prefix}fgColor rgb="${argb}"/><${prefix}bgColor indexed="64"/></${prefix}patternFill></${prefix}fill>`;
      this.xml = this.xml
        .replace(/<\/((?:\w+:)?fills)>/, `${fill}</$1>`)
        .replace(/<((?:\w+:)?fills)\b[^>]*>/, (o) => setAttr(o, "count", String(fillId! + 1)));
      this.fillIds.set(argb, fillId);
    }
    return this.appendXf(style, key, { fillId: String(fillId), applyFill: "1" });
  }
  /**
   * A stylesheet without `<fills>` (every cell format then reads fill 0 as none) gets the two fills
   * Excel reserves, placed where CT_Stylesheet orders them (after numFmts and fonts).
   */
  private addDefaultFills(prefix: string): void {
    const el = `<${prefix}fills count="2"><${prefix}fill><${prefix}patternFill patternType="none"/></${prefix}fill><${prefix}fill><${prefix}patternFill patternType="gray125"/></${prefix}fill></${prefix}fills>`;
    const later = /<(\w+:)?(borders|cellStyleXfs|cellXfs|cellStyles|dxfs|tableStyles|colors|extLst)\b/.exec(this.xml!);
    this.xml = later
      ? this.xml!.slice(0, later.index) + el + this.xml!.slice(later.index)
      : this.xml!.replace(/<\/((?:\w+:)?styleSheet)>/, `${el}</$1>`);
    this.dirty = true;
  }
  /** Appends a copy of cell format `style` with `set` changed, remembered under `key`: its index. */
  private appendXf(style: number, key: string, set: Record<string, string>): number {
    const base = this.xfs[style] ?? this.xfs[0];
    const open = /^<[^>]*>/.exec(base)![0];
    const xf = Object.entries(set).reduce((o, [k, v]) => setAttr(o, k, v), open) + base.slice(open.length);
    const index = this.xfs.length;
    this.xfs.push(xf);
    this.xml = this.xml!.replace(/<\/((?:\w+:)?cellXfs)>/, `${xf}</$1>`).replace(/<((?:\w+:)?cellXfs)\b[^>]*>/, (o) =>
      setAttr(o, "count", String(this.xfs.length)),
    );
    this.clones.set(key, index);
    this.dirty = true;
    return index;
  }
  result(): string | null {
    return this.dirty ? this.xml : null;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet XML

export interface CellEl {
  /** Offsets of the whole `<c …>…</c>` in the sheet text. */
  start: number;
  end: number;
  row: number;
  col: number;
  open: string;
  body: string;
  prefix: string;
}

interface RowEl {
  start: number;
  end: number;
  /** Where the row's content starts and ends (equal for `<row/>`). */
  innerStart: number;
  innerEnd: number;
  row: number;
  open: string;
  selfClosing: boolean;
  cells: CellEl[];
}

export interface SheetXml {
  xml: string;
  prefix: string;
  dataStart: number;
  dataEnd: number;
  /** True when the sheetData element is `<sheetData/>`. */
  emptyData: boolean;
  rows: RowEl[];
}

const CELL_EL = /<(\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1?c>)/g;

export function parseSheetXml(xml: string): SheetXml {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new PatchUnsupported("no sheetData");
  const prefix = open[1] ?? "";
  const dataStart = open.index + open[0].length;
  if (open[2] === "/") return { xml, prefix, dataStart: open.index, dataEnd: dataStart, emptyData: true, rows: [] };
  const close = xml.indexOf(`</${prefix}sheetData>`, dataStart);
  if (close < 0) throw new PatchUnsupported("sheetData not closed");
  const rows: RowEl[] = [];
  const ROW = /<(\w+:)?row\b([^>]*?)(\/?)>/g;
  ROW.lastIndex = dataStart;
  let lastRow = -1;
  for (let m = ROW.exec(xml); m && m.index < close; m = ROW.exec(xml)) {
    const a = attrs(m[2]);
    const row = a.has("r") ? Number(a.get("r")) - 1 : lastRow + 1;
    lastRow = row;
    const innerStart = m.index + m[0].length;
    if (m[3] === "/") {
      rows.push({ start: m.index, end: innerStart, innerStart, innerEnd: innerStart, row, open: m[0], selfClosing: true, cells: [] });
      continue;
    }
    const innerEnd = xml.indexOf(`</${m[1] ?? ""}row>`, innerStart);
    if (innerEnd < 0) throw new PatchUnsupported("row not closed");
    const end = innerEnd + `</${m[1] ?? ""}row>`.length;
    const cells: CellEl[] = [];
    let lastCol = -1;
    const inner = xml.slice(innerStart, innerEnd);
    for (const c of inner.matchAll(CELL_EL)) {
      const ca = attrs(c[2]);
      const ref = ca.get("r");
      const rm = ref ? /^([A-Za-z]{1,3})(\d+)$/.exec(ref) : null;
      const col = rm ? columnIndex(rm[1].toUpperCase()) : lastCol + 1;
      lastCol = col;
      const openTag = c[0].slice(0, c[0].indexOf(">") + 1);
      cells.push({
        start: innerStart + c.index!,
        end: innerStart + c.index! + c[0].length,
        row,
        col,
        open: openTag,
        body: c[3] ?? "",
        prefix: c[1] ?? "",
      });
    }
    rows.push({ start: m.index, end, innerStart, innerEnd, row, open: m[0], selfClosing: false, cells });
    ROW.lastIndex = end;
  }
  return { xml, prefix, dataStart, dataEnd: close, emptyData: false, rows };
}

function cellValueOf(c: CellEl, sst: SharedStrings): Scalar {
  const t = attrs(c.open).get("t") ?? "n";
  const v = /<(\w+:)?v(?:\s[^>]*)?>([^<]*)<\/\1?v>/.exec(c.body);
  if (t === "inlineStr") return [...c.body.matchAll(/<(\w+:)?t(?:\s[^>]*)?>([^<]*)<\/\1?t>/g)].map((x) => unXstring(decode(x[2]))).join("");
  if (!v) return null;
  const raw = decode(v[2]);
  if (t === "s") return sst.text(Number(raw));
  if (t === "str") return unXstring(raw);
  if (t === "b") return raw === "1" || raw === "true";
  if (t === "e") return { error: raw };
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** A number as `<v>` holds it: JavaScript's shortest round trip is a valid xsd:double. */
const numberText = (n: number) => String(n);

interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  parsed: ReturnType<typeof parseFormula>;
  dr: number;
  dc: number;
  /** Array formulas and data tables: their results are not recomputed here. */
  special: boolean;
}

function formulasOf(sheet: string, x: SheetXml): { formulas: FormulaCell[]; values: Map<string, CellEl> } {
  const masters = new Map<string, { text: string; row: number; col: number }>();
  const values = new Map<string, CellEl>();
  const pending: { c: CellEl; si: string }[] = [];
  const formulas: FormulaCell[] = [];
  for (const r of x.rows)
    for (const c of r.cells) {
      values.set(`${c.row},${c.col}`, c);
      const f = /<(\w+:)?f\b([^>]*?)(?:\/>|>([^<]*)<\/\1?f>)/.exec(c.body);
      if (!f) continue;
      const fa = attrs(f[2]);
      const text = decode(f[3] ?? "");
      const t = fa.get("t");
      if (t === "shared") {
        const si = fa.get("si") ?? "";
        if (text !== "") masters.set(si, { text, row: c.row, col: c.col });
        else {
          pending.push({ c, si });
          continue;
        }
      }
      formulas.push({
        sheet,
        row: c.row,
        col: c.col,
        parsed: parseFormula(text),
        dr: 0,
        dc: 0,
        special: t === "array" || t === "dataTable",
      });
    }
  for (const { c, si } of pending) {
    const m = masters.get(si);
    if (!m) {
      formulas.push({ sheet, row: c.row, col: c.col, parsed: { tokens: [], refsKnown: false }, dr: 0, dc: 0, special: true });
      continue;
    }
    formulas.push({ sheet, row: c.row, col: c.col, parsed: parseFormula(m.text), dr: c.row - m.row, dc: c.col - m.col, special: false });
  }
  return { formulas, values };
}

/** The column style of a new cell when its row has none (CT_Col style). */
export function columnStyle(xml: string, col: number): string | null {
  for (const m of xml.matchAll(/<(?:\w+:)?col\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    if (Number(a.get("min")) - 1 <= col && col <= Number(a.get("max")) - 1) return a.get("style") ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The patch

export interface NewCell {
  row: number;
  col: number;
  xml: string;
}

/** The package opened for patching: its parts, its sheets and the workbook part's relationships. */
export async function openPackage(original: Uint8Array) {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(original);
  } catch {
    throw new PatchUnsupported("not a zip package");
  }
  const pkg = new Pkg(zip);
  const { sheets, workbookPath } = await sheetParts(pkg);
  const wbRels = parseRels((await pkg.text(relsPathOf(workbookPath))) ?? "");
  return { pkg, sheets, workbookPath, wbRels };
}

/**
 * The workbook `original` with `edits` written into it (in order: a later edit of the same cell wins).
 * Throws PatchUnsupported when the package or an edit is outside what this handles.
 */
export async function patchValues(original: Uint8Array, edits: ValueEdit[]): Promise<PatchReport> {
  const opened = await openPackage(original);
  const done = await patchValuesInto(opened, edits);
  const out = await opened.pkg.write();
  return { bytes: out.bytes, changedParts: out.changed, ...done };
}

export type OpenedPackage = Awaited<ReturnType<typeof openPackage>>;

/**
 * `edits` written into the opened package (its parts as they are now, earlier patches included).
 * `blank` lists cells that changed from nothing to nothing (the cells of inserted rows): formulas
 * whose ranges grew over them get their cached results recomputed like those reading an edited cell.
 */
export async function patchValuesInto(
  opened: OpenedPackage,
  edits: ValueEdit[],
  blank: { sheet: string; row: number; col: number }[] = [],
): Promise<{ recomputed: string[]; fullCalcOnLoad: boolean }> {
  const { pkg, sheets, workbookPath, wbRels } = opened;
  // A shared workbook logs every change of a cell's contents as a revision (rcc, ISO/IEC 29500-1
  // §18.11.1.9; ECMA-376 Part 4's "Shared Workbook Data" and Part 3's primer show typing into a cell
  // adding one; Excel's help: "Changes you make to cell contents are tracked"). This writes no
  // revision, so the log would miss the change: refused, as the row insertion is (patchRows.ts).
  if (edits.length > 0 && hasRevisionLog(wbRels))
    throw new PatchUnsupported("value edits in a shared workbook with a revision log", {
      zh: "这是带修订记录的共享工作簿:Excel 把对单元格内容的每次修改都记为一条修订,本工具不写修订记录,改值后修订记录将缺少这些修改",
      en: "this is a shared workbook with a revision log: Excel records every change to a cell's contents as a revision, which this tool does not write, so the log would miss these changes",
    });
  const sstRel = wbRels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstPath = sstRel ? resolveTarget(workbookPath, sstRel.target) : "xl/sharedStrings.xml";
  const sst = new SharedStrings(sstRel ? await pkg.text(sstPath) : null, sstPath);
  const { styles, save: saveStyles } = await openStyles(opened);

  // Formula cells the edits overwrote: their calculation-chain entries go too.
  const dropped: { sheet: string; ref: string }[] = [];
  // The last edit of each cell, grouped by sheet.
  const bySheet = new Map<string, Map<string, ValueEdit>>();
  for (const e of edits) {
    if (!sheets.some((s) => s.name === e.sheet)) throw new PatchUnsupported(`no worksheet ${e.sheet}`);
    if (typeof e.value === "number" && !Number.isFinite(e.value)) throw new PatchUnsupported("not a finite number");
    const m = bySheet.get(e.sheet) ?? new Map<string, ValueEdit>();
    m.set(`${e.row},${e.col}`, e);
    bySheet.set(e.sheet, m);
  }

  // Every worksheet, parsed once: formulas on any sheet may read the edited cells.
  const parsed = new Map<string, SheetXml>();
  for (const s of sheets) {
    const text = await pkg.text(s.path);
    if (text === null) throw new PatchUnsupported(`missing part ${s.path}`);
    parsed.set(s.name, parseSheetXml(text));
  }

  // 1. The edited cells.
  const newValues = new Map<string, Scalar>(); // "sheet\0row,col" → value after the edits
  for (const [sheetName, cells] of bySheet) {
    const x = parsed.get(sheetName)!;
    const byPos = new Map<string, CellEl>();
    for (const r of x.rows) for (const c of r.cells) byPos.set(`${c.row},${c.col}`, c);
    const replaced = new Map<CellEl, string>();
    const added: NewCell[] = [];
    const groups = formulaGroups(x);
    const spelledOut = new Set<string>(); // shared groups whose master is overwritten
    for (const [key, e] of cells) {
      const old = byPos.get(key);
      // Typing over a formula cell in Excel drops its formula and cached result; the value below
      // replaces the whole body. A shared group's master carries the text its followers read: they
      // get their own formulas written out first (as patchRows does when a group stops being shared).
      // Excel refuses to change part of an array or a data table, and so does this.
      const inBlock = groups.blocks.find((b) => b.r1 <= e.row && e.row <= b.r2 && b.c1 <= e.col && e.col <= b.c2);
      if (inBlock && !(inBlock.r1 === inBlock.r2 && inBlock.c1 === inBlock.c2))
        throw new PatchUnsupported(`an edit writes into part of the ${inBlock.kind} formula ${inBlock.ref}`, {
          zh: `要修改的单元格 ${columnName(e.col)}${e.row + 1} 位于数组公式或模拟运算表 ${inBlock.ref} 之内(Excel 也不允许只改其中一部分)`,
          en: `cell ${columnName(e.col)}${e.row + 1} lies inside the array formula or data table ${inBlock.ref} (Excel does not allow changing part of one either)`,
        });
      const master = old ? groups.masters.get(key) : undefined;
      if (master) spelledOut.add(master);
      if (old && /<(\w+:)?f\b/.test(old.body)) dropped.push({ sheet: sheetName, ref: `${columnName(e.col)}${e.row + 1}` });
      const row = x.rows.find((r) => r.row === e.row);
      let style = old ? (attrs(old.open).get("s") ?? null) : null;
      if (!old) {
        const ra = row ? attrs(row.open) : null;
        style = ra && ra.get("customFormat") === "1" && ra.has("s") ? ra.get("s")! : columnStyle(x.xml.slice(0, x.dataStart), e.col);
      }
      if (e.numberFormat && (e.value === null || typeof e.value === "number")) {
        const id = styles.numFmtId(Number(style ?? 0));
        if (id === 0 || id === 49) style = String(styles.withFormat(Number(style ?? 0), e.numberFormat));
      }
      if (old && attrs(old.open).get("t") === "s") sst.released();
      const prefix = old?.prefix ?? x.prefix;
      let open = old ? old.open.replace(/\s*\/?>$/, ">") : `<${prefix}c r="${columnName(e.col)}${e.row + 1}">`;
      for (const a of ["t", "cm", "vm"]) open = setAttr(open, a, null);
      if (style !== null) open = setAttr(open, "s", style);
      let body = "";
      if (typeof e.value === "string") {
        open = setAttr(open, "t", "s");
        body = `<${prefix}v>${sst.indexOf(e.value)}</${prefix}v>`;
      } else if (typeof e.value === "number") body = `<${prefix}v>${numberText(e.value)}</${prefix}v>`;
      else if (typeof e.value === "boolean") {
        open = setAttr(open, "t", "b");
        body = `<${prefix}v>${e.value ? 1 : 0}</${prefix}v>`;
      }
      const xml = body ? `${open}${body}</${prefix}c>` : open.replace(/>$/, "/>");
      if (old) replaced.set(old, xml);
      else added.push({ row: e.row, col: e.col, xml });
      newValues.set(`${sheetName}\u0000${key}`, e.value === "" ? null : e.value);
    }
    for (const si of spelledOut) {
      const m = groups.shared.get(si)!;
      for (const c of m.followers) {
        if (replaced.has(c)) continue;
        const full = slideFormula(m.text, m.at, { row: c.row, col: c.col });
        replaced.set(c, spellOut(c, full));
      }
    }
    parsed.set(sheetName, parseSheetXml(rewriteSheet(x, replaced, added)));
  }

  // 2. Formulas that read a changed cell: recompute the simple ones, else recalculate on open.
  const sheetData = new Map<string, { formulas: FormulaCell[]; values: Map<string, CellEl> }>();
  for (const [name, x] of parsed) sheetData.set(name, formulasOf(name, x));
  const current = new Map<string, Scalar>(newValues);
  const valueAt = (sheet: string, r: number, c: number): Scalar => {
    const k = `${sheet}\u0000${r},${c}`;
    if (current.has(k)) return current.get(k)!;
    const el = sheetData.get(sheet)?.values.get(`${r},${c}`);
    return el ? cellValueOf(el, sst) : null;
  };
  const inArea = (a: Area, own: string, key: string) => {
    const [sheet, pos] = key.split("\u0000");
    const [r, c] = pos.split(",").map(Number);
    return (a.sheet ?? own) === sheet && a.r1 <= r && r <= a.r2 && a.c1 <= c && c <= a.c2;
  };
  let fullCalc = false;
  const recomputed = new Map<string, number>();
  let changed = [...newValues.keys(), ...blank.map((b) => `${b.sheet}\u0000${b.row},${b.col}`)];
  for (let pass = 0; pass < 100 && changed.length > 0; pass++) {
    const next: string[] = [];
    for (const [sheet, d] of sheetData)
      for (const f of d.formulas) {
        const areas = areasOf(f.parsed, f.dr, f.dc);
        const reads = !f.parsed.refsKnown || changed.some((k) => areas.some((a) => inArea(a, sheet, k)));
        if (!reads) continue;
        const v = f.special || !f.parsed.refsKnown ? undefined : evaluate(f.parsed, (s, r, c) => valueAt(s ?? sheet, r, c), f.dr, f.dc);
        if (v === undefined) {
          fullCalc = true;
          continue;
        }
        const key = `${sheet}\u0000${f.row},${f.col}`;
        if (valueAt(sheet, f.row, f.col) === v) continue;
        current.set(key, v);
        recomputed.set(key, v);
        next.push(key);
      }
    changed = next;
    if (pass === 99 && changed.length > 0) fullCalc = true; // a circular chain: leave it to Excel
  }
  for (const [name] of parsed) {
    const results = [...recomputed].filter(([k]) => k.startsWith(`${name}\u0000`));
    if (results.length === 0) continue;
    const x = parsed.get(name)!;
    const replaced = new Map<CellEl, string>();
    for (const r of x.rows)
      for (const c of r.cells) {
        const v = recomputed.get(`${name}\u0000${c.row},${c.col}`);
        if (v === undefined) continue;
        const open = setAttr(c.open.replace(/\s*\/?>$/, ">"), "t", null);
        const body = c.body.replace(/<(\w+:)?v\b[^>]*?(?:\/>|>[^<]*<\/\1?v>)/, "");
        const withV = body.replace(/(<\/(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*\/>)/, `$1<${c.prefix}v>${numberText(v)}</${c.prefix}v>`);
        replaced.set(c, `${open}${withV}</${c.prefix}c>`);
      }
    parsed.set(name, parseSheetXml(rewriteSheet(x, replaced, [])));
  }

  for (const s of sheets)
    if (bySheet.has(s.name) || [...recomputed.keys()].some((k) => k.startsWith(`${s.name}\u0000`)))
      pkg.set(s.path, parsed.get(s.name)!.xml);
  const sstXml = sst.result();
  if (sstXml !== null) {
    pkg.set(sstPath, sstXml);
    if (!sstRel) await relateToWorkbook(pkg, workbookPath, sstPath, `${OFFICE_REL}/sharedStrings`, SHARED_STRINGS_TYPE);
  }
  await saveStyles();
  if (fullCalc) pkg.set(workbookPath, withFullCalc((await pkg.text(workbookPath))!));
  if (dropped.length > 0) await dropFromCalcChain(opened, dropped);
  const at = (k: string) => {
    const [sheet, pos] = k.split("\u0000");
    const [r, c] = pos.split(",").map(Number);
    return `${sheet}!${columnName(c)}${r + 1}`;
  };
  return { recomputed: [...recomputed.keys()].map(at), fullCalcOnLoad: fullCalc };
}

interface FormulaGroups {
  /** Shared formulas by si: the master's text and position, and the cells that follow it. */
  shared: Map<string, { text: string; at: { row: number; col: number }; followers: CellEl[] }>;
  /** "row,col" of each shared master → its si. */
  masters: Map<string, string>;
  /** Array formulas and data tables: the range each result fills (ECMA-376 §18.3.1.40, `ref`). */
  blocks: { kind: string; ref: string; r1: number; c1: number; r2: number; c2: number }[];
}

function formulaGroups(x: SheetXml): FormulaGroups {
  const shared: FormulaGroups["shared"] = new Map();
  const masters = new Map<string, string>();
  const blocks: FormulaGroups["blocks"] = [];
  const followers: { c: CellEl; si: string }[] = [];
  for (const r of x.rows)
    for (const c of r.cells) {
      const f = /<(\w+:)?f\b([^>]*?)(?:\/>|>([^<]*)<\/\1?f>)/.exec(c.body);
      if (!f) continue;
      const fa = attrs(f[2]);
      const t = fa.get("t");
      if (t === "shared") {
        const si = fa.get("si") ?? "";
        const text = decode(f[3] ?? "");
        if (text !== "") {
          shared.set(si, { text, at: { row: c.row, col: c.col }, followers: [] });
          masters.set(`${c.row},${c.col}`, si);
        } else followers.push({ c, si });
      } else if (t === "array" || t === "dataTable") {
        const ref = fa.get("ref") ?? `${columnName(c.col)}${c.row + 1}`;
        const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
        if (!m) continue;
        const [c1, r1] = [columnIndex(m[1].toUpperCase()), Number(m[2]) - 1];
        const [c2, r2] = m[3] ? [columnIndex(m[3].toUpperCase()), Number(m[4]) - 1] : [c1, r1];
        blocks.push({ kind: t, ref, r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
      }
    }
  for (const { c, si } of followers) shared.get(si)?.followers.push(c);
  return { shared, masters, blocks };
}

/** A shared follower with its formula written out in full (its cached value stays: the formula is the same). */
function spellOut(c: CellEl, formula: string): string {
  const body = c.body.replace(/<((?:\w+:)?f)\b([^>]*?)(?:\/>|>[^<]*<\/(?:\w+:)?f>)/, (_, tag: string, fattrs: string) => {
    let o = `<${tag}${fattrs}>`;
    for (const n of ["t", "ref", "si"]) o = setAttr(o, n, null);
    return `${o}${escapeXml(formula)}</${tag}>`;
  });
  const open = c.open.replace(/\s*\/?>$/, ">");
  return `${open}${body}</${c.prefix}c>`;
}

/**
 * calcChain.xml without the entries of cells that no longer hold a formula (Excel repairs a chain
 * naming a cell without one). `i` is the sheet's sheetId and is omitted when it repeats the previous
 * entry's (ECMA-376 §18.6.1): an entry after a removed one that set it gets it written out.
 */
async function dropFromCalcChain(opened: OpenedPackage, cells: { sheet: string; ref: string }[]): Promise<void> {
  const chain = await calcChainOf(opened);
  if (!chain) return;
  const { path, text, sheetIds: ids } = chain;
  const { pkg, workbookPath } = opened;
  const gone = new Set(cells.map((c) => `${ids.get(c.sheet)}\u0000${c.ref}`));
  let current = "";
  let carry = false; // the removed entry set `i`: the next kept one must state it
  const next = text.replace(
    /<((?:\w+:)?c)\b([^>]*?)\/>|<((?:\w+:)?c)\b([^>]*?)>\s*<\/\3>/g,
    (el, t1?: string, a1?: string, t2?: string, a2?: string) => {
      const tag = t1 ?? t2!;
      const a = a1 ?? a2 ?? "";
      const at = attrs(a);
      const stated = at.has("i");
      if (stated) current = at.get("i")!;
      if (gone.has(`${current}\u0000${at.get("r")}`)) {
        carry ||= stated;
        return "";
      }
      if (carry && !stated) {
        carry = false;
        return setAttr(`<${tag}${a}/>`, "i", current);
      }
      carry = false;
      return el;
    },
  );
  if (next === text) return;
  if (!/<(\w+:)?c\b/.test(next)) {
    // An empty chain is not valid (CT_CalcChain needs one c): the part goes, as Excel drops it.
    await removePart(pkg, path, workbookPath);
    return;
  }
  pkg.set(path, next);
}

/**
 * The calculation chain (its part and text) and each sheet's sheetId by name, which its entries
 * name sheets by (ECMA-376 §18.6.1); null when the workbook has none.
 */
export async function calcChainOf(opened: OpenedPackage): Promise<{ path: string; text: string; sheetIds: Map<string, string> } | null> {
  const { pkg, workbookPath, wbRels } = opened;
  const rel = wbRels.find((r) => /\/calcChain$/.test(r.type));
  if (!rel) return null;
  const path = resolveTarget(workbookPath, rel.target);
  const text = await pkg.text(path);
  if (text === null) return null;
  const sheetIds = new Map<string, string>();
  for (const m of (await pkg.text(workbookPath))!.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]);
    sheetIds.set(a.get("name") ?? "", a.get("sheetId") ?? "");
  }
  return { path, text, sheetIds };
}

/** Removes a part the workbook relates to: its relationship and content type go with it. */
async function removePart(pkg: Pkg, path: string, from: string): Promise<void> {
  pkg.remove(path);
  const relsPath = relsPathOf(from);
  const rels = (await pkg.text(relsPath)) ?? "";
  const target = path.slice(from.replace(/[^/]+$/, "").length);
  pkg.set(
    relsPath,
    rels.replace(/<(?:\w+:)?Relationship\b[^>]*\/>/g, (el) => {
      const t = attrs(el).get("Target") ?? "";
      return t === target || t === `/${path}` ? "" : el;
    }),
  );
  const types = (await pkg.text("[Content_Types].xml")) ?? "";
  pkg.set(
    "[Content_Types].xml",
    types.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${path.replace(/[.]/g, "\\.")}"[^>]*/>`), ""),
  );
}

/** The sheet text with cells replaced and new cells placed in row and column order. */
export function rewriteSheet(x: SheetXml, replaced: Map<CellEl, string>, added: NewCell[]): string {
  const p = x.prefix;
  const splices: { start: number; end: number; text: string }[] = [];
  for (const [c, text] of replaced) splices.push({ start: c.start, end: c.end, text });
  const newRows = new Map<number, NewCell[]>();
  for (const n of added) {
    const row = x.rows.find((r) => r.row === n.row);
    if (!row) {
      newRows.set(n.row, [...(newRows.get(n.row) ?? []), n]);
      continue;
    }
    const after = row.cells.find((c) => c.col > n.col);
    if (row.selfClosing) {
      splices.push({ start: row.start, end: row.end, text: `${row.open.replace(/\s*\/>$/, ">")}${n.xml}</${p}row>` });
      continue;
    }
    splices.push({ start: after ? after.start : row.innerEnd, end: after ? after.start : row.innerEnd, text: n.xml });
    const spans = attrs(row.open).get("spans");
    const m = spans && /^(\d+):(\d+)$/.exec(spans);
    if (m && (n.col + 1 < Number(m[1]) || n.col + 1 > Number(m[2]))) {
      const text = setAttr(row.open, "spans", `${Math.min(Number(m[1]), n.col + 1)}:${Math.max(Number(m[2]), n.col + 1)}`);
      splices.push({ start: row.start, end: row.start + row.open.length, text });
    }
  }
  for (const [r, cells] of newRows) {
    cells.sort((a, b) => a.col - b.col);
    const text = `<${p}row r="${r + 1}">${cells.map((c) => c.xml).join("")}</${p}row>`;
    const after = x.rows.find((row) => row.row > r);
    if (x.emptyData) splices.push({ start: x.dataStart, end: x.dataEnd, text: `<${p}sheetData>${text}</${p}sheetData>` });
    else splices.push({ start: after ? after.start : x.dataEnd, end: after ? after.start : x.dataEnd, text });
  }
  // Several splices may share an insertion point (two new cells before the same one): keep their order.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  let xml = x.xml;
  for (const s of ordered) xml = xml.slice(0, s.start) + s.text + xml.slice(s.end);
  return grownDimension(xml, added);
}

/** `<dimension ref>` grown to hold new cells (it is a hint, but a wrong one makes some readers skip cells). */
function grownDimension(xml: string, added: NewCell[]): string {
  if (added.length === 0) return xml;
  return xml.replace(/<((?:\w+:)?dimension)\b([^>]*)\/>/, (whole, tag: string, rest: string) => {
    const ref = attrs(rest).get("ref");
    const m = ref && /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
    if (!m) return whole;
    let r1 = Number(m[2]) - 1,
      c1 = columnIndex(m[1]),
      r2 = Number(m[4] ?? m[2]) - 1,
      c2 = columnIndex(m[3] ?? m[1]);
    for (const n of added) {
      r1 = Math.min(r1, n.row);
      r2 = Math.max(r2, n.row);
      c1 = Math.min(c1, n.col);
      c2 = Math.max(c2, n.col);
    }
    const a = `${columnName(c1)}${r1 + 1}`,
      b = `${columnName(c2)}${r2 + 1}`;
    return `<${tag} ref="${a === b ? a : `${a}:${b}`}"/>`;
  });
}

/**
 * Relates a new part to the workbook: a Relationship with a free id in the workbook's relationships
 * (the part made when there is none), and the part's content-type Override unless one is declared
 * (ECMA-376 Part 2). Returns the id.
 */
export async function relateToWorkbook(pkg: Pkg, workbookPath: string, path: string, type: string, contentType: string): Promise<string> {
  const relsPath = relsPathOf(workbookPath);
  const rels =
    (await pkg.text(relsPath)) ?? `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = new Set(parseRels(rels).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const dir = workbookPath.replace(/[^/]+$/, "");
  const target = path.startsWith(dir) ? path.slice(dir.length) : `/${path}`;
  pkg.set(relsPath, rels.replace(/<\/((?:\w+:)?Relationships)>/, `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></$1>`));
  await declareType(pkg, path, contentType);
  return `rId${n}`;
}

/** The part's content-type Override, unless [Content_Types].xml declares it already. */
async function declareType(pkg: Pkg, path: string, contentType: string): Promise<void> {
  const types = (await pkg.text("[Content_Types].xml")) ?? "";
  if (!types.includes(`PartName="/${path}"`))
    pkg.set(
      "[Content_Types].xml",
      types.replace(/<\/((?:\w+:)?Types)>/, `<Override PartName="/${path}" ContentType="${contentType}"/></$1>`),
    );
}

/** workbook.xml with calcPr fullCalcOnLoad="1", the element placed where CT_Workbook orders it. */
function withFullCalc(wb: string): string {
  if (/<(\w+:)?calcPr\b/.test(wb)) return wb.replace(/<((?:\w+:)?calcPr)\b[^>]*?\/?>/, (o) => setAttr(o, "fullCalcOnLoad", "1"));
  const prefix = /<(\w+:)?workbook\b/.exec(wb)?.[1] ?? "";
  const el = `<${prefix}calcPr fullCalcOnLoad="1"/>`;
  const after =
    /<(\w+:)?(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/.exec(
      wb,
    );
  if (after) return wb.slice(0, after.index) + el + wb.slice(after.index);
  return wb.replace(/<\/((?:\w+:)?workbook)>/, `${el}</$1>`);
}
