/**
 * Structural edits (row insertion, merging, the new rows' formats) written into a user's workbook
 * package the way Excel's own Insert does them: every reference to a moved row, wherever in the
 * package it is, moves with it — cells and formulas on every sheet (shared formulas kept shared when
 * their followers still read the same cells, otherwise written out cell by cell), merges, data
 * validations and conditional formats (the x14 extension included), hyperlinks, defined names
 * (print areas and titles among them), tables, drawing anchors, notes (and their VML shapes),
 * threaded comments, chart series, pivot-cache sources and the calculation chain. A range the new
 * rows land inside grows; one ending above them stays. Parts holding nothing that moved keep their
 * bytes. The value edits of the same plan are then written by the value patcher (patch.ts), which
 * also recomputes the cached results of formulas whose ranges grew.
 *
 * As in patch.ts, parts are edited as text with regular expressions: what is not matched is copied.
 */
import { columnIndex, columnName } from "../../core/a1";
import { Step } from "../../core/plan/steps";
import { RowShift, shiftFormula } from "./formulaShift";
import { slideFormula } from "./fastRead";
import {
  OpenedPackage,
  PatchReport,
  PatchUnsupported,
  ValueEdit,
  attrs,
  decode,
  escapeXml,
  openPackage,
  parseRels,
  parseSheetXml,
  patchValuesInto,
  relsPathOf,
  resolveTarget,
  calcChainOf,
  setAttr,
} from "./patch";
import { childrenAfter } from "./worksheetOrder";
import {
  escapeText,
  shiftChart,
  shiftConnections,
  shiftCtrlProp,
  shiftDrawingFormulas,
  shiftPivotCache,
  shiftPivotTable,
  shiftRowBreaks,
  shiftNamedSheetViews,
  shiftSheetExtras,
  shiftSingleXmlCells,
  shiftVmlFormulas,
  shiftVolatileDependencies,
  shiftWorkbook,
  sheetOrder,
  vmlMove,
  volatileCells,
} from "./patchRowsRefs";

/** Rewrites the text of every element `tag` (any prefix) in `xml` with `f` (decoded in, escaped out). */
function mapElementText(xml: string, tag: string, f: (text: string) => string): string {
  const re = new RegExp(`(<(\\w+:)?${tag}\\b[^>]*>)([^<]*)(</\\2?${tag}>)`, "g");
  return xml.replace(re, (whole, open: string, _p, body: string, close: string) => {
    const text = decode(body);
    const next = f(text);
    return next === text ? whole : `${open}${escapeText(next)}${close}`;
  });
}

/** Rewrites the value of attribute `name` on every element in `xml`. */
function mapAttr(xml: string, name: string, f: (value: string) => string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("([^"]*)"|'([^']*)')`, "g");
  return xml.replace(re, (whole, lead: string, _q, dq: string | undefined, sq: string | undefined) => {
    const value = decode(dq ?? sq ?? "");
    const next = f(value);
    return next === value ? whole : `${lead}"${escapeXml(next)}"`;
  });
}

/** Cell references and ranges (sqref lists included) on the shifted sheet itself. */
const shiftRefs = (text: string, shift: RowShift) => shiftFormula(text, shift.sheet, shift);

interface SheetInfo {
  name: string;
  path: string;
}

// ---------------------------------------------------------------------------------------------
// Worksheet parts

