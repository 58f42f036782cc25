/**
 * Adds or replaces the add-in's own worksheets — the 校验报告 report and the very hidden state sheet
 * — in a user's package, the way Excel inserts a sheet: a new worksheet part, its content-type
 * override, a relationship from the workbook, a `<sheet>` entry (and, for the state, the defined
 * name other tools find it by), the document's list of sheet titles. Every other part keeps its
 * bytes, so a download after a report or saved settings keeps charts, pivots, macros, … (issue #25).
 *
 * The sheets are serialised from exceljs's model, where report.ts and state.ts wrote them: the
 * report's look is defined once, there, and a later row insertion that moved the report's links in
 * the model (insertRows.ts) is in the copy too. Only what those two writers produce is handled —
 * text, numbers, booleans, formulas with cached results; bold/size/colour/underline fonts, solid
 * fills, alignment; merges, column widths, a frozen pane — anything else throws PatchUnsupported
 * and the copy is written the exceljs way.
 *
 * Replacing a sheet this add-in wrote earlier keeps its part, relationship, sheetId and tab position
 * (as report.ts keeps the tab's place in exceljs) and drops the old part's own relationships.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import { columnName } from "../../core/a1";
import { Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { WorkbookState } from "../host";
import { VT } from "./cellValue";
import { FastReadOptions, readSnapshotFast } from "./fastRead";
import {
  OFFICE_REL,
  OpenedPackage,
  PatchUnsupported,
  Pkg,
  SharedStrings,
  attrs,
  escapeXml,
  hasRevisionLog,
  openPackage,
  parseRels,
  relateToWorkbook,
  relsPathOf,
  resolveTarget,
  setAttr,
  tElement,
  xstring,
} from "./patch";
import { cellsOf, checkUntouchedParts, packagePair } from "./readBack";
import { STATE_NAME, STATE_SHEET, readState } from "./state";
import { WorkbookWriteError } from "./write";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

// ---------------------------------------------------------------------------------------------
// Styles: fonts, fills and cell formats appended, never changing an existing one

interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  name?: string;
  underline?: boolean | string;
  color?: { argb?: string };
}

const FONT_KEYS = new Set(["bold", "italic", "size", "name", "underline", "color", "family", "scheme", "charset"]);
const ALIGN_KEYS = new Set(["wrapText", "vertical", "horizontal"]);

/** The cell formats a sheet's cells need, appended to styles.xml (ECMA-376 Part 1 §18.8.39 styleSheet). */
class StyleAppender {
  private readonly cache = new Map<string, number>();
  private dirty = false;
  private fontCount: number;
  private fillCount: number;
  private xfCount: number;
  private readonly prefix: string;
  /** The children of the workbook's default font (fonts[0]): a new font is that font changed, as Excel does it. */
  private readonly baseFont: string;
  constructor(private xml: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
    const block = (tag: string) => new RegExp(`<(\\w+:)?${tag}\\b[^>]*>([\\s\\S]*?)</\\1?${tag}>`).exec(xml);
    const fonts = block("fonts"),
      fills = block("fills"),
      xfs = block("cellXfs");
    if (!fonts || !fills || !xfs) throw new PatchUnsupported("styles without fonts, fills or cell formats");
    const count = (body: string, tag: string) => (body.match(new RegExp(`<(\\w+:)?${tag}\\b`, "g")) ?? []).length;
    this.fontCount = count(fonts[2], "font");
    this.fillCount = count(fills[2], "fill");
    this.xfCount = count(xfs[2], "xf");
    this.baseFont = /<(\w+:)?font\b[^>]*>([\s\S]*?)<\/\1?font>/.exec(fonts[2])?.[2] ?? "";
  }

  private append(tag: "fonts" | "fills" | "cellXfs", el: string, count: number): void {
    this.xml = this.xml
      .replace(new RegExp(`</((?:\\w+:)?${tag})>`), (m) => `${el}${m}`)
      .replace(new RegExp(`<((?:\\w+:)?${tag})\\b[^>]*>`), (o) => setAttr(o, "count", String(count)));
    this.dirty = true;
  }

