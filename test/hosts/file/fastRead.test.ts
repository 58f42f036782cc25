/**
 * The check-only reader (fastRead.ts) must give exactly what the exceljs path gives — the same
 * snapshot, the same saved state, the same summary mark — or the same FileReadError. Compared on
 * every .xlsx in the repository (examples, generated fixtures, the corpus) and on packages written
 * by hand for what exceljs itself never writes (inline strings, shared formulas, built-in formats,
 * 1904 dates, phonetic runs, parts another tool names differently).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { corpusForms, corpusWorkbook } from "../../../scripts/build-corpus";
import { FIXTURES } from "../../../scripts/build-fixtures";
import { SUMMARY_NAME, isSummaryWorkbook } from "../../../src/cli/summary";
import { FileReadError } from "../../../src/hosts/file/errors";
import { FastReadOptions, readSnapshotFast } from "../../../src/hosts/file/fastRead";
import { zipIndex } from "../../../src/hosts/file/zipIndex";
import { openXlsx } from "../../../src/hosts/file/open";
import { readState, writeState } from "../../../src/hosts/file/state";
import { EXAMPLES, FIXTURES as FIXTURE_DIR, toBytes } from "../../helpers/xlsx";

type Outcome = { snapshot: unknown; state: unknown; summary: boolean } | { error: string; zh: string; en: string };

/** What `check` got before this reader: the check-only exceljs read (with its repair retry). */
async function viaExceljs(bytes: Uint8Array, name: string): Promise<Outcome> {
  try {
    const r = await openXlsx(bytes, name, { readOnly: true });
    return { snapshot: r.snapshot, state: readState(r.workbook), summary: isSummaryWorkbook(r.workbook) };
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    return { error: e.kind, ...e.reason };
  }
}

async function viaFast(bytes: Uint8Array, name: string, opts: FastReadOptions = {}): Promise<Outcome> {
  try {
    const r = await readSnapshotFast(bytes, name, opts);
    return { snapshot: r.snapshot, state: r.state, summary: r.rangeNames.includes(SUMMARY_NAME) };
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    return { error: e.kind, ...e.reason };
  }
}

async function expectSame(bytes: Uint8Array, name: string): Promise<Outcome> {
  const want = await viaExceljs(bytes, name);
  // Unpacked by JSZip (the browser preview) and from the central directory with zlib (the CLI).
  expect(await viaFast(bytes, name)).toEqual(want);
  expect(await viaFast(bytes, name, { inflateRaw: inflateRawSync })).toEqual(want);
  return want;
}

describe("the same as exceljs on every workbook in the repository", () => {
  test.each(readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")))("examples/%s", async (f) => {
    const out = await expectSame(readFileSync(join(EXAMPLES, f)), f);
    expect("snapshot" in out).toBe(true);
  });

  test.each(Object.keys(FIXTURES))("test/fixtures/generated/%s", async (f) => {
    await expectSame(readFileSync(join(FIXTURE_DIR, f)), f);
  });

  test("the fixtures cover both outcomes: forms read and each kind of unreadable file", async () => {
    const kinds = new Set<string>();
    for (const f of Object.keys(FIXTURES)) {
      const out = await viaFast(readFileSync(join(FIXTURE_DIR, f)), f);
      kinds.add("error" in out ? out.error : "read");
    }
    expect([...kinds].sort()).toEqual(["corrupt", "empty", "no-sheets", "ole", "read", "text"]);
  });

  test.each(corpusForms().map((f) => [f.id, f] as const))("test/corpus %s", async (_, form) => {
    await expectSame(await corpusWorkbook(form), `${form.id}.xlsx`);
  });
});

// ------------------------------------------------------------------------------------------------
// Packages written by hand

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

