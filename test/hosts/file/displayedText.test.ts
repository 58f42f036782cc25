/**
 * The file host passes on what Excel shows for a number under its format, so the core quotes 95%
 * rather than 0.95. The format codes: "%" multiplies by 100 and "," before the decimal point groups
 * thousands, as in Excel (https://docs.tibco.com/pub/spotfire_server/10.10.3/doc/html/de-DE/TIB_sfire_bauthor-consumer_usersguide/GUID-427011B0-CB76-44C0-9B9D-62233DC9C846.html,
 * which compares itself with Excel); "#,##0" is Excel's own code for a number with the 1000
 * separator (https://blog.csdn.net/weixin_33212421/article/details/111891249); 0%, 0.00%, 0.00,
 * #,##0.00 are the built-in codes (https://blog.csdn.net/yingzi1202/article/details/8924874).
 * Microsoft's own page on format codes was not in the stored corpus.
 */
import ExcelJS from "exceljs";
import { formattedNumber } from "../../../src/hosts/file/cellValue";
import { readXlsx } from "../../../src/hosts/file/read";

describe("formattedNumber", () => {
  test.each([
    [0.95, "0%", "95%"],
    [0.955, "0.0%", "95.5%"],
    [0.9999, "0%", "100%"],
    [8827620.53, "#,##0.00", "8,827,620.53"],
    [3309840, "#,##0.00", "3,309,840.00"],
    [326.6, "0.00", "326.60"],
    [-1234.5, "#,##0.0", "-1,234.5"],
    [1.005, "0.00", "1.01"],
  ])("%p under %p shows %p", (v, fmt, shown) => expect(formattedNumber(v, fmt)).toBe(shown));

  test.each([
    [0.95, undefined],
    [0.95, "General"],
    [12, "0"], // shows what the value says: nothing to add
    [45000, "yyyy-mm-dd"], // a date format is not guessed
    [5, '0"人"'], // literal text is dropped from the section, so 5 shows as 5: no difference
  ])("%p under %p adds nothing", (v, fmt) => expect(formattedNumber(v, fmt)).toBeNull());
});

describe("the snapshot of a file", () => {
  test("carries the shown text only where a format changes it, and reads it back from the file", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("申报表");
    ws.getCell("A1").value = "满意度";
    ws.getCell("B1").value = 0.95;
    ws.getCell("B1").numFmt = "0%";
    ws.getCell("C1").value = 8827620.53;
    ws.getCell("C1").numFmt = "#,##0.00";
    ws.getCell("D1").value = 7;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { snapshot } = await readXlsx(bytes, "t.xlsx", { readOnly: true });
    const sheet = snapshot.sheets[0];
    expect(sheet.values[0]).toEqual(["满意度", 0.95, 8827620.53, 7]);
    expect(sheet.texts?.[0]).toEqual([null, "95%", "8,827,620.53"]);
  });

  test("a sheet without formatted numbers has no texts at all", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("s").getCell("A1").value = 0.95;
    const { snapshot } = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), "t.xlsx", { readOnly: true });
    expect(snapshot.sheets[0].texts).toBeUndefined();
  });
});
