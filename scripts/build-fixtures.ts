/**
 * npm run fixtures (also run by jest's globalSetup when stale): writes test/fixtures/generated/*.xlsx,
 * real files for the layout variants, rule failures that only a real file shows, and bad inputs.
 * The outputs are gitignored; they are rebuilt from examples/source and this script.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { writeForm, WriteFormOptions } from "./lib/formWorkbook";
import { LayoutOptions, layoutFromRows, parseTsv } from "./lib/tsvLayout";

const ROOT = join(__dirname, "..");
export const FIXTURE_DIR = join(ROOT, "test/fixtures/generated");

const source = (name: string) => readFileSync(join(ROOT, "examples/source", name), "utf8");
const cleanRows = () => parseTsv(source("corrected.tsv"));

type Rows = string[][];

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效表助手 fixtures";
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  return wb;
}

function addForm(
  wb: ExcelJS.Workbook,
  name: string,
  rows: Rows,
  layout: LayoutOptions = {},
  opts: WriteFormOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  writeForm(ws, layoutFromRows(rows, { ...layout, sheetName: name }), { texts: rows, ...opts });
  return ws;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function formFile(rows: Rows, layout: LayoutOptions = {}, opts: WriteFormOptions = {}): Promise<Uint8Array> {
  const wb = newBook();
  addForm(wb, "申报表", rows, layout, opts);
  return bytes(wb);
}

const rowOf = (rows: Rows, pred: (r: string[]) => boolean) => rows.findIndex(pred);
const headerIndex = (rows: Rows) => rowOf(rows, (r) => r.includes("一级指标") && r.includes("三级指标"));

/** Replaces a label cell's text wherever it appears exactly. */
function relabel(rows: Rows, map: Record<string, string>): Rows {
  return rows.map((r) => r.map((c) => map[c] ?? c));
}

function unrelatedSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  ws.addRows([
    ["填报说明"],
    ["1. 请按部门实际情况填写下一张工作表。"],
    ["2. 金额单位为万元,保留两位小数。"],
    ["姓名", "岗位", "月工资(元)"],
    ["张三", "科员", 6200],
    ["李四", "科长", 8300],
  ]);
}

export type FixtureBuilder = () => Promise<Uint8Array>;