/** A worksheet's cells and formulas after the shift; rows and cells renumbered on the shifted sheet. */
function shiftSheetData(xml: string, sheet: string, shift: RowShift): string {
  const x = parseSheetXml(xml);
  const own = sheet === shift.sheet;
  const moved = (row0: number) => own && row0 + 1 >= shift.at;
  const newRow = (row0: number) => (moved(row0) ? row0 + shift.count : row0);

  // Shared formulas: a group stays shared when every follower, slid from the shifted master to its
  // new place, reads what its own formula shifted reads; otherwise each cell gets its formula written out.
  interface Member {
    row: number;
    col: number;
  }
  const masters = new Map<string, { row: number; col: number; text: string }>();
  const members = new Map<string, Member[]>();
  for (const r of x.rows)
    for (const c of r.cells) {
      const f = /<(\w+:)?f\b([^>]*?)(?:\/>|>([^<]*)<\/\1?f>)/.exec(c.body);
      if (!f) continue;
      const fa = attrs(f[2]);
      if (fa.get("t") !== "shared") continue;
      const si = fa.get("si") ?? "";
      members.set(si, [...(members.get(si) ?? []), { row: c.row, col: c.col }]);
      if ((f[3] ?? "") !== "") masters.set(si, { row: c.row, col: c.col, text: decode(f[3]!) });
    }
  const unshared = new Set<string>();
  for (const [si, list] of members) {
    const m = masters.get(si);
    if (!m) continue; // a follower without its master: left as it is (the value patcher refuses it)
    const shiftedMaster = shiftFormula(m.text, sheet, shift);
    const mNew = { row: newRow(m.row), col: m.col };
    for (const c of list) {
      const expected = shiftFormula(slideFormula(m.text, m, c), sheet, shift);
      const slid = slideFormula(shiftedMaster, mNew, { row: newRow(c.row), col: c.col });
      if (expected !== slid) {
        unshared.add(si);
        break;
      }
    }
  }

  const splices: { start: number; end: number; text: string }[] = [];
  for (const r of x.rows) {
    if (moved(r.row)) splices.push({ start: r.start, end: r.start + r.open.length, text: setAttr(r.open, "r", String(newRow(r.row) + 1)) });
    for (const c of r.cells) {
      const hasF = /<(\w+:)?f\b/.test(c.body);
      if (!moved(c.row) && !hasF) continue;
      let open = c.open;
      if (moved(c.row)) open = setAttr(open, "r", `${columnName(c.col)}${newRow(c.row) + 1}`);
      let body = c.body;
      if (hasF)
        body = body.replace(
          /<((?:\w+:)?f)\b([^>]*?)(\/>|>([^<]*)<\/(?:\w+:)?f>)/,
          (whole, tag: string, fattrs: string, _e, ftext?: string) => {
            const fa = attrs(fattrs);
            const t = fa.get("t");
            const text = decode(ftext ?? "");
            if (t === "shared" && unshared.has(fa.get("si") ?? "")) {
              const m = masters.get(fa.get("si") ?? "")!;
              const full = shiftFormula(slideFormula(m.text, m, c), sheet, shift);
              let a = ` ${fattrs.trim()}`.replace(/\s$/, "");
              for (const n of ["t", "ref", "si"]) a = setAttr(`<x${a}>`, n, null).slice(2, -1);
              return `<${tag}${a}>${escapeXml(full)}</${tag}>`;
            }
            let a = fattrs;
            if (own && fa.has("ref")) a = setAttr(`<x${a}>`, "ref", shiftRefs(fa.get("ref")!, shift)).slice(2, -1);
            // A data table's input cells (r1, r2: ST_CellRef, ECMA-376 Part 1 §18.3.1.40) lie on its own
            // sheet ("any cell on a worksheet can be the input cell"): they move with its rows.
            for (const n of ["r1", "r2"]) if (own && fa.has(n)) a = setAttr(`<x${a}>`, n, shiftRefs(fa.get(n)!, shift)).slice(2, -1);
            const next = text === "" ? "" : shiftFormula(text, sheet, shift);
            if (next === text && a === fattrs) return whole;
            return ftext === undefined ? `<${tag}${a}/>` : `<${tag}${a}>${escapeXml(next)}</${tag}>`;
          },
        );
      if (open === c.open && body === c.body) continue;
      const close = c.open.endsWith("/>") ? "" : `</${c.prefix}c>`;
      splices.push({ start: c.start, end: c.end, text: close ? `${open}${body}${close}` : open });
    }
  }
  splices.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const s of splices) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** Everything of a worksheet beside its cells: ranges on the shifted sheet, formulas reading it. */
