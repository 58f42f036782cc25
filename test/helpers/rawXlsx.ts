/**
 * A raw OOXML reader for tests: proves what a written .xlsx holds without sharing any code with the
 * writer (exceljs, src/hosts/file) nor with the product's own reader (src/hosts/file/fastRead.ts).
 * It unzips with JSZip and parses every part with saxes (namespace-aware), following the package's
 * relationships as the standard (ECMA-376 Part 2, OPC) says: `_rels/.rels` → the workbook part,
 * the workbook's relationships → each sheet's part by r:id and the shared strings part, sheet
 * states from workbook.xml. A1 addresses are parsed here too (not with src/core/a1).
 *
 * Values are the file's, not a display: a number stays a number whatever its number format (no
 * date conversion), a string is the concatenation of its `<t>` texts (rich-text runs joined,
 * phonetic `<rPh>` runs left out, `_xHHHH_` escapes decoded, whitespace kept as written whatever
 * `xml:space` says), a formula is `{ formula, result }` with its cached `<v>` (`{ sharedFormula:
 * "A1" of the master, result }` for the followers of a shared formula, as exceljs gives them), an
 * error `{ error: "#REF!" }`.
 */
import JSZip from "jszip";
import { SaxesParser, SaxesTagNS } from "saxes";
import type { RangePos } from "../../src/core/a1";

export type RawScalar = string | number | boolean | { error: string };
export type RawValue = RawScalar | { formula: string; result: RawScalar | null } | { sharedFormula: string; result: RawScalar | null };

export interface RawSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** Every cell with a value, "row,col" (0-based) → value — cells covered by a merge included. */
  cells: Map<string, RawValue>;
  merges: RangePos[];
  /** 0-based rows whose `<row>` says hidden="1" (or "true"). */
  hiddenRows: number[];
  /** 0-based index of the last `<row>` element, -1 when there is none. */
  lastRowElement: number;
}

const REL_TYPE = /\/(officeDocument|worksheet|sharedStrings)$/;

// ---------------------------------------------------------------------------------------------
// XML

interface Handlers {
  open(local: string, attr: (local: string, ns?: "r") => string | undefined): void;
  text?(text: string): void;
  close?(local: string): void;
}

/** Parses a part with namespaces; elements are matched by local name, r:id by its relationships namespace. */
function parse(xml: string, h: Handlers): void {
  const p = new SaxesParser({ xmlns: true });
  let error: Error | null = null;
  p.on("error", (e) => {
    error ??= e;
  });
  p.on("opentag", (t: SaxesTagNS) => {
    const attrs = Object.values(t.attributes);
    h.open(t.local, (local, ns) => {
      const a = attrs.find((x) => x.local === local && (ns === "r" ? /relationships$/.test(x.uri) : x.prefix === ""));
      return a?.value;
    });
  });
  if (h.text) p.on("text", h.text);
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t) => close((t as SaxesTagNS).local));
  }
  p.write(xml);
  if (!error) p.close();
  if (error) throw error;
}