  private font(f: FontSpec): number {
    const p = this.prefix;
    const child = (tag: string) => new RegExp(`<(\\w+:)?${tag}\\b[^>]*?(\\/>|>[\\s\\S]*?<\\/\\1?${tag}>)`).exec(this.baseFont)?.[0] ?? "";
    // The default font's face (name, family, charset, scheme) is kept; size and colour unless the cell sets them.
    const size = f.size ?? Number(/<(?:\w+:)?sz\b[^>]*val="([\d.]+)"/.exec(this.baseFont)?.[1] ?? 11);
    const underline =
      f.underline === true || f.underline === "single" ? `<${p}u/>` : f.underline ? `<${p}u val="${escapeXml(String(f.underline))}"/>` : "";
    const color = f.color?.argb ? `<${p}color rgb="${escapeXml(f.color.argb)}"/>` : child("color");
    const name = f.name ? `<${p}name val="${escapeXml(f.name)}"/>` : child("name");
    // The schema allows any order (CT_Font is a choice), but Excel requires b, i, strike, condense, extend,
    // outline, shadow, u, vertAlign, sz, color, name, family, charset, scheme ([MS-OI29500] 2.1.706).
    const el =
      `<${p}font>${f.bold ? `<${p}b/>` : ""}${f.italic ? `<${p}i/>` : ""}${underline}<${p}sz val="${size}"/>${color}${name}` +
      `${child("family")}${child("charset")}${child("scheme")}</${p}font>`;
    return this.cached(`font:${el}`, () => {
      this.append("fonts", el, ++this.fontCount);
      return this.fontCount - 1;
    });
  }

