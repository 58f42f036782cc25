/**
 * The fidelity matrix for `add` (issue #25): each workbook of scripts/build-fidelity.ts (one feature
 * each, and one with all of them) × an indicator added into every group of the form. Each output is
 * compared with its input moved the way Excel's Insert moves it — computed here, with this file's
 * own reference mover, never with the product's — through the independent raw reader
 * (test/helpers/rawXlsx.ts) for cells, merges and hidden rows, and by reading the parts' XML for
 * everything beside the cells: 0 broken (every changed part well-formed), 0 lost silently (every part
 * kept, every part the insertion does not reach byte-identical, no warning), 0 shifted wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FEATURES, Feature, fidelityWorkbook } from "../../../scripts/build-fidelity";
import { RawSheet, RawValue, readRawXlsx } from "../../helpers/rawXlsx";
import { run } from "../../cli/capture";
import { packageParts, partText, sameBytes, wellFormed } from "../../helpers/packageParts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bf-fidelity-add-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORM = "xl/worksheets/sheet1.xml";
const SHEET = "申报表";
const NSV = "xl/namedSheetViews/namedSheetView1.xml";

/** One template per group of the form (budget-form templates), each inserting a row into its group. */
const GROUPS = [
  "quantity.key-tasks-completion",
  "quality.acceptance-pass-rate",
  "timeliness.project-on-schedule",
  "cost.control-rate",
  "benefit.economic.income-increase",
  "benefit.social.complaint-resolution",
  "benefit.ecological.paperless",
  "benefit.sustainable.mechanism",
  "satisfaction.service-recipients",
];

// ---- the test's own model of Excel's Insert: one row before 1-based row `at` of 申报表 ----

const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const letters = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : letters(Math.floor((n - 1) / 26)) + letters(((n - 1) % 26) + 1);
const REF = /((?:'[^']+'|[\p{L}\p{N}_]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?/gu;

/** References in `f` (written on sheet `own`) to rows ≥ at of the form, moved one row down. */
function moved(f: string, own: string, at: number): string {
  return f.replace(REF, (whole, sheet: string | undefined, c1, l1, r1, n1: string, c2, l2, r2, n2: string | undefined) => {
    const target = sheet ? sheet.slice(0, -1).replace(/^'|'$/g, "") : own;
    if (target !== SHEET) return whole;
    const mv = (n: string) => String(Number(n) >= at ? Number(n) + 1 : Number(n));
    return `${sheet ?? ""}${c1}${l1}${r1}${mv(n1)}${n2 === undefined ? "" : `:${c2}${l2}${r2}${mv(n2)}`}`;
  });
}

/** A shared formula's text as seen from a follower `dr` rows and `dc` columns from its master. */
function slid(f: string, dr: number, dc: number): string {
  return f.replace(REF, (whole, sheet: string | undefined, c1: string, l1: string, r1: string, n1: string) =>
    whole.includes(":") ? whole : `${sheet ?? ""}${c1}${c1 ? l1 : letters(col(l1) + dc)}${r1}${r1 ? n1 : Number(n1) + dr}`,
  );
}

/** Cells with shared-formula followers written out, so a split group compares with its expansion. */
function expanded(s: RawSheet): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  for (const [k, v] of s.cells) {
    if (typeof v === "object" && v !== null && "sharedFormula" in v) {
      const m = /^([A-Z]+)(\d+)$/.exec(v.sharedFormula)!;
      const [mr, mc] = [Number(m[2]) - 1, col(m[1]) - 1];
      const master = s.cells.get(`${mr},${mc}`) as { formula: string };
      const [r, c] = k.split(",").map(Number);
      out.set(k, { formula: slid(master.formula, r - mr, c - mc), result: v.result });
    } else out.set(k, v);
  }
  return out;
}

/** The raw sheet as Excel leaves it after the insertion (the new row itself left out). */
function expectedCells(s: RawSheet, at: number): Map<string, RawValue> {
  const out = new Map<string, RawValue>();
  for (const [k, v] of expanded(s)) {
    const [r, c] = k.split(",").map(Number);
    const row = s.name === SHEET && r + 1 >= at ? r + 1 : r;
    const value = typeof v === "object" && v !== null && "formula" in v ? { ...v, formula: moved(v.formula, s.name, at) } : v;
    out.set(`${row},${c}`, value);
  }
  return out;
}

