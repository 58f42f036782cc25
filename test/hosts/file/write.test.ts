/**
 * writeXlsx: the one way a user's workbook becomes bytes. When exceljs's writer throws, the user gets
 * a Chinese sentence (English as the second locale) and no file, never exceljs's own message.
 */
import ExcelJS from "exceljs";
import { writeFailure } from "../../../src/cli/files";
import { WorkbookWriteError, writeXlsx } from "../../../src/hosts/file/write";

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