function shiftBesideCells(xml: string, sheet: string, shift: RowShift): string {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new PatchUnsupported("no sheetData");
  const closeTag = `</${open[1] ?? ""}sheetData>`;
  const end = open[2] === "/" ? open.index + open[0].length : xml.indexOf(closeTag, open.index) + closeTag.length;
  const map = (part: string) => {
    let s = part;
    for (const tag of ["formula", "formula1", "formula2", "f"]) s = mapElementText(s, tag, (t) => shiftFormula(t, sheet, shift));
    if (sheet === shift.sheet) {
      // sqref lists and ref ranges: merges, validations, conditional formats, links, autofilter,
      // sort state, ignored errors, protected ranges, scenarios, the dimension, the selection.
      // A consolidation source (dataRef) names its own sheet: shiftSheetExtras moves it.
      s = mapAttr(s, "sqref", (v) => shiftRefs(v, shift));
      s = s.replace(/<(?!(?:\w+:)?dataRef\b)(?:\w+:)?\w+\b[^>]*\sref\s*=[^>]*>/g, (el) => mapAttr(el, "ref", (v) => shiftRefs(v, shift)));
      s = mapAttr(s, "activeCell", (v) => shiftRefs(v, shift));
      s = mapElementText(s, "sqref", (v) => shiftRefs(v, shift));
      s = shiftRowBreaks(s, shift);
    }
    return shiftSheetExtras(s, sheet, shift);
  };
  return map(xml.slice(0, open.index)) + xml.slice(open.index, end) + map(xml.slice(end));
}

// ---------------------------------------------------------------------------------------------
// Parts that belong to the shifted sheet

/** The 0-based row in `<xdr:row>` of a from/to marker, moved when at or below the insertion. */
function moveMarker(marker: string, shift: RowShift): string {
  return marker.replace(/(<(\w+:)?row>)(\d+)(<\/\2?row>)/, (w, a: string, _p, n: string, b: string) =>
    Number(n) >= shift.at - 1 ? `${a}${Number(n) + shift.count}${b}` : w,
  );
}

/**
 * Drawing anchors (ECMA-376 Part 1 §20.5.2): a two-cell anchor moves each corner with its row
 * (editAs "twoCell", the default), or the whole object with its top-left cell ("oneCell"), or
 * nothing ("absolute"); a one-cell anchor moves with its top-left cell; an absolute one stays.
 */
function shiftDrawing(xml: string, shift: RowShift): string {
  return xml.replace(
    /<(\w+:)?(twoCellAnchor|oneCellAnchor)\b([^>]*)>([\s\S]*?)<\/\1?\2>/g,
    (whole, p: string | undefined, kind: string, a: string, body: string) => {
      const editAs = attrs(a).get("editAs") ?? "twoCell";
      if (kind === "twoCellAnchor" && editAs === "absolute") return whole;
      const pre = p ?? "";
      const fromRe = new RegExp(`<${pre}from>[\\s\\S]*?</${pre}from>`);
      const toRe = new RegExp(`<${pre}to>[\\s\\S]*?</${pre}to>`);
      const from = fromRe.exec(body)?.[0];
      if (!from) return whole;
      const fromMoves = moveMarker(from, shift) !== from;
      let next = body.replace(fromRe, (m) => moveMarker(m, shift));
      if (kind === "twoCellAnchor") {
        next = next.replace(toRe, (m) => (editAs === "oneCell" && !fromMoves ? m : moveMarker(m, shift)));
      }
      return next === body ? whole : `<${pre}${kind}${a}>${next}</${pre}${kind}>`;
    },
  );
}

/**
 * Legacy VML shapes of the shifted sheet: a note's `<x:Row>` (0-based) and each shape's anchor top
 * and bottom rows (x:Anchor), as vmlMove says the shape moves (notes with their cell; form controls
 * by their move/size flags).
 */
