/**
 * Rewrites an .xlsx package into the part names and shapes exceljs can load, without touching a
 * cell. Valid workbooks written by other tools (openpyxl, WPS, LibreOffice …) are otherwise called
 * corrupt, because exceljs finds notes only at xl/commentsN.xml with a relative "../commentsN.xml"
 * relationship, VML only at xl/drawings/vmlDrawingN.vml, tables and drawings only by a relative
 * target (not "/xl/tables/table1.xml"), reads drawings only with the "xdr:" prefix (a drawing of
 * pictures only is given it; any other is dropped),
 * and reads a note's text only from rich-text runs (`<text><r><t>`), not plain `<text><t>` — the way
 * Excel itself often stores a note (ECMA-376 Part 1 §18.7.7 allows either).
 *
 * Two strengths: `cells` (for check-only reads) drops every part the checker never needs (notes,
 * VML, drawings, charts) so nothing but the form's cells is read; `keep` (before a copy is written)
 * renames and repairs what can be kept and drops only drawings exceljs cannot parse, reporting each.
 */
import JSZip from "jszip";
import { PackageWarning, drawingsLostWarning } from "./package";

export type Strength = "cells" | "keep";

export interface Normalized {
  bytes: Uint8Array;
  /** What was dropped because exceljs cannot carry it (only for "keep"). */
  warnings: PackageWarning[];
}

