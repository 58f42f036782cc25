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
