/**
 * The references a row insertion must move beside cells, formulas and the parts patchRows.ts
 * handles itself (issue #25's audit, docs/writing.md 插入行): the worksheet's view, watch, scenario,
 * consolidation, custom-view, web-publish and form-control positions; linked shapes, form-control
 * formulas, pivot-table locations, single-cell XML maps, data-connection parameters and the filtered
 * ranges of charts. Each function takes a part's text and returns it with the moved references
 * rewritten, or the same text when nothing in it moved (so the part keeps its bytes).
 *
 * Parts are edited as text, as in patch.ts: what is not matched is copied.
 */
import { columnName } from "../../core/a1";
import { RowShift, shiftFormula } from "./formulaShift";
import { PatchUnsupported, attrs, decode, parseSheetXml, setAttr } from "./patch";

/** No sheet is called this: unqualified references in a part that belongs to no sheet do not move. */
export const NO_SHEET = "\u0000";

const shiftRefs = (text: string, shift: RowShift) => shiftFormula(text, shift.sheet, shift);

/** Rewrites attribute `name` on the start tags of the elements `tags` (any prefix). */
export function mapTagAttr(
  xml: string,
  tags: readonly string[],
  name: string,
  f: (value: string, el: Map<string, string>) => string,
): string {
  const re = new RegExp(`<(?:\\w+:)?(?:${tags.join("|")})\\b[^>]*>`, "g");
  return xml.replace(re, (el) => {
    const a = attrs(el);
    const value = a.get(name);
    if (value === undefined) return el;
    const next = f(value, a);
    return next === value ? el : setAttr(el, name, next);
  });
}

/** Rewrites the text of every element `tag` (any prefix), decoded in and escaped out. */
export function mapText(xml: string, tag: string, f: (text: string) => string): string {
  const re = new RegExp(`(<(\\w+:)?${tag}\\b[^>]*>)([^<]*)(</\\2?${tag}>)`, "g");
  return xml.replace(re, (whole, open: string, _p, body: string, close: string) => {
    const text = decode(body);
    const next = f(text);
    return next === text ? whole : `${open}${escapeText(next)}${close}`;
  });
}

/** Element text needs only `&` and `<` escaped (and `>` after `]]`); quotes stay as the part wrote them. */
export const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A 0-based row index after the shift (rows at or below the insertion move). */
const row0 = (n: number, shift: RowShift) => (n >= shift.at - 1 ? n + shift.count : n);

/** The `<row>` of a from/to marker (any prefix), moved when at or below the insertion. */
function moveMarker(marker: string, shift: RowShift): string {
  return marker.replace(/(<(\w+:)?row>)(\d+)(<\/\2?row>)/, (w, a: string, _p, n: string, b: string) =>
    row0(Number(n), shift) === Number(n) ? w : `${a}${row0(Number(n), shift)}${b}`,
  );
}

/**
 * The worksheet-part references beside sqref/ref lists and formula text (which patchRows.ts moves):
 * on the shifted sheet, the views' top-left cells (`sheetView`, `pane`, `customSheetView`,
 * ST_CellRef; sheetView ECMA-376 Part 1 §18.3.1.87), a frozen pane's split when the
 * rows land inside the frozen rows, watched cells (`cellWatch@r` §18.3.1.8), scenario input cells
 * (`inputCells@r`), smart-tag cells (`cellSmartTags@r`), the synchronised-scroll anchor
 * (`sheetPr@syncRef`), web-publish sources (`webPublishItem@sourceRef` §18.3.1.97) and the cell
 * anchors of form controls and OLE objects (`anchor` §18.3.1.1); on every sheet, the consolidation
 * sources that name the shifted sheet (`dataRef@sheet`+`@ref` §18.3.1.30).
 */