const rangeText = (m: { top: number; left: number; bottom: number; right: number }) =>
  `${letters(m.left + 1)}${m.top + 1}:${letters(m.right + 1)}${m.bottom + 1}`;

/** The rows (1-based) of column `c` an sqref list covers. */
function rowsIn(sqref: string, c: string): number[] {
  const rows = new Set<number>();
  for (const part of sqref.split(/\s+/)) {
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(part);
    if (!m || col(m[1]) > col(c) || col(m[3] ?? m[1]) < col(c)) continue;
    for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}
const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);
/** `xml` with what each of `res` captures blanked, so the rest of a part can be compared. */
const blank = (xml: string, res: RegExp[]) => res.reduce((x, re) => x.replace(re, (whole, v: string) => whole.replace(v, "")), xml);

/** A 0-based row after the insertion before 1-based row `at` of the form. */
const row0 = (n: number, at: number) => (n + 1 >= at ? n + 1 : n);

/**
 * Drawing-anchor rows after the insertion, by how each object is tied to its cells: each corner
 * with its row, the whole object with its top-left cell, or not at all. Returns the from/to rows of
 * every anchor, in document order.
 */
function anchorRows(rows: [number, number], how: "each" | "whole" | "none", at: number): [number, number] {
  const [from, to] = rows;
  if (how === "none") return rows;
  if (how === "each") return [row0(from, at), row0(to, at)];
  const d = row0(from, at) - from;
  return [from + d, to + d];
}

/** DrawingML anchors (ECMA-376 Part 1 §20.5.2): editAs twoCell (default) each corner, oneCell whole, absolute none; a one-cell anchor whole. */
function drawingAnchors(xml: string, at: number): [number, number][] {
  return [...xml.matchAll(/<xdr:(twoCellAnchor|oneCellAnchor)\b([^>]*)>([\s\S]*?)<\/xdr:\1>/g)].map((m) => {
    const rows = all(m[3], /<xdr:row>(\d+)<\/xdr:row>/g).map(Number);
    const editAs = /editAs="(\w+)"/.exec(m[2])?.[1] ?? "twoCell";
    const how = m[1] === "oneCellAnchor" || editAs === "oneCell" ? "whole" : editAs === "absolute" ? "none" : "each";
    return anchorRows([rows[0], rows[1] ?? rows[0]], how, at);
  });
}

const cases: [string, Feature[]][] = [...FEATURES.map((f): [string, Feature[]] => [f, [f]]), ["all", [...FEATURES]]];

