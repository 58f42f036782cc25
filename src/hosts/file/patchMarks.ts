/**
 * Annotated copies by patching the package (issue #25), the way Excel adds a fill and a note: each
 * marked cell gets a cell format appended to the styles (its own format with a solid fill), and a
 * note — appended to the sheet's notes part and VML drawing when it has them (existing notes, their
 * authors and shapes stay as they are; a note already on the cell gets ours after its own text), or
 * in new parts (comments, VML, relationships, content types) when it has none. Values are not
 * touched and every other part keeps its bytes.
 */
import { columnIndex, columnName } from "../../core/a1";
import {
  CellEl,
  NewCell,
  PatchUnsupported,
  Pkg,
  attrs,
  columnStyle,
  escapeXml,
  openPackage,
  openStyles,
  parseRels,
  parseSheetXml,
  relsPathOf,
  resolveTarget,
  rewriteSheet,
  setAttr,
  xstring,
} from "./patch";
import { markArgb, marksByCell } from "../../core/marks";
import { Finding, Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { Lang } from "../host";
import { annotate, markNote } from "./annotate";
import { FastReadOptions, readSnapshotFast } from "./fastRead";
import { openXlsx } from "./open";
import { PackageWarning } from "./package";
import { WorkbookWriteError, writeXlsx } from "./write";
import { childrenAfter } from "./worksheetOrder";

export interface CellMarkPatch {
  sheet: string;
  row: number;
  col: number;
  /** "FFRRGGBB". */
  argb: string;
  note: string;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const AUTHOR = "绩效表助手";

const AFTER_LEGACY_DRAWING = childrenAfter("legacyDrawing");

function mergesOf(xml: string): { r1: number; c1: number; r2: number; c2: number }[] {
  return [...xml.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)\/?>/g)].flatMap((m) => {
    const ref = attrs(m[1]).get("ref") ?? "";
    const x = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    return x ? [{ r1: Number(x[2]) - 1, c1: columnIndex(x[1]), r2: Number(x[4]) - 1, c2: columnIndex(x[3]) }] : [];
  });
}

const noteRun = (text: string) =>
  `<r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">${escapeXml(xstring(text))}</t></r>`;

function vmlShape(p: { v: string; o: string; x: string }, id: number, row: number, col: number): string {
  return (
    `<${p.v}:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:90pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" ${p.o}:insetmode="auto">` +
    `<${p.v}:fill color2="#ffffe1"/><${p.v}:shadow on="t" color="black" obscured="t"/><${p.v}:path ${p.o}:connecttype="none"/>` +
    `<${p.v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${p.v}:textbox>` +
    `<${p.x}:ClientData ObjectType="Note"><${p.x}:MoveWithCells/><${p.x}:SizeWithCells/>` +
    `<${p.x}:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</${p.x}:Anchor><${p.x}:AutoFill>False</${p.x}:AutoFill>` +
    `<${p.x}:Row>${row}</${p.x}:Row><${p.x}:Column>${col}</${p.x}:Column></${p.x}:ClientData></${p.v}:shape>`
  );
}

const SHAPETYPE = (p: { v: string; o: string }) =>
  `<${p.v}:shapetype id="_x0000_t202" coordsize="21600,21600" ${p.o}:spt="202" path="m,l,21600r21600,l21600,xe"><${p.v}:stroke joinstyle="miter"/><${p.v}:path gradientshapeok="t" ${p.o}:connecttype="rect"/></${p.v}:shapetype>`;

function freeName(pkg: Pkg, make: (n: number) => string): string {
  let n = 1;
  while (pkg.has(make(n))) n++;
  return make(n);
}

