/**
 * The measure words indicator values use, and which of them mean the same measure. Names and
 * values are compared through these, so "(人数)" in a name accepts "300人" but not "300人次".
 */

/** Unit text as written → canonical unit, with a factor for scaled forms (1.2万人次 → 12000 人次). */
interface UnitForm {
  text: string;
  unit: string;
  factor?: number;
}

// Longest first, so "万人次" wins over "万", "人次" over "人", "个百分点" over "个".
const FORMS: UnitForm[] = [
  { text: "个百分点", unit: "百分点" },
  { text: "百分点", unit: "百分点" },
  { text: "百分比", unit: "%" },
  { text: "个工作日", unit: "工作日" },
  { text: "平方公里", unit: "平方公里" },
  { text: "平方米", unit: "平方米" },
  { text: "万人次", unit: "人次", factor: 10000 },
  { text: "亿元", unit: "万元", factor: 10000 },
  { text: "万元", unit: "万元" },
  { text: "千元", unit: "万元", factor: 0.1 },
  { text: "万人", unit: "人", factor: 10000 },
  { text: "万册", unit: "册", factor: 10000 },
  { text: "工作日", unit: "工作日" },
  { text: "个月", unit: "月" },
  { text: "季度", unit: "季度" },
  { text: "小时", unit: "小时" },
  { text: "分钟", unit: "分钟" },
  { text: "课时", unit: "课时" },
  { text: "学时", unit: "学时" },
  { text: "公里", unit: "公里" },
  { text: "千米", unit: "公里" },
  { text: "公斤", unit: "公斤" },
  { text: "千克", unit: "公斤" },
  { text: "人次", unit: "人次" },
  { text: "人天", unit: "人天" },
  { text: "%", unit: "%" },
  { text: "‰", unit: "‰" },
  ...[
    "元",
    "人",
    "名",
    "位",
    "户",
    "家",
    "所",
    "个",
    "项",
    "件",
    "次",
    "场",
    "期",
    "届",
    "轮",
    "篇",
    "份",
    "册",
    "本",
    "部",
    "条",
    "台",
    "套",
    "批",
    "座",
    "处",
    "间",
    "种",
    "类",
    "门",
    "节",
    "天",
    "日",
    "周",
    "月",
    "年",
    "米",
    "亩",
    "吨",
    "分",
    "起",
    "辆",
    "张",
    "幅",
    "块",
    "棵",
    "株",
    "只",
    "头",
    "层",
    "栋",
    "宗",
    "例",
  ].map((text) => ({ text, unit: text })),
];

export interface UnitHit {
  unit: string;
  /** Characters of the unit text as written. */
  length: number;
  factor: number;
}

/** FORMS by first character, longest first as in FORMS: unitAt is asked after every number of every value. */
const FORMS_BY_FIRST = new Map<number, UnitForm[]>();
for (const f of FORMS) {
  const k = f.text.charCodeAt(0);
  const list = FORMS_BY_FIRST.get(k);
  if (list) list.push(f);
  else FORMS_BY_FIRST.set(k, [f]);
}

/** The unit written at position i of s (already folded to half-width), or null. */
export function unitAt(s: string, i: number): UnitHit | null {
  const forms = FORMS_BY_FIRST.get(s.charCodeAt(i));
  if (!forms) return null;
  for (const f of forms) {
    if (s.startsWith(f.text, i)) return { unit: f.unit, length: f.text.length, factor: f.factor ?? 1 };
  }
  return null;
}

/** Canonical unit of a bracket in a name: "(次)", "(人数)", "(百分比)", "(单位:个)". */
export function nameUnit(content: string): string | null {
  // A template placeholder keeps its unit: "(≥**%)", "(≤**元/株)" (同心 2023) ask for % and 元/株.
  const s = content
    .replace(/\s+/g, "")
    .replace(/^(计量)?单位[::]?/, "")
    .replace(/^(≥|≤|＞|＜|＝|>=|<=|>|<|=)?[*＊]+/, "");
  if (s === "") return null;
  const ALIASES: Record<string, string> = {
    人数: "人",
    次数: "次",
    个数: "个",
    场次: "场",
    篇数: "篇",
    户数: "户",
    件数: "件",
    项数: "项",
    家数: "家",
    天数: "天",
    时长: "时长",
    金额: "万元",
    百分比: "%",
    百分率: "%",
    "%": "%",
  };
  if (ALIASES[s]) return ALIASES[s];
  const hit = unitAt(s, 0);
  return hit && hit.length === s.length ? hit.unit : null;
}

/** Units that count the same thing, and dimensions a name may give instead of a unit. */
const FAMILIES: string[][] = [
  ["次", "场", "期", "届", "轮"],
  ["人", "名", "位"],
  ["个", "家", "所", "处", "座", "项", "件"],
  ["%", "百分点"],
];
const DIMENSIONS: Record<string, string[]> = {
  时长: ["小时", "分钟", "天", "日", "周", "月", "年", "工作日", "课时", "学时", "季度"],
};

/** Whether a value written in `valueUnit` answers a name asking for `wanted`. */
export function unitsCompatible(wanted: string, valueUnit: string): boolean {
  if (wanted === valueUnit) return true;
  if (DIMENSIONS[wanted]?.includes(valueUnit)) return true;
  return FAMILIES.some((f) => f.includes(wanted) && f.includes(valueUnit));
}

/** Units that measure an amount that adds up over time, so a year's target cannot exceed the period's. */
const CUMULATIVE = new Set([
  "万元",
  "元",
  "人次",
  "人",
  "名",
  "位",
  "户",
  "家",
  "所",
  "个",
  "项",
  "件",
  "次",
  "场",
  "期",
  "届",
  "轮",
  "篇",
  "份",
  "册",
  "本",
  "部",
  "条",
  "台",
  "套",
  "批",
  "座",
  "处",
  "间",
  "种",
  "门",
  "节",
  "课时",
  "学时",
  "平方米",
  "平方公里",
  "公里",
  "米",
  "亩",
  "吨",
  "公斤",
  "辆",
  "张",
  "幅",
  "块",
  "棵",
  "株",
  "只",
  "头",
  "栋",
  "宗",
  "例",
  "人天",
]);

export function isCumulativeUnit(unit: string | null): boolean {
  return unit !== null && CUMULATIVE.has(unit);
}
