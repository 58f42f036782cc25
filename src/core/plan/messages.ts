/**
 * Why an edit plan is refused or undone, for every host, both languages side by side (the
 * catalogue shape of ../i18n.ts). A value shown in a message is passed as a Message, because each
 * language quotes it its own way (“…” or 「…」 against "…", 空 against empty).
 */
import { Catalogue, Message } from "../i18n";

export const PLAN = {
  // refusals: what the compiler in steps.ts will not do
  formulaCell: {
    zh: (ref: string, formula: string) =>
      `单元格 ${ref} 是公式(${formula}),自动修改会把公式替换为固定值,未做任何更改。请直接修改公式或它引用的单元格。`,
    en: (ref: string, formula: string) =>
      `Cell ${ref} holds a formula (${formula}); changing it automatically would replace the formula with a constant, so nothing was changed. Edit the formula or the cells it uses instead.`,
  },
  mergeLosesContent: {
    zh: (range: string, at: string) => `无法合并 ${range}:${at} 有内容,合并会丢失它`,
    en: (range: string, at: string) => `Cannot merge ${range}: ${at} has content that merging would lose`,
  },
  badAddress: {
    zh: (title: Message) => `“${title.zh}”中的单元格地址无效`,
    en: (title: Message) => `"${title.en}" contains an invalid cell address`,
  },
  cellChanged: {
    zh: (ref: string, now: Message, expected: Message) =>
      `单元格 ${ref} 已被修改(现在是${now.zh},修复是按${expected.zh}计算的),未做任何更改。请重新检查后再修复。`,
    en: (ref: string, now: Message, expected: Message) =>
      `Cell ${ref} has changed (it now holds ${now.en}; the fix was computed for ${expected.en}). Nothing was changed; check again, then fix.`,
  },
  badInsertRows: {
    zh: (title: Message) => `“${title.zh}”中的插入行参数无效`,
    en: (title: Message) => `"${title.en}" has invalid row-insertion parameters`,
  },
  mergeOverlaps: {
    zh: (range: string, clash: string) => `无法合并 ${range}:与已合并的 ${clash} 重叠`,
    en: (range: string, clash: string) => `Cannot merge ${range}: it overlaps the merged area ${clash}`,
  },
  notMerged: {
    zh: (range: string) => `无法取消合并 ${range}:该区域未合并`,
    en: (range: string) => `Cannot unmerge ${range}: it is not merged`,
  },
  noSheet: {
    zh: (sheet: string, title: Message) => `找不到工作表「${sheet}」,无法应用“${title.zh}”`,
    en: (sheet: string, title: Message) => `Sheet "${sheet}" not found; cannot apply "${title.en}"`,
  },

  // How a cell's value is quoted in these messages: empty, as the cell shows it, as it reads.
  emptyValue: { zh: "(空)", en: "(empty)" },
  quotedShown: { zh: (text: string) => `“${text}”`, en: (text: string) => `"${text}"` },
  quotedRead: { zh: (text: string) => `「${text}」`, en: (text: string) => `"${text}"` },

  // verify: what the re-read workbook shows went wrong
  formulaGone: { zh: (cell: string) => `${cell} 的公式不见了`, en: (cell: string) => `the formula in ${cell} is gone` },
  valueChanged: {
    zh: (cell: string, was: Message, now: Message) => `${cell} 原为${was.zh},现为${now.zh}`,
    en: (cell: string, was: Message, now: Message) => `${cell} was ${was.en}, now ${now.en}`,
  },
  valueWrong: {
    zh: (cell: string, want: Message, now: Message) => `${cell} 应为${want.zh},实为${now.zh}`,
    en: (cell: string, want: Message, now: Message) => `${cell} should be ${want.en}, is ${now.en}`,
  },
  mergesOverlap: {
    zh: (a: string, b: string) => `合并区域 ${a} 与 ${b} 重叠`,
    en: (a: string, b: string) => `merged areas ${a} and ${b} overlap`,
  },
  mergeLost: { zh: (range: string) => `合并区域 ${range} 未能保持`, en: (range: string) => `merged area ${range} was not kept` },
  extraMerge: { zh: (range: string) => `多出了合并区域 ${range}`, en: (range: string) => `an unexpected merged area ${range}` },
  sheetGone: { zh: (sheet: string) => `工作表「${sheet}」不见了`, en: (sheet: string) => `sheet "${sheet}" is gone` },
  indicatorsLost: {
    zh: (sheet: string) => `「${sheet}」的绩效指标表无法再识别`,
    en: (sheet: string) => `the indicator table of "${sheet}" is no longer recognised`,
  },
  notInTable: { zh: "(不在表中)", en: "(not in the table)" },
  indicatorMoved: {
    zh: (name: string, was: string, now: Message) => `指标「${name}」原在 ${was},现在 ${now.zh}`,
    en: (name: string, was: string, now: Message) => `indicator "${name}" was under ${was}, now ${now.en}`,
  },
  insertedOutOfGroup: {
    zh: (level1: string, level2: string) => `插入的指标不在「${level1}指标${level2 ? ` / ${level2}指标` : ""}」分组中`,
    en: (level1: string, level2: string) => `the inserted indicator is not in its group ${level1}${level2 ? ` / ${level2}` : ""}`,
  },
  newError: {
    zh: (message: Message, cell: string) => `出现新的错误:${message.zh}(${cell})`,
    en: (message: Message, cell: string) => `a new error: ${message.en} (${cell})`,
  },
  /** The first problems, and how many more: Chinese counts them all (等 N 处), English the rest. */
  problemList: {
    zh: (first: Message[], total: number) => first.map((p) => p.zh).join(";") + (total > first.length ? ` 等 ${total} 处` : ""),
    en: (first: Message[], total: number) =>
      first.map((p) => p.en).join("; ") + (total > first.length ? ` and ${total - first.length} more` : ""),
  },
  verifyFailed: {
    zh: (title: Message, problems: Message) => `“${title.zh}”应用后核对未通过,已撤销,表格未被修改:${problems.zh}`,
    en: (title: Message, problems: Message) =>
      `"${title.en}" failed its check after applying and was undone; the form is unchanged: ${problems.en}`,
  },
} satisfies Catalogue;
