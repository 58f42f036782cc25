/**
 * The label vocabulary of the form and its variants (domain-rules.md §5). Keys are compared after
 * labelKey(): folded to half-width, spaces and trailing colons removed.
 */
import { AmountKey, Level1, Level2 } from "./model";

export const TITLE = /部门整体(预算|支出)?绩效目标(申报)?表$/;

/**
 * Titles as offices print them, by kind. A title is any short cell that speaks of 绩效 and ends in 表
 * (after a trailing year in parentheses is dropped); these decide which kind it names.
 */
export const TITLE_ANY = /绩效.{0,30}表$/;
export const SELF_EVAL_TITLE = /自评/;
/** A score sheet (得分汇总, 评分表): the results of an evaluation, not a target table. */
export const SCORE_TITLE = /(得分|评分|打分)(汇总|情况|统计)?表$|自评(结果|得分)?汇总表$|评价(结果|得分)(汇总)?表$/;
export const PROJECT_TITLE = /项目.{0,12}绩效(目标|自评)|绩效目标(申报|批复|审核)?表$/;
export const DEPARTMENT_TITLE = /(部门|单位)(整体)?(预算|支出)?(整体)?绩效(目标|自评)|整体(支出)?绩效/;

/** Fields of a project form (and of a project self-evaluation), compared after normaliseLabel. */
export const PROJECT_NAME = ["项目名称", "二级项目名称", "一级项目名称", "项目全称", "项目支出名称", "专项名称"];
export const PROJECT_DEPARTMENT = ["主管部门", "项目主管部门", "主管单位", "预算主管部门", "主管部门名称", "部门名称", "预算部门"];
export const IMPLEMENTER = ["实施单位", "项目实施单位", "项目单位", "执行单位", "实施主体", "项目实施主体", "预算单位", "单位名称"];
export const PROJECT_FUNDS = ["项目资金", "项目资金情况", "资金情况", "项目资金总额", "资金来源", "项目资金来源"];
/** A funds total: 资金总额, 年度资金总额, 中期资金总额, 实施期资金总额, 项目总金额 …; the prefix says its block. */
export const FUNDS_TOTAL =
  /^(实施期|中期|年度|当年|本年度?|项目)?(资金)?(总额|总计|合计)$|^(实施期|中期|年度|当年|本年度?)(资金|预算)(总额|总计|合计)?$/;
/** A source of funds under a total: 其中:财政拨款, 上年结转, 其他资金, 自筹资金 … */
export const FUNDS_SOURCE =
  /^((本级)?财政(拨款|资金|性资金|专项资金)?|(上级|中央|省级?|市级?|县级?|区级?)(财政)?(补助|专项|专项资金|补助资金|资金|转移支付资金?)|上年结转(资金)?|结转(结余)?资金|其他(资金|收入)?|自筹(资金)?|单位自有资金|社会(资金|投入)|银行贷款|事业收入|债券资金|政府性基金(预算)?(资金|拨款)?)(收入)?$/;
/** A source that takes in everything else: when printed, the sources together make the total. */
export const FUNDS_CATCH_ALL = /^其他(资金|收入)?$/;
export const PERIOD_PREFIX = /^(实施期|中期|实施周期|项目期|总体)/;
export const ANNUAL_GOAL = ["年度目标", "年度总体目标", "年度绩效目标", "本年度目标", "当年目标", "年度项目目标", "年度预期目标"];
export const PERIOD_GOAL = ["中期目标", "实施期目标", "实施期总体目标", "长期目标", "项目总体目标", "总体目标", "实施周期目标"];

/**
 * A label as compared: 及代码 and what stands in parentheses dropped (主管部门及代码, 项目资金(万元),
 * 中期目标(2021年-2023年)), a leading 其中 and required mark too. Applied only when the key as
 * printed is no known label, so 预算金额(元) keeps the unit it declares.
 */
export function normaliseLabel(key: string): string {
  return key
    .replace(/^\*+/, "")
    .replace(/^其中[,:、]?/, "")
    .replace(/\([^()]*\)/g, "")
    .replace(/及(其)?代码/, "")
    .replace(/[:;,、]+$/, "");
}

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
  level3: ["三级指标", "指标名称", "三级指标名称", "指标内容", "三级指标内容", "绩效指标名称"],
  period: [
    "实施周期指标值",
    "中期指标值",
    "总体指标值",
    "长期绩效指标",
    "实施周期目标值",
    "实施期指标值",
    "实施期目标值",
    "中期目标值",
    "实施期绩效指标值",
  ],
  annual: [
    "年度指标值",
    "指标值(年度)",
    "当年预期实现值",
    "年度目标值",
    "当年度指标值",
    "本年度指标值",
    "当年指标值",
    "年度绩效指标值",
    "年度预期指标值",
    "年度计划值",
  ],
  single: ["指标值", "目标值", "绩效目标值", "预期指标值", "指标目标值", "预期目标值", "计划指标值", "绩效指标值"],
  /** The results side of a self-evaluation (实际完成值, 得分 …): read as extra columns, never as a target. */
  results: [
    "实际完成值",
    "完成值",
    "全年实际完成值",
    "实际值",
    "全年完成值",
    "实际完成情况",
    "得分",
    "分值",
    "权重",
    "偏差原因分析及改进措施",
  ],
  /** Columns some templates split the target into (Sichuan 指标性质 | 指标值 | 度量单位, Hunan 计量单位,
   * the 一体化 system's 计算符号): read together, they are the target the user sees. */
  operator: ["指标性质", "计算符号", "运算符", "符号"],
  unit: ["计量单位", "度量单位", "单位"],
};