async function addRel(pkg: Pkg, part: string, type: string, target: string): Promise<string> {
  const path = relsPathOf(part);
  const old =
    (await pkg.text(path)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const ids = new Set(parseRels(old).map((r) => r.id));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  pkg.set(path, old.replace(/<\/((?:\w+:)?Relationships)>/, `<Relationship Id="rId${n}" Type="${REL}/${type}" Target="${target}"/></$1>`));
  return `rId${n}`;
}

async function contentType(pkg: Pkg, kind: { default: string } | { override: string }, type: string): Promise<void> {
  const xml = (await pkg.text("[Content_Types].xml")) ?? "";
  if ("default" in kind) {
    if (new RegExp(`Extension="${kind.default}"`, "i").test(xml)) return;
    pkg.set(
      "[Content_Types].xml",
      xml.replace(/<\/((?:\w+:)?Types)>/, `<Default Extension="${kind.default}" ContentType="${type}"/></$1>`),
    );
  } else if (!xml.includes(`PartName="/${kind.override}"`))
    pkg.set(
      "[Content_Types].xml",
      xml.replace(/<\/((?:\w+:)?Types)>/, `<Override PartName="/${kind.override}" ContentType="${type}"/></$1>`),
    );
}

/** The namespace prefixes a VML part binds (openpyxl writes ns0/ns1/ns2, Excel v/o/x). */
function vmlPrefixes(xml: string): { v: string; o: string; x: string } | null {
  const bound = (uri: string) => new RegExp(`xmlns:([\\w.-]+)="${uri.replace(/[.:]/g, "\\$&")}"`).exec(xml)?.[1];
  const v = bound("urn:schemas-microsoft-com:vml");
  const o = bound("urn:schemas-microsoft-com:office:office");
  const x = bound("urn:schemas-microsoft-com:office:excel");
  return v && o && x ? { v, o, x } : null;
}

/** The cells of the notes in a comments part (`ref`, ST_CellRef). */
function noteRefs(comments: string): { row: number; col: number }[] {
  return [...comments.matchAll(/<(?:\w+:)?comment\b([^>]*)>/g)].flatMap((m) => {
    const x = /^([A-Z]{1,3})(\d+)$/.exec(attrs(m[1]).get("ref") ?? "");
    return x ? [{ row: Number(x[2]) - 1, col: columnIndex(x[1]) }] : [];
  });
}

/** The prefixes a start tag declares: name → namespace. */
function declaredPrefixes(startTag: string): Map<string, string> {
  return new Map([...startTag.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** A name not declared in `declared`: `base`, else base1, base2 … */
function freePrefix(declared: Map<string, string>, base: string): string {
  if (!declared.has(base)) return base;
  let n = 1;
  while (declared.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/**
 * The prefix for the relationships namespace on a worksheet's root: the one already bound to it,
 * else `r` — or, when another tool bound `r` to something else, a free name declared anew (a
 * prefix is only a name, XML Namespaces §3; Excel reads `<legacyDrawing r2:id>` as it reads r:id).
 */
function relPrefix(xml: string): { prefix: string; declare: boolean } {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(xml)?.[0] ?? "";
  const declared = declaredPrefixes(root);
  const bound = [...declared].find(([, uri]) => uri === REL)?.[0];
  return bound ? { prefix: bound, declare: false } : { prefix: freePrefix(declared, "r"), declare: true };
}

const VML_NS = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};

/**
 * The VML part with the three namespaces its notes use declared on its root: a part that uses `v:`,
 * `o:`, `x:` without declaring them (older writers rely on Office's lenient VML reader) gets the
 * declarations Excel writes; a name bound to something else leaves ours a free name.
 */
function withVmlNamespaces(vml: string): { xml: string; prefixes: { v: string; o: string; x: string } } {
  const found = vmlPrefixes(vml);
  if (found) return { xml: vml, prefixes: found };
  const rootMatch = /<(?![?!])[\w:.-]+\b[^>]*>/.exec(vml);
  const root = rootMatch?.[0] ?? "";
  const declared = declaredPrefixes(root);
  const prefixes = { v: "", o: "", x: "" };
  let add = "";
  for (const k of ["v", "o", "x"] as const) {
    const bound = [...declared].find(([, uri]) => uri === VML_NS[k])?.[0];
    if (bound) prefixes[k] = bound;
    else {
      prefixes[k] = freePrefix(declared, k);
      declared.set(prefixes[k], VML_NS[k]);
      add += ` xmlns:${prefixes[k]}="${VML_NS[k]}"`;
    }
  }
  if (!rootMatch) return { xml: `<xml${add}></xml>`, prefixes };
  const at = rootMatch.index + root.length - (root.endsWith("/>") ? 2 : 1);
  let xml = vml.slice(0, at) + add + vml.slice(at);
  if (root.endsWith("/>")) xml = xml.replace(/\/>(\s*)$/, `></${/^<([\w:.-]+)/.exec(root)![1]}>$1`);
  return { xml, prefixes };
}

/** The annotated copy of `original`. Throws PatchUnsupported for a package this does not handle. */
export async function patchMarks(original: Uint8Array, marks: CellMarkPatch[]): Promise<Uint8Array> {
  const opened = await openPackage(original);
  const { pkg, sheets } = opened;
  const { styles, save: saveStyles } = await openStyles(opened);

  const bySheet = new Map<string, CellMarkPatch[]>();
  for (const m of marks) {
    if (!sheets.some((s) => s.name === m.sheet)) continue; // as annotate(): a finding on a missing sheet is skipped
    bySheet.set(m.sheet, [...(bySheet.get(m.sheet) ?? []), m]);
  }
  for (const [name, list] of bySheet) {
    const path = sheets.find((s) => s.name === name)!.path;
    let xml = (await pkg.text(path))!;
    const x = parseSheetXml(xml);
    const merges = mergesOf(xml);
    const byPos = new Map<string, CellEl>();
    for (const r of x.rows) for (const c of r.cells) byPos.set(`${c.row},${c.col}`, c);
    // A mark inside a merged area goes on its top-left cell, the one Excel shows.
    const targets = new Map<string, CellMarkPatch>();
    for (const m of list) {
      const area = merges.find((a) => a.r1 <= m.row && m.row <= a.r2 && a.c1 <= m.col && m.col <= a.c2);
      const at = area ? { ...m, row: area.r1, col: area.c1 } : m;
      targets.set(`${at.row},${at.col}`, at);
    }
    const replaced = new Map<CellEl, string>();
    const added: NewCell[] = [];
    for (const [key, m] of targets) {
      const old = byPos.get(key);
      if (old) {
        const style = Number(attrs(old.open).get("s") ?? 0);
        const open = setAttr(old.open.replace(/\s*\/?>$/, ">"), "s", String(styles.withFill(style, m.argb)));
        replaced.set(old, old.open.endsWith("/>") ? open.replace(/>$/, "/>") : `${open}${old.body}</${old.prefix}c>`);
      } else {
        const row = x.rows.find((r) => r.row === m.row);
        const ra = row ? attrs(row.open) : null;
        const base = ra && ra.get("customFormat") === "1" && ra.has("s") ? ra.get("s")! : columnStyle(xml.slice(0, x.dataStart), m.col);
        added.push({
          row: m.row,
          col: m.col,
          xml: `<${x.prefix}c r="${columnName(m.col)}${m.row + 1}" s="${styles.withFill(Number(base ?? 0), m.argb)}"/>`,
        });
      }
    }
    xml = rewriteSheet(x, replaced, added);

    // Notes: the sheet's own parts when it has them, new ones when not. A notes part without its
    // VML drawing (written by a tool that leaves Excel to draw the notes) gets one, with a shape for
    // each note it already holds; a VML drawing without notes (form controls) takes our notes' shapes.
    const rels = parseRels((await pkg.text(relsPathOf(path))) ?? "");
    const commentsRel = rels.find((r) => /\/comments$/.test(r.type));
    const vmlRel = rels.find((r) => /\/vmlDrawing$/.test(r.type));
    const sheetIndex = sheets.findIndex((s) => s.name === name) + 1;
    const rel = (p: string) => (p.startsWith("xl/") ? `../${p.slice(3)}` : `/${p}`);
    let commentsPath: string;
    let vmlPath: string;
    if (commentsRel) commentsPath = resolveTarget(path, commentsRel.target);
    else {
      commentsPath = freeName(pkg, (n) => `xl/comments${n}.xml`);
      pkg.set(
        commentsPath,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`,
      );
      await contentType(pkg, { override: commentsPath }, "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
      await addRel(pkg, path, "comments", rel(commentsPath));
    }
    let shapesFor: { row: number; col: number }[] = [];
    if (vmlRel) vmlPath = resolveTarget(path, vmlRel.target);
    else {
      vmlPath = freeName(pkg, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      pkg.set(
        vmlPath,
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetIndex}"/></o:shapelayout>${SHAPETYPE({ v: "v", o: "o" })}</xml>`,
      );
      await contentType(pkg, { default: "vml" }, "application/vnd.openxmlformats-officedocument.vmlDrawing");
      const vid = await addRel(pkg, path, "vmlDrawing", rel(vmlPath));
      // The notes already in the part: each needs its shape, or Excel shows no note there.
      if (commentsRel) shapesFor = noteRefs((await pkg.text(commentsPath)) ?? "");
      // legacyDrawing needs the relationships namespace on the root; it goes where CT_Worksheet orders it.
      const bound = relPrefix(xml);
      xml = bound.declare ? xml.replace(/<((?:\w+:)?worksheet)\b/, `<$1 xmlns:${bound.prefix}="${REL}"`) : xml;
      const el = `<${x.prefix}legacyDrawing ${bound.prefix}:id="${vid}"/>`;
      let at = xml.search(new RegExp(`</${x.prefix}worksheet>`));
      for (const name of AFTER_LEGACY_DRAWING) {
        const m = new RegExp(`<${x.prefix}${name}[\\s/>]`).exec(xml);
        if (m && m.index < at) at = m.index;
      }
      xml = xml.slice(0, at) + el + xml.slice(at);
    }
    pkg.set(path, xml);

    let comments = (await pkg.text(commentsPath)) ?? "";
    let vml = (await pkg.text(vmlPath)) ?? "";
    const cp = /<(\w+:)?comments\b/.exec(comments)?.[1] ?? "";
    const authors = [...comments.matchAll(/<(?:\w+:)?author>([^<]*)<\/(?:\w+:)?author>/g)].map((m) => m[1]);
    let authorId = authors.indexOf(AUTHOR);
    if (authorId < 0) {
      authorId = authors.length;
      comments = /<(\w+:)?authors\s*\/>/.test(comments)
        ? comments.replace(/<((?:\w+:)?authors)\s*\/>/, `<$1><${cp}author>${AUTHOR}</${cp}author></$1>`)
        : comments.replace(/<\/((?:\w+:)?authors)>/, `<${cp}author>${AUTHOR}</${cp}author></$1>`);
    }
    const declared = withVmlNamespaces(vml);
    vml = declared.xml;
    const prefixes = declared.prefixes;
    if (!vml.includes('id="_x0000_t202"')) vml = vml.replace(/<\/xml>\s*$/, `${SHAPETYPE(prefixes)}</xml>`);
    let shapeId = Math.max(
      1024 * (sheets.findIndex((s) => s.name === name) + 1),
      ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])),
    );
    for (const at of shapesFor) vml = vml.replace(/<\/xml>\s*$/, `${vmlShape(prefixes, ++shapeId, at.row, at.col)}</xml>`);
    for (const [, m] of targets) {
      const ref = `${columnName(m.col)}${m.row + 1}`;
      const existing = new RegExp(`<((?:\\w+:)?comment)\\b[^>]*\\bref="${ref}"[^>]*>[\\s\\S]*?</\\1>`).exec(comments);
      if (existing) {
        // The user's note stays first, with its author; ours follows in its own run.
        const withOurs = existing[0].replace(/(<(?:\w+:)?rPh\b|<\/(?:\w+:)?text>)/, `${noteRun(`\n\n${m.note}`)}$1`);
        comments = comments.slice(0, existing.index) + withOurs + comments.slice(existing.index + existing[0].length);
        continue;
      }
      const c = `<${cp}comment ref="${ref}" authorId="${authorId}"><${cp}text>${noteRun(m.note)}</${cp}text></${cp}comment>`;
      comments = /<(\w+:)?commentList\s*\/>/.test(comments)
        ? comments.replace(/<((?:\w+:)?commentList)\s*\/>/, `<$1>${c}</$1>`)
        : comments.replace(/<\/((?:\w+:)?commentList)>/, `${c}</$1>`);
      vml = vml.replace(/<\/xml>\s*$/, `${vmlShape(prefixes, ++shapeId, m.row, m.col)}</xml>`);
    }
    pkg.set(commentsPath, comments);
    pkg.set(vmlPath, vml);
  }
  await saveStyles();
  return (await pkg.write()).bytes;
}

/** The marks of `findings` as fills and notes, as annotate() makes them in exceljs's model. */
export function markPatches(findings: Finding[], lang: Lang): CellMarkPatch[] {
  return marksByCell(findings).map((m) => ({
    sheet: m.sheet,
    row: m.row,
    col: m.col,
    argb: markArgb(m.severity),
    note: markNote(m, lang),
  }));
}

const VERIFY_FAILED: Message = {
  zh: "带标注的副本与原文件的单元格内容不一致,未写出该副本",
  en: "The annotated copy's cells did not match the original's; the copy was not written",
};

/** Thrown by annotatedCopy when the caller's decision refused a copy that would lose something. */
export class CopyRefused extends Error {
  constructor() {
    super("a rewritten copy would lose content and was refused");
    this.name = "CopyRefused";
  }
}

/**
 * The annotated copy of a workbook: patched when the package allows (nothing lost, no warnings),
 * else written the exceljs way with the warnings of what that copy loses — when `opts.mayRewrite`
 * is given, only if it agrees (else CopyRefused is thrown and nothing is made). A patched copy is
 * read back and must hold exactly the cells of the original.
 */
export async function annotatedCopy(
  bytes: Uint8Array,
  findings: Finding[],
  lang: Lang,
  source: string,
  opts: FastReadOptions & { mayRewrite?: (warnings: PackageWarning[], why: PatchUnsupported) => boolean } = {},
): Promise<{ bytes: Uint8Array; warnings: PackageWarning[]; patched: boolean }> {
  let why: PatchUnsupported;
  try {
    const out = await patchMarks(bytes, markPatches(findings, lang));
    const [before, after] = await Promise.all([readSnapshotFast(bytes, source, opts), readSnapshotFast(out, source, opts)]);
    const strip = (s: WorkbookSnapshot) =>
      JSON.stringify(s.sheets.map((x) => [x.name, x.originRow, x.originCol, x.values, x.formulas, x.merges, x.hiddenRows]));
    if (strip(before.snapshot) !== strip(after.snapshot)) throw new WorkbookWriteError(VERIFY_FAILED, "cells differ after marking");
    return { bytes: out, warnings: [], patched: true };
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
    why = e;
  }
  const r = await openXlsx(bytes, source);
  if (opts.mayRewrite && !opts.mayRewrite(r.warnings, why)) throw new CopyRefused();
  annotate(r.workbook, findings, lang);
  return { bytes: await writeXlsx(r.workbook), warnings: r.warnings, patched: false };
}
