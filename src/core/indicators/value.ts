/**
 * Parses an indicator value as people write it: "≥95%", ">=95%", "＝100%", "≤1125万元",
 * "科普咨询活动2次,受众1200人", "约3000人次", "优", "达成预期指标", "2025年12月31日前".
 * Pure and total: any text gives a result, never an exception.
 */
import { memoize } from "../memo";
import { CellValue, isCellError } from "../snapshot";
import { cellText } from "../text";
import { unitAt } from "./units";
import { findVague } from "./vague";

export type Operator = "≥" | "≤" | "＝" | "＞" | "＜";

export interface NumberHit {
  value: number;
  /** The number and its unit as written (half-width). */
  text: string;
  /** Canonical unit, null when none follows the number. */
  unit: string | null;
  /** Position in the value text. */
  index: number;
  /** Part of a date ("2025年12月31日"), not a quantity. */
  date: boolean;
}

export interface DateHit {
  year: number | null;
  month: number | null;
  day: number | null;
  text: string;
}

export interface ParsedValue {
  /** The text as written (a number cell: its digits). */
  raw: string;
  empty: boolean;
  /** A stand-in for "nothing": "-", "/", "无", "暂无". */
  placeholder: boolean;
  /** The cell held a number, not text (Excel may store 95% as 0.95). */
  numberCell: boolean;
  /** The cell held an Excel error value (#REF!, #N/A …): raw is its code. */
  errorValue: boolean;
  operator: Operator | null;
  /** The operator as written (">=", "≥", "不低于", "以上" …) and where, in raw. */
  operatorText: string | null;
  operatorIndex: number;
  /** Written with ASCII characters (">=", "<=", "=", ">", "<"). */
  asciiOperator: boolean;
  /** A symbol (≥ ≤ ＝ ＞ ＜ or ASCII) rather than words (不低于, 以上). */
  symbolOperator: boolean;
  numbers: NumberHit[];
  /** The number the target is about: the one after the operator, else the first quantity. */
  main: NumberHit | null;
  unit: string | null;
  isPercent: boolean;
  date: DateHit | null;
  /** A graded qualitative value (优 / 较好 / 达成预期指标 / 应保尽保), as matched. */
  grade: string | null;
  /** Vague words from the default list. */
  vague: string[];
}

const SYMBOLS: { text: string; op: Operator; ascii: boolean }[] = [
  { text: ">=", op: "≥", ascii: true },
  { text: "=>", op: "≥", ascii: true },
  { text: "<=", op: "≤", ascii: true },
  { text: "=<", op: "≤", ascii: true },
  { text: "＞＝", op: "≥", ascii: false },
  { text: "＜＝", op: "≤", ascii: false },
  { text: "≥", op: "≥", ascii: false },
  { text: "≧", op: "≥", ascii: false },
  { text: "⩾", op: "≥", ascii: false },
  { text: "≤", op: "≤", ascii: false },
  { text: "≦", op: "≤", ascii: false },
  { text: "⩽", op: "≤", ascii: false },
  { text: "＝", op: "＝", ascii: false },
  { text: "=", op: "＝", ascii: true },
  { text: "＞", op: "＞", ascii: false },
  { text: ">", op: "＞", ascii: true },
  { text: "＜", op: "＜", ascii: false },
  { text: "<", op: "＜", ascii: true },
];

// Sticky (y) patterns are matched at lastIndex without slicing the text at every position.
const PREFIX_WORDS: [RegExp, Operator][] = [
  [/(不低于|不少于|不小于|大于或等于|大于等于|至少)/y, "≥"],
  [/(不高于|不超过|不多于|不大于|小于或等于|小于等于|控制在)/y, "≤"],
  [/(大于|高于|多于|超过)/y, "＞"],
  [/(小于|低于|少于)/y, "＜"],
  [/等于/y, "＝"],
];
const SUFFIX_WORDS: [RegExp, Operator][] = [
  [/(及以上|以上)/y, "≥"],
  [/(及以下|以下|以内)/y, "≤"],
];

// First characters of every symbol and operator word: most positions of a value start none, and
// a Set lookup is far cheaper than trying every symbol and pattern there. Char codes, not
// one-character strings: n[i] of a Chinese character allocates a string at every position.
const SYMBOL_FIRST = new Set(SYMBOLS.map((x) => x.text.charCodeAt(0)));
const PREFIX_FIRST = new Set(
  PREFIX_WORDS.flatMap(([re]) =>
    re.source
      .replace(/[()]/g, "")
      .split("|")
      .map((w) => w.charCodeAt(0)),
  ),
);

