/** How messages name each amount of the 预算整体情况 block, in both locales. */
import { AmountField, AmountKey } from "../../form/model";
import { Message } from "../types";

export const AMOUNT_NAMES: Record<AmountKey, Message> = {
  basic: { zh: "基本支出", en: "basic expenditure" },
  project: { zh: "项目支出", en: "project expenditure" },
  total: { zh: "合计", en: "total" },
  incomeTotal: { zh: "收入合计", en: "income total" },
  fiscal: { zh: "财政拨款", en: "fiscal appropriation" },
  otherFunds: { zh: "其他资金", en: "other funds" },
  special: { zh: "财政专项资金", en: "special fiscal funds" },
  otherDevelopment: { zh: "其他事业发展性支出", en: "other development spending" },
  local: { zh: "区本级使用资金", en: "funds used at district level" },
  transfer: { zh: "拟用于对下转移支付资金", en: "transfers to lower levels" },
};

/** The label as the form prints it, which is how the user knows the field (合计 may read 部门预算支出合计). */
export function printedName(f: AmountField): string {
  return f.label.text.replace(/\s+/g, "") || AMOUNT_NAMES[f.key].zh;
}