  private fill(argb: string): number {
    const p = this.prefix;
    const el = `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeXml(argb)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    return this.cached(`fill:${el}`, () => {
      this.append("fills", el, ++this.fillCount);
      return this.fillCount - 1;
    });
  }

  private cached(key: string, make: () => number): number {
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const id = make();
    this.cache.set(key, id);
    return id;
  }

  /** The cell format index for an exceljs cell's style; 0 (the default format) when it has none. */
  xfOf(cell: Cell): number {
    const font = cell.font as FontSpec | undefined;
    const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
    const align = cell.alignment as Record<string, unknown> | undefined;
    const border = cell.border as Record<string, unknown> | undefined;
    if (cell.numFmt && cell.numFmt !== "General") throw new PatchUnsupported(`${cell.address} has a number format`);
    if (border && Object.values(border).some((b) => b !== undefined)) throw new PatchUnsupported(`${cell.address} has borders`);
    if (font && Object.keys(font).some((k) => !FONT_KEYS.has(k)))
      throw new PatchUnsupported(`${cell.address} has a font this does not write`);
    if (align && Object.keys(align).some((k) => !ALIGN_KEYS.has(k)))
      throw new PatchUnsupported(`${cell.address} has an alignment this does not write`);
    const hasFont = !!font && Object.keys(font).length > 0;
    const hasFill = !!fill && fill.type !== undefined;
    if (hasFill && (fill.type !== "pattern" || fill.pattern !== "solid" || !fill.fgColor?.argb))
      throw new PatchUnsupported(`${cell.address} has a fill this does not write`);
    const hasAlign = !!align && Object.values(align).some((v) => v !== undefined);
    if (!hasFont && !hasFill && !hasAlign) return 0;
    const p = this.prefix;
    const fontId = hasFont ? this.font(font) : 0;
    const fillId = hasFill ? this.fill(fill.fgColor!.argb!) : 0;
    let a = "";
    if (hasAlign) {
      a = `<${p}alignment`;
      if (align.horizontal) a += ` horizontal="${escapeXml(String(align.horizontal))}"`;
      if (align.vertical) a += ` vertical="${escapeXml(String(align.vertical))}"`;
      if (align.wrapText) a += ` wrapText="1"`;
      a += "/>";
    }
    const applied = `${hasFont ? ' applyFont="1"' : ""}${hasFill ? ' applyFill="1"' : ""}${hasAlign ? ' applyAlignment="1"' : ""}`;
    const el = `<${p}xf numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${a ? `>${a}</${p}xf>` : "/>"}`;
    return this.cached(`xf:${el}`, () => {
      this.append("cellXfs", el, ++this.xfCount);
      return this.xfCount - 1;
    });
  }

  result(): string | null {
    return this.dirty ? this.xml : null;
  }
}

// ---------------------------------------------------------------------------------------------
// The worksheet part

type Texts = { shared: SharedStrings } | { shared: null };

function cellXml(cell: Cell, s: number, texts: Texts): string {
  const ref = cell.address;
  const style = s ? ` s="${s}"` : "";
  if (cell.type === VT.Merge || cell.type === VT.Null) return s ? `<c r="${ref}"${style}/>` : "";
  const v = cell.value as unknown;
  const str = (text: string) =>
    texts.shared
      ? `<c r="${ref}"${style} t="s"><v>${texts.shared.indexOf(text)}</v></c>`
      : `<c r="${ref}"${style} t="inlineStr"><is>${tElement("", text)}</is></c>`;
  if (typeof v === "string") return str(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new PatchUnsupported(`${ref} is not a finite number`);
    return `<c r="${ref}"${style}><v>${String(v)}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (v !== null && typeof v === "object" && "formula" in v && !("sharedFormula" in v)) {
    const { formula, result } = v as { formula: string; result?: unknown };
    const f = `<f>${escapeXml(xstring(formula))}</f>`;
    // A cached text result is t="str" (§18.18.11 ST_CellType), a number has no type.
    if (typeof result === "string") return `<c r="${ref}"${style} t="str">${f}<v>${escapeXml(xstring(result))}</v></c>`;
    if (typeof result === "number" && Number.isFinite(result)) return `<c r="${ref}"${style}>${f}<v>${String(result)}</v></c>`;
    if (typeof result === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
    if (result === undefined || result === null) return `<c r="${ref}"${style}>${f}</c>`;
  }
  throw new PatchUnsupported(`${ref} holds a value the sheet writer does not write`);
}

/** office-js/exceljs views → `<sheetView>` (§18.3.1.87), a frozen pane as Excel writes it (§18.3.1.66). */
function viewXml(ws: Worksheet): string {
  const v = (ws.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number; topLeftCell?: string } | undefined;
  if (!v || v.state !== "frozen" || (!v.xSplit && !v.ySplit)) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const x = v.xSplit ?? 0,
    y = v.ySplit ?? 0;
  const pane = x && y ? "bottomRight" : y ? "bottomLeft" : "topRight";
  const top = v.topLeftCell ?? `${columnName(x)}${y + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${x ? ` xSplit="${x}"` : ""}${y ? ` ySplit="${y}"` : ""} topLeftCell="${top}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
  );
}

/** The worksheet part for an exceljs sheet, children in CT_Worksheet order (§18.3.1.99). */
function worksheetXml(ws: Worksheet, styles: StyleAppender, texts: Texts): string {
  const rows: string[] = [];
  let maxRow = 0,
    maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const xml = cellXml(cell, styles.xfOf(cell), texts);
      if (!xml) return;
      cells.push(xml);
      maxCol = Math.max(maxCol, c);
    });
    const ht = row.height ? ` ht="${row.height}" customHeight="1"` : "";
    const hidden = row.hidden ? ' hidden="1"' : "";
    if (cells.length || ht || hidden) {
      rows.push(`<row r="${r}"${ht}${hidden}>${cells.join("")}</row>`);
      maxRow = Math.max(maxRow, r);
    }
  });
  const cols: string[] = [];
  for (let i = 1; i <= ws.columnCount; i++) {
    const w = ws.getColumn(i).width;
    if (w !== undefined && w > 0) cols.push(`<col min="${i}" max="${i}" width="${w}" customWidth="1"/>`);
  }
  const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice().sort();
  const dim = maxRow && maxCol && (maxRow > 1 || maxCol > 1) ? `A1:${columnName(maxCol - 1)}${maxRow}` : "A1";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE_REL}">` +
    `<dimension ref="${dim}"/>${viewXml(ws)}<sheetFormatPr defaultRowHeight="${ws.properties?.defaultRowHeight ?? 15}"/>` +
    (cols.length ? `<cols>${cols.join("")}</cols>` : "") +
    (rows.length ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>") +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

// ---------------------------------------------------------------------------------------------
// The package around it

/** A part this package no longer needs: its content-type override goes with it. */
async function removePart(pkg: Pkg, part: string): Promise<void> {
  pkg.remove(part);
  const types = (await pkg.text("[Content_Types].xml")) ?? "";
  const re = new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`, "i");
  if (re.test(types)) pkg.set("[Content_Types].xml", types.replace(re, ""));
}

/** Drops the relationships of a part being rewritten, and every target no other part still points at. */
async function dropRelationships(pkg: Pkg, part: string): Promise<void> {
  const relsPath = relsPathOf(part);
  const xml = await pkg.text(relsPath);
  if (xml === null) return;
  pkg.remove(relsPath);
  const targets = parseRels(xml)
    .filter((r) => !r.external)
    .map((r) => resolveTarget(part, r.target));
  const others = pkg.list().filter((n) => /\.rels$/i.test(n));
  const stillUsed = new Set<string>();
  for (const n of others) {
    // "dir/_rels/part.rels" belongs to "dir/part"; the package's own "_rels/.rels" to the root.
    const owner = n.replace(/(^|\/)_rels\/([^/]*)\.rels$/i, "$1$2");
    for (const r of parseRels((await pkg.text(n)) ?? "")) if (!r.external) stillUsed.add(resolveTarget(owner, r.target).toLowerCase());
  }
  for (const t of targets) {
    if (!pkg.has(t) || stillUsed.has(t.toLowerCase())) continue;
    await dropRelationships(pkg, t);
    await removePart(pkg, t);
  }
}

/** docProps/app.xml's list of sheet titles (ECMA-376 Part 1 §22.2.2.24, .12) grown by one sheet, when it has one. */
async function addTitle(pkg: Pkg, name: string): Promise<void> {
  const path = "docProps/app.xml";
  const xml = await pkg.text(path);
  if (xml === null) return;
  const pairs = /<((?:\w+:)?HeadingPairs)>\s*<((?:\w+:)?vector)\b([^>]*)>([\s\S]*?)<\/\2>\s*<\/\1>/.exec(xml);
  const titles = /<((?:\w+:)?TitlesOfParts)>\s*<((?:\w+:)?vector)\b([^>]*)>([\s\S]*?)<\/\2>\s*<\/\1>/.exec(xml);
  if (!pairs || !titles) return;
  const variants = [...pairs[4].matchAll(/<((?:\w+:)?variant)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]);
  let before = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const heading = /<(?:\w+:)?lpstr>([^<]*)</.exec(variants[i])?.[1];
    const n = Number(/<(?:\w+:)?i4>(\d+)</.exec(variants[i + 1])?.[1]);
    if (!Number.isFinite(n)) return;
    // Excel names the heading in the language it runs in.
    if (heading === "Worksheets" || heading === "工作表") {
      const entries = [...titles[4].matchAll(/<((?:\w+:)?lpstr)>[^<]*<\/\1>|<((?:\w+:)?lpstr)\/>/g)];
      if (entries.length < before + n) return; // already inconsistent: left as it is
      const at = before + n === 0 ? 0 : entries[before + n - 1].index! + entries[before + n - 1][0].length;
      const vp = /^(\w+:)?/.exec(titles[2])![1] ?? "";
      const body = titles[4].slice(0, at) + `<${vp}lpstr>${escapeXml(name)}</${vp}lpstr>` + titles[4].slice(at);
      const newTitles = `<${titles[1]}><${titles[2]}${titles[3].replace(/size="\d+"/, `size="${entries.length + 1}"`)}>${body}</${titles[2]}></${titles[1]}>`;
      const countVariant = variants[i + 1].replace(/(<(?:\w+:)?i4>)\d+/, `$1${n + 1}`);
      const newPairs = pairs[0].replace(variants[i + 1], countVariant);
      // The two changes are made on the original text: HeadingPairs precedes TitlesOfParts.
      pkg.set(path, xml.replace(titles[0], newTitles).replace(pairs[0], newPairs));
      return;
    }
    before += n;
  }
}

export interface SheetPatch {
  bytes: Uint8Array;
  changedParts: string[];
}

/**
 * `original` with the model's sheets `names` written in (added, or replacing a sheet of that name
 * this add-in wrote — the caller decides which sheets are ours). The state sheet also gets its
 * defined name. Throws PatchUnsupported for a package or sheet outside what this handles.
 */
export async function patchSheets(original: Uint8Array, wb: Workbook, names: readonly string[]): Promise<SheetPatch> {
  const opened = await openPackage(original);
  await patchSheetsInto(opened, wb, names);
  const out = await opened.pkg.write();
  return { bytes: out.bytes, changedParts: out.changed };
}

export async function patchSheetsInto(opened: OpenedPackage, wb: Workbook, names: readonly string[]): Promise<void> {
  const { pkg, sheets, workbookPath, wbRels } = opened;
  // A shared workbook logs a new sheet and every cell filled in it as revisions (MS-XLS §2.2.11.3:
  // "Inserting a new sheet", "Changing a cell"); this writes none: refused, as value edits are (patch.ts).
  if (names.length > 0 && hasRevisionLog(wbRels))
    throw new PatchUnsupported("sheets written into a shared workbook with a revision log", {
      zh: "这是带修订记录的共享工作簿:Excel 把插入工作表和填写单元格都记为修订,本工具不写修订记录,加入校验报告或设置工作表后修订记录将缺少这些修改",
      en: "this is a shared workbook with a revision log: Excel records inserting a sheet and filling its cells as revisions, which this tool does not write, so the log would miss the report or settings sheet",
    });
  let workbook = (await pkg.text(workbookPath))!;
  if (!workbook.includes(`"${MAIN}"`)) throw new PatchUnsupported("not a transitional SpreadsheetML workbook");
  const stylesRel = wbRels.find((r) => /\/styles$/.test(r.type));
  if (!stylesRel) throw new PatchUnsupported("no styles part");
  const stylesPath = resolveTarget(workbookPath, stylesRel.target);
  const styles = new StyleAppender((await pkg.text(stylesPath)) ?? "");
  const sstRel = wbRels.find((r) => /\/sharedStrings$/.test(r.type));
  const sstPath = sstRel ? resolveTarget(workbookPath, sstRel.target) : "";
  // Excel stores text in the shared strings (§18.4); a package without that part gets inline strings (§18.3.1.53).
  const sst = sstRel ? new SharedStrings(await pkg.text(sstPath), sstPath) : null;
  const texts: Texts = { shared: sst };
  const rPrefix =
    /<(?:\w+:)?workbook\b[^>]*?\sxmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      workbook,
    )?.[1];
  if (!rPrefix) {
    if (/<(?:\w+:)?workbook\b[^>]*\sxmlns:r=/.test(workbook)) throw new PatchUnsupported("the r prefix is bound to another namespace");
    workbook = workbook.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${OFFICE_REL}"`);
  }
  const r = rPrefix ?? "r";
  const wp = /<(\w+:)?workbook\b/.exec(workbook)?.[1] ?? "";
  const wbDir = workbookPath.replace(/[^/]+$/, "");

  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new PatchUnsupported(`no sheet ${name} in the model`);
    const old = sheets.find((s) => s.name === name);
    const state = ws.state === "veryHidden" || ws.state === "hidden" ? ws.state : null;
    let path: string;
    if (old) {
      // Our own earlier sheet: same part, relationship, sheetId and tab; its old content and relationships go.
      path = old.path;
      await dropRelationships(pkg, path);
      if (sst) for (const _ of ((await pkg.text(path)) ?? "").matchAll(/<(?:\w+:)?c\b[^>]*\st="s"/g)) sst.released();
      const nameAttr = new RegExp(`<(?:\\w+:)?sheet\\b[^>]*\\sname="${escapeXml(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*?/>`);
      workbook = workbook.replace(nameAttr, (el) => setAttr(el, "state", state));
    } else {
      let n = 1;
      while (pkg.has(`${wbDir}worksheets/sheet${n}.xml`)) n++;
      path = `${wbDir}worksheets/sheet${n}.xml`;
      const rId = await relateToWorkbook(pkg, workbookPath, path, `${OFFICE_REL}/worksheet`, WORKSHEET_TYPE);
      const sheetIds = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => Number(attrs(m[1]).get("sheetId")) || 0);
      const el = `<${wp}sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}"${state ? ` state="${state}"` : ""} ${r}:id="${rId}"/>`;
      workbook = workbook.replace(/<\/((?:\w+:)?sheets)>/, (m) => `${el}${m}`);
      sheets.push({ name, path });
      await addTitle(pkg, name);
    }
    pkg.set(path, worksheetXml(ws, styles, texts));
    if (name === STATE_SHEET) workbook = withStateName(workbook, wp);
  }
  pkg.set(workbookPath, workbook);
  const stylesXml = styles.result();
  if (stylesXml !== null) pkg.set(stylesPath, stylesXml);
  const sstXml = sst?.result();
  if (sst && sstXml) pkg.set(sstPath, sstXml);
}