export function shiftSheetExtras(xml: string, sheet: string, shift: RowShift): string {
  let s = mapTagAttr(xml, ["dataRef"], "ref", (v, a) =>
    a.has("name") || [...a.keys()].some((k) => /(^|:)id$/.test(k)) || (a.get("sheet") ?? sheet) !== shift.sheet ? v : shiftRefs(v, shift),
  );
  // A color scale's, data bar's or icon set's threshold given as a formula or a cell (cfvo@val, the
  // pre-2010 form; x14 rules hold theirs in xm:f, which patchRows.ts moves), read on this sheet.
  s = mapTagAttr(s, ["cfvo"], "val", (v) => (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) ? v : shiftFormula(v, sheet, shift)));
  if (sheet !== shift.sheet) return s;
  s = mapTagAttr(s, ["sheetView", "pane", "customSheetView"], "topLeftCell", (v) => shiftRefs(v, shift));
  // Excel does not document what a frozen split does when rows are inserted among the frozen rows;
  // the split follows them, so the same rows stay frozen (as their content is what the user froze).
  s = mapTagAttr(s, ["pane"], "ySplit", (v, a) =>
    /^frozen/.test(a.get("state") ?? "") && /^\d+$/.test(v) && Number(v) >= shift.at ? String(Number(v) + shift.count) : v,
  );
  s = mapTagAttr(s, ["cellWatch", "inputCells", "cellSmartTags"], "r", (v) => shiftRefs(v, shift));
  s = mapTagAttr(s, ["sheetPr"], "syncRef", (v) => shiftRefs(v, shift));
  s = mapTagAttr(s, ["webPublishItem"], "sourceRef", (v) => shiftRefs(v, shift));
  // CT_ObjectAnchor: sizeWithCells moves each corner with its row; moveWithCells alone moves the
  // object with its top-left cell; neither (both default false) leaves it where it is.
  s = s.replace(/<((?:\w+:)?anchor)\b([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag: string, a: string, body: string) => {
    const at = attrs(a);
    const size = /^(1|true)$/.test(at.get("sizeWithCells") ?? "");
    const move = size || /^(1|true)$/.test(at.get("moveWithCells") ?? "");
    if (!move) return whole;
    const from = /<((?:\w+:)?from)>[\s\S]*?<\/\1>/.exec(body)?.[0];
    if (!from) return whole;
    const fromMoves = moveMarker(from, shift) !== from;
    const next = body.replace(/<((?:\w+:)?(from|to))>[\s\S]*?<\/\1>/g, (m, _t, kind: string) =>
      kind === "from" || size || fromMoves ? moveMarker(m, shift) : m,
    );
    return next === body ? whole : `<${tag}${a}>${next}</${tag}>`;
  });
  return s;
}

/** The worksheet's `rowBreaks`, its custom views' included (CT_Break: `id` is the 0-based row a break sits after). */
export function shiftRowBreaks(xml: string, shift: RowShift): string {
  return xml.replace(/<((?:\w+:)?rowBreaks)\b[\s\S]*?<\/\1>/g, (rb) =>
    rb.replace(/(<(?:\w+:)?brk\b[^>]*\sid=")(\d+)"/g, (w, lead: string, id: string) =>
      Number(id) >= shift.at - 1 ? `${lead}${Number(id) + shift.count}"` : w,
    ),
  );
}

/** A drawing's linked shapes (`xdr:sp@textlink`, a formula read on the drawing's sheet), on any sheet. */
export function shiftDrawingFormulas(xml: string, sheet: string, shift: RowShift): string {
  return mapTagAttr(xml, ["sp"], "textlink", (v) => shiftFormula(v, sheet, shift));
}

/**
 * A VML drawing's form-control formulas (`x:FmlaLink`, `x:FmlaRange`, `x:FmlaTxbx`, `x:FmlaGroup`,
 * `x:FmlaPict`: ECMA-376 Part 4 §19.4.2), read on the drawing's sheet, on any sheet.
 */
export function shiftVmlFormulas(xml: string, sheet: string, shift: RowShift): string {
  let s = xml;
  for (const tag of ["FmlaLink", "FmlaRange", "FmlaTxbx", "FmlaGroup", "FmlaPict"])
    s = mapText(s, tag, (t) => shiftFormula(t, sheet, shift));
  return s;
}

/**
 * Whether a VML shape of the shifted sheet moves, and how: a note sits by its cell, so it moves with
 * it; any other object follows `x:MoveWithCells`/`x:SizeWithCells`, whose meaning Excel reverses
 * (MS-OI29500 §2.1.1881: present means the object does not move; Excel writes the two together, so
 * SizeWithCells is read the same way). "each" moves each corner with its row, "whole" the object
 * with its top-left cell.
 */
export function vmlMove(shapeXml: string): "each" | "whole" | "none" {
  const type = /ObjectType="([^"]*)"/.exec(shapeXml)?.[1];
  if (type === "Note") return "each";
  const flag = (n: string) => {
    const m = new RegExp(`<(?:\\w+:)?${n}\\s*(?:/>|>([^<]*)</(?:\\w+:)?${n}>)`).exec(shapeXml);
    return m !== null && !/^\s*f(alse)?\s*$/i.test(m[1] ?? "");
  };
  if (flag("MoveWithCells")) return "none";
  return flag("SizeWithCells") ? "whole" : "each";
}

