/**
 * The label vocabulary of the form and its variants (domain-rules.md §5). Keys are compared after
 * labelKey(): folded to half-width, spaces and trailing colons removed.
 */
import { AmountKey, Level1, Level2 } from "./model";

export const TITLE = /部门整体(预算|支出)?绩效目标(申报)?表$/;

export const DEPARTMENT = ["部门名称", "单位名称", "部门(单位)名称", "预算单位"];
export const HEADCOUNT = ["财政供养人员数", "财政供养人数", "人员编制数"];
export const SUB_UNITS = ["下属二级单位数", "下属单位数", "二级单位数"];
export const OVERALL_GOAL = ["总体绩效目标", "年度总体目标", "整体绩效目标", "部门整体绩效目标", "年度总体绩效目标"];
export const KEY_TASKS = ["年度重点工作任务", "年度主要工作任务", "重点工作任务"];
export const BUDGET = ["预算整体情况", "预算情况", "年度预算安排"];
export const BASIC_INFO = ["基本信息"];
export const INDICATORS = ["绩效指标", "年度绩效指标", "绩效目标"];
export const OTHER_TASKS = /^其他需完成的任务/;

export const AMOUNT_LABELS: Record<AmountKey, string[]> = {
  basic: ["基本支出"],
  project: ["项目支出"],
  total: ["合计", "部门预算支出合计", "支出合计", "资金总额"],
  incomeTotal: ["收入合计", "收入来源合计", "资金来源合计"],
  fiscal: ["财政拨款", "财政拨款收入"],
  otherFunds: ["其他资金", "其他收入"],
  special: ["财政专项资金"],
  otherDevelopment: ["其他事业发展性支出"],
  local: ["区本级使用资金", "本级使用资金", "市本级使用资金"],
  transfer: ["拟用于对下转移支付资金", "对下转移支付资金"],
};

/** Totals that say nothing of their side: the column block they sit in decides (expenditure under
 * 部门预算支出, income under 收入来源), as forms print "合计 | 367.24 | 合计 | 367.24" on one row. */
export const BARE_TOTALS = ["合计", "资金总额"];
/** Column heads of the budget block's two sides, and of its second block (事业发展性 / 预算级次). */
export const INCOME_HEAD = ["收入来源"];
export const SECOND_BUDGET_HEADS = ["事业发展性支出", "按预算级次划分"];

/** Single-value fields whose value may follow the label in the same cell ("部门名称：…"); never
 * amounts, whose cells must hold numbers. */
export const INLINE_VALUE_LABELS = [...DEPARTMENT, ...HEADCOUNT, ...SUB_UNITS, ...OVERALL_GOAL];

/** Column headers of the key-task table. */
export const TASK_HEADERS = {
  name: ["名称", "任务名称", "工作任务名称"],
  content: ["主要实施内容", "实施内容"],
  amount: /^(拟投入的?资金|预算金额)(\((万元|元)\))?$/,
  goal: /^期望达到的目标/,
};

/** Column headers of the indicator table. */
export const INDICATOR_HEADERS = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "指标名称", "三级指标名称", "指标内容"],
  period: ["实施周期指标值", "中期指标值", "总体指标值", "长期绩效指标", "实施周期目标值"],
  annual: ["年度指标值", "指标值(年度)", "当年预期实现值", "年度目标值"],
  single: ["指标值", "目标值", "绩效目标值"],
  /** Columns some templates split the target into (Sichuan 指标性质 | 指标值 | 度量单位, Hunan 计量单位,
   * the 一体化 system's 计算符号): read together, they are the target the user sees. */
  operator: ["指标性质", "计算符号", "运算符", "符号"],
  unit: ["计量单位", "度量单位", "单位"],
};

/** Money written in 元 where the form counts in 万元: a column head "拟投入的资金(元)", "预算金额(元)",
 * or a note "金额单位:元" above the table. */
export const YUAN_HEADER = /\(元\)$|^(金额)?单位:元$/;
export const YUAN_PER_WAN = 10000;

const LEVEL1_TEXT: [RegExp, Level1][] = [
  [/^产出(指标)?$/, "产出"],
  [/^(效益|效果)(指标)?$/, "效益"],
  [/^(服务对象)?满意度(指标)?$/, "满意度"],
  [/^成本(指标)?$/, "成本"],
];

const LEVEL2_TEXT: [RegExp, Level2][] = [
  [/^数量(指标)?$/, "数量"],
  [/^质量(指标)?$/, "质量"],
  [/^(时效|进度)(指标)?$/, "时效"],
  [/^成本(指标)?$/, "成本"],
  [/^经济(效益|效果)(指标)?$/, "经济效益"],
  [/^社会(效益|效果)(指标)?$/, "社会效益"],
  [/^(生态|环境|生态环境)(效益|效果)(指标)?$/, "生态效益"],
  [/^可持续(发展)?影响(指标)?$/, "可持续影响"],
  [/^(社会公众或)?服务对象满意度(指标)?$/, "服务对象满意度"],
  [/^满意度(指标)?$/, "服务对象满意度"],
  [/^经济成本(指标)?$/, "经济成本"],
  [/^社会成本(指标)?$/, "社会成本"],
  [/^生态(环境)?成本(指标)?$/, "生态环境成本"],
];

/** The 一级 a 二级 belongs to (成本 二级 belongs to 产出 in the older layout). */
export const PARENT_OF: Record<Level2, Level1> = {
  数量: "产出",
  质量: "产出",
  时效: "产出",
  成本: "产出",
  经济效益: "效益",
  社会效益: "效益",
  生态效益: "效益",
  可持续影响: "效益",
  服务对象满意度: "满意度",
  经济成本: "成本",
  社会成本: "成本",
  生态环境成本: "成本",
};

/**
 * A category cell as templates print it, reduced to its name: a required mark (*产出指标), a score
 * range (成本指标(0-20)分, 产出指标(50分)) and 目标 for 指标 (宁德's 产出目标 / 数量目标) are dropped.
 */
export function categoryKey(key: string): string {
  if (!/[*)]|目标$/.test(key)) return key;
  return key
    .replace(/^\*+/, "")
    .replace(/\([\d.\s\-~—–至]*分?\)分?$/, "")
    .replace(/目标$/, "指标");
}

export function level1Of(key: string): Level1 | null {
  const k = categoryKey(key);
  // Indexed, not destructured: this runs for every cell of the indicator table.
  for (let i = 0; i < LEVEL1_TEXT.length; i++) if (LEVEL1_TEXT[i][0].test(k)) return LEVEL1_TEXT[i][1];
  return null;
}

export function level2Of(key: string): Level2 | null {
  const k = categoryKey(key);
  for (let i = 0; i < LEVEL2_TEXT.length; i++) if (LEVEL2_TEXT[i][0].test(k)) return LEVEL2_TEXT[i][1];
  return null;
}

/** Printed name of a canonical category, as the official table writes it. */
export function level1Label(l: Level1): string {
  return `${l}指标`;
}

export function level2Label(l: Level2): string {
  return `${l}指标`;
}

export function matches(key: string, names: string[] | RegExp): boolean {
  return Array.isArray(names) ? names.includes(key) : names.test(key);
}