/** The defined name pointing at the state (state.ts), replaced or added where CT_Workbook orders definedNames. */
function withStateName(workbook: string, p: string): string {
  const el = `<${p}definedName name="${STATE_NAME}">'${STATE_SHEET}'!$A$1</${p}definedName>`;
  const existing = new RegExp(`<(\\w+:)?definedName\\b[^>]*\\sname="${STATE_NAME}"(?![^>]*localSheetId)[^>]*>[\\s\\S]*?</\\1?definedName>`);
  // Replacement callbacks throughout: the name's text holds "$", which a replacement string would read as a group.
  if (existing.test(workbook)) return workbook.replace(existing, () => el);
  if (/<(\w+:)?definedNames\s*\/>/.test(workbook))
    return workbook.replace(/<((?:\w+:)?definedNames)\s*\/>/, (_, t: string) => `<${t}>${el}</${t}>`);
  if (/<\/(\w+:)?definedNames>/.test(workbook)) return workbook.replace(/<\/((?:\w+:)?definedNames)>/, (m) => `${el}${m}`);
  const wrapped = `<${p}definedNames>${el}</${p}definedNames>`;
  const after =
    /<(\w+:)?(calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/.exec(
      workbook,
    );
  if (after) return workbook.slice(0, after.index) + wrapped + workbook.slice(after.index);
  return workbook.replace(/<\/((?:\w+:)?workbook)>/, (m) => `${wrapped}${m}`);
}

// ---------------------------------------------------------------------------------------------
// Written and proved

const VERIFY_FAILED: Message = {
  zh: "写出的文件与工作簿中的报告或设置不一致,未写出任何文件",
  en: "The written file did not match the workbook's report or settings; nothing was written",
};

/**
 * `base` with the model's sheets `names` patched in, proved by reading it back with the product's
 * reader: each written sheet's cells (values and formulas) must equal the model's snapshot of it,
 * the saved state must read back as the model holds it, and (with an inflater) every other part
 * must keep its bytes.
 */
export async function writeSheetsPatched(
  base: Uint8Array,
  wb: Workbook,
  names: readonly string[],
  expected: WorkbookSnapshot,
  source: string,
  opts: FastReadOptions = {},
): Promise<SheetPatch> {
  const out = await patchSheets(base, wb, names);
  const visible = names.filter((n) => n !== STATE_SHEET);
  try {
    if (opts.inflateRaw) checkUntouchedParts(packagePair(base, out.bytes), out.changedParts, opts.inflateRaw);
    const back = await readSnapshotFast(out.bytes, source, { ...opts, ...(visible.length ? { sheets: new Set(visible) } : {}) });
    const diff: string[] = [];
    for (const n of visible) {
      const want = expected.sheets.find((s) => s.name === n);
      const got = back.snapshot.sheets.find((s) => s.name === n);
      if (!want || !got) {
        diff.push(`sheet ${n}`);
        continue;
      }
      const a = cellsOf(want),
        b = cellsOf(got);
      for (const k of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(k),
          y = b.get(k);
        // A formula's cached result is compared too: this writer copies it from the model, never computes it.
        if ((x?.formula ?? null) !== (y?.formula ?? null) || JSON.stringify(x?.value ?? null) !== JSON.stringify(y?.value ?? null))
          diff.push(`${n}!${k}`);
      }
    }
    if (names.includes(STATE_SHEET) && JSON.stringify(back.state) !== JSON.stringify(readState(wb) as WorkbookState))
      diff.push("the saved state");
    if (diff.length) throw new Error(`differs at ${diff.slice(0, 5).join(", ")}`);
  } catch (e) {
    if (e instanceof PatchUnsupported) throw e;
    throw new WorkbookWriteError(VERIFY_FAILED, e instanceof Error ? e.message : String(e));
  }
  return out;
}
