/**
 * Reading a patched copy back for its proof (patchWrite.ts) without parsing what it copied. The
 * patcher rewrites a few parts and, inside the form's sheet, a few rows; everything else keeps its
 * bytes. So:
 * - every part is compared with the original's by its bytes: one the patch did not write must be
 *   identical (so a damaged untouched part — a chart, the theme, another sheet — is refused), and
 *   such a sheet reads as the original did;
 * - a rewritten sheet is cut into its <row> elements; a row whose XML is the original's, with the
 *   same merges and hyperlinks over it, reads as the original row did, and only the other rows (and
 *   the sheet's head and tail: merges, hyperlinks) are parsed, by the same reader as a full read
 *   (fastRead.ts). When only rows changed (a value patch), only the rows around the first and last
 *   difference are cut out (changedRows), and of a changed row only the cells whose XML changed are
 *   parsed (changedCells);
 * - that a copied row "reads as the original did" needs the same context: shared strings only
 *   appended to, number formats only appended to, the same 1904 setting; a shared formula (a row's
 *   cells depend on another row's master) makes its sheet parsed whole.
 * The original rows' values come from `before`, the snapshot of the original the edits were made
 * from. When any of this does not hold, the caller reads the copy back whole, as before.
 */
import { columnIndex } from "../../core/a1";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import {
  ParsedSheet,
  SharedString,
  SheetCtx,
  WorkbookPart,
  parseRels,
  parseSharedStrings,
  parseSheet,
  parseStyles,
  parseWorkbook,
  snapshotSheet,
} from "./fastRead";
import { STATE_SHEET } from "./state";
import { MARKS_SHEET } from "../workbookState";
import { ZipEntry, zipIndex } from "./zipIndex";

export type Cells = Map<string, { value: CellValue; formula: string | null }>;

/** A sheet's cells as "row,col" (0-based sheet positions) → value and formula, empty cells left out. */
export function cellsOf(s: SheetSnapshot, rows?: ReadonlySet<number>): Cells {
  const m: Cells = new Map();
  s.values.forEach((line, i) => {
    const r = s.originRow + i;
    if (rows && !rows.has(r)) return;
    line.forEach((value, j) => {
      const formula = s.formulas?.[i]?.[j] ?? null;
      if (value !== null || formula !== null) m.set(`${r},${s.originCol + j}`, { value, formula });
    });
  });
  return m;
}

/**
 * The zip indexes of the original and the copy, made once for the proof's two passes (the parts
 * the patch did not write, and the cells of those it did).
 */
export interface PackagePair {
  o: Map<string, ZipEntry> | null;
  w: Map<string, ZipEntry> | null;
}

export const packagePair = (original: Uint8Array, written: Uint8Array): PackagePair => ({ o: zipIndex(original), w: zipIndex(written) });

/** A part of the copy that differs from the original though the patch did not write it. */
export class UntouchedPartChanged extends Error {}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

interface Pkg {
  index: Map<string, ZipEntry>;
  raw(name: string): Uint8Array | null;
  text(name: string): string | null;
}

// As JSZip's async("string") and fastRead.ts: UTF-8, a byte-order mark kept for the XML parser to see.
// Made on first use, as fastRead.ts does: a module-level decoder would fail to load where the
// environment has none (the pane's tests under jsdom).
let decoder: TextDecoder | null = null;
const utf8 = { decode: (b: Uint8Array): string => (decoder ??= new TextDecoder("utf-8", { ignoreBOM: true })).decode(b) };

function pkgOf(index: Map<string, ZipEntry> | null, inflate: (d: Uint8Array) => Uint8Array): Pkg | null {
  if (!index) return null;
  const raw = (e: ZipEntry) => (e.method === 8 ? inflate(e.data) : e.data);
  return {
    index,
    raw: (name) => {
      const e = index.get(name);
      return e ? raw(e) : null;
    },
    text: (name) => {
      const e = index.get(name);
      return e ? utf8.decode(raw(e)) : null;
    },
  };
}