function shiftVml(xml: string, shift: RowShift): string {
  const at0 = shift.at - 1;
  const mv = (n: number) => (n >= at0 ? n + shift.count : n);
  const shape = (body: string) => {
    const how = vmlMove(body);
    return body
      .replace(/(<(\w+:)?Row>)\s*(\d+)\s*(<\/\2?Row>)/g, (_w, a: string, _p, n: string, b: string) => `${a}${mv(Number(n))}${b}`)
      .replace(/(<(\w+:)?Anchor>)([^<]*)(<\/\2?Anchor>)/g, (w, a: string, _p, text: string, b: string) => {
        const v = text.split(",").map((s) => s.trim());
        if (how === "none" || v.length !== 8 || v.some((s) => !/^\d+$/.test(s))) return w;
        const [top, bottom] = [Number(v[2]), Number(v[6])];
        v[2] = String(mv(top));
        v[6] = String(how === "each" ? mv(bottom) : bottom + (mv(top) - top));
        return `${a}${v.join(", ")}${b}`;
      });
  };
  return xml.replace(/<((?:\w+:)?shape)\b[\s\S]*?<\/\1>/g, shape);
}

/**
 * A table: on the shifted sheet its range, autofilter and sort state; on any sheet its
 * calculated-column and totals formulas (read on the table's sheet).
 */
function shiftTable(xml: string, sheet: string, shift: RowShift): string {
  let s = sheet === shift.sheet ? mapAttr(xml, "ref", (v) => shiftRefs(v, shift)) : xml;
  for (const tag of ["calculatedColumnFormula", "totalsRowFormula"]) s = mapElementText(s, tag, (t) => shiftFormula(t, sheet, shift));
  return s;
}

// ---------------------------------------------------------------------------------------------
// The steps

/**
 * How a part related from a sheet moves, by its relationship type: positions only on the shifted
 * sheet itself, formulas (read on the part's sheet) on every sheet. Null for parts that hold no
 * reference (printer settings, images …), which are then not even read.
 */
function relatedPartShift(type: string, sheet: string, own: boolean, shift: RowShift): ((text: string) => string) | null {
  if (/\/drawing$/.test(type)) return (t) => shiftDrawingFormulas(own ? shiftDrawing(t, shift) : t, sheet, shift);
  if (/\/vmlDrawing$/.test(type)) return (t) => shiftVmlFormulas(own ? shiftVml(t, shift) : t, sheet, shift);
  if (/\/ctrlProp$/.test(type)) return (t) => shiftCtrlProp(t, sheet, shift);
  if (/\/table$/.test(type)) return (t) => shiftTable(t, sheet, shift);
  if (!own) return null;
  if (/\/comments$/.test(type) || /\/threadedComment$/.test(type)) return (t) => mapAttr(t, "ref", (v) => shiftRefs(v, shift));
  if (/\/pivotTable$/.test(type)) return (t) => shiftPivotTable(t, shift);
  if (/\/tableSingleCells$/.test(type)) return (t) => shiftSingleXmlCells(t, shift);
  if (/\/namedSheetView$/.test(type)) return (t) => shiftNamedSheetViews(t, shift);
  return null;
}