export const FIXTURES: Record<string, FixtureBuilder> = {
  // ---- layout variants (all from the corrected form, so every rule accepts them) ----
  "offset.xlsx": () => formFile(cleanRows(), { rowOffset: 1, colOffset: 2 }), // title at C4
  "second-sheet.xlsx": async () => {
    const wb = newBook();
    unrelatedSheet(wb, "填报说明");
    addForm(wb, "申报表", cleanRows());
    return bytes(wb);
  },
  "two-forms.xlsx": async () => {
    const wb = newBook();
    addForm(wb, "科协", cleanRows());
    addForm(wb, "文化馆", relabel(cleanRows(), { "广州市白云区科学技术协会(部门)": "广州市白云区文化馆" }));
    return bytes(wb);
  },
  "full-width-labels.xlsx": () =>
    formFile(
      relabel(cleanRows(), {
        部门名称: "部 门 名 称：",
        "预算金额(万元)": "预算金额（万元）",
        "拟投入的资金(万元)": "拟投入的资金（万元）",
        财政供养人员数: "财政供养人员数：",
        下属二级单位数: "下属二级单位数：",
        总体绩效目标: "总体绩效目标：",
        "期望达到的目标(概述)": "期望达到的目标（概述）",
      }),
    ),
  "two-page-indicators.xlsx": () => {
    // A printed second page repeats the header; the first row below it names its 一级 again.
    const rows = cleanRows();
    const h = headerIndex(rows);
    const at = rowOf(rows, (r) => r[2] === "质量指标");
    const next = rows[at].slice();
    next[1] = "产出指标";
    rows.splice(at, 1, rows[h].slice(), next);
    return formFile(rows);
  },
  "single-value.xlsx": () => {
    // The 湛江-style table: one 指标值 column instead of 实施周期 + 年度.
    const rows = cleanRows();
    const h = headerIndex(rows);
    const out = rows.map((r, i) => (i < h ? r : r.filter((_, j) => j !== 4)));
    out[h][4] = "指标值";
    return formFile(out);
  },
  "cost-level1.xlsx": () => {
    // 财预〔2021〕101号 style: 成本指标 is a 一级 with 经济成本指标 / 社会成本指标 below it.
    const rows = cleanRows();
    rows.splice(
      rowOf(rows, (r) => r[2] === "成本指标"),
      1,
    );
    const sat = rowOf(rows, (r) => r[1] === "满意度指标");
    rows.splice(
      sat,
      0,
      ["", "成本指标", "经济成本指标", "会议经费成本控制率(%)", "≤100%", "≤100%"],
      ["", "", "社会成本指标", "群众有效投诉率(%)", "≤1%", "≤1%"],
    );
    return formFile(rows);
  },
  "hidden-rows.xlsx": () => {
    const rows = cleanRows();
    const r = rowOf(rows, (x) => x[3] === "召开换届会议次数(次)");
    return formFile(rows, {}, { hiddenRows: [r + 1] });
  },
  "rich-text-and-links.xlsx": async () => {
    // A department name typed with mixed fonts, a goal pasted as a hyperlink: both are filled in.
    const rows = cleanRows();
    const wb = newBook();
    const ws = addForm(wb, "申报表", rows);
    const d = rowOf(rows, (r) => r[0] === "部门名称") + 1;
    ws.getCell(`B${d}`).value = { richText: [{ text: "广州市白云区" }, { text: "科学技术协会(部门)", font: { bold: true } }] };
    const g = rowOf(rows, (r) => r[0] === "总体绩效目标") + 1;
    ws.getCell(`B${g}`).value = { text: rows[g - 1][1], hyperlink: "https://example.invalid/goal" };
    const t = rowOf(rows, (r) => r[3] === "重点工作任务按时完成率(%)") + 1;
    ws.getCell(`E${t}`).value = new Date(Date.UTC(2025, 11, 31));
    return bytes(wb);
  },
  // ---- rule failures that only a real file shows ----
  "text-amounts.xlsx": () => formFile(cleanRows(), { numbersAsText: true }),
  "error-amount.xlsx": () => {
    const rows = cleanRows();
    const r = rowOf(rows, (x) => x[1] === "基本支出") + 1;
    return formFile(rows, {}, { formulas: { [`D${r}`]: { formula: "SUM(#REF!)", result: { error: "#REF!" } } } });
  },
  "budget-mismatch-formula.xlsx": () => {
    // 基本支出 is a formula whose cached result (336.60) no longer matches 财政拨款 367.24 − 40.64.
    const rows = cleanRows();
    const r = rowOf(rows, (x) => x[1] === "基本支出") + 1;
    return formFile(rows, {}, { formulas: { [`D${r}`]: { formula: "300+36.6", result: 336.6 } } });
  },
  "with-parts.xlsx": async () => {
    // A note exceljs keeps, plus parts it does not carry into a copy: a chart, a pivot table, and a
    // comments part it cannot attach (its two notes would be lost).
    const wb = newBook();
    const ws = addForm(wb, "申报表", cleanRows());
    ws.getCell("B5").note = "请核对部门全称";
    const zip = await JSZip.loadAsync(await bytes(wb));
    zip.file(
      "xl/charts/chart1.xml",
      '<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    zip.file(
      "xl/pivotTables/pivotTable1.xml",
      '<?xml version="1.0"?><pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
    );
    zip.file(
      "xl/comments99.xml",
      '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors>' +
        '<commentList><comment ref="A1" authorId="0"><text><t>x</t></text></comment><comment ref="A2" authorId="0"><text><t>y</t></text></comment></commentList></comments>',
    );
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  },
  // ---- bad inputs ----
  "truncated.xlsx": async () => {
    const whole = await formFile(cleanRows());
    return whole.slice(0, Math.floor(whole.length / 2));
  },
  "csv-renamed.xlsx": async () => new TextEncoder().encode("\ufeff部门名称,广州市白云区科学技术协会\n基本支出,326.60\n项目支出,40.64\n"),
  "ole-renamed.xlsx": async () => {
    const b = new Uint8Array(1536);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return b;
  },
  "empty.xlsx": async () => new Uint8Array(0),
  "no-sheets.xlsx": () => bytes(newBook()),
  "not-the-form.xlsx": async () => {
    const wb = newBook();
    unrelatedSheet(wb, "工资表");
    return bytes(wb);
  },
  "rows-50000.xlsx": async () => {
    const wb = newBook();
    const ws = wb.addWorksheet("明细");
    ws.addRow(["序号", "摘要", "科目", "金额(万元)", "经办人", "日期"]);
    for (let i = 1; i <= 50000; i++)
      ws.addRow([
        i,
        `支出记录 ${i}`,
        i % 2 ? "基本支出" : "项目支出",
        Math.round(i * 37) / 100,
        `经办人${i % 17}`,
        `2025-${String((i % 12) + 1).padStart(2, "0")}-01`,
      ]);
    return bytes(wb);
  },
};

/** Newest change among the inputs the fixtures are built from. */
function inputsTime(): number {
  const files = [
    __filename,
    ...readdirSync(join(ROOT, "scripts/lib")).map((f) => join(ROOT, "scripts/lib", f)),
    ...readdirSync(join(ROOT, "examples/source")).map((f) => join(ROOT, "examples/source", f)),
  ];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

export function fixturesUpToDate(dir = FIXTURE_DIR): boolean {
  const newest = inputsTime();
  return Object.keys(FIXTURES).every((name) => {
    const f = join(dir, name);
    return existsSync(f) && statSync(f).mtimeMs >= newest;
  });
}

export async function buildFixtures(dir = FIXTURE_DIR): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const out: string[] = [];
  for (const [name, build] of Object.entries(FIXTURES)) {
    const file = join(dir, name);
    // Write then rename, so a test run started meanwhile never reads half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, await build());
    renameSync(tmp, file);
    out.push(file);
  }
  return out;
}

if (require.main === module) {
  buildFixtures().then(
    (files) => console.log(`已生成 ${files.length} 个测试文件于 ${FIXTURE_DIR}`),
    (e: Error) => {
      console.error(`生成测试文件失败:${e.message}`);
      process.exitCode = 1;
    },
  );
}