/** A form control's properties part (MS-XLSX §2.6.65 CT_FormControlPr: fmlaLink, fmlaRange, fmlaTxbx, fmlaGroup). */
export function shiftCtrlProp(xml: string, sheet: string, shift: RowShift): string {
  let s = xml;
  for (const n of ["fmlaLink", "fmlaRange", "fmlaTxbx", "fmlaGroup"])
    s = mapTagAttr(s, ["formControlPr"], n, (v) => shiftFormula(v, sheet, shift));
  return s;
}

/** A pivot table on the shifted sheet: its location (`location@ref`, §18.10.1.49). */
export function shiftPivotTable(xml: string, shift: RowShift): string {
  return mapTagAttr(xml, ["location"], "ref", (v) => shiftRefs(v, shift));
}

/** A pivot cache's sources on the shifted sheet: a worksheet range, or consolidation ranges (`rangeSet`). */
export function shiftPivotCache(xml: string, shift: RowShift): string {
  return mapTagAttr(xml, ["worksheetSource", "rangeSet"], "ref", (v, a) =>
    a.get("sheet") === shift.sheet && ![...a.keys()].some((k) => /(^|:)id$/.test(k)) ? shiftRefs(v, shift) : v,
  );
}

/** Single-cell XML maps of the shifted sheet (`singleXmlCell@r`, ST_CellRef). */
export function shiftSingleXmlCells(xml: string, shift: RowShift): string {
  return mapTagAttr(xml, ["singleXmlCell"], "r", (v) => shiftRefs(v, shift));
}

/** Query parameters read from a cell (`parameter@cell`): sheet-qualified, workbook-wide. */
export function shiftConnections(xml: string, shift: RowShift): string {
  return mapTagAttr(xml, ["parameter"], "cell", (v) => shiftFormula(v, NO_SHEET, shift));
}

/** A chart's references: `c:f` (and `cx:f`, `c15:f`) formulas and the `c15:sqref` of filtered series. */
export function shiftChart(xml: string, shift: RowShift): string {
  return mapText(
    mapText(xml, "f", (t) => shiftFormula(t, NO_SHEET, shift)),
    "sqref",
    (t) => shiftFormula(t, NO_SHEET, shift),
  );
}

/** The workbook's sheets of every kind (`<sheets>` children), in order, with their sheetId. */
export function sheetOrder(workbookXml: string): { name: string; sheetId: string }[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => {
    const a = attrs(m[1]);
    return { name: a.get("name") ?? "", sheetId: a.get("sheetId") ?? "" };
  });
}

/**
 * workbook.xml. Defined names (print areas and titles among them; a range the rows land inside
 * grows) move their absolute rows only: a relative row is an offset from the cell using the name
 * (formulaShift.ts, relativeRowsStay), and Excel keeps such a name pointing the same distance away
 * whatever is inserted. The embedded-object area (`oleSize@ref`, ST_Ref, ECMA-376 Part 1 §18.2.16)
 * names no sheet: MS-XLS §2.4.187 (OleObjectSize) reads it on the active sheet (the first window's
 * `activeTab`, an index into `<sheets>`), so it moves when that sheet is the shifted one.
 */
export function shiftWorkbook(xml: string, shift: RowShift): string {
  let s = mapText(xml, "definedName", (t) => shiftFormula(t, NO_SHEET, shift, { relativeRowsStay: true }));
  const view = /<(?:\w+:)?workbookView\b([^>]*)>/.exec(s);
  const active = sheetOrder(s)[Number(attrs(view?.[1] ?? "").get("activeTab") ?? "0")]?.name;
  if (active === shift.sheet) s = mapTagAttr(s, ["oleSize"], "ref", (v) => shiftRefs(v, shift));
  return s;
}

