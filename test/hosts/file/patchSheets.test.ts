/**
 * The preview's download after a 校验报告 sheet or saved settings (issue #25): the user's package
 * with only those sheets added — a worksheet part, its content type, relationship, `<sheet>` entry,
 * the state's defined name, the document's sheet titles, appended strings and styles — and every
 * other part byte for byte the original's, so the chart, pivot, notes, x14 rules … are kept.
 *
 * Each written sheet is compared with the same sheet written by exceljs from the same model
 * (report.ts, state.ts): values and formulas by the test's raw reader (test/helpers/rawXlsx.ts),
 * fonts, fills, alignment, merges, widths and the frozen pane as exceljs resolves them when it
 * re-opens both files.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../../src/core/engine";
import { isSafePlan } from "../../../src/core/plan/editPlan";
import { Finding } from "../../../src/core/rules/types";
import { FileHost } from "../../../src/hosts/file/fileHost";
import { readSnapshotFast } from "../../../src/hosts/file/fastRead";
import { readState, STATE_NAME, STATE_SHEET } from "../../../src/hosts/file/state";
import { writeXlsx } from "../../../src/hosts/file/write";
import { DEFAULT_SETTINGS, WorkbookState } from "../../../src/hosts/host";
import { sanitizeState } from "../../../src/hosts/workbookState";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { FEATURES, fidelityWorkbook } from "../../../scripts/build-fidelity";
import { RawSheet, readRawXlsx } from "../../helpers/rawXlsx";
import { packageParts, partText, sameBytes, wellFormed } from "../../helpers/packageParts";
import { withRevisionLog } from "../../helpers/lossyForms";
import { LossRefused } from "../../../src/hosts/file/loss";

const features = FEATURES.filter((f) => f !== "protection");

const STATE: WorkbookState = {
  ignored: ["structure/amount-format@申报表!D8", '引号"与<尖括号>&'],
  settings: { ...DEFAULT_SETTINGS, lang: "en", liveCheck: false, config: { rules: { "structure/amount-format": "off" } } },
};

async function opened(bytes?: Uint8Array): Promise<{ host: FileHost; input: Uint8Array; findings: Finding[] }> {
  const input = bytes ?? (await fidelityWorkbook(features));
  const host = await FileHost.fromData(input, "all.xlsx");
  const findings = checkWorkbook((await host.read()).snapshot).findings;
  return { host, input, findings };
}

/** The parts whose bytes differ, the parts added and the parts gone. */
async function compare(input: Uint8Array, out: Uint8Array) {
  const a = await packageParts(input);
  const b = await packageParts(out);
  return {
    a,
    b,
    changed: [...a.keys()].filter((n) => b.has(n) && !sameBytes(a.get(n)!, b.get(n)!)).sort(),
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
    removed: [...a.keys()].filter((n) => !b.has(n)).sort(),
  };
}

