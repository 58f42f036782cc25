/**
 * Forms generated from a short description of their indicator table, written as real .xlsx files the
 * way the fixtures are (scripts/lib: the official borders and merges), and an independent reader of
 * the written file that shares no code with the writer — a raw OOXML reader (rawXlsx.ts), neither exceljs
 * nor the code under test — to see what a user would see; and the same read through exceljs, to prove
 * both readers agree.
 */
import ExcelJS from "exceljs";
import { parseRange, RangePos } from "../../src/core/a1";
import { writeForm } from "../../scripts/lib/formWorkbook";
import { layoutFromRows, parseTsv } from "../../scripts/lib/tsvLayout";
import { readFileSync } from "fs";
import { readRawXlsx } from "./rawXlsx";
import { join } from "path";

/** A 二级 group of the generated table. `rows: 0` leaves the group out; "empty" prints its label on a blank row. */
export interface GenGroup {
  level1: string;
  level2: string;
  rows: number | "empty";
}

export interface GenSpec {
  groups: GenGroup[];
  /** One 指标值 column instead of 实施周期 + 年度. */
  singleValue?: boolean;
  rowOffset?: number;
  colOffset?: number;
  /** Index into groups: that group's 实施周期 value is one cell merged down all its rows (a shared target). */
  mergedValueGroup?: number;
  /** Index into groups: its rows after the first are hidden. */
  hiddenGroup?: number;
  /** Index into groups: a second printed page starts at this group (header repeated, 一级 written again). */
  pageBreakGroup?: number;
}

export const CLASSIC_GROUPS: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["产出指标", "成本指标"],
  ["效益指标", "经济效益指标"],
  ["效益指标", "社会效益指标"],
  ["效益指标", "生态效益指标"],
  ["效益指标", "可持续影响指标"],
  ["满意度指标", "服务对象满意度指标"],
];

export const COST101_GROUPS: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["成本指标", "经济成本指标"],
  ["成本指标", "社会成本指标"],
  ["成本指标", "生态环境成本指标"],
  ["效益指标", "经济效益指标"],
  ["效益指标", "社会效益指标"],
  ["效益指标", "生态效益指标"],
  ["效益指标", "可持续影响指标"],
  ["满意度指标", "服务对象满意度指标"],
];

/** Plausible rows per 二级 (name, value): none of them is a catalogue template's name. */
const POOL: Record<string, [string, string][]> = {
  数量指标: [
    ["组织学会开展科普咨询活动次数(次)", "≥2次"],
    ["建设社区科普图书室个数(个)", "＝1个"],
    ["召开换届会议次数(次)", "＝1次"],
  ],
  质量指标: [
    ["科普活动参与群众受益率(%)", "≥95%"],
    ["会议代表出席率(%)", "≥95%"],
    ["财务、保密、档案管理检查合格率(%)", "＝100%"],
  ],
  时效指标: [
    ["年度工作报告按时报送率(%)", "＝100%"],
    ["学会年检按时完成率(%)", "＝100%"],
    ["科普活动按期举办率(%)", "＝100%"],
  ],
  成本指标: [
    ["会议经费成本控制率(%)", "≤100%"],
    ["科普资料采购成本控制率(%)", "≤100%"],
    ["图书室建设成本控制率(%)", "≤100%"],
  ],
  经济成本指标: [
    ["会议经费成本控制率(%)", "≤100%"],
    ["科普资料采购成本控制率(%)", "≤100%"],
    ["图书室建设成本控制率(%)", "≤100%"],
  ],
  社会成本指标: [
    ["群众有效投诉率(%)", "≤1%"],
    ["活动扰民投诉次数(次)", "≤1次"],
    ["安全事故发生次数(次)", "＝0次"],
  ],
  生态环境成本指标: [
    ["活动废弃物未回收率(%)", "≤5%"],
    ["一次性用品使用率(%)", "≤10%"],
    ["纸质资料印刷减少率(%)", "≥10%"],
  ],
  经济效益指标: [
    ["科普产品带动销售额(万元)", "≥1万元"],
    ["科技成果转化项目数(个)", "≥1个"],
    ["学会服务企业个数(个)", "≥2个"],
  ],
  社会效益指标: [
    ["社区居民科普知识知晓率(%)", "≥95%"],
    ["科普日活动受益人次(人次)", "≥10000人次"],
    ["青少年科普活动参与率(%)", "≥80%"],
  ],
  生态效益指标: [
    ["绿色出行宣传覆盖率(%)", "≥90%"],
    ["节能科普宣传场次(场)", "≥2场"],
    ["垃圾分类宣传覆盖率(%)", "≥90%"],
  ],
  可持续影响指标: [
    ["注册科普志愿者人数(人)", "≥300人"],
    ["科普基地持续运营率(%)", "≥90%"],
    ["学会会员增长率(%)", "≥5%"],
  ],
  服务对象满意度指标: [
    ["科技工作者满意度(%)", "≥95%"],
    ["公众对科普工作满意度(%)", "≥95%"],
    ["学会会员满意度(%)", "≥95%"],
  ],
};