async function insertRows(opened: OpenedPackage, sheets: SheetInfo[], shift: RowShift): Promise<void> {
  const { pkg, workbookPath, wbRels } = opened;
  const form = sheets.find((s) => s.name === shift.sheet)!;
  // A shared workbook logs each insertion as a revision of its own (ECMA-376 Part 1 §18.11.1.21
  // rrc, action "insertRow"; Part 3's primer shows Excel appending one); earlier revisions are
  // history and stay as they are. This writes no revision, so the log would not match the sheet.
  if (wbRels.some((r) => /\/revisionHeaders$/.test(r.type)))
    throw new PatchUnsupported("a shared workbook's revision log", {
      zh: "这是带修订记录的共享工作簿:Excel 插入行时会在修订记录中追加一条插入行的修订,本工具不写修订记录,插入后修订记录将与表格不符",
      en: "this is a shared workbook with a revision log: Excel records an insertion as a new revision, which this tool does not write, so the log would no longer match the sheet",
    });
  // Volatile dependencies name their cells' sheets ambiguously: told apart by the formulas the
  // cells hold before anything moves.
  const volRel = wbRels.find((r) => /\/volatileDependencies$/.test(r.type));
  const volPath = volRel ? resolveTarget(workbookPath, volRel.target) : null;
  const volText = volPath ? await pkg.text(volPath) : null;
  if (volPath && volText !== null) {
    const order = sheetOrder((await pkg.text(workbookPath))!);
    const texts = new Map<string, string>();
    for (const s of sheets) texts.set(s.name, (await pkg.text(s.path)) ?? "");
    const cache = new Map<string, Set<string>>();
    const volatile = (name: string) => {
      if (!cache.has(name)) cache.set(name, texts.has(name) ? volatileCells(texts.get(name)!) : new Set());
      return cache.get(name)!;
    };
    const next = shiftVolatileDependencies(volText, shift, order, volatile);
    if (next !== volText) pkg.set(volPath, next);
  }
  for (const s of sheets) {
    const text = await pkg.text(s.path);
    if (text === null) throw new PatchUnsupported(`missing part ${s.path}`);
    const next = shiftBesideCells(shiftSheetData(text, s.name, shift), s.name, shift);
    if (next !== text) pkg.set(s.path, next);
  }

  // Defined names (print areas and titles among them) and the embedded-object area.
  const wb = (await pkg.text(workbookPath))!;
  const wbNext = shiftWorkbook(wb, shift);
  if (wbNext !== wb) pkg.set(workbookPath, wbNext);

  // The parts of each sheet: positions on the shifted sheet itself; formulas (read on their own
  // sheet) on every sheet.
  for (const s of sheets) {
    const own = s === form;
    const rels = parseRels((await pkg.text(relsPathOf(s.path))) ?? "").filter((r) => !r.external);
    for (const r of rels) {
      const f = relatedPartShift(r.type, s.name, own, shift);
      if (!f) continue;
      const path = resolveTarget(s.path, r.target);
      const text = await pkg.text(path);
      if (text === null) continue;
      const next = f(text);
      if (next !== text) pkg.set(path, next);
    }
  }

  // Anything that may point at the sheet from elsewhere: chart series (filtered ones included),
  // pivot-cache sources, data-connection parameters, the calc chain.
  for (const name of pkg.list()) {
    const f = /^xl\/charts\/chart[^/]*\.xml$/i.test(name)
      ? shiftChart
      : /^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/i.test(name)
        ? shiftPivotCache
        : /^xl\/connections\.xml$/i.test(name)
          ? shiftConnections
          : null;
    if (!f) continue;
    const text = (await pkg.text(name))!;
    const next = f(text, shift);
    if (next !== text) pkg.set(name, next);
  }
  await shiftCalcChain(opened, shift);
}

/** calcChain.xml: each entry's cell (`i` is the sheet's sheetId, omitted when it repeats the previous). */
async function shiftCalcChain(opened: OpenedPackage, shift: RowShift): Promise<void> {
  const chain = await calcChainOf(opened);
  const id = chain?.sheetIds.get(shift.sheet);
  if (!chain || !id) return;
  const { path, text } = chain;
  const { pkg } = opened;
  let current = "";
  const next = text.replace(/<((?:\w+:)?c)\b([^>]*?)(\/?)>/g, (el, tag: string, a: string, slash: string) => {
    const at = attrs(a);
    if (at.has("i")) current = at.get("i")!;
    if (current !== id || !at.has("r")) return el;
    const r = shiftRefs(at.get("r")!, shift);
    return r === at.get("r") ? el : setAttr(`<${tag}${a}${slash}>`, "r", r);
  });
  if (next !== text) pkg.set(path, next);
}

/**
 * Row `from`'s formats onto the new rows `to`…`to+count-1`: the row's own attributes (style, height)
 * but not hidden or collapsed, one empty `<c s>` per styled cell, and the data validations (x14
 * ones included) that cover the row, extended over the new rows — as Excel's Insert copies the
 * formats of the row above.
 */
