/** Where each known label sits on a sheet, found once per sheet. */
import { labelKey } from "../text";
import { Grid } from "./grid";
import * as L from "./labels";

export interface LabelHit {
  row: number;
  col: number;
  key: string;
  /** The value printed in the label's own cell after a colon ("财政供养人员数：5" → "5"). */
  inline?: string;
  /** The key as printed, when it was matched only after normaliseLabel (主管部门及代码, 项目资金(万元)). */
  printed?: string;
  /** A title (…绩效…表), matched by what it says rather than as a label. */
  title?: true;
}

const ALL_LABELS: Set<string> = new Set([
  ...L.DEPARTMENT,
  ...L.HEADCOUNT,
  ...L.SUB_UNITS,
  ...L.OVERALL_GOAL,
  ...L.KEY_TASKS,
  ...L.BUDGET,
  ...L.BASIC_INFO,
  ...L.INDICATORS,
  ...Object.values(L.AMOUNT_LABELS).flat(),
  ...L.TASK_HEADERS.name,
  ...L.TASK_HEADERS.content,
  ...Object.values(L.INDICATOR_HEADERS).flat(),
  "部门预算支出",
  "收入来源",
  "事业发展性支出",
  "按预算级次划分",
  ...L.PROJECT_NAME,
  ...L.PROJECT_DEPARTMENT,
  ...L.IMPLEMENTER,
  ...L.PROJECT_FUNDS,
  ...L.ANNUAL_GOAL,
  ...L.PERIOD_GOAL,
]);

const LABEL_PATTERNS: RegExp[] = [
  L.TASK_HEADERS.amount,
  L.TASK_HEADERS.goal,
  L.OTHER_TASKS,
  /^预算金额(\((万元|元)\))?$/,
  /^(金额)?单位:元$/,
  L.FUNDS_TOTAL,
  L.FUNDS_SOURCE,
  L.HEADER_ROLE.level1,
  L.HEADER_ROLE.level2,
  L.HEADER_ROLE.level3,
];

const INLINE_LABELS = new Set(L.INLINE_VALUE_LABELS);
/** How far into a cell the colon after an inline label may sit: the longest such label, with room for spaces. */
const INLINE_LABEL_REACH = 20;

/** "部门名称：广州市…" → the label's key and the text after the colon; null when the cell is not that. */
function inlineLabel(v: string): { key: string; value: string } | null {
  const i = v.slice(0, INLINE_LABEL_REACH + 1).search(/[:：]/);
  if (i <= 0) return null;
  const key = labelKey(v.slice(0, i));
  const value = v.slice(i + 1).trim();
  return INLINE_LABELS.has(key) && value !== "" ? { key, value } : null;
}

/** First characters of every label: a cheap filter before the costly normalisation of a cell. */
const FIRST_CHARS = new Set(
  [...ALL_LABELS]
    .map((l) => l[0])
    .concat(["拟", "预", "期", "其", "部", "*", "金"])
    // First characters the funds patterns admit.
    .concat([..."实中年当本项合总财上省市县区结自单社银事债政"]),
);

/** The key of a title cell, or null: short text that speaks of 绩效 and ends in 表, a year in
 * parentheses after it ("(2022年度)") dropped. */
function titleKey(v: string): string | null {
  if (v.length > 60 || !v.includes("绩效")) return null;
  const key = labelKey(v).replace(/\([^()]*\)$/, "");
  return L.TITLE_ANY.test(key) ? key : null;
}

/** FIRST_CHARS.has of a code unit's NFKC form, by code unit: 0 not yet known, 1 yes, 2 no. */
const startsLabel = new Uint8Array(0x10000);

/** FIRST_CHARS.has(v.trimStart().charAt(0).normalize("NFKC")), without a new string per cell when
 * the first character is printable ASCII or a CJK ideograph (no white space to trim): most cells. */
function mayBeLabel(v: string): boolean {
  const c = v.charCodeAt(0);
  if (!((c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff))) return FIRST_CHARS.has(v.trimStart().charAt(0).normalize("NFKC"));
  let k = startsLabel[c];
  if (k === 0) k = startsLabel[c] = FIRST_CHARS.has(v.charAt(0).normalize("NFKC")) ? 1 : 2;
  return k === 1;
}

export function isKnownLabel(key: string): boolean {
  return ALL_LABELS.has(key) || LABEL_PATTERNS.some((re) => re.test(key));
}

export class LabelIndex {
  readonly hits: LabelHit[] = [];

  constructor(readonly grid: Grid) {
    const { sheet } = grid;
    sheet.values.forEach((cells, i) => {
      cells.forEach((v, j) => {
        if (typeof v !== "string") return;
        const row = sheet.originRow + i;
        const col = sheet.originCol + j;
        const title = titleKey(v);
        if (title) {
          this.hits.push({ row, col, key: title, title: true });
          return;
        }
        if (!mayBeLabel(v)) return;
        // Labels are short text; long text is content, which saves work on big sheets.
        // A leading * marks a required field in some templates (*年度总体绩效目标).
        const key = v.length > 40 ? "" : labelKey(v).replace(/^\*+/, "");
        if (key && (isKnownLabel(key) || L.TITLE.test(key))) {
          this.hits.push({ row, col, key });
          return;
        }
        const norm = key ? L.normaliseLabel(key) : "";
        if (norm && norm !== key && isKnownLabel(norm)) {
          this.hits.push({ row, col, key: norm, printed: key });
          return;
        }
        const inline = inlineLabel(v);
        if (inline) this.hits.push({ row, col, key: inline.key, inline: inline.value });
      });
    });
  }

  /** First hit inside the row band whose key is one of names, in reading order. */
  find(names: string[] | RegExp, top: number, bottom: number): LabelHit | null {
    for (const h of this.hits) {
      if (h.row >= top && h.row <= bottom && L.matches(h.key, names)) return h;
    }
    return null;
  }

  all(names: string[] | RegExp): LabelHit[] {
    return this.hits.filter((h) => L.matches(h.key, names));
  }
}