const cleanRows = (): string[][] => parseTsv(readFileSync(join(__dirname, "../../examples/source/corrected.tsv"), "utf8"));

export interface GenForm {
  bytes: Uint8Array;
  /** The TSV-like rows as written (0-based, before offsets). */
  rows: string[][];
}

/** The rows of the form: the corrected example above its indicator table, then the generated table. */
export function specRows(spec: GenSpec): string[][] {
  const base = cleanRows();
  const h = base.findIndex((r) => r.includes("一级指标") && r.includes("三级指标"));
  const header = spec.singleValue ? ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"] : base[h];
  const out = [...base.slice(0, h), header];
  let lastL1 = "";
  spec.groups.forEach((g, gi) => {
    if (g.rows === 0) return;
    if (spec.pageBreakGroup === gi && out.length > h + 1) {
      out.push(header.slice());
      lastL1 = "";
    }
    const l1 = g.level1 !== lastL1 ? g.level1 : "";
    lastL1 = g.level1;
    if (g.rows === "empty") {
      out.push(["", l1, g.level2, "", "", ...(spec.singleValue ? [] : [""])].slice(0, header.length));
      return;
    }
    for (let i = 0; i < g.rows; i++) {
      const [name, value] = POOL[g.level2][i % POOL[g.level2].length];
      const values = spec.singleValue ? [value] : [value, value];
      out.push(["", i === 0 ? l1 : "", i === 0 ? g.level2 : "", name, ...values]);
    }
  });
  return out;
}

export async function buildForm(spec: GenSpec): Promise<GenForm> {
  const rows = specRows(spec);
  const layout = { rowOffset: spec.rowOffset ?? 0, colOffset: spec.colOffset ?? 0 };
  const sheet = layoutFromRows(rows, layout);
  // Rows of each group, 1-based on the sheet, to merge or hide.
  const groupRows = (gi: number): number[] => {
    const g = spec.groups[gi];
    if (g.rows === 0 || g.rows === "empty") return [];
    const start = rows.findIndex((r) => r[2] === g.level2 && r[3] !== "");
    return start < 0 ? [] : Array.from({ length: g.rows }, (_, i) => start + i + 1 + layout.rowOffset);
  };
  const merges = sheet.merges.slice();
  const periodCol = layout.colOffset + 4; // 0-based column of 实施周期 (or the single 指标值)
  const mv = spec.mergedValueGroup !== undefined ? groupRows(spec.mergedValueGroup) : [];
  const values = sheet.values.map((r) => r.slice());
  if (mv.length > 1) {
    merges.push(`${colName(periodCol)}${mv[0]}:${colName(periodCol)}${mv[mv.length - 1]}`);
    for (const r of mv.slice(1)) values[r - 1 - layout.rowOffset][4] = null;
    values[mv[0] - 1 - layout.rowOffset][4] = "≥95%(各项均)";
  }
  const hidden = spec.hiddenGroup !== undefined ? groupRows(spec.hiddenGroup).slice(1) : [];
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet("申报表");
  const texts = values.map((r) => r.map((v) => (v === null ? "" : String(v))));
  writeForm(ws, { ...sheet, values, merges }, { texts, hiddenRows: hidden });
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), rows };
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What a user sees in the written file. */
export interface Seen {
  /** 0-based row → 0-based col → displayed value (merged cells show their master's). */
  value(row: number, col: number): unknown;
  merges: RangePos[];
  /** Cells as stored (not through merges): "row,col" → value, every non-empty one not hidden under a merge. */
  stored: Map<string, unknown>;
  /** 1 + the last 0-based row that has a `<row>` element or lies in a merge (exceljs's `rowCount`). */
  rowCount: number;
  /** 0-based rows the file hides, ascending. */
  hiddenRows: number[];
}

