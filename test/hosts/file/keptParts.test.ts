/**
 * Workbook features exceljs 4.4 reads but does not write back — custom document properties,
 * workbook structure protection, legacy sheet passwords, defined names (sheet-scoped, relative,
 * mixed, formulas), hyperlinks to places in the workbook — are carried over from the original package
 * into every written copy, and move with the rows `add` inserts as the package patch moves them
 * (issue #7: they were lost, then only warned about). Each is proved twice: exceljs's own copy lacks
 * it, ours has it, read back from the package XML with jszip.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FileHost } from "../../../src/hosts/file/fileHost";
import { openXlsx } from "../../../src/hosts/file/open";
import { writeXlsx } from "../../../src/hosts/file/write";
import { readExample, toBytes } from "../../helpers/xlsx";
import { run } from "../../cli/capture";
import { parseRange } from "../../../src/core/a1";
import { withRevisionLog } from "../../helpers/lossyForms";
import { LossRefused } from "../../../src/hosts/file/loss";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function withFeatures(): Promise<Uint8Array> {
  const { workbook } = await readExample("corrected-form.xlsx");
  workbook.worksheets[0].getCell("H2").value = "跳到预算";
  workbook.worksheets[0].getCell("H3").value = "再跳";
  workbook.worksheets[0].getCell("H45").value = "跳到说明";
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  let wb = await zip.file("xl/workbook.xml")!.async("string");
  // Its place in the schema's order: before bookViews (or sheets when there are none).
  wb = wb.replace(/<(bookViews|sheets)>/, '<workbookProtection workbookPassword="CC1A" lockStructure="1"/><$1>');
  wb = wb.includes("<definedNames>")
    ? wb.replace(
        "<definedNames>",
        '<definedNames><definedName name="本表金额" localSheetId="0">申报表!$D$8:$D$9</definedName><definedName name="满意度">申报表!$E$40</definedName>',
      )
    : wb.replace(
        "</sheets>",
        '</sheets><definedNames><definedName name="本表金额" localSheetId="0">申报表!$D$8:$D$9</definedName><definedName name="满意度">申报表!$E$40</definedName></definedNames>',
      );
  zip.file("xl/workbook.xml", wb);
  let sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  sheet = sheet.replace(
    "<pageMargins",
    '<hyperlinks><hyperlink ref="H2" location="申报表!D8"/><hyperlink ref="H3" location="申报表!D9"/><hyperlink ref="H45" location="\'申报表\'!E40" display="说明"/></hyperlinks><pageMargins',
  );
  sheet = sheet.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1" password="DAA7"/>');
  zip.file("xl/worksheets/sheet1.xml", sheet);
  zip.file(
    "docProps/custom.xml",
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="审核人"><vt:lpwstr>张三</vt:lpwstr></property></Properties>',
  );
  let rels = await zip.file("_rels/.rels")!.async("string");
  rels = rels.replace(
    "</Relationships>",
    `<Relationship Id="rIdCustom" Type="${R}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
  );
  zip.file("_rels/.rels", rels);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    ),
  );
  return zip.generateAsync({ type: "uint8array" });
}

interface Features {
  custom: string | null;
  protection: string | null;
  names: string[];
  password: string | null;
  links: string[];
}

/** What a package holds of each feature, read from its XML alone. */
async function features(bytes: Uint8Array | ArrayBuffer): Promise<Features> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (n: string) => (zip.file(n) ? zip.file(n)!.async("string") : "");
  const wb = await text("xl/workbook.xml");
  const sheet = await text("xl/worksheets/sheet1.xml");
  const rels = await text("_rels/.rels");
  const types = await text("[Content_Types].xml");
  const customPath = /Type="[^"]*\/custom-properties" Target="\/?([^"]*)"/.exec(rels)?.[1];
  return {
    // The part counts only when the package points at it and declares its type.
    custom:
      customPath && types.includes(`PartName="/${customPath}"`)
        ? (/name="([^"]*)"><vt:lpwstr>([^<]*)/
            .exec(await text(customPath))
            ?.slice(1)
            .join("=") ?? null)
        : null,
    protection: /<workbookProtection\b[^>]*>/.exec(wb)?.[0] ?? null,
    // Names as written, quotes around sheet names aside (exceljs adds them, Excel need not).
    names: [...wb.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)]
      .map(
        (m) =>
          `${/name="([^"]*)"/.exec(m[1])![1]}${/localSheetId="(\d+)"/.test(m[1]) ? `@${/localSheetId="(\d+)"/.exec(m[1])![1]}` : ""}=${m[2].replace(/&apos;|'/g, "")}`,
      )
      .sort(),
    password: /<sheetProtection\b[^>]*\bpassword="([^"]*)"/.exec(sheet)?.[1] ?? null,
    links: [...sheet.matchAll(/<hyperlink\b[^>]*>/g)].map(
      (m) => `${/ref="([^"]*)"/.exec(m[0])![1]}→${(/location="([^"]*)"/.exec(m[0])?.[1] ?? "").replace(/&apos;/g, "'")}`,
    ),
  };
}