function matchAt(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

const PLACEHOLDER = /^[-—–_/\\、.。·]+$|^(无|暂无|空|n\/?a|none|null)$/i;

// What halfWidth changes: most values hold none of it and are returned as they are.
const HAS_WIDE = /[\uff01-\uff1b\uff1f-\uff5e\u3000]/;

/** Full-width letters, digits and punctuation to half-width, one character for one, so indices
 * stay those of the raw text; ＝ ＞ ＜ stay full-width because the style of the operator matters. */
function halfWidth(s: string): string {
  if (!HAS_WIDE.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === "＝" || ch === "＞" || ch === "＜") out += ch;
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

function chineseNumber(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch === "万") {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else if (ch in CN_UNITS) {
      section += (digit ?? 1) * CN_UNITS[ch];
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

// Units after a Chinese numeral: counts only, so "一般" or "十二月" are not read as quantities.
const CN_COUNT_UNITS = /^(个|次|场|项|件|人次|人|名|位|户|家|所|篇|份|期|届|轮|批|条|台|套|座|处|起|个月|个工作日|天|小时)/;

/** Calls f for every match of the global pattern re in s. matchAll would copy the pattern (a new
 * RegExp per call) and allocate an iterator; values are parsed by the thousand. */
function eachMatch(re: RegExp, s: string, f: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0] === "") re.lastIndex++;
    f(m);
  }
}

const DATE_YMD = /((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/g;
const DATE_DASHED = /(?<!\d)((?:19|20)\d{2})([-/])(\d{1,2})(?:\2(\d{1,2}))?(?!\d)/g;
// With dots only a full date: "2025.5万元" is an amount.
const DATE_DOTTED = /(?<![\d.])((?:19|20)\d{2})\.(\d{1,2})\.(\d{1,2})(?![\d.])/g;
const DATE_MD = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const DATE_MONTH = /(?<![\d年])(\d{1,2})\s*月(?=底|末|前|份|中旬|上旬|下旬)/g;
const DIGIT = /\d/;

function findDates(n: string): { start: number; end: number; hit: DateHit }[] {
  const out: { start: number; end: number; hit: DateHit }[] = [];
  const add = (m: RegExpExecArray, year: string | undefined, month: string | undefined, day: string | undefined) => {
    const start = m.index;
    const end = m.index + m[0].length;
    if (out.some((d) => start < d.end && end > d.start)) return;
    out.push({
      start,
      end,
      hit: { year: year ? Number(year) : null, month: month ? Number(month) : null, day: day ? Number(day) : null, text: m[0] },
    });
  };
  // Every date pattern needs a digit, and each its own marker character: most values are skipped
  // by these tests without running a pattern.
  if (!DIGIT.test(n)) return out;
  if (n.includes("年")) eachMatch(DATE_YMD, n, (m) => add(m, m[1], m[2], m[3]));
  if (n.includes("-") || n.includes("/")) eachMatch(DATE_DASHED, n, (m) => add(m, m[1], m[3], m[4]));
  if (n.includes(".")) eachMatch(DATE_DOTTED, n, (m) => add(m, m[1], m[2], m[3]));
  if (n.includes("月")) {
    if (n.includes("日")) eachMatch(DATE_MD, n, (m) => add(m, undefined, m[1], m[2]));
    eachMatch(DATE_MONTH, n, (m) => add(m, undefined, m[1], undefined));
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/g;
const CN_NUMERAL = /[零一二两三四五六七八九十百千万]+/g;
const SIGN_AFTER = /[≥≤＝＞＜=<>\s]/;

function findNumbers(n: string, dates: { start: number; end: number }[]): NumberHit[] {
  const hits: NumberHit[] = [];
  const inDate = (i: number) => dates.some((d) => i >= d.start && i < d.end);
  eachMatch(NUMBER, n, (m) => {
    let start = m.index;
    let value = Number(m[0].includes(",") ? m[0].replace(/,/g, "") : m[0]);
    // A minus sign counts only where a sign can stand: at the start or after an operator.
    const sign = n[start - 1];
    if ((sign === "-" || sign === "−") && (start === 1 || SIGN_AFTER.test(n[start - 2]))) {
      start--;
      value = -value;
    }
    let i = m.index + m[0].length;
    while (n[i] === " ") i++;
    let unit = unitAt(n, i);
    if (!unit && (n[i] === "千" || n[i] === "万" || n[i] === "亿")) {
      const scale = n[i] === "千" ? 1000 : n[i] === "万" ? 10000 : 100000000;
      const next = unitAt(n, i + 1);
      unit = next ? { ...next, length: next.length + 1, factor: next.factor * scale } : { unit: "", length: 1, factor: scale };
    }
    const end = unit ? i + unit.length : m.index + m[0].length;
    hits.push({
      value: unit ? value * unit.factor : value,
      text: n.slice(start, end),
      unit: unit && unit.unit !== "" ? unit.unit : null,
      index: start,
      date: inDate(m.index),
    });
  });
  eachMatch(CN_NUMERAL, n, (m) => {
    // "1.5万人次" was read above; its 万 is a scale, not a numeral of its own.
    if (m.index > 0 && /[\d.]/.test(n[m.index - 1])) return;
    const rest = n.slice(m.index + m[0].length);
    const u = CN_COUNT_UNITS.exec(rest);
    const value = chineseNumber(m[0]);
    if (!u || value === null) return;
    const unit = unitAt(rest, 0);
    hits.push({ value, text: m[0] + u[0], unit: unit ? unit.unit : u[0], index: m.index, date: false });
  });
  return hits.sort((a, b) => a.index - b.index);
}

const GRADE_WORDS = new Set([
  "优",
  "良",
  "中",
  "差",
  "低",
  "优秀",
  "良好",
  "中等",
  "合格",
  "及格",
  "好",
  "较好",
  "很好",
  "一般",
  "较差",
  "高",
  "较高",
  "优良",
]);

/**
 * Pass/fail targets reviewers accept for a verification or compliance indicator (验收通过, 合格,
 * 合规 (棠溪 2022 补助资格合规性), 达标, 是/否, 不超预算, 控制在预算内 (湘潭 2024), 符合相关规定, 严格执行…制度):
 * the target is met or not, nothing to count.
 */
const PASS_FAIL =
  /^(通过|验收通过|合格|合规|达标|是|否|不超预算|不超过预算|未超预算|无超支|控制在(预算|预算范围|预算额度|批复预算)(之?内|以内)|符合(相关|有关|国家|行业)?(规定|要求|标准|规范)|严格执行.{0,10}(规定|制度|标准|规范))$/;

/**
 * A grade needs one of these characters: 预 (达成预期), 应 (应保尽保), the first character of each
 * PASS_FAIL word, and every character of the grade words. Most values ("≥95%", "2次") hold none and
 * skip the patterns below. Keep the PASS_FAIL first characters here in step with PASS_FAIL.
 */
const GRADE_CHARS = new RegExp(`[${[...new Set("预应通验合达是否不未无控符严优良中低差" + [...GRADE_WORDS].join(""))].join("")}]`);

function gradeOf(n: string): string | null {
  if (!GRADE_CHARS.test(n)) return null;
  const t = n
    .replace(/\([^()]*标准\)/g, "")
    .replace(/\s+/g, "")
    .replace(/[。.;;,,!!]+$/, "");
  const expected = /(达成|达到|实现)预期(目标|指标|效果|效益|水平)?/.exec(t);
  if (expected) return expected[0];
  if (/应保尽保/.test(t)) return "应保尽保";
  if (PASS_FAIL.test(t)) return t;
  // The grade may follow a label: "定性:优", "管理机制健全性:良", "评价等级为良好".
  const afterColon = t.split(/[::]/).pop() ?? "";
  const afterVerb = /(?:为|达到|达)([^为达]*)$/.exec(afterColon);
  const candidates = [t, afterColon, ...(afterVerb ? [afterVerb[1]] : [])];
  for (let c of candidates) {
    c = c.replace(/^(≥|≤|＝|＞|＜|>=|<=|=|>|<)/, "").replace(/(及以上|以上|等级|等次|档次|级|档|等)$/, "");
    if (GRADE_WORDS.has(c)) return c;
    if (/^[优良中低差](?:[、/]?[优良中低差])+$/.test(c)) return c;
  }
  return null;
}

interface OperatorHit {
  op: Operator;
  text: string;
  index: number;
  ascii: boolean;
  symbol: boolean;
  number: NumberHit | null;
}

function findOperator(n: string, numbers: NumberHit[]): OperatorHit | null {
  const numberAt = (i: number): NumberHit | null => {
    let k = i;
    while (n[k] === " ") k++;
    return numbers.find((h) => h.index === k && !h.date) ?? null;
  };
  let firstSymbol: OperatorHit | null = null;
  for (let i = 0; i < n.length; i++) {
    if (!SYMBOL_FIRST.has(n.charCodeAt(i))) continue;
    const s = SYMBOLS.find((x) => n.startsWith(x.text, i));
    if (!s) continue;
    const hit = { op: s.op, text: s.text, index: i, ascii: s.ascii, symbol: true, number: numberAt(i + s.text.length) };
    if (hit.number) return hit;
    firstSymbol ??= hit;
    i += s.text.length - 1;
  }
  for (let i = 0; i < n.length; i++) {
    if (!PREFIX_FIRST.has(n.charCodeAt(i))) continue;
    for (const [re, op] of PREFIX_WORDS) {
      const m = matchAt(re, n, i);
      const number = m ? numberAt(i + m[0].length) : null;
      if (m && number) return { op, text: m[0], index: i, ascii: false, symbol: false, number };
    }
  }
  for (const h of numbers) {
    if (h.date) continue;
    const after = h.index + h.text.length;
    for (const [re, op] of SUFFIX_WORDS) {
      const m = matchAt(re, n, after);
      if (m) return { op, text: m[0], index: after, ascii: false, symbol: false, number: h };
    }
  }
  return firstSymbol;
}

/** Every rule parses the same value cells; parsing once per distinct text keeps a batch cheap.
 * Keyed by the cell's own string, whose hash V8 keeps, rather than by a freshly built key. */
const parseText = memoize((text: string): ParsedValue => parseValueUncached(text));

export function parseValue(v: CellValue): ParsedValue {
  return typeof v === "string" ? parseText(v) : parseValueUncached(v);
}

function parseValueUncached(v: CellValue): ParsedValue {
  const raw = isCellError(v) ? v.error : cellText(v);
  const n = halfWidth(raw);
  const trimmed = n.trim();
  const dates = findDates(n);
  const numbers = isCellError(v) ? [] : findNumbers(n, dates);
  const op = findOperator(n, numbers);
  const quantities = numbers.filter((h) => !h.date);
  const main = op?.number ?? quantities.find((h) => h.unit !== null) ?? quantities[0] ?? null;
  return {
    raw,
    empty: trimmed === "",
    placeholder: PLACEHOLDER.test(trimmed),
    numberCell: typeof v === "number",
    errorValue: isCellError(v),
    operator: op?.op ?? null,
    operatorText: op?.text ?? null,
    operatorIndex: op?.index ?? -1,
    asciiOperator: op?.ascii ?? false,
    symbolOperator: op?.symbol ?? false,
    numbers,
    main,
    unit: main?.unit ?? null,
    isPercent: main?.unit === "%",
    date: dates.length ? dates[0].hit : null,
    grade: gradeOf(n),
    vague: findVague(n),
  };
}

/** Whether the value states something measurable: a number, a date or a graded qualitative level. */
export function isMeasurable(p: ParsedValue): boolean {
  return p.numbers.length > 0 || p.date !== null || p.grade !== null;
}

/** A filled value with nothing measurable in it: indicators/not-quantified owns it (other rules about
 * the same cell, such as vague wording, stay silent: one finding per cell per cause). */
export function isUnmeasured(p: ParsedValue): boolean {
  return !p.empty && !p.placeholder && !p.errorValue && !isMeasurable(p);
}

/**
 * The percentage a value targets: the main number when it is a percentage, else the first
 * percentage in the text. With `assumePercent` (the name asks for %), a bare number counts too,
 * and a number cell ≤ 1 is read as Excel stores a percentage (0.95 → 95).
 */
export function percentOf(p: ParsedValue, assumePercent = false): number | null {
  if (p.main?.unit === "%") return p.main.value;
  const pct = p.numbers.find((h) => h.unit === "%" && !h.date);
  if (pct) return pct.value;
  if (assumePercent && p.main && p.main.unit === null) {
    return p.numberCell && Math.abs(p.main.value) <= 1 ? Math.round(p.main.value * 10000) / 100 : p.main.value;
  }
  return null;
}

/** The raw text with its operator replaced (for fixes that keep everything else as written). */
export function withOperator(p: ParsedValue, op: string): string {
  if (p.operatorText === null || p.operatorIndex < 0) return p.raw;
  return p.raw.slice(0, p.operatorIndex) + op + p.raw.slice(p.operatorIndex + p.operatorText.length);
}

const OFFICIAL: Record<string, Operator> = { ">=": "≥", "=>": "≥", "<=": "≤", "=<": "≤", "=": "＝", ">": "＞", "<": "＜" };

/** The raw text with its ASCII operators in the official form (">=95%" → "≥95%"); nothing else changes. */
export function officialOperators(p: ParsedValue): string {
  const first = p.asciiOperator && p.operator ? withOperator(p, p.operator) : p.raw;
  return first.replace(/(>=|=>|<=|=<|=|>|<)(?=\s*[-−]?[\d０-９])/g, (m) => OFFICIAL[m] ?? m);
}