/** ST_Xstring escapes: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const unescapeX = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

// ---------------------------------------------------------------------------------------------
// Package

async function part(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path.replace(/^\//, ""));
  return f ? f.async("string") : null;
}

/** Resolves a relationship target against the part that holds it (absolute targets start at the root). */
function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** A part's relationships: id → { type, target part }. */
async function rels(zip: JSZip, ofPart: string): Promise<Map<string, { type: string; target: string }>> {
  const dir = ofPart.split("/").slice(0, -1).join("/");
  const name = ofPart.split("/").pop()!;
  const xml = await part(zip, `${dir ? `${dir}/` : ""}_rels/${name}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  if (xml === null) return out;
  parse(xml, {
    open(local, attr) {
      if (local !== "Relationship" || attr("TargetMode") === "External") return;
      out.set(attr("Id")!, { type: attr("Type")!, target: resolve(ofPart, attr("Target")!) });
    },
  });
  return out;
}

const byType = (m: Map<string, { type: string; target: string }>, t: string) =>
  [...m.values()].find((r) => REL_TYPE.exec(r.type)?.[1] === t)?.target;

// ---------------------------------------------------------------------------------------------
// A1

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B5" → [4, 1] (0-based row, col). */
function cellPos(a1: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`bad cell reference «${a1}»`);
  return [Number(m[2]) - 1, colIndex(m[1])];
}

function rangePos(ref: string): RangePos {
  const [a, b = a] = ref.split(":");
  const [top, left] = cellPos(a);
  const [bottom, right] = cellPos(b);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

function a1Of(row: number, col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Parts

/**
 * Collects the text of one string item (`<si>` or `<is>`): its `<t>` texts in order — the one `<t>`
 * of a plain string or the `<t>` of each rich-text run `<r>` — never those of phonetic runs (`<rPh>`).
 * Fed the events inside the item; `done()` gives the text.
 */
class StringItem {
  private phonetic = 0;
  private inT = false;
  private text = "";
  open(local: string): void {
    if (local === "rPh") this.phonetic++;
    else if (local === "t" && !this.phonetic) this.inT = true;
  }
  chars(t: string): void {
    if (this.inT) this.text += t;
  }
  close(local: string): void {
    if (local === "t") this.inT = false;
    else if (local === "rPh") this.phonetic--;
  }
  done(): string {
    return unescapeX(this.text);
  }
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let item: StringItem | null = null;
  parse(xml, {
    open(local) {
      if (local === "si") item = new StringItem();
      else item?.open(local);
    },
    text(t) {
      item?.chars(t);
    },
    close(local) {
      if (local === "si" && item) {
        out.push(item.done());
        item = null;
      } else item?.close(local);
    },
  });
  return out;
}

function scalar(type: string, v: string, shared: string[]): RawScalar {
  switch (type) {
    case "s": {
      const s = shared[Number(v)];
      if (s === undefined) throw new Error(`shared string ${v} does not exist`);
      return s;
    }
    case "str":
    case "inlineStr":
    case "d":
      return unescapeX(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return { error: v };
    default:
      return Number(v);
  }
}

function readSheet(xml: string, shared: string[]): Omit<RawSheet, "name" | "state"> {
  const cells = new Map<string, RawValue>();
  const merges: RangePos[] = [];
  const hiddenRows: number[] = [];
  let lastRowElement = -1;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = "n";
  let v: string | null = null;
  let f: { text: string; shared: string | null; master: boolean } | null = null;
  let inline: string | null = null;
  let into: "v" | "f" | null = null;
  let item: StringItem | null = null; // inside <is>
  const masters = new Map<string, string>(); // shared formula index → A1 of its master
  const followers: [string, string][] = []; // cell key → shared formula index
  parse(xml, {
    open(local, attr) {
      if (item) {
        item.open(local);
        return;
      }
      switch (local) {
        case "row": {
          const r = attr("r");
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          lastRowElement = Math.max(lastRowElement, row);
          const h = attr("hidden");
          if (h === "1" || h === "true") hiddenRows.push(row);
          break;
        }
        case "c": {
          const r = attr("r");
          if (r) [, col] = cellPos(r);
          else col++;
          if (r && cellPos(r)[0] !== row) throw new Error(`cell ${r} outside its row ${row + 1}`);
          type = attr("t") ?? "n";
          v = null;
          f = null;
          inline = null;
          break;
        }
        case "v":
          into = "v";
          v = "";
          break;
        case "f": {
          into = "f";
          const t = attr("t");
          f = { text: "", shared: t === "shared" ? (attr("si") ?? null) : null, master: attr("ref") !== undefined };
          break;
        }
        case "is":
          item = new StringItem();
          break;
        case "mergeCell":
          merges.push(rangePos(attr("ref")!));
          break;
      }
    },
    text(t) {
      if (into === "v") v += t;
      else if (into === "f" && f) f.text += t;
      else item?.chars(t);
    },
    close(local) {
      if (item) {
        if (local === "is") {
          inline = item.done();
          item = null;
        } else item.close(local);
        return;
      }
      if (local === "v" || local === "f") into = null;
      if (local !== "c") return;
      const key = `${row},${col}`;
      let value: RawScalar | null = null;
      if (type === "inlineStr") value = inline ?? (v !== null ? unescapeX(v) : null);
      else if (v !== null) value = scalar(type, v, shared);
      if (f) {
        if (f.shared !== null && f.master) masters.set(f.shared, a1Of(row, col));
        if (f.shared !== null && !f.master && f.text === "") {
          followers.push([key, f.shared]);
          cells.set(key, { sharedFormula: "", result: value });
        } else cells.set(key, { formula: f.text, result: value });
      } else if (value !== null && value !== "") cells.set(key, value);
    },
  });
  for (const [key, si] of followers) {
    const master = masters.get(si);
    if (!master) throw new Error(`shared formula ${si} has no master`);
    (cells.get(key) as { sharedFormula: string }).sharedFormula = master;
  }
  return { cells, merges, hiddenRows, lastRowElement };
}

/** Every worksheet of the package, in workbook order (chartsheets and dialog sheets are skipped). */
export async function readRawXlsx(bytes: Uint8Array): Promise<RawSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookPart = byType(await rels(zip, ""), "officeDocument");
  if (!workbookPart) throw new Error("no officeDocument relationship in _rels/.rels");
  const wbRels = await rels(zip, workbookPart);
  const ssPart = byType(wbRels, "sharedStrings");
  const ssXml = ssPart ? await part(zip, ssPart) : null;
  const shared = ssXml === null ? [] : sharedStrings(ssXml);
  const wbXml = await part(zip, workbookPart);
  if (wbXml === null) throw new Error(`workbook part ${workbookPart} missing`);
  const entries: { name: string; state: RawSheet["state"]; rid: string }[] = [];
  parse(wbXml, {
    open(local, attr) {
      if (local !== "sheet") return;
      const state = attr("state") ?? "visible";
      if (state !== "visible" && state !== "hidden" && state !== "veryHidden") throw new Error(`sheet state «${state}»`);
      entries.push({ name: attr("name")!, state, rid: attr("id", "r")! });
    },
  });
  const out: RawSheet[] = [];
  for (const e of entries) {
    const rel = wbRels.get(e.rid);
    if (!rel) throw new Error(`sheet «${e.name}»: relationship ${e.rid} missing`);
    if (REL_TYPE.exec(rel.type)?.[1] !== "worksheet") continue;
    const xml = await part(zip, rel.target);
    if (xml === null) throw new Error(`sheet «${e.name}»: part ${rel.target} missing`);
    out.push({ name: e.name, state: e.state, ...readSheet(xml, shared) });
  }
  return out;
}