const ORIGINAL: Features = {
  custom: "审核人=张三",
  protection: '<workbookProtection workbookPassword="CC1A" lockStructure="1"/>',
  names: ["满意度=申报表!$E$40", "本表金额@0=申报表!$D$8:$D$9"].sort(),
  password: "DAA7",
  links: ["H2→申报表!D8", "H3→申报表!D9", "H45→'申报表'!E40"],
};

test("exceljs alone drops each feature; a copy written by this tool keeps them all, and warns of none", async () => {
  const bytes = await withFeatures();
  expect(await features(bytes)).toEqual(ORIGINAL);
  const r = await openXlsx(bytes, "features.xlsx");
  expect(r.warnings).toEqual([]);
  // What exceljs writes by itself: every one of them is gone or wrong.
  const alone = await features(await r.workbook.xlsx.writeBuffer());
  // (the sheet-scoped name became a workbook-wide one)
  expect(alone).toEqual({
    custom: null,
    protection: null,
    names: ["满意度=申报表!$E$40", "本表金额=申报表!$D$8:$D$9"].sort(),
    password: null,
    links: [],
  });
  expect(await features(await writeXlsx(r.workbook))).toEqual(ORIGINAL);
});

test("add: each is kept in the new file, and what points at moved rows moves with them as in Excel", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bf-kept-"));
  try {
    writeFileSync(join(dir, "in.xlsx"), await withFeatures());
    // The satisfaction template goes in as a new row 39: rows from 39 down move by one. The sheet has
    // a (legacy) password, so writing into it takes --write-protected (issue #25).
    const r = await run(["add", "in.xlsx", "--template", "satisfaction.public", "--out", "out.xlsx", "--write-protected"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.out).toContain("第 39 行");
    const out = await features(readFileSync(join(dir, "out.xlsx")));
    expect(out).toEqual({
      ...ORIGINAL,
      names: ["满意度=申报表!$E$41", "本表金额@0=申报表!$D$8:$D$9"].sort(),
      // The link's cell moved (H45 → H46); its destination is a stored address, which Excel's own
      // Insert leaves as it is (a "Place in This Document" link keeps pointing at E40), and so does the patch.
      links: ["H2→申报表!D8", "H3→申报表!D9", "H46→'申报表'!E40"],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a plain workbook gets no warning, and its copy is exceljs's own bytes (nothing to carry)", async () => {
  const { workbook } = await readExample("corrected-form.xlsx");
  const r = await openXlsx(await toBytes(workbook), "plain.xlsx");
  expect(r.warnings).toEqual([]);
  const ours = await features(await writeXlsx(r.workbook));
  expect(ours).toEqual({ custom: null, protection: null, names: [], password: null, links: [] });
});

test("the preview's download keeps them too, after an insertion and after a failed change restored from its backup", async () => {
  const host = await FileHost.fromData(await withFeatures(), "features.xlsx");
  expect(host.warnings).toEqual([]);
  // Fails its verification (D21 and D23 hold indicator names): the host reloads its backup, which is
  // exceljs's own bytes — what exceljs dropped must still come from the original.
  const failed = await host.apply({
    title: { zh: "插入并合并", en: "insert and merge" },
    edits: [
      { op: "insertRows", sheet: "申报表", row: 21, count: 1, formatFrom: 20 },
      { op: "merge", sheet: "申报表", range: parseRange("D21:D23") },
    ],
  });
  expect(failed.ok).toBe(false);
  expect(await features(await host.toBuffer())).toEqual(ORIGINAL);
  // A real insertion before row 39, patched into the opened package: the link's cell and the name
  // pointing below it move; the link's destination is a stored address Excel's Insert leaves as it is.
  const ok = await host.apply({
    title: { zh: "插入", en: "insert" },
    edits: [{ op: "insertRows", sheet: "申报表", row: 38, count: 1, formatFrom: 37 }],
  });
  expect(ok).toEqual({ ok: true });
  expect(await features(await host.toBuffer())).toEqual({
    ...ORIGINAL,
    names: ["满意度=申报表!$E$41", "本表金额@0=申报表!$D$8:$D$9"].sort(),
    links: ["H2→申报表!D8", "H3→申报表!D9", "H46→'申报表'!E40"],
  });
});

test("the print area keeps its absolute rows (exceljs writes $A1:$F45) and moves, beside a carried scoped name", async () => {
  const { workbook } = await readExample("corrected-form.xlsx");
  workbook.worksheets[0].pageSetup.printArea = "A1:F45";
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  expect(wb).toMatch(/<definedName name="_xlnm\.Print_Area" localSheetId="0">/);
  // As Excel writes a print area: absolute rows and columns.
  const excelStyle = wb.replace(/(<definedName name="_xlnm\.Print_Area" localSheetId="0">)[^<]*/, "$1'申报表'!$$A$$1:$$F$$45");
  zip.file(
    "xl/workbook.xml",
    excelStyle.replace("<definedNames>", '<definedNames><definedName name="本表金额" localSheetId="0">申报表!$D$8:$D$9</definedName>'),
  );
  const bytes = await zip.generateAsync({ type: "uint8array" });
  const alone = await openXlsx(bytes, "print.xlsx");
  expect((await features(await alone.workbook.xlsx.writeBuffer())).names).toContain("_xlnm.Print_Area@0=申报表!$A1:$F45");
  const host = await FileHost.fromData(bytes, "print.xlsx");
  expect(
    await host.apply({
      title: { zh: "插入", en: "insert" },
      edits: [{ op: "insertRows", sheet: "申报表", row: 38, count: 1, formatFrom: 37 }],
    }),
  ).toEqual({ ok: true });
  expect((await features(await host.toBuffer())).names).toEqual(["_xlnm.Print_Area@0=申报表!$A$1:$F$46", "本表金额@0=申报表!$D$8:$D$9"]);
});

test("a sheet with two print areas takes an insertion: both are kept, the one below moved", async () => {
  const { workbook } = await readExample("corrected-form.xlsx");
  const zip = await JSZip.loadAsync(await toBytes(workbook));
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const area = `<definedName name="_xlnm.Print_Area" localSheetId="0">'申报表'!$A$1:$F$20,'申报表'!$A$30:$F$45</definedName>`;
  zip.file(
    "xl/workbook.xml",
    /<definedNames>/.test(wb)
      ? wb.replace("<definedNames>", `<definedNames>${area}`)
      : wb.replace("</sheets>", `</sheets><definedNames>${area}</definedNames>`),
  );
  const host = await FileHost.fromData(await zip.generateAsync({ type: "uint8array" }), "areas.xlsx");
  expect(
    await host.apply({
      title: { zh: "插入", en: "insert" },
      edits: [{ op: "insertRows", sheet: "申报表", row: 38, count: 1, formatFrom: 37 }],
    }),
  ).toEqual({ ok: true });
  expect((await features(await host.toBuffer())).names).toEqual(["_xlnm.Print_Area@0=申报表!$A$1:$F$20,申报表!$A$30:$F$46"]);
});

/** `bytes` with `names` added to its definedNames, and whatever `more` does to the package. */
async function withNames(bytes: Uint8Array, names: string, more?: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", wb.replace("<definedNames>", `<definedNames>${names}`));
  if (more) await more(zip);
  return zip.generateAsync({ type: "uint8array" });
}

test("an insertion moves names and links alike on both write paths: the package patch and the exceljs rewrite it falls back to", async () => {
  // A relative row is an offset from the cell using the name (MS-XLS §2.5.198.85), which Excel's
  // Insert leaves alone; exceljs alone drops 上一格 and 下面, makes 混合 absolute and mangles 公式.
  const names =
    '<definedName name="上一格">申报表!D1048576</definedName><definedName name="下面">申报表!D40</definedName>' +
    '<definedName name="局部" localSheetId="0">申报表!D40</definedName><definedName name="混合">申报表!$D40:$E$41</definedName>' +
    '<definedName name="公式">SUM(申报表!$D$40:$D$41)</definedName>';
  const plain = await withNames(await withFeatures(), names);
  // A shared workbook's insertion cannot be patched (its revision log would not record it): the
  // same insertion then goes through exceljs, once the loss is accepted.
  const shared = await withNames(await withFeatures(), names, withRevisionLog);
  const insert = {
    title: { zh: "插入", en: "insert" },
    edits: [{ op: "insertRows" as const, sheet: "申报表", row: 38, count: 1, formatFrom: 37 }],
  };
  const patchedHost = await FileHost.fromData(plain, "names.xlsx");
  expect(await patchedHost.apply(insert)).toEqual({ ok: true });
  expect(patchedHost.keepsEverything).toBe(true);
  const patched = await features(await patchedHost.toBuffer());
  const rewrittenHost = await FileHost.fromData(shared, "names.xlsx");
  expect(await rewrittenHost.apply(insert)).toEqual({ ok: true });
  // The preview asks first, naming what the rewrite loses: the log and the sharing.
  const refused = await rewrittenHost.toBuffer().catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(LossRefused);
  expect((refused as LossRefused).loss.lost.map((m) => m.zh)).toEqual([
    "这是带修订记录的共享工作簿,写出的副本中将不保留修订记录(修订历史)和共享用户列表,副本不再是共享工作簿",
  ]);
  const rewritten = await features(await rewrittenHost.toBuffer({ allowLoss: true }));

  expect(patched).toEqual({
    ...ORIGINAL,
    names: [
      "满意度=申报表!$E$41",
      "本表金额@0=申报表!$D$8:$D$9",
      "上一格=申报表!D1048576",
      "下面=申报表!D40",
      "局部@0=申报表!D40",
      "混合=申报表!$D40:$E$42",
      "公式=SUM(申报表!$D$41:$D$42)",
    ].sort(),
    links: ["H2→申报表!D8", "H3→申报表!D9", "H46→'申报表'!E40"],
  });
  expect(rewritten).toEqual(patched);
});