function seen(merges: RangePos[], stored: Map<string, unknown>, rowCount: number, hiddenRows: number[]): Seen {
  const value = (row: number, col: number) => {
    const m = merges.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
    return stored.get(m ? `${m.top},${m.left}` : `${row},${col}`) ?? null;
  };
  return { value, merges, stored, rowCount, hiddenRows };
}

/**
 * The independent read: the raw OOXML reader (rawXlsx.ts), which shares no code with the writer
 * (exceljs, src/hosts/file) nor with the product's reader. The named sheet, or the first that is not veryHidden.
 * A value stored in a cell a merge covers (not its top-left) is left out, as Excel shows the master's.
 */
export async function independentRead(bytes: Uint8Array, sheet?: string): Promise<Seen> {
  const ws = (await readRawXlsx(bytes)).find((w) => (sheet === undefined ? w.state !== "veryHidden" : w.name === sheet))!;
  const covered = (key: string) => {
    const [r, c] = key.split(",").map(Number);
    return ws.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  };
  const stored = new Map<string, unknown>([...ws.cells].filter(([k]) => !covered(k)));
  const rowCount = Math.max(ws.lastRowElement, ...ws.merges.map((m) => m.bottom)) + 1;
  return seen(ws.merges, stored, rowCount, ws.hiddenRows);
}

/** Excel's serial day number of a date (1900 system), as the file stores it. */
const serial = (d: Date) => d.getTime() / 86400000 + 25569;

/** An exceljs cell value in the raw reader's shape (RawValue): text of rich text and links, dates as serials. */
function normalized(v: unknown): unknown {
  if (v instanceof Date) return serial(v);
  if (typeof v !== "object" || v === null) return v;
  if ("richText" in v) return (v as { richText: { text: string }[] }).richText.map((x) => x.text).join("");
  if ("hyperlink" in v && "text" in v) return normalized(v.text);
  if ("sharedFormula" in v) return { sharedFormula: v.sharedFormula, result: normalized((v as { result?: unknown }).result) ?? null };
  if ("formula" in v) return { formula: v.formula, result: normalized((v as { result?: unknown }).result) ?? null };
  return v;
}

/** The same sheet read with exceljs, values normalized to the raw reader's shape: to prove both readers agree. */
export async function exceljsRead(bytes: Uint8Array, sheet?: string): Promise<Seen> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => (sheet === undefined ? w.state !== "veryHidden" : w.name === sheet))!;
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
  const stored = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      if (v === null || v === undefined || v === "") return;
      stored.set(`${r - 1},${c - 1}`, normalized(v));
    }),
  );
  const hidden: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hidden.push(r - 1);
  });
  return seen(merges, stored, ws.rowCount, hidden);
}

const mergeKeys = (s: Seen) => s.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();

/** Where two reads of the same bytes differ (stored values, merges, row count, hidden rows), as sentences; `compared` counts cells. */
export function disagreements(a: Seen, b: Seen, names = ["raw", "exceljs"]): { diffs: string[]; compared: number } {
  const diffs: string[] = [];
  const keys = new Set([...a.stored.keys(), ...b.stored.keys()]);
  for (const k of keys) {
    const [x, y] = [a.stored.get(k) ?? null, b.stored.get(k) ?? null];
    if (JSON.stringify(x) !== JSON.stringify(y))
      diffs.push(`cell ${k}: ${names[0]} ${JSON.stringify(x)}, ${names[1]} ${JSON.stringify(y)}`);
  }
  const [ma, mb] = [mergeKeys(a), mergeKeys(b)];
  if (JSON.stringify(ma) !== JSON.stringify(mb)) diffs.push(`merges: ${names[0]} ${ma.join(" ")}; ${names[1]} ${mb.join(" ")}`);
  if (a.rowCount !== b.rowCount) diffs.push(`rowCount: ${names[0]} ${a.rowCount}, ${names[1]} ${b.rowCount}`);
  if (a.hiddenRows.join() !== b.hiddenRows.join()) diffs.push(`hidden rows: ${names[0]} ${a.hiddenRows}, ${names[1]} ${b.hiddenRows}`);
  return { diffs, compared: keys.size };
}