interface Pkg {
  sheets: { name: string; data: string; tail?: string; rels?: string; state?: string }[];
  sst?: string[];
  numFmts?: Record<number, string>;
  /** numFmtId of each cellXfs entry after the default one (s="1", s="2", …). */
  xfs?: number[];
  date1904?: boolean;
  names?: string;
  extra?: Record<string, string>;
}

async function pkg(p: Pkg): Promise<Uint8Array> {
  const zip = new JSZip();
  const sheets = p.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("");
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="${MAIN}" xmlns:r="${R}">${p.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets}</sheets>${p.names ? `<definedNames>${p.names}</definedNames>` : ""}</workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PR}">${p.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}` +
      `<Relationship Id="rS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  if (p.sst) zip.file("xl/sharedStrings.xml", `<sst xmlns="${MAIN}">${p.sst.join("")}</sst>`);
  const fmts = Object.entries(p.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`)
    .join("");
  const xfs = [0, ...(p.xfs ?? [])].map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join("");
  zip.file(
    "xl/styles.xml",
    `<styleSheet xmlns="${MAIN}">${fmts ? `<numFmts>${fmts}</numFmts>` : ""}<fonts><font/></fonts><fills><fill/></fills><borders><border/></borders>` +
      `<cellStyleXfs><xf numFmtId="10"/></cellStyleXfs><cellXfs>${xfs}</cellXfs><dxfs><dxf><numFmt numFmtId="200" formatCode="0.0%"/></dxf></dxfs></styleSheet>`,
  );
  p.sheets.forEach((s, i) => {
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${s.data}</sheetData>${s.tail ?? ""}</worksheet>`,
    );
    if (s.rels) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, `<Relationships xmlns="${PR}">${s.rels}</Relationships>`);
  });
  for (const [name, text] of Object.entries(p.extra ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

const one = (data: string, more: Partial<Pkg> = {}) => pkg({ sheets: [{ name: "申报表", data }], ...more });

/** The first sheet's snapshot, after checking both readers agree on the whole workbook. */
async function sheetOf(bytes: Uint8Array) {
  const out = await expectSame(bytes, "edge.xlsx");
  if (!("snapshot" in out)) throw new Error(`not read: ${out.zh}`);
  return (
    out.snapshot as {
      sheets: { values: unknown[][]; formulas?: unknown[][]; texts?: unknown[][]; merges: string[]; hiddenRows: number[]; name: string }[];
    }
  ).sheets[0];
}

describe("the same as exceljs on edge cases", () => {
  // (Phonetic runs inside an inline string are left out: exceljs ends the cell at </rPh> and loses
  // it, a shape no spreadsheet program writes — phonetic runs live in the shared strings.)
  test("inline strings, plain and rich", async () => {
    const s = await sheetOf(
      await one(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c><c r="B1" t="inlineStr"><is><r><t>科学</t></r><r><rPr><b/></rPr><t xml:space="preserve">技术 </t></r></is></c>' +
          "</row>",
      ),
    );
    expect(s.values).toEqual([["部门", "科学技术 "]]);
  });

  test("shared strings: rich text, escapes, phonetic runs left out, empty items", async () => {
    const s = await sheetOf(
      await one(
        '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c><c r="E2" t="s"><v>3</v></c><c r="F2" t="s"><v>4</v></c></row>',
        {
          sst: [
            '<si><r><t>一、</t></r><r><rPr><sz val="9"/></rPr><t>部门</t></r></si>',
            "<si><t>a_x000D_b &amp; &lt;c&gt;</t></si>",
            "<si><t>东京</t><rPh><t>とうきょう</t></rPh></si>",
            "<si/>",
            "<si><t/></si>",
          ],
        },
      ),
    );
    expect(s.values).toEqual([["一、部门", "a\rb & <c>", "东京"]]);
  });

  test("numbers, booleans, errors, str cells and built-in and custom number formats", async () => {
    const s = await sheetOf(
      await one(
        '<row r="1"><c r="A1" s="1"><v>0.955</v></c><c r="B1" s="2"><v>8827620.535</v></c><c r="C1" s="3"><v>3</v></c><c r="D1" s="4"><v>-0.5</v></c>' +
          '<c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" t="str"><v>a&amp;amp;b</v></c><c r="H1" s="5"><v>12</v></c><c r="I1"><v>1e400</v></c></row>',
        { numFmts: { 164: "0.0%", 165: '"¥"#,##0.00' }, xfs: [10, 4, 164, 9, 165] },
      ),
    );
    expect(s.values).toEqual([[0.955, 8827620.535, 3, -0.5, true, { error: "#N/A" }, "a&b", 12]]);
    expect(s.texts).toEqual([["95.50%", "8,827,620.54", "300.0%", "-50%", null, null, null, "12.00"]]);
  });

  test("dates under built-in and custom formats, 1900 and 1904 systems; locale-only ids stay numbers", async () => {
    const row =
      '<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.5</v></c><c r="C1" s="3"><v>45292</v></c><c r="D1" s="4"><v>45292</v></c></row>';
    const opts = { numFmts: { 170: 'yyyy"年"m"月"d"日"' }, xfs: [14, 22, 170, 31] };
    expect((await sheetOf(await one(row, opts))).values).toEqual([["2024-01-01", "2024-01-01T12:00:00", "2024-01-01", 45292]]);
    expect((await sheetOf(await one(row, { ...opts, date1904: true }))).values).toEqual([
      ["2028-01-02", "2028-01-02T12:00:00", "2028-01-02", 45292],
    ]);
  });

  test("formulas: cached values of each type, shared formulas translated, dates, a formula without a result", async () => {
    const s = await sheetOf(
      await one(
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A1:A2)</f><v>4</v></c><c r="C1" t="str"><f>"x"&amp;A1</f><v>x1</v></c></row>' +
          '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>7</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c></row>' +
          '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>10</v></c><c r="C3" s="1"><f>DATE(2024,1,1)</f><v>45292</v></c><c r="D3"><f>A3+1</f></c></row>',
        { xfs: [14] },
      ),
    );
    expect(s.values).toEqual([
      [1, 4, "x1"],
      [2, 7, { error: "#DIV/0!" }, true],
      [3, 10, "2024-01-01", null],
    ]);
    expect(s.formulas).toEqual([
      [null, "=A1*2+$A$1+SUM(A1:A2)", '="x"&A1'],
      [null, "=A2*2+$A$1+SUM(A2:A3)", "=1/0", "=TRUE()"],
      [null, "=A3*2+$A$1+SUM(A3:A4)", "=DATE(2024,1,1)", "=A3+1"],
    ]);
  });

  test("merges (covered values dropped), hidden rows, empty and styled-only rows, an origin below A1", async () => {
    const s = await sheetOf(
      await one(
        '<row r="3" hidden="1"><c r="C3" s="1"/></row><row r="4"><c r="C4" t="inlineStr"><is><t>一级</t></is></c><c r="D4" t="inlineStr"><is><t>盖住</t></is></c></row>' +
          '<row r="5" hidden="true"/><row r="6" hidden="1"><c r="E6"><v>5</v></c></row><row r="7" hidden="1"><c r="F7" s="1"/></row><row r="9"><c r="C9"><v>9</v></c></row>',
        { xfs: [0] },
      ).then(async (b) => {
        // Merges: C4:D4 (covers a value), C6:C7 (makes hidden row 7 count), B8 (a single cell, by hand).
        const zip = await JSZip.loadAsync(b);
        const x = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
        zip.file(
          "xl/worksheets/sheet1.xml",
          x.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="3"><mergeCell ref="C4:D4"/><mergeCell ref="C6:C7"/><mergeCell ref="B8"/></mergeCells>',
          ),
        );
        return zip.generateAsync({ type: "uint8array" });
      }),
    );
    expect(s.merges).toEqual(["C4:D4", "C6:C7", "B8"]);
    expect(s.hiddenRows).toEqual([5, 6]); // rows 6 and 7, 0-based
    expect(s.values).toEqual([["一级"], [], [null, null, 5], [], [], [9]]);
  });

  test("hyperlinks: the text, or the address where the text is not text", async () => {
    const s = await sheetOf(
      await one(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>网站</t></is></c><c r="B1"><v>12</v></c><c r="C1" s="1"/><c r="D1"/><c r="E1"><f>1+1</f><v>2</v></c></row>',
        {
          xfs: [0],
          sheets: [
            {
              name: "申报表",
              data: '<row r="1"><c r="A1" t="inlineStr"><is><t>网站</t></is></c><c r="B1"><v>12</v></c><c r="C1" s="1"/><c r="D1"/><c r="E1"><f>1+1</f><v>2</v></c></row>',
              tail: '<hyperlinks><hyperlink ref="A1" r:id="h1"/><hyperlink ref="B1" r:id="h2"/><hyperlink ref="C1" r:id="h1"/><hyperlink ref="D1" r:id="h2"/><hyperlink ref="E1" r:id="h1"/><hyperlink ref="F1" location="Sheet2!A1"/></hyperlinks>',
              rels: `<Relationship Id="h1" Type="${R}/hyperlink" Target="https://example.org/a" TargetMode="External"/><Relationship Id="h2" Type="${R}/hyperlink" Target="https://example.org/b" TargetMode="External"/>`,
            },
          ],
        },
      ),
    );
    expect(s.values).toEqual([
      ["网站", "https://example.org/b", "https://example.org/a", "https://example.org/b", "https://example.org/a"],
    ]);
    expect(s.formulas).toBeUndefined();
  });

  test("sheet names with quotes, ampersands and CJK, in workbook order; hidden sheets kept, the state sheet left out", async () => {
    const bytes = await pkg({
      sheets: [
        { name: "O'Brien 表", data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        {
          name: "_BudgetFormState",
          state: "veryHidden",
          data: '<row r="1"><c r="A1" t="inlineStr"><is><t>{"ignored":[{"rule":"x","cell":"申报表!B5"}]}</t></is></c></row>',
        },
        { name: "a & b <c>", state: "hidden", data: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: "长".repeat(31), data: "" },
      ],
    });
    const out = await expectSame(bytes, "names.xlsx");
    expect("snapshot" in out && (out.snapshot as { sheets: { name: string }[] }).sheets.map((s) => s.name)).toEqual([
      "O'Brien 表",
      "a & b <c>",
      "长".repeat(31),
    ]);
  });

  test.each([["长".repeat(32)], ["a[1]"], ["History"], ["'x"]])(
    "a sheet name exceljs refuses (%s) is refused the same way",
    async (name) => {
      // exceljs warns on the console before it refuses an over-long name; that is its behaviour, not noise to show.
      const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        const out = await expectSame(await pkg({ sheets: [{ name, data: "" }] }), "bad-name.xlsx");
        expect("error" in out && out.error).toBe("corrupt");
      } finally {
        warn.mockRestore();
      }
    },
  );

  test("the add-in's state and the summary mark, as exceljs writes them", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("汇总").getCell("A1").value = "文件";
    wb.definedNames.add("'汇总'!$A$1", SUMMARY_NAME);
    // Longer than one cell holds, so the JSON spans A1:A3.
    writeState(wb, {
      ignored: ["budget/total-mismatch|申报表!D7", "x".repeat(70000)],
      settings: { lang: "en", liveCheck: false, config: {} },
    });
    const out = await expectSame(await toBytes(wb), "summary.xlsx");
    expect("summary" in out && out.summary).toBe(true);
    expect("state" in out && (out.state as { ignored: unknown[] }).ignored).toHaveLength(2);
  });

  test("notes, drawings and charts as openpyxl writes them are not read at all", async () => {
    const bytes = await pkg({
      sheets: [
        {
          name: "申报表",
          data: '<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c></row>',
          tail: '<drawing r:id="d1"/><legacyDrawing r:id="v1"/>',
          rels:
            `<Relationship Id="d1" Type="${R}/drawing" Target="/xl/drawings/drawing1.xml"/><Relationship Id="c1" Type="${R}/comments" Target="/xl/comments/comment1.xml"/>` +
            `<Relationship Id="v1" Type="${R}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/>`,
        },
      ],
      extra: {
        "xl/drawings/drawing1.xml":
          '<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>7</col></from></oneCellAnchor></wsDr>',
        "xl/charts/chart1.xml": '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
        "xl/comments/comment1.xml": `<comments xmlns="${MAIN}"><authors><author>a</author></authors><commentList><comment ref="A1" authorId="0"><text><t>注</t></text></comment></commentList></comments>`,
        "xl/drawings/commentsDrawing1.vml": "<xml/>",
      },
    });
    expect((await sheetOf(bytes)).values).toEqual([["部门"]]);
  });

  test("overlapping merges are refused as exceljs refuses them (damaged file)", async () => {
    const bytes = await pkg({
      sheets: [
        {
          name: "申报表",
          data: '<row r="1"><c r="A1"><v>1</v></c></row>',
          tail: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
        },
      ],
    });
    const out = await expectSame(bytes, "overlap.xlsx");
    expect("error" in out && out.error).toBe("corrupt");
  });
});

