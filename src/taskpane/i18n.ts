/**
 * Every string the task pane and the preview show, Chinese first. Severity and category names come
 * from the core (src/core/i18n.ts) so the CLI and the pane say the same thing.
 */
import { CATEGORY_NAMES, SEVERITY_NAMES } from "../core/i18n";
import { Category, Message, Severity } from "../core/rules/types";
import { Lang } from "../hosts/host";

export interface Strings {
  appTitle: string;
  noForm: string;
  moreForms: (n: number) => string;
  budget: string;
  basic: string;
  project: string;
  unitWan: string;
  reading: string;
  checking: string;
  readFailed: string;
  canSubmit: string;
  passed: (n: number) => string;
  alsoNotes: (warnings: number, infos: number) => string;
  cannotSubmit: string;
  countError: (n: number) => string;
  countWarning: (n: number) => string;
  countInfo: (n: number) => string;
  validate: string;
  clearMarks: string;
  liveCheck: string;
  report: string;
  reportDone: string;
  marksOn: (n: number) => string;
  marksCleared: string;
  tabIssues: string;
  tabTemplates: string;
  tabSettings: string;
  templatesSoon: string;
  noIssues: string;
  showIgnored: string;
  ignoredCount: (n: number) => string;
  fix: string;
  ignore: string;
  unignore: string;
  ignoredTag: string;
  goToCell: (cell: string) => string;
  fixApplied: (title: string) => string;
  fixAll: (n: number) => string;
  fixAllDone: (applied: number, refused: number) => string;
  /** Accessible names of a finding's buttons: the cell makes each one unique in the list. */
  fixLabel: (title: string, cell: string) => string;
  ignoreLabel: (cell: string, message: string) => string;
  unignoreLabel: (cell: string, message: string) => string;
  fixRefused: string;
  actionFailed: string;
  settingsTitle: string;
  language: string;
  floor: string;
  floorHint: string;
  tolerance: string;
  toleranceHint: string;
  ruleMissing: string;
  resetDefaults: string;
  settingsSaved: string;
  liveCheckHint: string;
  // Preview page
  previewTitle: string;
  openFile: string;
  download: string;
  withMarks: string;
  /** Why 附带标记和批注 is greyed out: there is nothing marked to carry. */
  withMarksOff: string;
  /** Appended to a downloaded file's name, so it is never mistaken for the original. */
  suffixMarked: string;
  suffixEdited: string;
  dropHint: string;
  exampleName: string;
  loadingExample: string;
  exampleMissing: string;
  notXlsx: string;
  openFailed: (reason: string) => string;
  sheetTabs: string;
  previewNote: string;
  dismiss: string;
}

const zh: Strings = {
  appTitle: "绩效表助手",
  noForm: "未识别到申报表",
  moreForms: (n) => `另有 ${n} 张申报表`,
  budget: "预算",
  basic: "基本",
  project: "项目",
  unitWan: "万元",
  reading: "正在读取表格…",
  checking: "正在校验…",
  readFailed: "读取表格失败",
  canSubmit: "可以提交",
  passed: (n) => `已通过 ${n} 项检查`,
  alsoNotes: (w, i) => [w ? `${w} 个警告` : "", i ? `${i} 条提示` : ""].filter(Boolean).join("、") + "建议处理",
  cannotSubmit: "请先改正错误再提交",
  countError: (n) => `${n} 个错误`,
  countWarning: (n) => `${n} 个警告`,
  countInfo: (n) => `${n} 条提示`,
  validate: "一键校验",
  clearMarks: "清除标记",
  liveCheck: "实时校验",
  report: "校验报告",
  reportDone: "已生成「校验报告」工作表",
  marksOn: (n) => `已在表中标记 ${n} 个单元格。标记会随文件一起保存,提交前点「清除标记」即可一键去除。`,
  marksCleared: "已清除标记",
  tabIssues: "问题",
  tabTemplates: "指标模板",
  tabSettings: "设置",
  templatesSoon: "指标模板即将提供:按类别挑选规范的三级指标,一键插入到表中。",
  noIssues: "没有发现问题。",
  showIgnored: "显示已忽略",
  ignoredCount: (n) => `已忽略 ${n} 项`,
  fix: "修复",
  ignore: "忽略",
  unignore: "取消忽略",
  ignoredTag: "已忽略",
  goToCell: (cell) => `转到 ${cell}`,
  fixApplied: (title) => `已修复:${title}`,
  fixAll: (n) => `修复全部(${n})`,
  fixAllDone: (a, r) => (a === 0 && r === 0 ? "没有可自动修复的问题" : `已修复 ${a} 处` + (r ? `,${r} 处未能修复` : "")),
  fixLabel: (title, cell) => `修复 ${cell}:${title}`,
  ignoreLabel: (cell, msg) => `忽略 ${cell}:${msg}`,
  unignoreLabel: (cell, msg) => `取消忽略 ${cell}:${msg}`,
  fixRefused: "未能修复",
  actionFailed: "操作失败",
  settingsTitle: "校验设置",
  language: "界面语言",
  floor: "满意度指标下限(%)",
  floorHint: "满意度指标值低于此数时提示。",
  tolerance: "收支核对允许误差(万元)",
  toleranceHint: "收入合计与支出合计相差不超过此数视为相符。",
  ruleMissing: "(该检查暂未启用)",
  resetDefaults: "恢复默认",
  settingsSaved: "设置已保存到工作簿",
  liveCheckHint: "修改表格后自动重新校验。",
  previewTitle: "绩效表助手 · 浏览器预览",
  openFile: "打开 .xlsx",
  download: "下载修改后的文件",
  withMarks: "附带标记和批注",
  withMarksOff: "表中没有标记:点「一键校验」标出问题后,可随下载附带标记和批注",
  suffixMarked: "标记",
  suffixEdited: "已修改",
  dropHint: "可把 .xlsx 文件拖到此处打开",
  exampleName: "示例申报表",
  loadingExample: "正在打开示例申报表…",
  exampleMissing: "未找到示例文件,请点「打开 .xlsx」选择申报表。",
  notXlsx: "只能打开 .xlsx 文件(Excel 工作簿)。",
  openFailed: (reason) => `无法打开该文件:${reason}`,
  sheetTabs: "工作表",
  previewNote: "预览模式:文件只在本机浏览器中处理,不会上传。",
  dismiss: "关闭",
};

