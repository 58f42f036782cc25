/**
 * writeXlsx: the one way a user's workbook becomes bytes. When exceljs's writer throws, the user gets
 * a Chinese sentence (English as the second locale) and no file, never exceljs's own message.
 */
import ExcelJS from "exceljs";
import { writeFailure } from "../../../src/cli/files";
import { readFileSync } from "fs";
import { join } from "path";
import { CATALOGUE } from "../../../src/core/templates/catalogue";
import { WorkbookWriteError, writeXlsx } from "../../../src/hosts/file/write";
import { insertIntoFile } from "../../helpers/insertFile";
import { readRawXlsx } from "../../helpers/rawXlsx";

/** A workbook on which exceljs 4.4's table writer fails (a model it did not expect: no columns). */
function unwritable(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("申报表");
  ws.addTable({ name: "T", ref: "A1", columns: [{ name: "名称" }], rows: [["a"]] });
  const t = (ws as unknown as { tables: Record<string, { table: { columns: unknown } }> }).tables.T;
  t.table.columns = null;
  return wb;
}

test("exceljs's own failure is not shown: a Chinese reason, with the English one for the second locale", async () => {
  const wb = unwritable();
  // exceljs alone throws its internal English message.
  await expect(wb.xlsx.writeBuffer()).rejects.toThrow(/Cannot read|null|undefined/);
  const e = await writeXlsx(wb).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(WorkbookWriteError);
  const m = writeFailure(e, "新表.xlsx");
  expect(m.zh).toBe(
    "无法写出「新表.xlsx」:无法生成工作簿:其中有本工具无法写出的内容,未写出任何文件。请在 Excel 中打开该文件、另存为 .xlsx 后再试。",
  );
  expect(m.zh).not.toMatch(/Cannot|null|undefined|properties/);
  expect(m.en).toMatch(/^Cannot write "新表\.xlsx": The workbook could not be generated/);
});

test("a file-system error without words of ours is named by its code, not by Node's English sentence", () => {
  const m = writeFailure(Object.assign(new Error("ENAMETOOLONG: name too long, open '/x'"), { code: "ENAMETOOLONG" }), "长.xlsx");
  expect(m.zh).toBe("无法写出「长.xlsx」:系统错误 ENAMETOOLONG。未写出任何文件,原有同名文件(如有)未被改动。");
});

describe("text that XML cannot hold as it is keeps every character through a write (ECMA-376 ST_Xstring)", () => {
  const tricky = ["第一行\r\n第二行", "控制\u0001字符\u001f", "字面的 _x0041_ 不是 A", "末尾回车\r", "_x000d_ 小写也是字面"];

  test("cell strings, rich text, link text and notes written by writeXlsx read back exactly, by a reader that is not exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("申报表");
    tricky.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
    ws.getCell("B1").value = { richText: [{ text: "甲\r\n" }, { text: "乙", font: { bold: true } }] };
    ws.getCell("B2").value = { text: "链接\r\n文字", hyperlink: "https://example.invalid/" };
    ws.getCell("B3").value = "有批注";
    ws.getCell("B3").note = "批注\r\n第二行";
    ws.mergeCells("C1:C2");
    ws.getCell("C1").value = "合并\r\n单元格";

    const bytes = await writeXlsx(wb);

    const raw = (await readRawXlsx(bytes))[0].cells;
    tricky.forEach((t, i) => expect(raw.get(`${i},0`)).toBe(t));
    expect(raw.get("0,1")).toBe("甲\r\n乙");
    expect(raw.get("1,1")).toBe("链接\r\n文字");
    expect(raw.get("0,2")).toBe("合并\r\n单元格");
    // The model in memory is put back: what the user has is their text, not its escaped form.
    expect(ws.getCell("A1").value).toBe(tricky[0]);
    expect(ws.getCell("B1").value).toEqual({ richText: [{ text: "甲\r\n" }, { text: "乙", font: { bold: true } }] });
    expect(ws.getCell("B3").note).toBe("批注\r\n第二行");
    // exceljs decodes the escapes too, notes included.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const bws = back.getWorksheet("申报表")!;
    tricky.forEach((t, i) => expect(bws.getCell(i + 1, 1).value).toBe(t));
    const note = bws.getCell("B3").note as unknown as string | { texts: { text: string }[] };
    expect(typeof note === "string" ? note : note.texts.map((r) => r.text).join("")).toBe("批注\r\n第二行");
  });

  test("a form saved by Excel with a carriage return (stored as _x000D_) comes out of add with the same text", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(join(__dirname, "../../../examples/corrected-form.xlsx")));
    const path = "xl/sharedStrings.xml";
    const xml = await zip.file(path)!.async("string");
    // Excel's own encoding of a CR LF inside a cell, and of a literal "_x0041_".
    const edited = xml.replace(
      /<t([^>]*)>([^<]{4,})<\/t>/,
      (_m, attrs: string, text: string) => `<t${attrs}>${text}_x000D_\n续行 _x005F_x0041_</t>`,
    );
    expect(edited).not.toBe(xml);
    zip.file(path, edited);
    const input = await zip.generateAsync({ type: "uint8array" });
    const before = (await readRawXlsx(input))[0].cells;
    const changed = [...before.values()].filter((v) => typeof v === "string" && v.includes("\r\n续行 _x0041_"));
    expect(changed).toHaveLength(1);

    const r = await insertIntoFile(
      input,
      CATALOGUE.find((t) => t.id === "quantity.key-tasks-completion")!,
    );
    if ("error" in r) throw new Error(r.error);
    const after = (await readRawXlsx(r.bytes))[0].cells;
    expect([...after.values()].filter((v) => typeof v === "string" && v.includes("\r\n续行 _x0041_"))).toEqual(changed);
  });
});