/**
 * Header roles by meaning, on the key after normaliseLabel (一级 / 一级指标 / 一级指标名称, 三级指标
 * (年度), 指标内容 …). Value heads are told apart by what they say on the printed key: the results of
 * a self-evaluation (实际, 完成), the implementation period (实施期, 中期, 长期), the year (年度, 当年).
 */
export const HEADER_ROLE = {
  level1: /^一级(指标)?(名称)?$/,
  level2: /^二级(指标)?(名称)?$/,
  level3: /^三级(指标)?(名称|内容)?$|^(绩效)?指标(名称|内容)$/,
  value: /(指标|目标|实现|预期|计划|期望)值(及单位)?$|^(年度|当年度?|本年度?)(指标|目标)$/,
  results: /实际|完成|自评|得分|偏差/,
  period: /实施期|实施周期|中期|长期|总体|周期/,
  annual: /年度|当年|本年|\d{4}年/,
};

/** Money written in 元 where the form counts in 万元: a column head "拟投入的资金(元)", "预算金额(元)",
 * or a note "金额单位:元" above the table. */
export const YUAN_HEADER = /\(元\)$|^(金额)?单位:元$/;
export const YUAN_PER_WAN = 10000;

/** Who is satisfied, as the templates name them: one group, or two joined (社会公众或服务对象,
 * 服务对象或受益者 of 浙江's project library). */
const SATISFIED = "(服务对象|社会公众|受益者|受益对象|受益群众)";
const SATISFIED_BY = `${SATISFIED}((或|和|及|、)${SATISFIED})?`;

const LEVEL1_TEXT: [RegExp, Level1][] = [
  [/^(预期)?产出(指标)?$/, "产出"],
  [/^(预期)?(效益|效果)(指标)?$/, "效益"],
  [new RegExp(`^(${SATISFIED_BY})?满意度(指标)?$`), "满意度"],
  // 预算(或投资规模)控制指标 of the investment-project forms is the cost family.
  [/^(成本|预算控制|投资控制|预算成本)(指标)?$/, "成本"],
];

const LEVEL2_TEXT: [RegExp, Level2][] = [
  [/^数量(指标)?$/, "数量"],
  [/^质量(指标)?$/, "质量"],
  [/^(时效|进度|工期)(指标)?$/, "时效"],
  [/^成本(指标)?$/, "成本"],
  [/^经济(效益|效果)(指标)?$/, "经济效益"],
  [/^社会(效益|效果)(指标)?$/, "社会效益"],
  [/^(生态|环境|生态环境)(效益|效果)(指标)?$/, "生态效益"],
  [/^可持续性?(发展)?影响(指标)?$/, "可持续影响"],
  [new RegExp(`^${SATISFIED_BY}满意度(指标)?$`), "服务对象满意度"],
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

/** The one 二级 of a 一级 that has only one (满意度 → 服务对象满意度), else null. */
export function onlyChildOf(level1: Level1): Level2 | null {
  const children = (Object.keys(PARENT_OF) as Level2[]).filter((c) => PARENT_OF[c] === level1);
  return children.length === 1 ? children[0] : null;
}

/**
 * A category cell as templates print it, reduced to its name: a required mark (*产出指标), a score
 * range (成本指标(0-20)分, 产出指标(50分)) and 目标 for 指标 (宁德's 产出目标 / 数量目标) are dropped.
 */
export function categoryKey(key: string): string {
  if (!/[*)]|目标$|等$/.test(key)) return key;
  return (
    key
      .replace(/^\*+/, "")
      .replace(/\([\d.\s\-~—–至]*分?\)分?$/, "")
      // What parentheses add names the same family: 数量指标(或建筑规模指标), 时效指标(工期指标),
      // 预算(或投资规模)控制指标.
      .replace(/\([^()]*\)/g, "")
      // 服务对象满意度指标等: the template's own "and the like".
      .replace(/等$/, "")
      .replace(/目标$/, "指标")
  );
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
