/** The 指标模板 tab's texts (kept here so the tab is one self-contained piece), in the catalogue shape of src/core/i18n.ts. */
import { Catalogue, Lang, Localized, localize } from "../../core/i18n";

export const TEMPLATE_TEXTS = {
  search: { zh: "搜索指标名称、标签或计算口径", en: "Search names, tags or definitions" },
  category: { zh: "分类", en: "Category" },
  allCategories: { zh: "全部分类", en: "All categories" },
  tag: { zh: "标签", en: "Tag" },
  allTags: { zh: "全部标签", en: "All tags" },
  count: {
    zh: (n: number) => `${n} 个模板`,
    en: (n: number) => `${n} templates`,
  },
  none: { zh: "没有符合条件的模板。", en: "No template matches." },
  custom: { zh: "自定义", en: "Custom" },
  goesTo: {
    zh: (where: string) => `将插入:${where}`,
    en: (where: string) => `Goes to: ${where}`,
  },
  name: { zh: "三级指标", en: "Indicator (三级)" },
  period: { zh: "实施周期指标值", en: "Implementation-period target" },
  annual: { zh: "年度指标值", en: "Annual target" },
  value: { zh: "指标值", en: "Target" },
  formula: { zh: "计算口径", en: "Definition" },
  needsValue: { zh: "示例数值,请按本部门实际填写", en: "Example number: put in your department's own" },
  insert: { zh: "插入", en: "Insert" },
  inserting: { zh: "正在插入…", en: "Inserting…" },
  cancel: { zh: "取消", en: "Cancel" },
  inserted: {
    zh: (name: string, row: number, filled: boolean) => `已${filled ? "填入" : "插入"}「${name}」(第 ${row} 行)`,
    en: (name: string, row: number, filled: boolean) => `${filled ? "Filled in" : "Inserted"} "${name}" (row ${row})`,
  },
  insertAnyway: { zh: "仍然插入", en: "Insert anyway" },
  noForm: {
    zh: "未识别到申报表,无法插入指标。请先打开申报表并点「一键校验」。",
    en: "No form was recognised, so nothing can be inserted. Open the form and press Check first.",
  },
  customTitle: { zh: "我的模板", en: "My templates" },
  saveRow: { zh: "将表中一行保存为模板", en: "Save a row of the form as a template" },
  pickRow: { zh: "选择一行", en: "Choose a row" },
  saveAsTemplate: { zh: "保存为模板", en: "Save as template" },
  saved: {
    zh: (name: string) => `已保存为模板「${name}」`,
    en: (name: string) => `Saved as template "${name}"`,
  },
  noRows: { zh: "表中还没有可保存的指标行。", en: "The form has no indicator row to save yet." },
  exportJson: { zh: "导出 JSON", en: "Export JSON" },
  /** The exported library's file name: the user finds it among their downloads. */
  exportFileName: { zh: "绩效指标模板.json", en: "indicator-templates.json" },
  importJson: { zh: "导入 JSON", en: "Import JSON" },
  exported: { zh: "已导出;也可复制下面的内容分享给同事。", en: "Exported; you can also copy the text below to share it." },
  imported: {
    zh: (n: number) => `已导入 ${n} 个模板`,
    en: (n: number) => `Imported ${n} templates`,
  },
  importFailed: { zh: "导入失败", en: "Import failed" },
  remove: { zh: "删除", en: "Delete" },
  removed: {
    zh: (name: string) => `已删除模板「${name}」`,
    en: (name: string) => `Deleted template "${name}"`,
  },
  noCustom: {
    zh: "还没有自定义模板。可把表中的一行保存为模板,或导入同事分享的 JSON。",
    en: "No custom templates yet. Save a row of the form as one, or import a colleague's JSON.",
  },
  storageOff: {
    zh: "浏览器不允许保存数据,自定义模板只在本次打开期间有效。",
    en: "This browser does not allow saving data; custom templates last only while the pane is open.",
  },
  libraryLabel: { zh: "模板库 JSON", en: "Template library JSON" },
  insertTemplate: {
    zh: (name: string) => `插入模板:${name}`,
    en: (name: string) => `Insert template: ${name}`,
  },
  workbookBadge: { zh: "工作簿", en: "Workbook" },
  workbookHas: {
    zh: (n: number) => `本工作簿带有 ${n} 个模板,已列在上方(标有「工作簿」)。`,
    en: (n: number) => `This workbook carries ${n} templates, listed above (marked "Workbook").`,
  },
  saveToWorkbook: { zh: "保存到工作簿", en: "Save to workbook" },
  savingToWorkbook: { zh: "正在保存…", en: "Saving…" },
  savedToWorkbook: {
    zh: (n: number) => `已将 ${n} 个模板保存到工作簿。保存工作簿文件后,同事打开这份文件即可使用这些模板。`,
    en: (n: number) => `Saved ${n} templates into the workbook. Once the file is saved, colleagues who open it can use them.`,
  },
  saveToWorkbookFailed: {
    zh: "保存到工作簿失败,模板仍保存在本机。请稍后重试。",
    en: "Saving to the workbook failed; the templates are still kept on this computer. Try again later.",
  },
  removeFromWorkbook: { zh: "从工作簿移除", en: "Remove from workbook" },
  removedFromWorkbook: {
    zh: (n: number) => `已从工作簿移除 ${n} 个模板;本机保存的模板不受影响。`,
    en: (n: number) => `Removed ${n} templates from the workbook; the templates kept on this computer are unchanged.`,
  },
  removeFromWorkbookFailed: { zh: "从工作簿移除失败,请稍后重试。", en: "Removing from the workbook failed. Try again later." },
} satisfies Catalogue;

export type TemplateStrings = Localized<typeof TEMPLATE_TEXTS>;

export function templateStrings(lang: Lang): TemplateStrings {
  return localize(TEMPLATE_TEXTS, lang);
}