/** "1 error", "3 errors": English needs the plural, Chinese does not. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const en: Strings = {
  appTitle: "Budget Form Assistant",
  noForm: "No form recognised",
  moreForms: (n) => `${n} more ${n === 1 ? "form" : "forms"}`,
  budget: "Budget",
  basic: "Basic",
  project: "Project",
  unitWan: "(10k yuan)",
  reading: "Reading the workbook…",
  checking: "Checking…",
  readFailed: "Could not read the workbook",
  canSubmit: "Ready to submit",
  passed: (n) => `${count(n, "check", "checks")} passed`,
  alsoNotes: (w, i) => [w ? count(w, "warning", "warnings") : "", i ? count(i, "tip", "tips") : ""].filter(Boolean).join(" and ") + " worth a look",
  cannotSubmit: "Fix the errors before submitting",
  countError: (n) => count(n, "error", "errors"),
  countWarning: (n) => count(n, "warning", "warnings"),
  countInfo: (n) => count(n, "tip", "tips"),
  validate: "Check now",
  clearMarks: "Clear marks",
  liveCheck: "Live check",
  report: "Report sheet",
  reportDone: "Wrote the 校验报告 sheet",
  marksOn: (n) => `${n === 1 ? "1 cell is" : `${n} cells are`} marked. Marks are saved with the file; Clear marks removes them in one click.`,
  marksCleared: "Marks cleared",
  tabIssues: "Issues",
  tabTemplates: "Templates",
  tabSettings: "Settings",
  templatesSoon: "Indicator templates are coming: pick standard indicators by category and insert them in one click.",
  noIssues: "No issues found.",
  showIgnored: "Show ignored",
  ignoredCount: (n) => `${n} ignored`,
  fix: "Fix",
  ignore: "Ignore",
  unignore: "Unignore",
  ignoredTag: "Ignored",
  goToCell: (cell) => `Go to ${cell}`,
  fixApplied: (title) => `Fixed: ${title}`,
  fixAll: (n) => `Fix all (${n})`,
  fixAllDone: (a, r) => (a === 0 && r === 0 ? "Nothing to fix automatically" : `Fixed ${count(a, "cell", "cells")}` + (r ? `; ${r} could not be fixed` : "")),
  fixLabel: (title, cell) => `Fix ${cell}: ${title}`,
  ignoreLabel: (cell, msg) => `Ignore ${cell}: ${msg}`,
  unignoreLabel: (cell, msg) => `Unignore ${cell}: ${msg}`,
  fixRefused: "Could not fix",
  actionFailed: "Something went wrong",
  settingsTitle: "Check settings",
  language: "Language",
  floor: "Satisfaction floor (%)",
  floorHint: "Satisfaction targets below this are flagged.",
  tolerance: "Income vs expenditure tolerance (10k yuan)",
  toleranceHint: "Totals that differ by no more than this count as equal.",
  ruleMissing: "(this check is not available yet)",
  resetDefaults: "Reset to defaults",
  settingsSaved: "Settings saved in the workbook",
  liveCheckHint: "Re-check automatically after edits.",
  previewTitle: "Budget Form Assistant · preview",
  openFile: "Open .xlsx",
  download: "Download changed file",
  withMarks: "with marks & notes",
  withMarksOff: "Nothing is marked: press Check now to mark the problems, then they can go with the download",
  suffixMarked: "marked",
  suffixEdited: "edited",
  dropHint: "Drop an .xlsx file here to open it",
  exampleName: "Example form",
  loadingExample: "Opening the example form…",
  exampleMissing: "The example file was not found; use Open .xlsx to pick a form.",
  notXlsx: "Only .xlsx files (Excel workbooks) can be opened.",
  openFailed: (reason) => `Could not open the file: ${reason}`,
  sheetTabs: "Sheets",
  previewNote: "Preview mode: the file is processed in this browser only and never uploaded.",
  dismiss: "Dismiss",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

export function pick(m: Message, lang: Lang): string {
  return m[lang] || m.zh;
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