const REL = /<Relationship\b[^>]*?\/>/g;
const attr = (tag: string, name: string): string | null => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const TYPE = (tag: string) => (attr(tag, "Type") ?? "").replace(/^.*\//, "");

/** A relationship target as a package path ("xl/comments/comment1.xml"). */
function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/** Plain-text note bodies become one rich-text run, the only shape exceljs reads. */
export function noteTextAsRuns(xml: string): string {
  return xml.replace(/<text>([\s\S]*?)<\/text>/g, (whole, inner: string) => {
    if (/<r[\s>]/.test(inner)) return whole;
    return `<text>${inner.replace(/<t(\s[^>]*)?>([\s\S]*?)<\/t>/, '<r><t xml:space="preserve">$2</t></r>')}</text>`;
  });
}

const SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/**
 * A drawing in the default namespace (openpyxl's `<wsDr xmlns="…spreadsheetDrawing">`) with its
 * elements given the "xdr:" prefix exceljs reads; null unless every anchor holds a picture (a chart
 * frame or a shape exceljs would not keep anyway) and no element redeclares the default namespace.
 */
export function picturesWithPrefix(xml: string): string | null {
  const root = /<wsDr\b[^>]*>/.exec(xml)?.[0];
  if (!root || !root.includes(`xmlns="${SPREADSHEET_DRAWING}"`)) return null;
  if ((xml.match(/\sxmlns="/g) ?? []).length !== 1) return null;
  const anchors = [...xml.matchAll(/<(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1>/g)];
  if (anchors.length === 0 || anchors.some((a) => !/<pic[\s>]/.test(a[0]))) return null;
  return xml
    .replace(`xmlns="${SPREADSHEET_DRAWING}"`, `xmlns:xdr="${SPREADSHEET_DRAWING}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (whole, slash: string, name: string) => `<${slash}xdr:${name}`);
}

/** Returns the rewritten package, or null when exceljs can already read it as it is. */
export async function normalizePackage(data: Uint8Array, strength: Strength): Promise<Normalized | null> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  let changed = false;
  const warnings: PackageWarning[] = [];
  const taken = new Set(names);
  const freeName = (make: (k: number) => string) => {
    let k = 1;
    while (taken.has(make(k))) k++;
    taken.add(make(k));
    return make(k);
  };
  const remove = (path: string) => {
    if (zip.file(path)) {
      zip.remove(path);
      changed = true;
    }
  };

  // Drawings exceljs cannot parse (no "xdr:" prefix) would fail the whole read. One holding only
  // pictures (as openpyxl writes them) is given the prefix, so its pictures are kept; others go.
  const badDrawings = new Set<string>();
  for (const n of names.filter((x) => /^xl\/drawings\/[^/]+\.xml$/.test(x))) {
    const xml = await zip.file(n)!.async("string");
    if (strength === "cells") badDrawings.add(n);
    else if (!/<xdr:wsDr[\s>]/.test(xml)) {
      const prefixed = picturesWithPrefix(xml);
      if (!prefixed) {
        badDrawings.add(n);
        continue;
      }
      zip.file(n, prefixed);
      const relsPath = n.replace(/([^/]+)$/, "_rels/$1.rels");
      const rels = zip.file(relsPath) ? await zip.file(relsPath)!.async("string") : null;
      // exceljs finds the picture's image by the relative target it writes itself.
      if (rels) zip.file(relsPath, rels.replace(/\bTarget="\/xl\/([^"]*)"/g, 'Target="../$1"'));
      changed = true;
    }
  }

  for (const relsName of names.filter((x) => /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(x))) {
    const sheetName = relsName.replace("_rels/", "").replace(/\.rels$/, "");
    let rels = await zip.file(relsName)!.async("string");
    let sheet = zip.file(sheetName) ? await zip.file(sheetName)!.async("string") : null;
    const dropRel = (tag: string, element: string) => {
      const id = attr(tag, "Id");
      rels = rels.replace(tag, "");
      if (sheet !== null && id !== null) sheet = sheet.replace(new RegExp(`<${element}\\b[^>]*\\br:id="${id}"[^>]*/>`), "");
    };
    for (const tag of rels.match(REL) ?? []) {
      const type = TYPE(tag);
      const target = attr(tag, "Target") ?? "";
      const path = resolveTarget("xl/worksheets", target);
      if (type === "comments" || type === "vmlDrawing") {
        if (strength === "cells") {
          dropRel(tag, type === "comments" ? "__none__" : "legacyDrawing");
          remove(path);
          continue;
        }
        const wanted = type === "comments" ? /^xl\/comments\d+\.xml$/ : /^xl\/drawings\/vmlDrawing\d+\.vml$/;
        const relative = type === "comments" ? /^\.\.\/comments\d+\.xml$/ : /^\.\.\/drawings\/vmlDrawing\d+\.vml$/;
        if (wanted.test(path) && relative.test(target)) continue;
        const file = zip.file(path);
        if (!file) continue;
        const next = wanted.test(path)
          ? path
          : freeName((k) => (type === "comments" ? `xl/comments${k}.xml` : `xl/drawings/vmlDrawing${k}.vml`));
        if (next !== path) {
          zip.file(next, await file.async("uint8array"));
          zip.remove(path);
        }
        rels = rels.replace(tag, tag.replace(/\bTarget="[^"]*"/, `Target="../${next.slice(3)}"`));
        changed = true;
      } else if (type === "drawing" && badDrawings.has(path)) {
        dropRel(tag, "drawing");
        changed = true;
      } else if (target.startsWith("/xl/")) {
        // exceljs looks tables, drawings … up by the relative target it writes itself.
        rels = rels.replace(tag, tag.replace(/\bTarget="[^"]*"/, `Target="../${path.slice(3)}"`));
        changed = true;
      }
    }
    zip.file(relsName, rels);
    if (sheet !== null) zip.file(sheetName, sheet);
  }

  for (const d of badDrawings) {
    const relsPath = d.replace(/([^/]+)$/, "_rels/$1.rels");
    const hasChart = zip.file(relsPath) ? /relationships\/chart"/.test(await zip.file(relsPath)!.async("string")) : false;
    if (strength === "keep" && !hasChart) warnings.push(drawingsLostWarning());
    remove(d);
    remove(relsPath);
  }
  if (strength === "cells") for (const n of names.filter((x) => /^xl\/charts\//.test(x))) remove(n);

  if (strength === "keep") {
    for (const n of Object.keys(zip.files).filter((x) => /^xl\/comments\d+\.xml$/.test(x))) {
      const xml = await zip.file(n)!.async("string");
      const fixed = noteTextAsRuns(xml);
      if (fixed !== xml) {
        zip.file(n, fixed);
        changed = true;
      }
    }
  }
  if (!changed) return null;
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), warnings: warnings.slice(0, 1) };
}
