/** The committed example workbooks: up to date with their sources, laid out as the official table. */
import { formatRef } from "../../../src/core/a1";
import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { formXlsx } from "../../../scripts/build-examples";
import { checkWorkbook } from "../../../src/core/engine";
import { recognizeWorkbook } from "../../../src/core/form/recognize";
import { cleanTsv, seedTsv } from "../../helpers/forms";
import { examplePath, readExample } from "../../helpers/xlsx";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

test.each([
  ["seed-form.xlsx", seedTsv],
  ["corrected-form.xlsx", cleanTsv],
])("%s is what `npm run examples` builds from its source today", async (name, tsv) => {
  expect(sha(await formXlsx(tsv()))).toBe(sha(readFileSync(examplePath(name))));
});

test("the corrected example passes with no error finding", async () => {
  const result = checkWorkbook((await readExample("corrected-form.xlsx")).snapshot);
  expect(result.forms).toHaveLength(1);
  expect(result.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${formatRef(f.cells[0])}`)).toEqual([]);
});

test("the seed example keeps its flaws: slid rows, an empty 时效 group, 约 in values", async () => {
  const { snapshot } = await readExample("seed-form.xlsx");
  const rows = recognizeWorkbook(snapshot)[0].forms[0].model.indicators!.rows;
  expect(rows.some((r) => r.shift !== 0)).toBe(true);
  expect(rows.find((r) => r.level2 === "时效")?.emptyGroup).toBe(true);
  expect(rows.filter((r) => r.annual.text.includes("约")).length).toBeGreaterThan(3);
});

describe.each(["seed-form.xlsx", "corrected-form.xlsx"])("%s looks like the printed form", (name) => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await readExample(name)).workbook.getWorksheet("申报表")!;
  });

  test("one sheet 申报表, six columns A–F with widths", () => {
    expect(ws.columns.slice(0, 6).every((c) => (c.width ?? 0) >= 10)).toBe(true);
    expect(ws.dimensions.right).toBe(6);
  });

  test("title bold and centred across A–F", () => {
    const title = ws.getCell("A3");
    expect(title.value).toBe("部门整体预算绩效目标申报表");
    expect(title.font?.bold).toBe(true);
    expect(title.alignment?.horizontal).toBe("center");
    expect(title.isMerged && title.master.address === "A3" && ws.getCell("F3").master.address === "A3").toBe(true);
  });

  test("every form cell has borders and wraps its text", () => {
    for (let r = 5; r <= ws.rowCount; r++) {
      if (ws.getRow(r).cellCount === 0) continue; // the seed's blank page-break row
      for (let c = 1; c <= 6; c++) {
        const cell = ws.getCell(r, c);
        const b = cell.border;
        expect([cell.address, b?.top?.style, b?.bottom?.style, b?.left?.style, b?.right?.style, cell.alignment?.wrapText]).toEqual([
          cell.address,
          "thin",
          "thin",
          "thin",
          "thin",
          true,
        ]);
      }
      expect(ws.getRow(r).height).toBeGreaterThanOrEqual(20);
    }
  });

  test("amounts are numbers shown with two decimals", () => {
    for (const a1 of ["D8", "D9", "F8", "F9", "D11", "D12", "F11", "F12", "D15", "D16", "D17", "D18"]) {
      const cell = ws.getCell(a1);
      expect([a1, typeof cell.value, cell.numFmt]).toEqual([a1, "number", "0.00"]);
    }
  });
});
