/**
 * The patched copy's read-back that parses only what the patch rewrote (readBack.ts): it must read
 * every cell as a full read does, and still refuse a copy with a damaged untouched part or a wrong
 * cell, whether the cell sits in a row the patch rewrote or in one it copied. Packages are damaged
 * as text with JSZip, never through the code under test.
 */
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { patchValues } from "../../../src/hosts/file/patch";
import { patchSteps } from "../../../src/hosts/file/patchRows";
import { writePatched } from "../../../src/hosts/file/patchWrite";
import { readSnapshotFast } from "../../../src/hosts/file/fastRead";
import {
  UntouchedPartChanged,
  cellsOf,
  cellsOfBack,
  checkUntouchedParts,
  packagePair,
  readBackCells,
} from "../../../src/hosts/file/readBack";
import { WorkbookWriteError } from "../../../src/hosts/file/write";
import { WorkbookSnapshot } from "../../../src/core/snapshot";
import { FEATURES, fidelityWorkbook } from "../../../scripts/build-fidelity";

const ROOT = join(__dirname, "../../..");
const FORM = "xl/worksheets/sheet1.xml";
const SHEET = "申报表";
const opts = { inflateRaw: inflateRawSync };

const example = () => new Uint8Array(readFileSync(join(ROOT, "examples/corrected-form.xlsx")));
const full = async (bytes: Uint8Array) => (await readSnapshotFast(bytes, "x.xlsx", opts)).snapshot;
/** The package with one part's text changed, every other entry rewritten by JSZip as it is. */
async function damaged(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async("string");
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file(part, next);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
/** The snapshot with one cell's value replaced (0-based position). */
function withCell(s: WorkbookSnapshot, row: number, col: number, value: string): WorkbookSnapshot {
  return {
    ...s,
    sheets: s.sheets.map((x) => {
      if (x.name !== SHEET) return x;
      const values = x.values.map((r) => r.slice());
      values[row - x.originRow][col - x.originCol] = value;
      return { ...x, values };
    }),
  };
}

describe("reading back only what the patch rewrote", () => {
  test("a value patch reads as a full read does, most rows taken as copied", async () => {
    const input = example();
    const before = await full(input);
    const edits = [
      { sheet: SHEET, row: 7, col: 3, value: 300 },
      { sheet: SHEET, row: 21, col: 4, value: "≥3次" },
    ];
    const patched = (await patchValues(input, edits)).bytes;
    const quick = readBackCells(packagePair(input, patched), before, inflateRawSync, new Set([SHEET]));
    expect(quick).not.toBeNull();
    expect(quick!.copiedRows).toBeGreaterThan(quick!.parsedRows);
    const whole = (await full(patched)).sheets.find((s) => s.name === SHEET)!;
    expect(cellsOfBack(quick!.sheets.get(SHEET)!)).toEqual(cellsOf(whole));
    // The model as edited passes; the shortcut was taken with the original's snapshot at hand.
    await expect(writePatched(input, edits, await full(patched), { ...opts, before })).resolves.toBeDefined();
  });

  test("rows read beside a sheet's conditional formats, validations and extensions: merges and hyperlinks still apply to them", async () => {
    // Every feature the fidelity matrix builds, so the sheet's tail holds far more than its merges and
    // links (scripts/build-fidelity.ts). B5 holds an external hyperlink: given a number, it reads as
    // the link's address. B3 lies under the title's merge A3:F3: a value written there is not read.
    // Read without the tail's merges or links, both would read otherwise.
    const input = await fidelityWorkbook(FEATURES);
    const before = await full(input);
    const form = before.sheets[0];
    expect(form.merges).toContain("A3:F3");
    const edits = [
      { sheet: form.name, row: 2, col: 1, value: "盖住的" },
      { sheet: form.name, row: 4, col: 1, value: 12345 },
    ];
    const patched = (await patchValues(input, edits)).bytes;
    const whole = cellsOf((await full(patched)).sheets[0]);
    expect(whole.get("2,1")).toBeUndefined();
    expect(whole.get("4,1")?.value).not.toBe(12345);
    const quick = readBackCells(packagePair(input, patched), before, inflateRawSync, new Set([form.name]));
    expect(quick).not.toBeNull();
    expect(quick!.parsedRows).toBeGreaterThan(0);
    expect(cellsOfBack(quick!.sheets.get(form.name)!)).toEqual(whole);
  });

  test("a merge that starts above a rewritten row still covers it; merges elsewhere are left out of the parse", async () => {
    // A9 lies under A7:A12, whose top row the patch leaves alone: the merge is kept for row 9 (a value
    // written there is not read), and must be whether its merges are plain or written another way.
    const input = example();
    const before = await full(input);
    expect(before.sheets[0].merges).toContain("A7:A12");
    const edits = [{ sheet: SHEET, row: 8, col: 0, value: "盖住的" }];
    for (const bytes of [
      input,
      await damaged(input, FORM, (x) => x.replace('<mergeCell ref="A7:A12"/>', "<mergeCell ref='A7:A12'></mergeCell>")),
    ]) {
      const base = await full(bytes);
      const patched = (await patchValues(bytes, edits)).bytes;
      const whole = cellsOf((await full(patched)).sheets[0]);
      expect(whole.get("8,0")).toBeUndefined();
      const quick = readBackCells(packagePair(bytes, patched), base, inflateRawSync, new Set([SHEET]));
      expect(quick!.parsedRows).toBe(1);
      expect(cellsOfBack(quick!.sheets.get(SHEET)!)).toEqual(whole);
    }
  });

  test("a row insertion reads as a full read does on every sheet", async () => {
    const input = example();
    const before = await full(input);
    const steps = [{ op: "insertRows" as const, sheet: SHEET, at: 27, count: 1 }];
    const patched = (await patchSteps(input, steps)).bytes;
    const quick = readBackCells(packagePair(input, patched), before, inflateRawSync);
    expect(quick).not.toBeNull();
    expect(quick!.copiedRows).toBeGreaterThan(0);
    for (const s of (await full(patched)).sheets) expect(cellsOfBack(quick!.sheets.get(s.name)!)).toEqual(cellsOf(s));
    await expect(writePatched(input, { steps }, await full(patched), { ...opts, before })).resolves.toBeDefined();
  });

  test("a wrong cell is refused, in a row the patch rewrote and in a row it copied", async () => {
    const input = example();
    const before = await full(input);
    const edits = [{ sheet: SHEET, row: 7, col: 3, value: 300 }];
    const right = await full((await patchValues(input, edits)).bytes);
    // D8 was rewritten; B3 (the project name) was copied: a model that differs there is a patch that missed an edit.
    for (const [row, col] of [
      [7, 3],
      [2, 1],
    ])
      await expect(writePatched(input, edits, withCell(right, row, col, "不是这样"), { ...opts, before })).rejects.toBeInstanceOf(
        WorkbookWriteError,
      );
  });

  test("a model shorter than the copy is refused: a copied row the model has no row for still counts", async () => {
    const input = example();
    const before = await full(input);
    const edits = [{ sheet: SHEET, row: 7, col: 3, value: 300 }];
    const right = await full((await patchValues(input, edits)).bytes);
    await expect(writePatched(input, edits, right, { ...opts, before })).resolves.toBeDefined();
    const short = { ...right, sheets: right.sheets.map((x) => (x.name === SHEET ? { ...x, values: x.values.slice(0, -1) } : x)) };
    expect(short.sheets.find((x) => x.name === SHEET)!.values.length).toBeLessThan(
      before.sheets.find((x) => x.name === SHEET)!.values.length,
    );
    await expect(writePatched(input, edits, short, { ...opts, before })).rejects.toBeInstanceOf(WorkbookWriteError);
  });

  test("a copied row whose XML was changed is parsed, not taken from the original", async () => {
    const input = example();
    const before = await full(input);
    const patched = (await patchValues(input, [{ sheet: SHEET, row: 7, col: 3, value: 300 }])).bytes;
    // D9 (row 9, untouched by the patch) gets another number in the copy.
    const bad = await damaged(patched, FORM, (xml) => xml.replace(/(<c r="D9"[^>]*>(?:<f>[^<]*<\/f>)?<v>)[^<]*/, "$1999"));
    const quick = readBackCells(packagePair(input, bad), before, inflateRawSync, new Set([SHEET]));
    expect(quick).not.toBeNull();
    expect(cellsOfBack(quick!.sheets.get(SHEET)!).get("8,3")?.value).toBe(999);
  });

  test("only the rows around a change are cut out; what is odd around them reads as a full read does", async () => {
    // The copy and the original share their text outside the change: only the rows there are parsed or
    // compared, the others only counted. Each odd shape below must read as a full read of the same
    // copy reads it (or leave it to the full read), never otherwise.
    const input = example();
    const edits = [{ sheet: SHEET, row: 21, col: 4, value: "≥3次" }];
    const plain = (await patchValues(input, edits)).bytes;
    const quick = readBackCells(packagePair(input, plain), await full(input), inflateRawSync, new Set([SHEET]));
    expect(quick!.parsedRows).toBe(1);
    const cases: [string, Uint8Array, Uint8Array][] = [["plain", input, plain]];
    // The changed row takes the number of a row outside the change (its cells keep their own addresses).
    cases.push(["a number twice", input, await damaged(plain, FORM, (x) => x.replace('<row r="22"', '<row r="5"'))]);
    // A cell the rewritten row no longer holds (the level name beside the changed target), and one it holds twice.
    cases.push(["a cell gone", input, await damaged(plain, FORM, (x) => x.replace(/<c r="C22"[^>]*?(\/>|>[\s\S]*?<\/c>)/, ""))]);
    cases.push(["a cell twice", input, await damaged(plain, FORM, (x) => x.replace(/<c r="C22"[^>]*?(\/>|>[\s\S]*?<\/c>)/, "$&$&"))]);
    // The original holds markup a plain scan could misread, or a row without its number, outside the change.
    for (const [what, edit] of [
      ["a comment", (x: string) => x.replace('<row r="3"', '<!-- <row r="22"> --><row r="3"')],
      ["an unnumbered row", (x: string) => x.replace(/<row r="3"[^>]*>/, (t) => t.replace(' r="3"', ""))],
    ] as const) {
      const odd = await damaged(input, FORM, edit);
      cases.push([what, odd, (await patchValues(odd, edits)).bytes]);
    }
    for (const [what, original, copy] of cases) {
      const back = readBackCells(packagePair(original, copy), await full(original), inflateRawSync, new Set([SHEET]));
      const whole = cellsOf((await full(copy)).sheets.find((x) => x.name === SHEET)!);
      if (back) expect([what, cellsOfBack(back.sheets.get(SHEET)!)]).toEqual([what, whole]);
    }
  });

  test("shared strings of every shape read as a full read reads them: rich runs, phonetic runs, empty items, spaces between", async () => {
    // Items are cut out of the part by a scan, and only those the rewritten rows name are parsed: an
    // item cut wrongly would shift every later one. An empty <si/> stands first, and each index is moved up to match.
    const SST = "xl/sharedStrings.xml";
    let odd = await damaged(example(), SST, (x) =>
      x
        .replace(/(<sst[^>]*>)/, "$1<si/>")
        .replace(/<si><t([^>]*)>([^<]*)<\/t><\/si>/g, (_, a: string, t: string) =>
          t.length % 2 ? `\n <si><r><t${a}>${t}</t></r><rPh sb="0" eb="1"><t>ピ</t></rPh></si>` : `<si ><t${a}>${t}</t></si>`,
        ),
    );
    odd = await damaged(odd, FORM, (x) => x.replace(/(<c [^>]*t="s"[^>]*><v>)(\d+)/g, (_, c: string, n: string) => `${c}${Number(n) + 1}`));
    const before = await full(odd);
    const patched = (await patchValues(odd, [{ sheet: SHEET, row: 21, col: 4, value: "≥3次" }])).bytes;
    const back = readBackCells(packagePair(odd, patched), before, inflateRawSync, new Set([SHEET]));
    expect(back!.parsedRows).toBe(1);
    const whole = cellsOf((await full(patched)).sheets.find((x) => x.name === SHEET)!);
    expect(cellsOfBack(back!.sheets.get(SHEET)!)).toEqual(whole);
    // The row read holds text from the odd items (its indicator name and level names).
    expect([...whole.keys()].filter((k) => k.startsWith("21,")).length).toBeGreaterThan(2);
  });

  test("a date in a rewritten row reads by the workbook's own 1904 setting", async () => {
    // The workbook part, kept byte for byte, is read only for its sheets and its 1904 setting: a date
    // read by the wrong epoch would be four years off.
    let odd = await damaged(example(), "xl/workbook.xml", (x) => x.replace("<workbookPr ", '<workbookPr date1904="1" '));
    // A date format appended to the cell formats; its index is the old count.
    let dateStyle = -1;
    odd = await damaged(odd, "xl/styles.xml", (x) =>
      x.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_, n: string, xfs: string) => {
        dateStyle = Number(n);
        return `<cellXfs count="${dateStyle + 1}">${xfs}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`;
      }),
    );
    odd = await damaged(odd, FORM, (x) =>
      x.replace(/<c r="F22"[^>]*?(\/>|>[\s\S]*?<\/c>)/, `<c r="F22" s="${dateStyle}"><v>40000</v></c>`),
    );
    const before = await full(odd);
    const patched = (await patchValues(odd, [{ sheet: SHEET, row: 21, col: 5, value: 40001 }])).bytes;
    const whole = cellsOf((await full(patched)).sheets.find((x) => x.name === SHEET)!);
    // Day 40001 counted from 1 January 1904 (ECMA-376 Part 1 §18.17.4.1), not from 1900.
    expect(whole.get("21,5")?.value).toBe(new Date(Date.UTC(1904, 0, 1) + 40001 * 86400000).toISOString().slice(0, 10));
    const back = readBackCells(packagePair(odd, patched), before, inflateRawSync, new Set([SHEET]));
    expect(cellsOfBack(back!.sheets.get(SHEET)!)).toEqual(whole);
  });

  test("an untouched part that changed is refused, naming it", async () => {
    const input = example();
    const report = await patchValues(input, [{ sheet: SHEET, row: 7, col: 3, value: 300 }]);
    expect(checkUntouchedParts(packagePair(input, report.bytes), report.changedParts, inflateRawSync)).toBe(true);
    const bad = await damaged(report.bytes, "xl/theme/theme1.xml", (xml) =>
      xml.replace(/<a:srgbClr val="[0-9A-F]{6}"/, '<a:srgbClr val="123456"'),
    );
    expect(() => checkUntouchedParts(packagePair(input, bad), report.changedParts, inflateRawSync)).toThrow(UntouchedPartChanged);
    expect(() => checkUntouchedParts(packagePair(input, bad), report.changedParts, inflateRawSync)).toThrow("xl/theme/theme1.xml");
    // A part the patch did not write that went missing is refused too.
    const zip = await JSZip.loadAsync(report.bytes);
    zip.remove("docProps/app.xml");
    const missing = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(() => checkUntouchedParts(packagePair(input, missing), report.changedParts, inflateRawSync)).toThrow("docProps/app.xml");
  });
});
