/** What a standard indicator template is: one ready-made 三级 row and where it belongs. */
import { Level1, Level2 } from "../form/model";

/** The official operators; ＝ ＞ ＜ are the full-width forms the budgeting systems store. */
export type Operator = "≥" | "≤" | "＝" | "＞" | "＜";
export const OPERATORS: readonly Operator[] = ["≥", "≤", "＝", "＞", "＜"];

export interface Placement {
  level1: Level1;
  level2: Level2;
}

/**
 * The published document a template rests on, as a reviewer would cite it: what it is, who issued
 * it, and when (null where the source gives no year). Catalogue templates always carry one;
 * a user's own templates may not.
 */
export interface Citation {
  document: string;
  issuer: string;
  year: number | null;
}

export interface IndicatorTemplate {
  /** Stable id ("satisfaction.service-recipients"); custom templates start with "custom.". */
  id: string;
  /** 三级 name as printed, with its unit in brackets ("服务对象满意度(%)"). */
  name: string;
  /** 定量 (operator + number + unit) or 定性 (a graded statement such as 优). */
  kind: "quantitative" | "qualitative";
  operator: Operator | null;
  /** Unit of the value ("%", "次", "万元"); null for 定性. */
  unit: string | null;
  /** Default 实施周期指标值 and 年度指标值, as written into the cells ("≥95%"). */
  period: string;
  annual: string;
  /** Where it goes when 成本 is a 二级 under 产出 (财预〔2015〕88号 / 〔2020〕10号 layout). */
  placement: Placement;
  /** Where it goes when 成本 is a 一级 (财预〔2021〕101号 layout); equal to placement except for 成本. */
  placement101: Placement;
  /** One-line 计算口径. */
  formula: string;
  tags: string[];
  /** Where the indicator and its typical value come from (domain-rules.md §3). */
  source: string;
  /** The published source (document, issuer, year), shown in the templates list. */
  citation?: Citation;
  /** The default number is only an example: the department must put in its own. */
  needsValue?: boolean;
  /** The value is a ceiling in 万元 taken from the form's 项目支出 when the caller gives none. */
  capByProjectAmount?: boolean;
}

/** The 一级 order of the printed table; 成本 (101-style) follows 产出. */
export const LEVEL1_ORDER: Level1[] = ["产出", "成本", "效益", "满意度"];

/** The 二级 order within each 一级, as the official table prints them. */
export const LEVEL2_ORDER: Level2[] = [
  "数量",
  "质量",
  "时效",
  "成本",
  "经济成本",
  "社会成本",
  "生态环境成本",
  "经济效益",
  "社会效益",
  "生态效益",
  "可持续影响",
  "服务对象满意度",
];

export function placementFor(t: IndicatorTemplate, costIsLevel1: boolean): Placement {
  return costIsLevel1 ? t.placement101 : t.placement;
}