/**
 * A named sheet view of the shifted sheet (Excel 365, MS-XLSX namedSheetViews part): each view's
 * filter range (`nsvFilter@ref`) and its sort ranges (`sortCondition@ref`, `richSortCondition@ref`),
 * moved as the sheet's own autoFilter and sortState are.
 */
export function shiftNamedSheetViews(xml: string, shift: RowShift): string {
  return mapTagAttr(xml, ["nsvFilter", "sortCondition", "richSortCondition"], "ref", (v) => shiftRefs(v, shift));
}

/** RTD or CUBE calls: the formulas a volatile dependency's cells hold. */
const VOLATILE_CALL = /(?:^|[^\p{L}\p{N}_.])(?:_xll\.)?(?:RTD|CUBE[A-Z]*)\s*\(/iu;

/** The cells of a worksheet whose formula calls RTD or a CUBE function (a shared formula's followers included). */
export function volatileCells(sheetXml: string): Set<string> {
  const cells = new Set<string>();
  const groups = new Set<string>();
  const followers: { si: string; ref: string }[] = [];
  for (const r of parseSheetXml(sheetXml).rows)
    for (const c of r.cells) {
      const f = /<(\w+:)?f\b([^>]*?)(?:\/>|>([^<]*)<\/\1?f>)/.exec(c.body);
      if (!f) continue;
      const a = attrs(f[2]);
      const ref = `${columnName(c.col)}${c.row + 1}`;
      // Text in quotes is a string, not a call.
      if (VOLATILE_CALL.test(decode(f[3] ?? "").replace(/"(?:[^"]|"")*"/g, '""'))) {
        cells.add(ref);
        if (a.get("t") === "shared") groups.add(a.get("si") ?? "");
      } else if (a.get("t") === "shared") followers.push({ si: a.get("si") ?? "", ref });
    }
  for (const f of followers) if (groups.has(f.si)) cells.add(f.ref);
  return cells;
}

/**
 * volatileDependencies.xml (ECMA-376 Part 1 §18.15): each RTD or CUBE topic lists the cells that
 * read it (`tr@r`, ST_CellRef) and their sheet (`tr@s`), which the standard calls "Sheet Id" but
 * describes as "the sheet index", and whose binary twin is a zero-based position (MS-XLSB §2.4.851
 * BrtVolRef.ish). So a cell's sheet is whichever of the two readings holds an RTD or CUBE formula
 * in that cell (§18.15.4: "a cell that depends on this topic"). `sheets` are the workbook's
 * `<sheet>` elements in order; `volatile` gives a worksheet's such cells. An entry that would move
 * and whose sheet cannot be told apart is refused: moving it and leaving it could each be wrong.
 */
export function shiftVolatileDependencies(
  xml: string,
  shift: RowShift,
  sheets: readonly { name: string; sheetId: string }[],
  volatile: (sheet: string) => Set<string>,
): string {
  return mapTagAttr(xml, ["tr"], "r", (r, a) => {
    const moved = shiftRefs(r, shift);
    const s = a.get("s") ?? "";
    if (moved === r || !/^\d+$/.test(s)) return r;
    const readings = [sheets.find((x) => x.sheetId === s)?.name, sheets[Number(s)]?.name];
    const candidates = [...new Set(readings.filter((n): n is string => n !== undefined))];
    if (!candidates.includes(shift.sheet)) return r;
    const confirmed = candidates.filter((n) => volatile(n).has(r.replace(/\$/g, "")));
    const sheet = confirmed.length === 1 ? confirmed[0] : candidates.length === 1 ? candidates[0] : null;
    if (sheet === null)
      throw new PatchUnsupported(`volatile dependency ${r} (s=${s}) on an undecidable sheet`, {
        zh: `工作簿的实时数据(RTD/CUBE)依赖表列出的单元格 ${r} 可能在表单上,也可能在另一工作表上,无法确定插入行后它是否应随表单移动`,
        en: `the workbook's real-time data (RTD/CUBE) dependency list names cell ${r} that may be on the form or on another sheet, so whether it moves with the inserted rows cannot be decided`,
      });
    return sheet === shift.sheet ? moved : r;
  });
}
