/**
 * The fidelity matrix (issue #25): each workbook of scripts/build-fidelity.ts (one feature each, and
 * one with all of them) × `fix` and `check --annotate` (`add`: fidelityAdd.test.ts). Every
 * output is compared with its input part by part — the parts the edit does not need are byte-for-byte
 * the input's — and cell by cell through the independent raw reader (test/helpers/rawXlsx.ts): only
 * the fixed cells and the cached results of the formulas that read them differ.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FEATURES, Feature, fidelityWorkbook } from "../../../scripts/build-fidelity";
import { RawSheet, RawValue, readRawXlsx } from "../../helpers/rawXlsx";
import { run } from "../../cli/capture";
import { packageParts, partText, sameBytes, wellFormed } from "../../helpers/packageParts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bf-fidelity-matrix-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FORM = "xl/worksheets/sheet1.xml";

/** What `fix` changes in the form: amounts stored as text become numbers, the ASCII operator becomes ≥. */
const FIXED: Record<string, RawValue> = { "7,3": 326.6, "8,3": 40.64, "21,4": "≥2次" };

/** The sheet without its cells: everything Excel keeps beside them (merges, rules, links, drawings …). */
const besideCells = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>");

function cellDiff(before: RawSheet, after: RawSheet): Map<string, RawValue | undefined> {
  const diff = new Map<string, RawValue | undefined>();
  for (const k of new Set([...before.cells.keys(), ...after.cells.keys()]))
    if (JSON.stringify(before.cells.get(k)) !== JSON.stringify(after.cells.get(k))) diff.set(k, after.cells.get(k));
  return diff;
}

const cases: [string, Feature[]][] = [...FEATURES.map((f): [string, Feature[]] => [f, [f]]), ["all", [...FEATURES]]];

describe.each(cases)("fix on a workbook with %s", (name, features) => {
  let input: Uint8Array;
  let output: Uint8Array;
  let err: string;
  beforeAll(async () => {
    input = await fidelityWorkbook(features);
    writeFileSync(join(dir, `${name}.xlsx`), input);
    const protectedForm = features.includes("protection");
    const r = await run([
      "fix",
      join(dir, `${name}.xlsx`),
      "--out",
      join(dir, `${name}-fixed.xlsx`),
      ...(protectedForm ? ["--write-protected"] : []),
    ]);
    expect(r.code).toBe(0);
    err = r.err;
    output = new Uint8Array(readFileSync(join(dir, `${name}-fixed.xlsx`)));
  });

  test("no part is lost or added, and every part the edit does not need keeps its bytes", async () => {
    const a = await packageParts(input);
    const b = await packageParts(output);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const allowed = new Set([FORM, "xl/sharedStrings.xml", "xl/styles.xml"]);
    // The formula sheet's cached results are recomputed; a formula that cannot be computed marks the workbook.
    if (features.includes("formulas")) allowed.add("xl/worksheets/sheet2.xml");
    if (features.includes("helperFormula")) allowed.add("xl/workbook.xml");
    const changed = [...a.keys()].filter((n) => !sameBytes(a.get(n)!, b.get(n)!));
    for (const n of changed) expect(allowed).toContain(n);
    expect(changed).toContain(FORM);
    for (const n of changed) if (/\.xml$/.test(n)) wellFormed(partText(b.get(n)!));
    // Beside its cells, the form sheet is as it was: conditional formats, validations, links, drawings, protection.
    expect(besideCells(partText(b.get(FORM)!))).toBe(besideCells(partText(a.get(FORM)!)));
    // Nothing to warn about: nothing is dropped.
    expect(err).not.toMatch(/不保留|丢失|lost|not keep/);
  });

  test("only the fixed cells and the results of formulas reading them differ", async () => {
    const before = await readRawXlsx(input);
    const after = await readRawXlsx(output);
    expect(after.map((s) => [s.name, s.state])).toEqual(before.map((s) => [s.name, s.state]));
    for (const [i, s] of before.entries()) {
      const t = after[i];
      expect(t.merges).toEqual(s.merges);
      expect(t.hiddenRows).toEqual(s.hiddenRows);
      expect(t.lastRowElement).toBe(s.lastRowElement);
      const diff = Object.fromEntries(cellDiff(s, t));
      if (s.name === "申报表") expect(diff).toEqual(FIXED);
      else if (s.name === "汇总")
        // SUM skipped the amounts while they were text (0); B3:B4 (+ converts text) were already right.
        expect(diff).toEqual({ "0,1": { formula: "SUM(申报表!D8:D9)", result: 367.24 }, "0,2": { formula: "B1/2", result: 183.62 } });
      else expect(diff).toEqual({});
    }
  });

  test("Excel recalculates on open exactly when a formula reading a fixed cell could not be computed", async () => {
    const wb = partText((await packageParts(output)).get("xl/workbook.xml")!);
    expect(/fullCalcOnLoad="1"/.test(wb)).toBe(features.includes("helperFormula"));
  });
});

