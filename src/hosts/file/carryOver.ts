/**
 * Patches the package exceljs wrote with what it read but does not write back faithfully, taken from
 * the package the workbook came from and moved with the rows inserted since (each checked by a round
 * trip through exceljs 4.4):
 * - Excel tables: exceljs rewrites a table's part from its model, turning an absent headerRowCount
 *   (1 by default, ECMA-376 Part 1 §18.5.1.2) into headerRowCount="0" — the header becomes data —
 *   and hiding the filter buttons; the original part is kept, its refs moved.
 *
 * Parts are matched by sheet name (workbook.xml and its relationships), never by part file name:
 * exceljs renumbers parts, and adds sheets (the state sheet, a report) of its own.
 */
import JSZip from "jszip";
import { parseRange, rangeToA1 } from "../../core/a1";
import { RowShift } from "./formulaShift";

const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeXml = (x: string) => x.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

const relsPathOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
const dirOf = (part: string) => part.replace(/\/?[^/]*$/, "");

/** One package, read lazily: parts as text, the workbook's sheets by name. */
export class Package {
  private readonly cache = new Map<string, string | null>();
  private sheetsCache: { name: string; part: string; index: number }[] | null = null;
  /** Whether set() changed anything, so an unchanged package is not compressed again. */
  changed = false;
  constructor(readonly zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
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

  get workbookPart(): string {
    return "xl/workbook.xml";
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

/** The written package with the original's kept features carried over (see the file comment). */
export async function carryOver(original: Uint8Array, written: Uint8Array, shifts: RowShift[]): Promise<Uint8Array> {
  const from = await Package.load(original);
  const to = await Package.load(written);
  await carryTables(from, to, shifts);
  if (!to.changed) return written;
  return to.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