describe.each(cases)("add on a workbook with %s", (name, features) => {
  let input: Uint8Array;
  let before: Awaited<ReturnType<typeof readRawXlsx>>;
  let a: Map<string, Uint8Array>;
  beforeAll(async () => {
    input = await fidelityWorkbook(features);
    writeFileSync(join(dir, `${name}.xlsx`), input);
    before = await readRawXlsx(input);
    a = await packageParts(input);
  });

  test.each(GROUPS)("into the group of %s: everything moves as Excel moves it, nothing else changes", async (template) => {
    const out = join(dir, `${name}-${template}.xlsx`);
    const r = await run([
      "add",
      join(dir, `${name}.xlsx`),
      "--template",
      template,
      "--out",
      out,
      ...(features.includes("protection") ? ["--write-protected"] : []),
    ]);
    expect(r.code).toBe(0);
    // Nothing is dropped, so nothing is named as lost (a note that Excel will recalculate is checked below).
    expect(r.err).not.toMatch(/不保留|丢失|lost|not keep/);
    const at = Number(/第 (\d+) 行/.exec(r.out)![1]);
    const output = new Uint8Array(readFileSync(out));
    const b = await packageParts(output);

    // No part lost or added; only the parts the insertion reaches differ, each well-formed.
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const reach = new Set([FORM, "xl/sharedStrings.xml", "xl/workbook.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"]);
    // The form's control properties (their links are unqualified, so on the form), and any part naming the form.
    for (const n of a.keys()) if (/^xl\/ctrlProps\//.test(n) || partText(a.get(n)!).includes(SHEET)) reach.add(n);
    reach.add("xl/pivotCache/pivotCacheDefinition1.xml");
    for (const n of ["xl/drawings/drawing1.xml", "xl/charts/chart1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", NSV])
      reach.add(n);
    const changed = [...a.keys()].filter((n) => !sameBytes(a.get(n)!, b.get(n)!));
    for (const n of changed) expect(reach).toContain(n);
    for (const n of changed) if (/\.(xml|vml)$/.test(n)) wellFormed(partText(b.get(n)!));
    const tables = [...a.keys()].filter((n) => /^xl\/tables\//.test(n));
    for (const n of tables) expect(changed).not.toContain(n);

    // Cells, merges and hidden rows, through the raw reader.
    const after = await readRawXlsx(output);
    expect(after.map((s) => [s.name, s.state])).toEqual(before.map((s) => [s.name, s.state]));
    const wb = partText(b.get("xl/workbook.xml")!);
    for (const [i, s] of before.entries()) {
      const t = after[i];
      const want = expectedCells(s, at);
      const got = expanded(t);
      if (s.name === SHEET) {
        // The new row holds the indicator; the rest is the input moved.
        expect(typeof got.get(`${at - 1},3`)).toBe("string");
        for (const k of [...got.keys()]) if (k.startsWith(`${at - 1},`)) got.delete(k);
        // A group label whose merge now starts on the new row sits in its top-left cell, as a merge keeps it.
        for (const [k, v] of [...want]) {
          const [r, c] = k.split(",").map(Number);
          const m = t.merges.find((x) => x.top === at - 1 && x.top < r && r <= x.bottom && x.left <= c && c <= x.right);
          if (m && !got.has(k) && JSON.stringify(t.cells.get(`${m.top},${m.left}`)) === JSON.stringify(v)) want.delete(k);
        }
      }
      // COUNTA over the indicators cannot be computed here: when its range grew over the new row,
      // Excel is told to recalculate on open instead (its cached result is left as it was).
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
      const mv = (row: number) => (s.name === SHEET && row + 1 >= at ? row + 1 : row);
      expect(t.hiddenRows).toEqual(s.hiddenRows.map(mv));
      expect(t.lastRowElement).toBe(Math.max(mv(s.lastRowElement), s.name === SHEET ? at - 1 : -1));
      if (s.name !== SHEET) {
        expect(t.merges).toEqual(s.merges);
        continue;
      }
      // Merges move or grow with their rows; the group's own label merges ending right above the new
      // row take it in; new merges lie on the new row only.
      const movedMerges = s.merges.map((m) => ({ ...m, top: mv(m.top), bottom: mv(m.bottom) }));
      const keys = new Set(t.merges.map(rangeText));
      // A merge just above or just below the new row may be extended over it (the group's label now spans it).
      const over = (m: (typeof movedMerges)[number]) =>
        m.bottom === at - 2 ? [rangeText({ ...m, bottom: at - 1 })] : m.top === at ? [rangeText({ ...m, top: at - 1 })] : [];
      for (const m of movedMerges) expect(keys.has(rangeText(m)) || over(m).some((x) => keys.has(x))).toBe(true);
      const known = new Set(movedMerges.flatMap((m) => [rangeText(m), ...over(m)]));
      // A merge the plan makes (a one-row group's label over its new row) covers the new row.
      for (const m of t.merges) if (!known.has(rangeText(m))) expect(m.top <= at - 1 && at - 1 <= m.bottom).toBe(true);
    }
    const grew = 21 < at && at <= 38; // D21:D38 takes in a row inserted before rows 22…38
    expect(/fullCalcOnLoad="1"/.test(wb)).toBe(features.includes("formulas") && grew);
    expect(r.err.includes("重新计算")).toBe(features.includes("formulas") && grew);

    // The new row copies its neighbour's formats: height and each cell's style.
    const form = partText(b.get(FORM)!);
    const rowEl = (n: number, xml: string) => new RegExp(`<row r="${n}"[^>]*>[\\s\\S]*?</row>`).exec(xml)![0];
    const styles = (row: string) => all(row, /<c r="[A-Z]+\d+" s="(\d+)"/g);
    const neighbour = rowEl(at - 1, partText(a.get(FORM)!));
    expect(styles(rowEl(at, form))).toEqual(styles(neighbour));
    expect(/ ht="([^"]+)"/.exec(rowEl(at, form))?.[1]).toBe(/ ht="([^"]+)"/.exec(neighbour)?.[1]);

    // Beside the cells, every reference to a moved row moved.
    const before1 = partText(a.get(FORM)!);
    const refs = (xml: string, re: RegExp) => all(xml, re).map((v) => moved(v, SHEET, at));
    expect(all(form, /<conditionalFormatting sqref="([^"]+)"/g)).toEqual(refs(before1, /<conditionalFormatting sqref="([^"]+)"/g));
    expect(all(form, /<hyperlink ref="([^"]+)"/g)).toEqual(refs(before1, /<hyperlink ref="([^"]+)"/g));
    // Validations move, and one ending on the row the new one copies its formats from reaches over it.
    const overNew = (sq: string) =>
      sq.replace(/([A-Z]+)(\d+):([A-Z]+)(\d+)/g, (w, c1: string, r1: string, c2: string, r2: string) =>
        Number(r2) === at - 1 && Number(r1) <= at - 1 ? `${c1}${r1}:${c2}${at}` : w,
      );
    expect(all(form, /<dataValidation [^>]*sqref="([^"]+)"/g)).toEqual(refs(before1, /<dataValidation [^>]*sqref="([^"]+)"/g).map(overNew));
    expect(form.includes('<sheetProtection sheet="1"')).toBe(features.includes("protection"));
    if (features.includes("conditionalFormats")) expect(all(form, /<xm:sqref>([^<]+)<\/xm:sqref>/g)).toContain("D8:D9");
    if (features.includes("crossSheetValidation")) {
      // The list on F21:F38 covers the moved rows and the new one (grown over it, or copied onto it with its format).
      const sq = /<x14:dataValidation\b[\s\S]*?<xm:sqref>([^<]+)<\/xm:sqref>/.exec(form)![1];
      expect(rowsIn(sq, "F")).toEqual(Array.from({ length: 19 }, (_, i) => 21 + i));
      expect(form).toContain("<xm:f>选项!$A$1:$A$3</xm:f>");
    }
    if (features.includes("notes")) {
      const c0 = partText(a.get("xl/comments1.xml")!);
      const c1 = partText(b.get("xl/comments1.xml")!);
      expect(all(c1, /<comment ref="([^"]+)"/g)).toEqual(refs(c0, /<comment ref="([^"]+)"/g));
      expect(c1.replace(/<comment ref="[^"]+"/g, "")).toBe(c0.replace(/<comment ref="[^"]+"/g, ""));
      const v1 = partText(b.get("xl/drawings/vmlDrawing1.vml")!);
      const mv0 = (n: string) => String(Number(n) + 1 >= at ? Number(n) + 1 : Number(n));
      expect(all(v1, /<x:Row>(\d+)<\/x:Row>/g)).toEqual(
        all(partText(a.get("xl/drawings/vmlDrawing1.vml")!), /<x:Row>(\d+)<\/x:Row>/g).map(mv0),
      );
    }
    if (features.includes("names")) {
      const names = (xml: string) => all(xml, /<definedName [^>]*>([^<]*)<\/definedName>/g);
      expect(names(wb)).toEqual(names(partText(a.get("xl/workbook.xml")!)).map((n) => moved(n, "", at)));
    } else if ((!features.includes("formulas") || !grew) && !features.includes("oleSize")) expect(changed).not.toContain("xl/workbook.xml");
    if (features.some((f) => f === "picture" || f === "chart" || f === "linkedShape")) {
      const d0 = partText(a.get("xl/drawings/drawing1.xml")!);
      const d1 = partText(b.get("xl/drawings/drawing1.xml")!);
      // One-cell anchors and editAs="oneCell" move with their top-left cell; two-cell anchors move each corner with its row.
      expect(drawingAnchors(d1, Number.MAX_SAFE_INTEGER)).toEqual(drawingAnchors(d0, at));
      // A linked text box reads the same cell.
      expect(all(d1, /textlink="([^"]+)"/g)).toEqual(refs(d0, /textlink="([^"]+)"/g));
      const rest = [/<xdr:row>(\d+)<\/xdr:row>/g, /textlink="([^"]+)"/g];
      expect(blank(d1, rest)).toBe(blank(d0, rest));
    }
    if (features.includes("pivot")) {
      // The pivot table's source range on the form grows over the new row; the table itself is kept.
      const p0 = partText(a.get("xl/pivotCache/pivotCacheDefinition1.xml")!);
      const p1 = partText(b.get("xl/pivotCache/pivotCacheDefinition1.xml")!);
      expect(all(p1, /<worksheetSource ref="([^"]+)"/g)).toEqual(refs(p0, /<worksheetSource ref="([^"]+)"/g));
      expect(p1.replace(/<worksheetSource ref="[^"]+"/, "")).toBe(p0.replace(/<worksheetSource ref="[^"]+"/, ""));
      expect(changed).not.toContain("xl/pivotTables/pivotTable1.xml");
    }
    if (features.includes("chart")) {
      const c0 = partText(a.get("xl/charts/chart1.xml")!);
      const c1 = partText(b.get("xl/charts/chart1.xml")!);
      // Series and their data-label ranges (c15:f); the cached series values are kept as they were.
      const f = /<c(?:15)?:f>([^<]+)<\/c(?:15)?:f>/g;
      expect(all(c1, f)).toEqual(refs(c0, f));
      expect(all(c1, f).length).toBe(3);
      expect(blank(c1, [f])).toBe(blank(c0, [f]));
    }

    // Every other reference, part by part: the values each pattern captures are the input's moved
    // by the test's own rule, and (for parts beside the form's sheet) nothing else in the part changed.
    const on = (sheet: string) => (v: string) => moved(v, sheet, at);
    const wbRels = partText(a.get("xl/_rels/workbook.xml.rels")!);
    const pathOf = (sheet: string) => {
      const rid = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(partText(a.get("xl/workbook.xml")!))![1];
      return `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)![1]}`;
    };
    // Patterns per part beside the form's sheet: with every feature's values blanked, the rest is unchanged.
    const wholeParts = new Map<string, RegExp[]>();
    const check = (part: string, specs: [RegExp, (v: string, whole: string) => string][], whole = part !== FORM) => {
      const x0 = partText(a.get(part)!);
      const x1 = partText(b.get(part)!);
      for (const [re, move] of specs) {
        const want = [...x0.matchAll(re)].map((m) => move(m[1], m[0]));
        expect(all(x1, re)).toEqual(want);
        expect(want.length).toBeGreaterThan(0);
      }
      if (whole) wholeParts.set(part, [...(wholeParts.get(part) ?? []), ...specs.map(([re]) => re)]);
    };
    const onForm = on(SHEET);
    if (features.includes("sheetExtras")) {
      // Frozen rows are 1…ySplit: a row inserted among them is frozen too.
      const split = (v: string) => String(Number(v) >= at ? Number(v) + 1 : Number(v));
      const brk = (v: string) => String(Number(v) >= at - 1 ? Number(v) + 1 : Number(v));
      check(FORM, [
        [/ topLeftCell="([^"]+)"/g, onForm],
        [/<pane ySplit="(\d+)"/g, split],
        [/ activeCell="([^"]+)"/g, onForm],
        [/<selection [^>]*sqref="([^"]+)"/g, onForm],
        [/<protectedRange [^>]*sqref="([^"]+)"/g, onForm],
        [/<scenarios [^>]*sqref="([^"]+)"/g, onForm],
        [/<inputCells r="([^"]+)"/g, onForm],
        [/<cellWatch r="([^"]+)"/g, onForm],
        [/<ignoredError sqref="([^"]+)"/g, onForm],
        [/sourceRef="([^"]+)"/g, onForm],
        [/<brk id="(\d+)"/g, brk],
        // A consolidation source is on the sheet it names: 选项's does not move.
        [/<dataRef ref="([^"]+)"[^>]*>/g, (v, el) => moved(v, /sheet="([^"]+)"/.exec(el)?.[1] ?? SHEET, at)],
      ]);
      expect(all(form, /<dataRef ref="([^"]+)"/g)).toEqual(["A1:A30"]);
      check(pathOf("选项"), [[/<dataRef ref="([^"]+)" sheet="([^"]+)"/g, (v, el) => moved(v, /sheet="([^"]+)"/.exec(el)![1], at)]]);
    }
    if (features.includes("relativeRules")) {
      // Rule formulas are read from their range's top-left cell, which moves with its row as the cells it names do.
      check(FORM, [
        [/<formula>([^<]+)<\/formula>/g, onForm],
        [/<formula1>([^<]+)<\/formula1>/g, onForm],
        [/<cfvo type="\w+" val="([^"]+)"/g, onForm],
      ]);
      check(pathOf("选项"), [[/<formula>([^<]+)<\/formula>/g, on("选项")]]);
    }
    if (features.includes("sparklines")) {
      check(FORM, [
        [/<x14:sparkline><xm:f>([^<]+)<\/xm:f>/g, onForm],
        [/<xm:sqref>([^<]+)<\/xm:sqref><\/x14:sparkline>/g, onForm],
      ]);
      check(pathOf("选项"), [[/<x14:sparkline><xm:f>([^<]+)<\/xm:f>/g, on("选项")]]);
    }
    if (features.includes("formControl")) {
      // Control anchors: moveWithCells alone moves the control with its top-left cell; no flag, not at all.
      const anchors = (xml: string, at2: number) =>
        [...xml.matchAll(/<anchor( moveWithCells="1")?>([\s\S]*?)<\/anchor>/g)].map((m) => {
          const rows = all(m[2], /<xdr:row>(\d+)<\/xdr:row>/g).map(Number) as [number, number];
          return anchorRows(rows, m[1] ? "whole" : "none", at2);
        });
      expect(anchors(form, Number.MAX_SAFE_INTEGER)).toEqual(anchors(before1, at));
      // VML: a note with its cell, a check box (SizeWithCells only: Excel reads it as "move, don't size")
      // with its top-left cell, a list box (both flags: "don't move") not at all.
      const vml = "xl/drawings/vmlDrawing1.vml";
      const vmlAnchors = (xml: string, at2: number) =>
        [...xml.matchAll(/<v:shape [\s\S]*?<\/v:shape>/g)].map((m) => {
          const v = /<x:Anchor>([^<]+)<\/x:Anchor>/.exec(m[0])![1].split(", ").map(Number);
          const how = m[0].includes('"Note"') ? "each" : m[0].includes("<x:MoveWithCells/>") ? "none" : "whole";
          return anchorRows([v[2], v[6]], how, at2);
        });
      expect(vmlAnchors(partText(b.get(vml)!), Number.MAX_SAFE_INTEGER)).toEqual(vmlAnchors(partText(a.get(vml)!), at));
      check(
        vml,
        [
          [/<x:FmlaLink>([^<]+)<\/x:FmlaLink>/g, onForm],
          [/<x:FmlaRange>([^<]+)<\/x:FmlaRange>/g, onForm],
        ],
        false,
      );
      const rest = [/<x:Anchor>([^<]+)<\/x:Anchor>/g, /<x:Row>(\d+)<\/x:Row>/g, /<x:Fmla\w+>([^<]+)<\/x:Fmla\w+>/g];
      expect(blank(partText(b.get(vml)!), rest)).toBe(blank(partText(a.get(vml)!), rest));
      check("xl/ctrlProps/ctrlProp1.xml", [[/fmlaLink="([^"]+)"/g, onForm]]);
      check("xl/ctrlProps/ctrlProp2.xml", [
        [/fmlaLink="([^"]+)"/g, onForm],
        [/fmlaRange="([^"]+)"/g, onForm],
      ]);
    }
    if (features.includes("oleSize")) {
      // The embedded-object area is on the active sheet, the form here (no workbookView names another).
      expect(partText(a.get("xl/workbook.xml")!)).not.toMatch(/activeTab="[1-9]/);
      check("xl/workbook.xml", [[/<oleSize ref="([^"]+)"/g, onForm]], features.length === 1);
    }
    if (features.includes("namedSheetView")) {
      // A sheet view's filter and sort ranges are on its sheet (the form): moved as the sheet's own autoFilter and sortState are.
      check(NSV, [
        [/<nsvFilter [^>]*ref="([^"]+)"/g, onForm],
        [/<sortCondition ref="([^"]+)"/g, onForm],
      ]);
    } else expect(changed).not.toContain(NSV);
    for (const [part, res] of wholeParts) expect(blank(partText(b.get(part)!), res)).toBe(blank(partText(a.get(part)!), res));
  });
});