test("fix refuses a protected form and writes nothing, as the WPS host does", async () => {
  const input = await fidelityWorkbook(["protection"]);
  writeFileSync(join(dir, "locked.xlsx"), input);
  const r = await run(["fix", join(dir, "locked.xlsx"), "--out", join(dir, "locked-fixed.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("工作表「申报表」受保护");
  expect(r.out).not.toContain("已修复");
  expect(existsSync(join(dir, "locked-fixed.xlsx"))).toBe(false);
});

test("add refuses a protected form unless --write-protected, and then writes the copy", async () => {
  const input = await fidelityWorkbook(["protection"]);
  writeFileSync(join(dir, "locked-add.xlsx"), input);
  const args = ["add", join(dir, "locked-add.xlsx"), "--template", "satisfaction.public", "--out", join(dir, "locked-added.xlsx")];
  const refused = await run(args);
  expect(refused.code).toBe(2);
  expect(refused.err).toContain("工作表「申报表」受保护");
  expect(existsSync(join(dir, "locked-added.xlsx"))).toBe(false);
  const allowed = await run([...args, "--write-protected"]);
  expect(allowed.code).toBe(0);
  // The insertion is patched into the package: the protection itself is kept.
  expect(partText((await packageParts(new Uint8Array(readFileSync(join(dir, "locked-added.xlsx"))))).get(FORM)!)).toMatch(
    /<sheetProtection[^>]*sheet="1"/,
  );
});

/** The solid fill colour of each cell's format, "row,col" → "FFRRGGBB", read from the sheet and styles XML. */
function fills(sheet: string, styles: string): Map<string, string> {
  const xfs = [.../<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b([^>]*?)\/?>/g)].map(
    (m) => /fillId="(\d+)"/.exec(m[1])?.[1],
  );
  const fillList = [.../<fills\b[^>]*>([\s\S]*?)<\/fills>/.exec(styles)![1].matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map(
    (m) => /patternType="solid"[\s\S]*?<fgColor rgb="([0-9A-F]{8})"/.exec(m[1])?.[1],
  );
  const out = new Map<string, string>();
  for (const m of sheet.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?\ss="(\d+)"/g)) {
    const rgb = fillList[Number(xfs[Number(m[3])] ?? 0)];
    if (rgb) out.set(`${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`, rgb);
  }
  return out;
}

describe.each(cases)("check --annotate on a workbook with %s", (name, features) => {
  let input: Uint8Array;
  let output: Uint8Array;
  let plain: string;
  let annotated: string;
  beforeAll(async () => {
    input = await fidelityWorkbook(features);
    writeFileSync(join(dir, `${name}-a.xlsx`), input);
    const outDir = join(dir, `annotated-${name}`);
    plain = (await run(["check", join(dir, `${name}-a.xlsx`), "--format", "json"])).out;
    const r = await run(["check", join(dir, `${name}-a.xlsx`), "--format", "json", "--annotate", outDir]);
    annotated = r.out;
    expect(r.err).not.toMatch(/不保留|丢失|lost|not keep/);
    output = new Uint8Array(readFileSync(join(outDir, `${name}-a.xlsx`)));
  });

  test("the same verdict as without --annotate: one reader for both", () => {
    expect(annotated).toBe(plain);
  });

  test("only the form sheet, the styles and the notes parts change; every other part keeps its bytes", async () => {
    const a = await packageParts(input);
    const b = await packageParts(output);
    const notesParts = ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet1.xml.rels"];
    expect([...b.keys()].sort()).toEqual([...new Set([...a.keys(), ...notesParts])].sort());
    const allowed = new Set([FORM, "xl/styles.xml", ...notesParts, "[Content_Types].xml"]);
    const changed = [...b.keys()].filter((n) => !a.has(n) || !sameBytes(a.get(n)!, b.get(n)!));
    for (const n of changed) expect(allowed).toContain(n);
    for (const n of changed) if (/\.(xml|rels|vml)$/.test(n)) wellFormed(partText(b.get(n)!));
    // Beside its cells the form sheet gains only the reference to its new notes drawing (a sheet
    // with form controls already has its one legacy drawing: the notes join it).
    const hadDrawing = /<legacyDrawing /.test(partText(a.get(FORM)!));
    const drop = (s: string) => (hadDrawing ? s : s.replace(/<legacyDrawing r:id="rId\d+"\/>/, ""));
    expect(drop(besideCells(partText(b.get(FORM)!)))).toBe(besideCells(partText(a.get(FORM)!)));
  });

  test("no value changes; the marked cells are filled and noted; the user's notes and authors are kept", async () => {
    const before = await readRawXlsx(input);
    const after = await readRawXlsx(output);
    for (const [i, s] of before.entries()) {
      expect(cellDiff(s, after[i])).toEqual(new Map());
      expect(after[i].merges).toEqual(s.merges);
      expect(after[i].hiddenRows).toEqual(s.hiddenRows);
    }
    const b = await packageParts(output);
    const filled = fills(partText(b.get(FORM)!), partText(b.get("xl/styles.xml")!));
    // The amounts stored as text and the operator are warned about: each such cell is filled and noted.
    for (const k of ["7,3", "8,3", "21,4"]) expect(filled.get(k)).toMatch(/^FF[0-9A-F]{6}$/);
    const notes = partText(b.get("xl/comments1.xml")!);
    for (const ref of ["D8", "D9", "E22"]) expect(notes).toMatch(new RegExp(`<comment ref="${ref}"[^>]*><text>[\\s\\S]*?绩效表助手:`));
    if (features.includes("notes")) {
      const original = partText((await packageParts(input)).get("xl/comments1.xml")!);
      expect(notes).toContain("<authors><author>张三</author><author>李四</author><author>绩效表助手</author></authors>");
      // The user's own note on D8 keeps its author and its runs, first; ours follows.
      const d8 = /<comment ref="D8"[\s\S]*?<\/comment>/.exec(original)![0].replace("</text></comment>", "");
      expect(notes).toContain(d8);
      expect(notes).toContain(/<comment ref="G40"[\s\S]*?<\/comment>/.exec(original)![0]);
    }
  });
});
