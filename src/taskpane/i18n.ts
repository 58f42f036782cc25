/**
 * Every string the task pane and the preview show, both languages side by side (the catalogue
 * shape of src/core/i18n.ts). Severity and category names come from the core so the CLI and the
 * pane say the same thing.
 */
import { CATEGORY_NAMES, Catalogue, Lang, Localized, SEVERITY_NAMES, count, localize, pick } from "../core/i18n";
import { Category, Severity } from "../core/rules/types";

export { pick } from "../core/i18n";

export const PANE = {
  /** The page's `lang` attribute, so screen readers pronounce the pane in its language. */
  htmlLang: { zh: "zh-CN", en: "en-US" },
  // Boot screen, before the workbook (and so the language) is read: shown in every language.
  stillLoading: { zh: "Excel 仍在加载绩效表助手,请稍候…", en: "Excel is still loading the add-in…" },
  cannotStart: { zh: "绩效表助手无法启动:", en: "The add-in could not start:" },
  appTitle: { zh: "绩效表助手", en: "Budget Form Assistant" },
  notices: { zh: "通知", en: "Notices" },
  /** After the first of a finding's cells: 「申报表!E41 等 2 处」 says what 「+1」 did not. */
  cellsInAll: { zh: (n: number) => ` 等 ${n} 处`, en: (n: number) => ` and ${n - 1} more` },
  noForm: { zh: "未识别到申报表", en: "No form recognised" },
  moreForms: {
    zh: (n: number) => `另有 ${n} 张申报表`,
    en: (n: number) => `${n} more ${n === 1 ? "form" : "forms"}`,
  },
  budget: { zh: "预算", en: "Budget" },
  basic: { zh: "基本", en: "Basic" },
  project: { zh: "项目", en: "Project" },
  unitWan: { zh: "万元", en: "(10k yuan)" },
  reading: { zh: "正在读取表格…", en: "Reading the workbook…" },
  checking: { zh: "正在校验…", en: "Checking…" },
  readFailed: { zh: "读取表格失败", en: "Could not read the workbook" },
  canSubmit: { zh: "可以提交", en: "Ready to submit" },
  notChecked: { zh: "未检查", en: "Not checked" },
  notCheckedWhy: {
    zh: "没有读到绩效目标表或自评表,所以没有检查任何内容(上方说明了找到的是什么)。",
    en: "No target form or self-evaluation table was read, so nothing was checked (what was found is said above).",
  },
  passed: {
    zh: (n: number) => `已通过 ${n} 项检查`,
    en: (n: number) => `${count(n, "check", "checks")} passed`,
  },
  alsoNotes: {
    zh: (w: number, i: number) => [w ? `${w} 个警告` : "", i ? `${i} 条提示` : ""].filter(Boolean).join("、") + "建议处理",
    en: (w: number, i: number) =>
      [w ? count(w, "warning", "warnings") : "", i ? count(i, "tip", "tips") : ""].filter(Boolean).join(" and ") + " worth a look",
  },
  cannotSubmit: { zh: "请先改正错误再提交", en: "Fix the errors before submitting" },
  countError: {
    zh: (n: number) => `${n} 个错误`,
    en: (n: number) => count(n, "error", "errors"),
  },
  countWarning: {
    zh: (n: number) => `${n} 个警告`,
    en: (n: number) => count(n, "warning", "warnings"),
  },
  countInfo: {
    zh: (n: number) => `${n} 条提示`,
    en: (n: number) => count(n, "tip", "tips"),
  },
  validate: { zh: "一键校验", en: "Check now" },
  clearMarks: { zh: "清除标记", en: "Clear marks" },
  liveCheck: { zh: "实时校验", en: "Live check" },
  report: { zh: "校验报告", en: "Report sheet" },
  reportDone: { zh: "已生成「校验报告」工作表", en: "Wrote the 校验报告 sheet" },
  marksOn: {
    zh: (n: number) => `已在表中标记 ${n} 个单元格。标记会随文件一起保存,提交前点「清除标记」即可一键去除。`,
    en: (n: number) =>
      `${n === 1 ? "1 cell is" : `${n} cells are`} marked. Marks are saved with the file; Clear marks removes them in one click.`,
  },
  marksCleared: { zh: "已清除标记", en: "Marks cleared" },
  tabIssues: { zh: "问题", en: "Issues" },
  tabTemplates: { zh: "指标模板", en: "Templates" },
  tabSettings: { zh: "设置", en: "Settings" },
  noIssues: { zh: "没有发现问题。", en: "No issues found." },
  showIgnored: { zh: "显示已忽略", en: "Show ignored" },
  ignoredCount: {
    zh: (n: number) => `已忽略 ${n} 项`,
    en: (n: number) => `${n} ignored`,
  },
  fix: { zh: "修复", en: "Fix" },
  ignore: { zh: "忽略", en: "Ignore" },
  unignore: { zh: "取消忽略", en: "Unignore" },
  ignoredTag: { zh: "已忽略", en: "Ignored" },
  goToCell: {
    zh: (cell: string) => `转到 ${cell}`,
    en: (cell: string) => `Go to ${cell}`,
  },
  fixApplied: {
    zh: (title: string) => `已修复:${title}`,
    en: (title: string) => `Fixed: ${title}`,
  },
  fixAll: {
    zh: (n: number) => `修复全部(${n})`,
    en: (n: number) => `Fix all (${n})`,
  },
  fixAllDone: {
    zh: (a: number, r: number) => (a === 0 && r === 0 ? "没有可自动修复的问题" : `已修复 ${a} 处` + (r ? `,${r} 处未能修复` : "")),
    en: (a: number, r: number) =>
      a === 0 && r === 0 ? "Nothing to fix automatically" : `Fixed ${count(a, "cell", "cells")}` + (r ? `; ${r} could not be fixed` : ""),
  },
  /** Accessible names of a finding's buttons: the cell makes each one unique in the list. */
  fixLabel: {
    zh: (title: string, cell: string) => `修复 ${cell}:${title}`,
    en: (title: string, cell: string) => `Fix ${cell}: ${title}`,
  },
  ignoreLabel: {
    zh: (cell: string, msg: string) => `忽略 ${cell}:${msg}`,
    en: (cell: string, msg: string) => `Ignore ${cell}: ${msg}`,
  },
  unignoreLabel: {
    zh: (cell: string, msg: string) => `取消忽略 ${cell}:${msg}`,
    en: (cell: string, msg: string) => `Unignore ${cell}: ${msg}`,
  },
  fixRefused: { zh: "未能修复", en: "Could not fix" },
  actionFailed: { zh: "操作失败", en: "Something went wrong" },
  settingsDropped: { zh: "部分规则设置无效,未采用", en: "Some rule settings are not valid and were not used" },
  settingsTitle: { zh: "校验设置", en: "Check settings" },
  language: { zh: "界面语言", en: "Language" },
  floor: { zh: "满意度指标下限(%)", en: "Satisfaction floor (%)" },
  floorHint: { zh: "满意度指标值低于此数时提示。", en: "Satisfaction targets below this are flagged." },
  tolerance: { zh: "收支核对允许误差(万元)", en: "Income vs expenditure tolerance (10k yuan)" },
  toleranceHint: { zh: "收入合计与支出合计相差不超过此数视为相符。", en: "Totals that differ by no more than this count as equal." },
  ruleMissing: { zh: "(该检查暂未启用)", en: "(this check is not available yet)" },
  resetDefaults: { zh: "恢复默认", en: "Reset to defaults" },
  settingsSaved: { zh: "设置已保存到工作簿", en: "Settings saved in the workbook" },
  liveCheckHint: { zh: "修改表格后自动重新校验。", en: "Re-check automatically after edits." },
  // Preview page
  previewTitle: { zh: "绩效表助手 · 浏览器预览", en: "Budget Form Assistant · preview" },
  openFile: { zh: "打开 .xlsx", en: "Open .xlsx" },
  download: { zh: "下载修改后的文件", en: "Download changed file" },
  withMarks: { zh: "附带标记和批注", en: "with marks & notes" },
  /** Why 附带标记和批注 is greyed out: there is nothing marked to carry. */
  withMarksOff: {
    zh: "表中没有标记:点「一键校验」标出问题后,可随下载附带标记和批注",
    en: "Nothing is marked: press Check now to mark the problems, then they can go with the download",
  },
  /** Appended to a downloaded file's name, so it is never mistaken for the original. */
  suffixMarked: { zh: "标记", en: "marked" },
  suffixEdited: { zh: "已修改", en: "edited" },
  /** A download the patcher cannot make and a rewrite would lose content (hosts/file/loss.ts): the user decides. */
  lossTitle: { zh: "下载的副本会丢失内容", en: "The downloaded copy would lose content" },
  downloadAnyway: { zh: "仍然下载(接受丢失)", en: "Download anyway (accept the loss)" },
  keepOriginal: { zh: "不下载", en: "Do not download" },
  dropHint: { zh: "可把 .xlsx 文件拖到此处打开", en: "Drop an .xlsx file here to open it" },
  exampleName: { zh: "示例申报表", en: "Example form" },
  loadingExample: { zh: "正在打开示例申报表…", en: "Opening the example form…" },
  exampleMissing: {
    zh: "未找到示例文件,请点「打开 .xlsx」选择申报表。",
    en: "The example file was not found; use Open .xlsx to pick a form.",
  },
  notXlsx: { zh: "只能打开 .xlsx 文件(Excel 工作簿)。", en: "Only .xlsx files (Excel workbooks) can be opened." },
  openFailed: {
    zh: (reason: string) => `无法打开该文件:${reason}`,
    en: (reason: string) => `Could not open the file: ${reason}`,
  },
  sheetTabs: { zh: "工作表", en: "Sheets" },
  previewNote: {
    zh: "预览模式:文件只在本机浏览器中处理,不会上传。",
    en: "Preview mode: the file is processed in this browser only and never uploaded.",
  },
  dismiss: { zh: "关闭", en: "Dismiss" },
} satisfies Catalogue;

export type Strings = Localized<typeof PANE>;

export function strings(lang: Lang): Strings {
  return localize(PANE, lang);
}

export function severityName(s: Severity, lang: Lang): string {
  return pick(SEVERITY_NAMES[s], lang);
}

export function categoryName(c: Category, lang: Lang): string {
  return pick(CATEGORY_NAMES[c] ?? { zh: c, en: c }, lang);
}

/** Amounts in 万元 with exactly 2 decimals; "—" when unknown. */
export function formatAmount(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return v.toFixed(2);
}
