/** Names of severities and categories in both locales; shared by the CLI and the task pane. */
import { Category, Message, Severity } from "./rules/types";

export const SEVERITY_NAMES: Record<Severity, Message> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Tip" },
};

export const CATEGORY_NAMES: Record<Category, Message> = {
  layout: { zh: "表格结构", en: "Layout" },
  budget: { zh: "预算勾稽", en: "Budget reconciliation" },
  required: { zh: "必填项", en: "Required fields" },
  tasks: { zh: "重点工作任务", en: "Key tasks" },
  indicators: { zh: "绩效指标", en: "Indicators" },
};

/**
 * English plurals after the numbers are filled in: "slid 1 column(s)" → "slid 1 column",
 * "2 column(s)" → "2 columns". Messages keep the "(s)" template so one string serves every count.
 */
export function englishPlurals(text: string): string {
  return text.replace(/\b(\d+(?:\.\d+)?) ([A-Za-z]+)\(s\)/g, (_, n: string, word: string) => `${n} ${Number(n) === 1 ? word : `${word}s`}`);
}