/** Same stored bytes, or (an entry compressed again with other settings) the same content. */
function samePart(o: ZipEntry | undefined, w: ZipEntry | undefined, inflate: (d: Uint8Array) => Uint8Array): boolean {
  if (!o || !w) return o === w;
  if (o.method === w.method && sameBytes(o.data, w.data)) return true;
  const raw = (e: ZipEntry) => (e.method === 8 ? inflate(e.data) : e.data);
  return sameBytes(raw(o), raw(w));
}

/**
 * Every part of the copy that the patch did not write (`changed`, as its report names them) must
 * be the original's, byte for byte, and no part of the original may be missing. Throws
 * UntouchedPartChanged naming the first that is not. Returns false when the packages are not plain
 * zips this check can index (the caller's full read-back still applies).
 */
export function checkUntouchedParts({ o, w }: PackagePair, changed: readonly string[], inflate: (d: Uint8Array) => Uint8Array): boolean {
  if (!o || !w) return false;
  const wrote = new Set(changed.map((n) => n.replace(/^\//, "")));
  for (const name of new Set([...o.keys(), ...w.keys()])) {
    if (wrote.has(name)) continue;
    if (!samePart(o.get(name), w.get(name), inflate)) throw new UntouchedPartChanged(name);
  }
  return true;
}

interface SheetPath {
  path: string;
  rels: string;
}

/** Worksheet name → part, as fastRead.ts finds them; null for anything unusual (the full read decides). */
function sheetPaths(wb: WorkbookPart, relsXml: string | null, has: (p: string) => boolean): Map<string, SheetPath> | null {
  if (relsXml === null) return null;
  const rels = parseRels(relsXml);
  const out = new Map<string, SheetPath>();
  const ids = new Set<number>();
  for (const def of wb.sheets) {
    const rel = def.rId !== undefined ? rels.get(def.rId) : undefined;
    if (!rel) continue;
    const path = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}`;
    const m = /xl\/worksheets\/sheet(\d+)[.]xml/.exec(path);
    if (!m || !has(path) || !(def.id >= 1)) continue;
    if (ids.has(def.id) || out.has(def.name)) return null;
    ids.add(def.id);
    out.set(def.name, { path, rels: `xl/worksheets/_rels/sheet${m[1]}.xml.rels` });
  }
  return out;
}

interface SheetRows {
  /** Up to and including <sheetData>. */
  head: string;
  /** From </sheetData> on. */
  tail: string;
  /** 1-based row number → its <row> element and where it stands in the part's text, in document order. */
  rows: Map<number, { chunk: string; from: number; to: number }>;
}

/** The end of the tag opening at `p`, quotes respected (">" may stand unescaped in an attribute). */
function tagEnd(xml: string, p: number): number {
  let quote = "";
  for (let i = p; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  return -1;
}

/**
 * The <row> elements between `p` and `end` (inside <sheetData>), by 1-based number; null when the
 * span holds anything but plain numbered rows, or a number twice.
 */
function rowsIn(xml: string, p: number, end: number): SheetRows["rows"] | null {
  const rows: SheetRows["rows"] = new Map();
  for (;;) {
    while (p < end && (xml[p] === " " || xml[p] === "\n" || xml[p] === "\r" || xml[p] === "\t")) p++;
    if (p >= end) break;
    if (!xml.startsWith("<row", p) || !/[\s/>]/.test(xml[p + 4])) return null;
    const te = tagEnd(xml, p);
    if (te < 0 || te > end) return null;
    const openTag = xml.slice(p, te + 1);
    let q: number;
    if (xml[te - 1] === "/") q = te + 1;
    else {
      const close = xml.indexOf("</row>", te);
      if (close < 0 || close > end) return null;
      q = close + 6;
    }
    const chunk = xml.slice(p, q);
    // Markup a plain scan could misread (a "</row>" inside CDATA) or a row without its number.
    if (chunk.includes("<!") || chunk.includes("<?")) return null;
    const r = /\sr\s*=\s*["'](\d+)["']/.exec(openTag);
    if (!r) return null;
    const n = parseInt(r[1], 10);
    if (rows.has(n)) return null;
    rows.set(n, { chunk, from: p, to: q });
    p = q;
  }
  return rows;
}

/** Where <sheetData>'s rows start and end; null without them. */
function sheetDataOf(xml: string): { start: number; end: number; empty: boolean } | null {
  const open = xml.indexOf("<sheetData");
  if (open < 0) return null;
  const gt = tagEnd(xml, open);
  if (gt < 0) return null;
  if (xml[gt - 1] === "/") return { start: gt + 1, end: gt + 1, empty: true };
  const end = xml.indexOf("</sheetData>", gt);
  return end < 0 ? null : { start: gt + 1, end, empty: false };
}

/** A sheet cut into its rows; null when it holds anything but plain numbered rows in <sheetData>. */
function splitRows(xml: string): SheetRows | null {
  const data = sheetDataOf(xml);
  if (!data) return null;
  if (data.empty) return { head: xml, tail: "", rows: new Map() };
  const rows = rowsIn(xml, data.start, data.end);
  return rows && { head: xml.slice(0, data.start), tail: xml.slice(data.end), rows };
}

/** How many leading characters `a` and `b` share (compared a block at a time, then halved). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let k = 4096; k >= 1; k >>= 3) while (i + k <= n && a.slice(i, i + k) === b.slice(i, i + k)) i += k;
  return i;
}

/** How many trailing characters `a` and `b` share, `limit` at most. */
function commonSuffix(a: string, b: string, limit: number): number {
  let i = 0;
  for (let k = 4096; k >= 1; k >>= 3)
    while (i + k <= limit && a.slice(a.length - i - k, a.length - i) === b.slice(b.length - i - k, b.length - i)) i += k;
  return i;
}

/**
 * The rows the copy's sheet changed, found without cutting the whole sheet up: the copy and the
 * original share their text up to the first difference and from the last one, so every row wholly
 * in that shared text is the original's, at the same place in the document. Only the rows around
 * the difference are cut out of both; of the others only the numbers are read (to know which rows
 * they are, and that no number is there twice). Null when the difference reaches outside the rows
 * (the sheet's head or tail changed: merges, dimension) or a row there has no number; the caller
 * then cuts both sheets whole.
 */
function changedRows(xml: string, oldXml: string): { cut: SheetRows; oldRows: SheetRows["rows"]; kept: number[] } | null {
  const data = sheetDataOf(xml);
  if (!data || data.empty) return null;
  const pre = commonPrefix(xml, oldXml);
  const suf = commonSuffix(xml, oldXml, Math.min(xml.length, oldXml.length) - pre);
  if (pre < data.start || xml.length - suf > data.end) return null;
  // The changed span, widened to whole rows: from the start of the row the first difference is in, to
  // the start of the first row wholly after the last one (or the end of the rows).
  let from = xml.lastIndexOf("<row", pre);
  if (from < data.start) from = data.start;
  let to = xml.indexOf("<row", xml.length - suf);
  if (to < 0 || to > data.end) to = data.end;
  const shift = oldXml.length - xml.length;
  const rows = rowsIn(xml, from, to),
    oldRows = rowsIn(oldXml, from, to + shift);
  if (!rows || !oldRows) return null;
  // The rows outside the span, by number only.
  const kept: number[] = [];
  for (const [a, z] of [
    [data.start, from],
    [to, data.end],
  ]) {
    // A comment or CDATA that looks like a row only adds a number: a kept row reads from the original's
    // snapshot, where it is empty.
    const span = xml.slice(a, z);
    let tags = 0,
      numbered = 0;
    for (let i = span.indexOf("<row"); i >= 0; i = span.indexOf("<row", i + 4)) if (/[\s/>]/.test(span[i + 4])) tags++;
    for (const m of span.matchAll(/<row\b[^>]*?\sr\s*=\s*["'](\d+)["']/g)) {
      kept.push(parseInt(m[1], 10));
      numbered++;
    }
    if (numbered !== tags) return null;
  }
  const all = new Set(kept);
  if (all.size !== kept.length || [...rows.keys()].some((r) => all.has(r))) return null;
  return { cut: { head: xml.slice(0, data.start), tail: xml.slice(data.end), rows }, oldRows, kept };
}

/** The first `name` element of `xml` (any prefix), whole; "" when there is none. */
const elementOf = (xml: string, name: string): string =>
  new RegExp(`<((?:\\w+:)?${name})\\b(?:[^>]*\\/>|[\\s\\S]*?<\\/\\1\\s*>)`).exec(xml)?.[0] ?? "";

/**
 * The merges of a <mergeCells> element that cover one of `rows` (1-based), the rest left out: a
 * merge over other rows does not change how these read (snapshotSheet only skips the cells a merge
 * covers). The element whole when one of its merges is not a plain <mergeCell ref="…"/>.
 */
function mergesOver(element: string, rows: ReadonlySet<number>): string {
  const open = /^<((?:\w+:)?mergeCells)\b/.exec(element);
  const gt = open ? tagEnd(element, 0) : -1;
  if (!open || gt < 0 || element[gt - 1] === "/") return element;
  const body = element.slice(gt + 1, element.lastIndexOf("</"));
  const sorted = [...rows].sort((x, y) => x - y);
  // Whether a row of `sorted` lies in [lo, hi]: the first row ≥ lo, found by halving.
  const covers = (lo: number, hi: number) => {
    let i = 0,
      j = sorted.length;
    while (i < j) {
      const k = (i + j) >> 1;
      if (sorted[k] < lo) i = k + 1;
      else j = k;
    }
    return i < sorted.length && sorted[i] <= hi;
  };
  const kept: string[] = [];
  const plain = /\s*(<(?:\w+:)?mergeCell\s+ref\s*=\s*"[$]?[A-Z]+[$]?(\d+)(?::[$]?[A-Z]+[$]?(\d+))?"\s*\/>)/y;
  let read = 0;
  for (let m = plain.exec(body); m; m = plain.exec(body)) {
    read = plain.lastIndex;
    const a = parseInt(m[2], 10),
      b = m[3] === undefined ? a : parseInt(m[3], 10);
    if (covers(Math.min(a, b), Math.max(a, b))) kept.push(m[1]);
  }
  if (body.slice(read).trim() !== "") return element;
  return `${element.slice(0, gt + 1)}${kept.join("")}</${open[1]}>`;
}

/**
 * The sheet as the reader needs it to read `rows` (1-based numbers → their <row> elements): the
 * worksheet and sheetData elements, the rows, and of everything after them only the merges over
 * those rows and the hyperlinks, the only other elements the reader looks at (fastRead.ts
 * parseSheet) — the rest (conditional formats, validations, their extensions) can be most of a
 * staff workbook's sheet. The whole head and tail when their shape is unexpected.
 */
function rowsOnly(cut: SheetRows, rows: Map<number, string>): string {
  const chunks = [...rows.values()].join("");
  const whole = cut.head + chunks + cut.tail;
  const open = /<((?:\w+:)?worksheet)\b/.exec(cut.head);
  const dataAt = cut.head.lastIndexOf("<");
  const end = open ? tagEnd(cut.head, open.index) : -1;
  const close = /^<\/(?:\w+:)?sheetData\s*>/.exec(cut.tail);
  if (!open || end < 0 || dataAt <= end || !close) return whole;
  return (
    cut.head.slice(open.index, end + 1) +
    cut.head.slice(dataAt) +
    chunks +
    close[0] +
    mergesOver(elementOf(cut.tail, "mergeCells"), new Set(rows.keys())) +
    elementOf(cut.tail, "hyperlinks") +
    `</${open[1]}>`
  );
}

/** The part without its XML declaration (the parser reads one slowly, and a kept part's is the original's). */
const undeclared = (xml: string): string => xml.replace(/^\uFEFF?<\?xml\s[^?]*\?>/, "");

/** workbook.xml as the read-back needs it: the root with only <workbookPr> (the 1904 setting) and <sheets>. */
function workbookOnly(xml: string): string {
  const open = /<((?:\w+:)?workbook)\b/.exec(xml);
  const end = open ? tagEnd(xml, open.index) : -1;
  if (!open || end < 0 || xml[end - 1] === "/") return xml;
  return xml.slice(open.index, end + 1) + elementOf(xml, "workbookPr") + elementOf(xml, "sheets") + `</${open[1]}>`;
}

/**
 * styles.xml as parseStyles needs it: the root with only <numFmts> and <cellXfs> (a staff
 * workbook's fonts, fills, borders and conditional-format styles are most of the part). For a part
 * the copy keeps byte for byte, whose well-formedness is the original's; the whole part otherwise.
 */
function formatsOnly(xml: string): string {
  const open = /<((?:\w+:)?styleSheet)\b/.exec(xml);
  const end = open ? tagEnd(xml, open.index) : -1;
  if (!open || end < 0 || xml[end - 1] === "/") return xml;
  return xml.slice(open.index, end + 1) + elementOf(xml, "numFmts") + elementOf(xml, "cellXfs") + `</${open[1]}>`;
}

/**
 * What decides how a 1-based row reads besides its own XML, as comparable text per row: the merges
 * over it — only which columns they cover and whether the row is their top (snapshotSheet skips the
 * covered cells; a merge grown further down covers this row the same) — and the hyperlinks on its
 * cells. Null when a merge cannot be read (then no row is taken as copied).
 */
function rowContexts(parsed: ParsedSheet, links: Map<string, string>): Map<number, string> | null {
  const out = new Map<number, string[]>();
  const add = (r: number, what: string) => {
    const l = out.get(r);
    if (l) l.push(what);
    else out.set(r, [what]);
  };
  for (const ref of parsed.merges) {
    const m = /^[$]?([A-Z]+)[$]?(\d+)(?::[$]?([A-Z]+)[$]?(\d+))?$/.exec(ref);
    if (!m) return null;
    const [c1, c2] = [m[1], m[3] ?? m[1]].map(columnIndex);
    const [r1, r2] = [parseInt(m[2], 10), m[4] === undefined ? parseInt(m[2], 10) : parseInt(m[4], 10)];
    const top = Math.min(r1, r2);
    for (let r = top; r <= Math.max(r1, r2); r++) add(r, `m${Math.min(c1, c2)}-${Math.max(c1, c2)}${r === top ? "t" : ""}`);
  }
  for (const [ref, target] of links) {
    const m = /^[$]?[A-Z]+[$]?(\d+)/.exec(ref);
    if (!m) return null;
    add(parseInt(m[1], 10), `h${ref}\u0000${target}`);
  }
  return new Map([...out].map(([r, l]) => [r, l.sort().join("\u0001")]));
}

/** The hyperlinks a sheet's head and tail give its cells (ref → target), as parseSheet resolves them. */
function linksOf(xml: string, rels: Map<string, { type: string; target: string }> | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const ref = /\sref="([^"]*)"/.exec(m[0])?.[1];
    const id = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
    const target = id !== undefined ? rels?.get(id)?.target : undefined;
    if (ref !== undefined) out.set(ref, target ?? "");
  }
  return out;
}

/** A shared-string cell's index (`<c … t="s"><v>7</v>`); a cell this misses is parsed when asked for. */
const SHARED_CELL = /<c\b[^>]*\st\s*=\s*["']s["'][^>]*>\s*<v>\s*(\d+)\s*<\/v>/g;

interface LazyStrings {
  strings: SharedString[];
  /** Parses these items together, in one run of the parser (each on its own costs a run). */
  prefetch(indexes: Iterable<number>): void;
}

/**
 * The shared strings as an array whose items are parsed when a cell asks for one (by the same
 * parser as a full read): a patched copy's read-back reads a few rows, not every string of the
 * workbook. Parsed whole when the part holds anything but plain <si> items.
 */
function lazyStrings(xml: string): LazyStrings {
  const whole = (): LazyStrings => ({ strings: parseSharedStrings(xml), prefetch: () => undefined });
  const open = xml.indexOf("<sst");
  const gt = open < 0 ? -1 : tagEnd(xml, open);
  const end = xml.lastIndexOf("</sst>");
  if (gt < 0 || xml[gt - 1] === "/" || end < 0) return whole();
  // Markup a plain scan could misread (a "</si>" inside CDATA) leaves it to the parser whole.
  const body = xml.slice(gt + 1, end);
  if (body.includes("<!") || body.includes("<?")) return whole();
  const items: string[] = [];
  const item = /\s*(<si(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/si>))/y;
  let read = 0;
  for (let m = item.exec(body); m; m = item.exec(body)) {
    items.push(m[1]);
    read = item.lastIndex;
  }
  if (body.slice(read).trim() !== "") return whole();
  const head = xml.slice(0, gt + 1),
    tail = xml.slice(end);
  const done: (SharedString | undefined)[] = [];
  const prefetch = (indexes: Iterable<number>) => {
    const want = [...new Set(indexes)].filter((i) => i < items.length && done[i] === undefined);
    if (want.length < 2) return;
    const parsed = parseSharedStrings(head + want.map((i) => items[i]).join("") + tail);
    want.forEach((i, k) => (done[i] = parsed[k]));
  };
  const strings = new Proxy(done as SharedString[], {
    get(target, prop) {
      if (prop === "length") return items.length;
      if (typeof prop === "string" && /^\d+$/.test(prop)) {
        const i = Number(prop);
        if (i >= items.length) return undefined;
        return (target[i] ??= parseSharedStrings(head + items[i] + tail)[0]);
      }
      return Reflect.get(target, prop) as unknown;
    },
  });
  return { strings, prefetch };
}

/**
 * One sheet of the copy as read back: the cells of the rows parsed from it, and the rows taken as
 * copied, which read as the same rows of `from` (the original's snapshot) do. Kept apart so the
 * comparison with the model can go row by row over the copied ones instead of cell by cell.
 */
export interface SheetBack {
  /** The cells of the rows read from the copy (every row when `copied` is absent). */
  cells: Cells;
  copied?: { rows: ReadonlySet<number>; from: SheetSnapshot };
}

/** All of a sheet's cells, the copied rows' taken from the original. */
export function cellsOfBack(b: SheetBack): Cells {
  if (!b.copied) return b.cells;
  const out = cellsOf(b.copied.from, b.copied.rows);
  for (const [k, v] of b.cells) out.set(k, v);
  return out;
}

/**
 * A rewritten row cut to the cells the patch changed: the row element with only the cells whose XML
 * differs from the original row's, and the 0-based columns of the others (they read as the original's
 * do: same XML, same row, same merges and links over them). Null — the row is read whole — when the
 * row's own attributes changed (a row style is every empty cell's) or a cell is not a plain <c r="…">.
 */
function changedCells(row1: number, chunk: string, old: string): { chunk: string; same: number[] } | null {
  const cellsOf = (row: string) => {
    const gt = tagEnd(row, 0);
    if (gt < 0 || row[gt - 1] === "/") return null;
    const body = row.slice(gt + 1, row.lastIndexOf("</"));
    const out = new Map<string, string>();
    const cell = /\s*(<c\s[^>]*?\br\s*=\s*"([A-Z]{1,3})(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>))/y;
    let read = 0;
    for (let m = cell.exec(body); m; m = cell.exec(body)) {
      if (out.has(m[2]) || Number(m[3]) !== row1) return null;
      out.set(m[2], m[1]);
      read = cell.lastIndex;
    }
    return body.slice(read).trim() === "" ? { open: row.slice(0, gt + 1), close: row.slice(row.lastIndexOf("</")), cells: out } : null;
  };
  const w = cellsOf(chunk),
    o = cellsOf(old);
  if (!w || !o || w.open !== o.open) return null;
  const changed: string[] = [];
  const same: number[] = [];
  for (const [col, xml] of w.cells) {
    if (o.cells.get(col) === xml) same.push(columnIndex(col));
    else changed.push(xml);
  }
  return { chunk: w.open + changed.join("") + w.close, same };
}

/** The cells of `rows` (1-based number → <row> element), read as a full read reads them. */
function readRows(name: string, cut: SheetRows, rows: Map<number, string>, ctx: SheetCtx, sst: LazyStrings | null): Cells {
  // The shared strings the rows' text cells name, parsed together before the rows ask for them.
  sst?.prefetch([...rows.values()].flatMap((chunk) => [...chunk.matchAll(SHARED_CELL)].map((m) => parseInt(m[1], 10))));
  return cellsOf(snapshotSheet(name, parseSheet(rowsOnly(cut, rows), ctx)));
}

export interface ReadBack {
  /** Sheet name → its cells in the copy. */
  sheets: Map<string, SheetBack>;
  /** Rows parsed, and rows taken as copied (for the tests and the benchmark). */
  parsedRows: number;
  copiedRows: number;
}

/**
 * The cells of the copy's sheets (`only`, or all), reading only what the patch rewrote. Null when
 * the shortcut does not apply (not a plain zip, a context part changed in a way it cannot follow,
 * a sheet missing from `before`): the caller then reads the copy whole.
 */
export function readBackCells(
  pair: PackagePair,
  before: WorkbookSnapshot,
  inflate: (d: Uint8Array) => Uint8Array,
  only?: ReadonlySet<string>,
): ReadBack | null {
  const o = pkgOf(pair.o, inflate),
    w = pkgOf(pair.w, inflate);
  if (!o || !w) return null;
  // Same stored bytes (the patch keeps an unwritten part's compressed bytes; checkUntouchedParts
  // proved the rest): a rewritten part is never inflated twice to compare.
  const sameMemo = new Map<string, boolean>();
  const same = (name: string) => {
    let v = sameMemo.get(name);
    if (v === undefined) {
      const a = o.index.get(name),
        b = w.index.get(name);
      v = !a || !b ? a === b : a.method === b.method && sameBytes(a.data, b.data);
      sameMemo.set(name, v);
    }
    return v;
  };

  const wbW = w.text("xl/workbook.xml");
  if (wbW === null) return null;
  // A part the copy keeps byte for byte is the original's, well-formed or not: only what the read-back
  // takes from it is parsed. A rewritten one is parsed whole.
  const wb = parseWorkbook(same("xl/workbook.xml") ? workbookOnly(wbW) : wbW);
  const wbO = same("xl/workbook.xml") ? wb : parseWorkbook(workbookOnly(o.text("xl/workbook.xml") ?? ""));
  // A renamed sheet is for the full read to judge (it refuses names exceljs would).
  if (wbO.date1904 !== wb.date1904 || wbO.sheets.map((d) => d.name).join("\u0000") !== wb.sheets.map((d) => d.name).join("\u0000"))
    return null;
  const relsW = w.text("xl/_rels/workbook.xml.rels");
  const pathsW = sheetPaths(wb, relsW !== null && same("xl/_rels/workbook.xml.rels") ? undeclared(relsW) : relsW, (p) => w.index.has(p));
  const pathsO =
    same("xl/workbook.xml") && same("xl/_rels/workbook.xml.rels")
      ? pathsW
      : sheetPaths(wbO, o.text("xl/_rels/workbook.xml.rels"), (p) => o.index.has(p));
  if (!pathsW || !pathsO) return null;

  // Shared strings only appended to: the original's items are the copy's first ones, text for text.
  const sstW = w.text("xl/sharedStrings.xml");
  if (!same("xl/sharedStrings.xml")) {
    const sstO = o.text("xl/sharedStrings.xml");
    if (sstO === null || sstW === null) return null;
    const items = (x: string) => {
      const a = x.indexOf("<si");
      const z = x.lastIndexOf("</sst>");
      return a < 0 || z < 0 ? null : { at: a, body: x.slice(a, z) };
    };
    const io = items(sstO),
      iw = items(sstW);
    if (!iw || (io && !sstW.startsWith(io.body, iw.at))) return null;
  }
  const stylesW = w.text("xl/styles.xml");
  const numFmts = stylesW !== null ? parseStyles(same("xl/styles.xml") ? formatsOnly(stylesW) : stylesW) : null;
  if (!same("xl/styles.xml")) {
    const stylesO = o.text("xl/styles.xml");
    const old = stylesO !== null ? parseStyles(formatsOnly(stylesO)) : null;
    if (!numFmts || !old || old.some((f, i) => numFmts[i] !== f)) return null;
  }
  let sst: LazyStrings | null | undefined;

  const out = new Map<string, SheetBack>();
  let parsedRows = 0,
    copiedRows = 0;
  for (const [name, pw] of pathsW) {
    if (name === STATE_SHEET || name === MARKS_SHEET || (only && !only.has(name))) continue;
    const b = before.sheets.find((s) => s.name === name);
    const po = pathsO.get(name);
    if (!b || !po) return null;
    if (po.path === pw.path && same(pw.path) && same(pw.rels)) {
      // Copied whole: it reads as the original did.
      out.set(name, { cells: new Map(), copied: { rows: new Set(b.values.map((_, i) => b.originRow + i)), from: b } });
      copiedRows += b.values.length;
      continue;
    }
    const rawW = w.raw(pw.path)!,
      rawO = o.raw(po.path);
    const xml = utf8.decode(rawW);
    const oldXml = rawO ? utf8.decode(rawO) : null;
    // The sheet's relationships serve only its hyperlinks' targets.
    const relsW = xml.includes("hyperlink") || oldXml?.includes("hyperlink") ? w.text(pw.rels) : null;
    sst ??= sstW !== null ? lazyStrings(sstW) : null;
    const ctx: SheetCtx = { sst: sst?.strings ?? null, numFmts, date1904: wb.date1904, rels: relsW !== null ? parseRels(relsW) : null };
    // A shared formula's cells read their master's text, which may sit in another row.
    const shared = /\st\s*=\s*["']shared["']/;
    if (oldXml !== null && !shared.test(oldXml) && !shared.test(xml) && po.rels === pw.rels && same(pw.rels)) {
      const changed = changedRows(xml, oldXml);
      if (changed) {
        const copied = new Set(changed.kept.map((r) => r - 1));
        const fresh = new Map<number, string>();
        // Cells a rewritten row kept as they were, by 0-based position: they read as the original's.
        const kept: [number, number][] = [];
        for (const [r, { chunk }] of changed.cut.rows) {
          const old = changed.oldRows.get(r)?.chunk;
          if (old === chunk) {
            copied.add(r - 1);
            continue;
          }
          const cells = old === undefined ? null : changedCells(r, chunk, old);
          fresh.set(r, cells?.chunk ?? chunk);
          for (const col of cells?.same ?? []) kept.push([r - 1, col]);
        }
        const cells = readRows(name, changed.cut, fresh, ctx, sst);
        for (const [r, c] of kept) {
          const i = r - b.originRow,
            j = c - b.originCol;
          const value = b.values[i]?.[j] ?? null,
            formula = b.formulas?.[i]?.[j] ?? null;
          if (value !== null || formula !== null) cells.set(`${r},${c}`, { value, formula });
        }
        out.set(name, { cells, copied: { rows: copied, from: b } });
        parsedRows += fresh.size;
        copiedRows += copied.size;
        continue;
      }
    }
    const cut = splitRows(xml);
    const oldCut = oldXml !== null && !shared.test(oldXml) ? splitRows(oldXml) : null;
    if (!cut || !oldCut || shared.test(xml)) {
      out.set(name, { cells: cellsOf(snapshotSheet(name, parseSheet(xml, ctx))) });
      parsedRows += cut?.rows.size ?? 0;
      continue;
    }
    // The merges and hyperlinks over each row, in the copy and in the original: when the sheet's head
    // and tail (where they stand) and its relationships are the original's, a row's are too, and
    // neither is parsed (a value patch rewrites only cells).
    const sameContext = cut.head === oldCut.head && cut.tail === oldCut.tail && po.rels === pw.rels && same(pw.rels);
    let ctxW: Map<number, string> | null = null,
      ctxO: Map<number, string> | null = null;
    if (!sameContext) {
      ctxW = rowContexts(parseSheet(cut.head + cut.tail, ctx), linksOf(cut.head + cut.tail, ctx.rels));
      const oldRels = po.rels === pw.rels && same(pw.rels) ? ctx.rels : ((t) => (t !== null ? parseRels(t) : null))(o.text(po.rels));
      ctxO = rowContexts(parseSheet(oldCut.head + oldCut.tail, { ...ctx, rels: oldRels }), linksOf(oldCut.head + oldCut.tail, oldRels));
    }
    const copied = new Set<number>();
    const fresh = new Map<number, string>();
    for (const [r, { chunk }] of cut.rows) {
      const sameRowContext = sameContext || (ctxW !== null && ctxO !== null && ctxW.get(r) === ctxO.get(r));
      if (sameRowContext && oldCut.rows.get(r)?.chunk === chunk) copied.add(r - 1);
      else fresh.set(r, chunk);
    }
    out.set(name, { cells: readRows(name, cut, fresh, ctx, sst), copied: { rows: copied, from: b } });
    parsedRows += fresh.size;
    copiedRows += copied.size;
  }
  return { sheets: out, parsedRows, copiedRows };
}