/** Every XML part parses; every worksheet the workbook points at exists and has its content type. */
function consistent(b: Map<string, Uint8Array>): void {
  for (const [n, bytes] of b) if (/\.(xml|rels|vml)$/.test(n)) wellFormed(partText(bytes));
  const types = partText(b.get("[Content_Types].xml")!);
  const rels = partText(b.get("xl/_rels/workbook.xml.rels")!);
  const wb = partText(b.get("xl/workbook.xml")!);
  const ids = [...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => ({ id: m[1], target: `xl/${m[2]}` }));
  expect(new Set(ids.map((i) => i.id)).size).toBe(ids.length);
  for (const i of ids) expect(b.has(i.target)).toBe(true);
  const sheets = [...wb.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*sheetId="(\d+)"[^>]*r:id="([^"]+)"/g)].map((m) => ({
    name: m[1],
    sheetId: m[2],
    rid: m[3],
  }));
  expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(sheets.length);
  expect(new Set(sheets.map((s) => s.name)).size).toBe(sheets.length);
  for (const s of sheets) {
    const target = ids.find((i) => i.id === s.rid)!.target;
    expect(types).toContain(
      `<Override PartName="/${target}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
  }
  // No content type is left for a part that is gone.
  for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(b.has(m[1])).toBe(true);
}

/** What a sheet looks like to exceljs when it re-opens a file: the part of the model report.ts and state.ts set. */
function looks(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => {
      const f = c.font ?? {};
      cells.push({
        at: c.address,
        value: c.type === ExcelJS.ValueType.Merge ? null : c.value,
        font: { bold: !!f.bold, size: f.size ?? 11, underline: !!f.underline, color: f.color?.argb ?? null },
        fill: c.fill && c.fill.type === "pattern" && c.fill.pattern === "solid" ? c.fill.fgColor?.argb : null,
        wrap: !!c.alignment?.wrapText,
        vertical: c.alignment?.vertical ?? null,
      });
    }),
  );
  const widths = Array.from({ length: 6 }, (_, i) => ws.getColumn(i + 1).width ?? null);
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number; xSplit?: number; topLeftCell?: string } | undefined;
  return {
    state: ws.state,
    cells,
    merges: [...(ws.model.merges ?? [])].sort(),
    widths,
    frozen: view?.state === "frozen" ? { ySplit: view.ySplit ?? 0, xSplit: view.xSplit ?? 0, topLeftCell: view.topLeftCell } : null,
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The host's model written the exceljs way: the reference for what the patched sheets must hold. */
async function reference(host: FileHost): Promise<{ raw: RawSheet[]; wb: ExcelJS.Workbook }> {
  const bytes = await writeXlsx(host.excelWorkbook);
  return { raw: await readRawXlsx(bytes), wb: await load(bytes) };
}

async function sameSheets(out: Uint8Array, host: FileHost, names: string[]): Promise<void> {
  const ref = await reference(host);
  const raw = await readRawXlsx(out);
  const copy = await load(out); // re-opening the patched copy in exceljs works
  for (const name of names) {
    const want = ref.raw.find((s) => s.name === name)!;
    const got = raw.find((s) => s.name === name)!;
    expect(got.state).toBe(want.state);
    expect([...got.cells].sort()).toEqual([...want.cells].sort());
    expect(got.merges).toEqual(want.merges);
    expect(looks(copy.getWorksheet(name)!)).toEqual(looks(ref.wb.getWorksheet(name)!));
  }
  // Tab order as exceljs's model has it.
  expect(raw.map((s) => s.name)).toEqual(host.excelWorkbook.worksheets.map((w) => w.name));
}

/** The styles part only grows: every font, fill and cell format it had is still there, at its index. */
function stylesOnlyAppended(before: string, after: string): void {
  for (const tag of ["fonts", "fills", "cellXfs"]) {
    const body = (xml: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml)![1];
    expect(body(after).startsWith(body(before))).toBe(true);
  }
  expect(after.slice(after.indexOf("</cellXfs>"))).toBe(before.slice(before.indexOf("</cellXfs>")));
  // Each new font's children in the order Excel requires ([MS-OI29500] 2.1.706, Part 1 §18.8.22).
  const order = [
    "b",
    "i",
    "strike",
    "condense",
    "extend",
    "outline",
    "shadow",
    "u",
    "vertAlign",
    "sz",
    "color",
    "name",
    "family",
    "charset",
    "scheme",
  ];
  const fonts = (xml: string) =>
    [.../<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)![1].matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
  const added = fonts(after).slice(fonts(before).length);
  expect(added.length).toBeGreaterThan(0);
  for (const f of added) {
    const at = [...f.matchAll(/<(\w+)[\s/>]/g)].map((m) => order.indexOf(m[1]));
    expect(at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1]))).toBe(true);
    expect(f).toMatch(/<name val="Calibri"\/>/);
  }
}

const ADDED_SHEET_PARTS = [
  "[Content_Types].xml",
  "docProps/app.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/workbook.xml",
];

test("a download after the report sheet keeps every part and adds the sheet as exceljs's report.ts lays it out", async () => {
  const { host, input, findings } = await opened();
  expect(findings.length).toBeGreaterThan(0);
  await host.writeReport(findings, "zh");
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer();
  const { a, b, changed, added, removed } = await compare(input, out);
  expect(changed).toEqual(ADDED_SHEET_PARTS);
  expect(added).toEqual(["xl/worksheets/sheet7.xml"]);
  expect(removed).toEqual([]);
  consistent(b);
  stylesOnlyAppended(partText(a.get("xl/styles.xml")!), partText(b.get("xl/styles.xml")!));
  // The new sheet is listed with the titles of the document's worksheets.
  expect(partText(b.get("docProps/app.xml")!)).toContain(
    '<vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>申报表</vt:lpstr><vt:lpstr>校验报告</vt:lpstr>',
  );
  await sameSheets(out, host, ["校验报告"]);
  // Text goes to the shared strings, as Excel stores it; the links are HYPERLINK formulas with their cached text.
  const sheet = partText(b.get("xl/worksheets/sheet7.xml")!);
  expect(sheet).toMatch(/<c r="A1" s="\d+" t="s"><v>\d+<\/v><\/c>/);
  expect(sheet).toMatch(
    /<c r="E5" s="\d+" t="str"><f>HYPERLINK\(&quot;#'申报表'!D\d+&quot;,&quot;申报表!D\d+&quot;\)<\/f><v>申报表!D\d+<\/v><\/c>/,
  );
});

test("a download after saving the settings adds the very hidden state sheet and its name; every reader gets the state back", async () => {
  const { host, input } = await opened();
  await host.saveState(STATE);
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer();
  const { b, changed, added } = await compare(input, out);
  // Plain text in the default format: no style is added.
  expect(changed).toEqual(ADDED_SHEET_PARTS.filter((n) => n !== "xl/styles.xml"));
  expect(added).toEqual(["xl/worksheets/sheet7.xml"]);
  consistent(b);
  await sameSheets(out, host, [STATE_SHEET]);
  expect(partText(b.get("xl/workbook.xml")!)).toContain(`<definedName name="${STATE_NAME}">'${STATE_SHEET}'!$A$1</definedName>`);
  // exceljs's reader (state.ts), the check-only reader (fastRead.ts) and the shared shape (workbookState.ts) agree.
  expect(readState(await load(out))).toEqual(STATE);
  expect((await readSnapshotFast(out, "all.xlsx")).state).toEqual(STATE);
  const raw = (await readRawXlsx(out)).find((s) => s.name === STATE_SHEET)!;
  expect(raw.state).toBe("veryHidden");
  expect(sanitizeState(raw.cells.get("0,0"))).toEqual(STATE);
  // A new host over the copy starts from the saved state.
  expect(await (await FileHost.fromData(out, "copy.xlsx")).loadState()).toEqual(STATE);
});

test("report and state together, each written twice: one part each, replaced in place, long state split over cells", async () => {
  const { host, input, findings } = await opened();
  await host.saveState({ ignored: [], settings: { ...DEFAULT_SETTINGS } });
  await host.writeReport(findings, "zh");
  const first = await host.toBuffer();
  // The second time: fewer findings in the report, a state long enough to need several cells.
  const long: WorkbookState = { ...STATE, ignored: Array.from({ length: 3000 }, (_, i) => `rule/${i}@申报表!D${i + 1}`) };
  await host.writeReport(findings.slice(0, 1), "zh");
  await host.saveState(long);
  const out = await host.toBuffer();
  const { b, changed, added } = await compare(input, out);
  expect(changed).toEqual(ADDED_SHEET_PARTS);
  expect(added).toEqual(["xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml"]);
  consistent(b);
  await sameSheets(out, host, [STATE_SHEET, "校验报告"]);
  expect((await readSnapshotFast(out, "all.xlsx")).state).toEqual(long);
  expect(readState(await load(out))).toEqual(long);
  expect((await readRawXlsx(out)).find((s) => s.name === STATE_SHEET)!.cells.size).toBeGreaterThan(1);
  // The first download had the same parts.
  expect((await compare(input, first)).added).toEqual(added);
});

test("a report or state this add-in wrote into the opened file is replaced in place: same part, tab and sheetId; its old relationships go", async () => {
  const first = await opened();
  await first.host.writeReport(first.findings, "zh");
  await first.host.saveState(STATE);
  let saved = await first.host.toBuffer();
  // The copy was since saved by a program that gave the report sheet printer settings.
  const zip = await JSZip.loadAsync(saved);
  zip.file(
    "xl/worksheets/_rels/sheet7.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>',
  );
  zip.file("xl/printerSettings/printerSettings1.bin", new Uint8Array([1, 2, 3]));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>',
    ),
  );
  saved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });

  const again = await opened(saved);
  expect(await again.host.loadState()).toEqual(STATE);
  await again.host.writeReport(again.findings.slice(0, 2), "zh");
  await again.host.saveState({ ...STATE, ignored: [] });
  const out = await again.host.toBuffer();
  const { b, changed, added, removed } = await compare(saved, out);
  expect(added).toEqual([]);
  expect(removed).toEqual(["xl/printerSettings/printerSettings1.bin", "xl/worksheets/_rels/sheet7.xml.rels"]);
  // The titles, relationships and content types already name both sheets: only the sheets, strings and styles change.
  expect(changed).toEqual(["xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml"]);
  consistent(b);
  await sameSheets(out, again.host, ["校验报告", STATE_SHEET]);
  expect((await readSnapshotFast(out, "all.xlsx")).state).toEqual({ ...STATE, ignored: [] });
  // The replaced sheets' shared-string references were released: the count moves with the t="s" cells
  // (the fidelity workbook's own count is one over its references, as it was saved).
  const slack = (parts: Map<string, Uint8Array>) => {
    let refs = 0;
    for (const [n, bytes] of parts) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n)) refs += (partText(bytes).match(/\st="s"/g) ?? []).length;
    return Number(/count="(\d+)"/.exec(partText(parts.get("xl/sharedStrings.xml")!))![1]) - refs;
  };
  expect(slack(b)).toBe(slack(await packageParts(first.input)));
});

test("fixes, an inserted indicator, the report and marks in one download: all patched, the report as the model holds it", async () => {
  const { host, input } = await opened();
  for (let i = 0; i < 10; i++) {
    const next = checkWorkbook((await host.read()).snapshot).findings.find((f) => f.fix && isSafePlan(f.fix));
    if (!next) break;
    expect(await host.apply(next.fix!)).toEqual({ ok: true });
  }
  // A report on a cell below the insertion point, written before the row is inserted: the copy's report is the model's.
  const below: Finding = { ...checkWorkbook((await host.read()).snapshot).findings[0], cells: [{ sheet: "申报表", row: 35, col: 4 }] };
  await host.writeReport([below], "zh");
  const form = checkWorkbook((await host.read()).snapshot).recognitions.flatMap((r) => r.forms)[0];
  const plan = planInsertion(form.model, form.grid, findTemplate("quantity.key-tasks-completion")!);
  if (isInsertError(plan)) throw new Error(plan.error.en);
  expect(await host.apply(plan)).toEqual({ ok: true });
  await host.saveState(STATE);
  const findings = checkWorkbook((await host.read()).snapshot).findings;
  await host.mark(findings);
  expect(host.keepsEverything).toBe(true);
  const out = await host.toBuffer({ annotate: "zh" });
  const { a, b, added, removed } = await compare(input, out);
  expect(removed).toEqual([]);
  expect(added).toEqual(["xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml"]);
  consistent(b);
  // (The chart's series moved with the inserted row; these hold nothing that moves.)
  for (const n of ["xl/pivotTables/pivotTable1.xml", "xl/theme/theme1.xml", "xl/media/image1.png", "xl/tables/table1.xml"])
    expect(sameBytes(a.get(n)!, b.get(n)!)).toBe(true);
  await sameSheets(out, host, ["校验报告", STATE_SHEET]);
  const report = (await readRawXlsx(out)).find((s) => s.name === "校验报告")!;
  // The link's target is text inside the formula: Excel's Insert leaves it, and so does the model.
  expect(report.cells.get("4,4")).toEqual({ formula: `HYPERLINK("#'申报表'!E36","申报表!E36")`, result: "申报表!E36" });
  // The marks went on the form, not on the report.
  expect(partText(b.get("xl/worksheets/sheet7.xml")!)).not.toContain("<legacyDrawing");
  expect((await readSnapshotFast(out, "all.xlsx")).state).toEqual(STATE);
});

test("a sheet added to the model behind the host's back is not taken in by a later report or save: the copy is no patch", async () => {
  const { host, findings } = await opened();
  host.excelWorkbook.addWorksheet("备注").getCell("A1").value = "后加的表";
  expect(host.keepsEverything).toBe(false);
  await host.writeReport(findings, "zh");
  await host.saveState(STATE);
  expect(host.keepsEverything).toBe(false);
  const raw = await readRawXlsx(await host.toBuffer());
  expect(raw.map((s) => s.name)).toEqual([...host.excelWorkbook.worksheets.map((w) => w.name)]);
});

test("a package without a shared-strings part gets the state as inline strings, and no new part for strings", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("数据").getCell("A1").value = 1;
  const zip = await JSZip.loadAsync(await writeXlsx(wb));
  // Numbers only: drop the strings part exceljs writes anyway, with its relationship and content type.
  zip.remove("xl/sharedStrings.xml");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace(/<Override [^>]*sharedStrings[^>]*\/>/, ""));
  const input = await zip.generateAsync({ type: "uint8array" });
  const host = await FileHost.fromData(input, "numbers.xlsx");
  await host.saveState(STATE);
  const out = await host.toBuffer();
  const { b, added } = await compare(input, out);
  expect(added).toEqual(["xl/worksheets/sheet2.xml"]);
  consistent(b);
  expect(partText(b.get("xl/worksheets/sheet2.xml")!)).toContain('<c r="A1" t="inlineStr"><is><t>');
  expect((await readSnapshotFast(out, "numbers.xlsx")).state).toEqual(STATE);
  expect(readState(await load(out))).toEqual(STATE);
});

test("a shared workbook with a revision log takes no report or settings sheet unasked: Excel would log the new sheet, this would not", async () => {
  const zip = await JSZip.loadAsync(await fidelityWorkbook(features));
  await withRevisionLog(zip);
  const shared = await zip.generateAsync({ type: "uint8array" });
  const { host } = await opened(shared);
  // Nothing written yet: the download is the opened file itself, log included.
  expect(sameBytes(await host.toBuffer(), shared)).toBe(true);
  await host.saveState(STATE);
  const refused = await host.toBuffer().catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(LossRefused);
  const { head, lost } = (refused as LossRefused).loss;
  expect(head.zh).toContain("无法按原文件包修补:这是带修订记录的共享工作簿:Excel 把插入工作表和填写单元格都记为修订");
  expect(head.en).toContain("Excel records inserting a sheet and filling its cells as revisions");
  expect(lost.map((m) => m.zh)).toContain(
    "这是带修订记录的共享工作簿,写出的副本中将不保留修订记录(修订历史)和共享用户列表,副本不再是共享工作簿",
  );
  // Accepted, the rewrite keeps the settings and, as named, not the log.
  const out = await host.toBuffer({ allowLoss: true });
  expect(readState(await load(out))).toEqual(STATE);
  expect([...(await packageParts(out)).keys()].filter((n) => n.startsWith("xl/revisions/"))).toEqual([]);
});