async function copyFormat(opened: OpenedPackage, sheet: SheetInfo, from: number, to: number, count: number): Promise<void> {
  const { pkg } = opened;
  let xml = (await pkg.text(sheet.path))!;
  const x = parseSheetXml(xml);
  const src = x.rows.find((r) => r.row === from);
  for (let i = 0; i < count; i++)
    if (x.rows.some((r) => r.row === to + i && r.cells.length > 0)) throw new PatchUnsupported("the new rows are not empty");
  const p = x.prefix;
  let rowOpen = src ? src.open.replace(/\s*\/?>$/, ">") : `<${p}row>`;
  for (const n of ["hidden", "collapsed"]) rowOpen = setAttr(rowOpen, n, null);
  const styled = (src?.cells ?? []).filter((c) => attrs(c.open).has("s"));
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = to + i;
    const cells = styled.map((c) => `<${p}c r="${columnName(c.col)}${r + 1}" s="${attrs(c.open).get("s")}"/>`).join("");
    const open = setAttr(rowOpen, "r", String(r + 1));
    made.push(cells ? `${open}${cells}</${p}row>` : open.replace(/>$/, "/>"));
  }
  // The new rows replace any bare row elements at their place; they go before the first later row.
  const spliceFrom = x.rows.find((r) => r.row >= to);
  const last = x.rows.filter((r) => r.row >= to && r.row < to + count).pop();
  if (x.emptyData) xml = xml.slice(0, x.dataStart) + `<${p}sheetData>${made.join("")}</${p}sheetData>` + xml.slice(x.dataEnd);
  else {
    const start = spliceFrom ? spliceFrom.start : x.dataEnd;
    const end = last ? last.end : start;
    xml = xml.slice(0, start) + made.join("") + xml.slice(end);
  }

  // Validations covering the format row reach over the new rows too.
  const extend = (sqref: string): string => {
    const ranges = sqref.split(/\s+/).filter(Boolean);
    const parsed = ranges.map(parseSqrefRange);
    const add: string[] = [];
    const out = ranges.slice();
    parsed.forEach((r, i) => {
      if (!r || r.top > from || r.bottom < from) return;
      const covered = parsed.some((o) => o && o.left <= r.left && o.right >= r.right && o.top <= to && o.bottom >= to + count - 1);
      if (covered) return;
      // A range ending right above the new rows grows over them (F21:F38 → F21:F39, as Excel writes it).
      if (r.bottom === to - 1) out[i] = `${columnName(r.left)}${r.top + 1}:${columnName(r.right)}${to + count}`;
      else {
        const a = `${columnName(r.left)}${to + 1}`,
          b = `${columnName(r.right)}${to + count}`;
        add.push(a === b ? a : `${a}:${b}`);
      }
    });
    const next = [...out, ...add].join(" ");
    return next === ranges.join(" ") ? sqref : next;
  };
  xml = xml
    .replace(/<((?:\w+:)?dataValidation)\b[^>]*>/g, (el) => {
      const sq = attrs(el).get("sqref");
      return sq === undefined ? el : setAttr(el, "sqref", extend(sq));
    })
    .replace(/<((?:\w+:)?dataValidation)\b[^>]*>[\s\S]*?<\/\1>/g, (el) => mapElementText(el, "sqref", extend));
  pkg.set(sheet.path, xml);
}

function parseSqrefRange(s: string): { top: number; bottom: number; left: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(s);
  if (!m) return null;
  const [t, b] = [Number(m[2]) - 1, Number(m[4] ?? m[2]) - 1];
  const [l, r] = [columnIndex(m[1]), columnIndex(m[3] ?? m[1])];
  return { top: Math.min(t, b), bottom: Math.max(t, b), left: Math.min(l, r), right: Math.max(l, r) };
}