describe("bad input: the same reason in both languages", () => {
  const cases: [string, () => Promise<Uint8Array>, string][] = [
    ["malformed sheet XML", () => one('<row r="1"><c r="A1"><v>1</v></row>'), "corrupt"],
    [
      "a zip that is a Word document",
      async () => new JSZip().file("word/document.xml", "<w:document/>").generateAsync({ type: "uint8array" }),
      "not-workbook",
    ],
    ["a workbook whose only sheet is the state sheet", () => pkg({ sheets: [{ name: "_BudgetFormState", data: "" }] }), "no-sheets"],
    [
      "an HTML page",
      async () => new TextEncoder().encode("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>"),
      "text",
    ],
    ["random binary", async () => Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 251), "not-zip"],
  ];
  test.each(cases)("%s", async (_, make, kind) => {
    const out = await expectSame(await make(), "bad.xlsx");
    expect("error" in out && out.error).toBe(kind);
  });
});

describe("zipIndex: the central directory read directly, or null so JSZip reads the package", () => {
  test("names and contents are JSZip's, stored and deflated", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>".repeat(50), { compression: "DEFLATE" });
    zip.file("xl/styles.xml", "<styleSheet/>", { compression: "STORE" });
    zip.file("xl/worksheets/表.xml", "中文", { compression: "DEFLATE" });
    zip.folder("xl/media");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const index = zipIndex(bytes)!;
    expect([...index.keys()].sort()).toEqual(["xl/styles.xml", "xl/workbook.xml", "xl/worksheets/表.xml"]);
    for (const [name, e] of index) {
      const data = e.method === 8 ? inflateRawSync(e.data) : e.data;
      expect(new TextDecoder().decode(data)).toBe(await zip.file(name)!.async("string"));
    }
    expect(index.get("xl/styles.xml")!.method).toBe(0);
  });

  test("bytes before the package (a self-extracting archive), a cut-off file: null, and the read still agrees with exceljs", async () => {
    const bytes = readFileSync(join(EXAMPLES, "corrected-form.xlsx"));
    const prefixed = new Uint8Array([...new TextEncoder().encode("MZ stub "), ...bytes]);
    expect(zipIndex(bytes)).not.toBeNull();
    expect(zipIndex(prefixed)).toBeNull();
    expect(zipIndex(bytes.subarray(0, bytes.length - 10))).toBeNull();
    await expectSame(bytes.subarray(0, bytes.length - 10), "cut.xlsx");
  });
});