/** Adds or removes one `<mergeCell>` (CT_MergeCells), keeping the count and the element's place. */
async function setMerge(opened: OpenedPackage, sheet: SheetInfo, ref: string, on: boolean): Promise<void> {
  const { pkg } = opened;
  const xml = (await pkg.text(sheet.path))!;
  const x = parseSheetXml(xml);
  const p = x.prefix;
  const block = /<((?:\w+:)?mergeCells)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/.exec(xml);
  const list = block ? [...(block[2] ?? "").matchAll(/<(?:\w+:)?mergeCell\b([^>]*)\/?>(?:<\/(?:\w+:)?mergeCell>)?/g)] : [];
  const refs = list.map((m) => attrs(m[1]).get("ref") ?? "");
  let next: string[];
  if (on) {
    if (refs.includes(ref)) return;
    next = [...list.map((m) => m[0]), `<${p}mergeCell ref="${ref}"/>`];
  } else {
    const i = refs.indexOf(ref);
    if (i < 0) throw new PatchUnsupported(`no merge ${ref}`);
    next = list.filter((_, k) => k !== i).map((m) => m[0]);
  }
  const el = next.length ? `<${p}mergeCells count="${next.length}">${next.join("")}</${p}mergeCells>` : "";
  if (block) {
    pkg.set(sheet.path, xml.slice(0, block.index) + el + xml.slice(block.index + block[0].length));
    return;
  }
  // A sheet without merges: the element goes before the first child CT_Worksheet puts after it.
  let at = xml.length;
  for (const later of childrenAfter("mergeCells")) {
    const m = new RegExp(`<(\\w+:)?${later}[\\s>/]`).exec(xml.slice(x.dataEnd));
    if (m && x.dataEnd + m.index < at) at = x.dataEnd + m.index;
  }
  if (at === xml.length) at = xml.lastIndexOf(`</${p}worksheet>`);
  pkg.set(sheet.path, xml.slice(0, at) + el + xml.slice(at));
}

/**
 * The workbook `original` with the compiled steps of one or more plans applied, in order. Throws
 * PatchUnsupported when the package or a step is outside what this handles.
 */
export async function patchSteps(original: Uint8Array, steps: Step[]): Promise<PatchReport> {
  const opened = await openPackage(original);
  const sheets: SheetInfo[] = opened.sheets;
  const writes: ValueEdit[] = [];
  const blank: { sheet: string; row: number; col: number }[] = [];
  for (const s of steps) {
    const sheet = sheets.find((x) => x.name === s.sheet);
    if (!sheet) throw new PatchUnsupported(`no worksheet ${s.sheet}`);
    switch (s.op) {
      case "insertRows": {
        if (s.count <= 0) break;
        const shift: RowShift = { sheet: s.sheet, at: s.at + 1, count: s.count };
        await insertRows(opened, sheets, shift);
        // Earlier writes to moved rows move with them.
        for (const w of writes) if (w.sheet === s.sheet && w.row >= s.at) w.row += s.count;
        for (const b of blank) if (b.sheet === s.sheet && b.row >= s.at) b.row += s.count;
        const width = usedWidth((await opened.pkg.text(sheet.path))!);
        for (let r = s.at; r < s.at + s.count; r++) for (let c = 0; c < width; c++) blank.push({ sheet: s.sheet, row: r, col: c });
        break;
      }
      case "copyFormat":
        await copyFormat(opened, sheet, s.from, s.to, s.count);
        break;
      case "merge":
      case "unmerge":
        await setMerge(opened, sheet, rangeText(s.range), s.op === "merge");
        break;
      case "write":
        writes.push({
          sheet: s.sheet,
          row: s.row,
          col: s.col,
          value: s.value,
          ...(s.numberFormat ? { numberFormat: s.numberFormat } : {}),
        });
        break;
    }
  }
  const done = await patchValuesInto(opened, writes, blank);
  const out = await opened.pkg.write();
  return { bytes: out.bytes, changedParts: out.changed, ...done };
}

const rangeText = (r: { top: number; left: number; bottom: number; right: number }) => {
  const a = `${columnName(r.left)}${r.top + 1}`,
    b = `${columnName(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
};

/** Columns a formula may read in a new row: up to the last column any cell of the sheet uses. */
function usedWidth(xml: string): number {
  let max = 0;
  for (const r of parseSheetXml(xml).rows) for (const c of r.cells) max = Math.max(max, c.col + 1);
  return max;
}
