/** The recognised form: every field keeps the cells it came from, so findings can point at them. */
import { ParsedAmount } from "../amount";
import { CellValue } from "../snapshot";

/** A cell of the form, 0-based on its sheet. */
export interface Cell {
  row: number;
  col: number;
  value: CellValue;
  /** Folded display text ("" for empty): what the user sees where the host told it (a number format,
   * a target split over columns), else the value as text. */
  text: string;
  /** The text Excel shows when it differs from the value (0.95 formatted as a percentage shows 95%),
   * or a target joined from split columns; messages quote it and values are parsed from it. */
  shown?: string;
  /** `shown` was joined from several cells (operator, value, unit columns): no fix may rewrite it. */
  split?: true;
}

/** A labelled field: the label cell and the cell that holds its value (null when none was found). */
export interface Field {
  label: Cell;
  value: Cell | null;
  /** The value shares the label's cell ("财政供养人员数：5"): value is that cell with the text after
   * the colon, so it is text that cannot be stored as a number without losing the label. */
  inline?: true;
}

export type AmountKey =
  | "basic" // 基本支出
  | "project" // 项目支出
  | "total" // 部门预算支出合计 (optional row; a bare 合计 under 部门预算支出)
  | "incomeTotal" // 收入合计 (optional; a bare 合计 under 收入来源)
  | "fiscal" // 财政拨款
  | "otherFunds" // 其他资金
  | "special" // 财政专项资金
  | "otherDevelopment" // 其他事业发展性支出
  | "local" // 区本级使用资金
  | "transfer"; // 拟用于对下转移支付资金

export interface AmountField extends Field {
  key: AmountKey;
  /** In 万元; a figure the form's header says is in 元 has been converted. */
  amount: ParsedAmount;
  /** The header gives the unit as 元 ("预算金额(元)", "金额单位:元"): amount was divided by 10,000. */
  yuan?: true;
}

export interface KeyTask {
  row: number;
  name: Cell;
  content: Cell;
  amount: Cell;
  /** In 万元, converted when the column head says 元 (拟投入的资金(元)). */
  parsedAmount: ParsedAmount;
  yuan?: true;
  goal: Cell;
}

/** Canonical 一级 categories. */
export type Level1 = "产出" | "效益" | "满意度" | "成本";

/** Canonical 二级 categories. */
export type Level2 =
  | "数量"
  | "质量"
  | "时效"
  | "成本" // 二级 成本指标 under 产出
  | "经济效益"
  | "社会效益"
  | "生态效益"
  | "可持续影响"
  | "服务对象满意度"
  | "经济成本"
  | "社会成本"
  | "生态环境成本";

export interface IndicatorColumns {
  /** The left label column (绩效指标 / 绩效目标), when the layout has one. */
  label: number | null;
  level1: number;
  level2: number;
  level3: number;
  /** 实施周期指标值; null in the single-value layout. */
  period: number | null;
  /** 年度指标值, or the single 指标值 column. */
  annual: number;
  /** The operator column (指标性质 / 计算符号) of templates that split the target. */
  operator?: number;
  /** The unit column (计量单位 / 度量单位). */
  unit?: number;
  /** Every other column the header names right of 三级 (指标解释, 权重 …), whose cells are not slid content. */
  extra?: number[];
  /** The 实施期 side of a table printing 实施期 and 年度 indicators side by side (二级 | 三级 | 指标值
   * twice, 东莞 2022): its 三级 and value columns. The 年度 side is the one read into level3 / annual. */
  twin?: { level3: number; value: number };
}

export interface IndicatorRow {
  row: number;
  /** Canonical categories after inheritance down merged cells (null when none could be told). */
  level1: Level1 | null;
  level2: Level2 | null;
  /** The 一级 / 二级 text as printed (inherited), for messages. */
  level1Text: string;
  level2Text: string;
  /** Cells where the 一级 / 二级 of this row were printed (the group's anchor when inherited). */
  level1Cell: Cell | null;
  level2Cell: Cell | null;
  /** Where name and values were actually found (after undoing a slide). */
  name: Cell;
  period: Cell | null;
  annual: Cell;
  /** The 实施期 side of a twin table on this row, when it names the same indicator as the 年度 side:
   * its value is checked as the row's 实施周期 value. */
  twin?: { name: Cell; value: Cell };
  /** Columns the row's content is displaced by (−1: slid one column left). 0 when aligned. */
  shift: number;
  /** Columns a category label printed on this row sits away from its own column (the seed's
   * 时效指标 in the 一级 column: −1). Reported on its own when the row's content is aligned. */
  labelShift: number;
  /** A row that prints a 二级 (or 一级) but no 三级 and no value: an empty group. */
  emptyGroup: boolean;
  hidden: boolean;
}

export interface IndicatorTable {
  headerRow: number;
  /** Further header rows (a printed second page repeats it). */
  repeatedHeaderRows: number[];
  columns: IndicatorColumns;
  layout: "two-values" | "single-value";
  /** 成本指标 is printed as a 一级 with its own 二级 (财预〔2021〕101号 style). */
  costIsLevel1: boolean;
  rows: IndicatorRow[];
  lastRow: number;
  /** The table runs to the sheet's last row with no footer and stops before 满意度: a copy cut
   * short. The categories it does not reach are not demanded, and a last row cut mid-way is not read. */
  cutShort?: true;
}

/** What a recognised table is: the department-wide target form, a project's target form (一级/二级
 * project forms too), or a self-evaluation table (自评表), whose target side is checked like a form's. */
export type FormKind = "department" | "project" | "self-evaluation";

/** One funds block of a project form: 实施期 (中期) or 年度, each a total and the sources under it. */
export interface FundsBlock {
  period: "period" | "annual";
  total: AmountField | null;
  /** The sources printed under the total (财政拨款, 上年结转, 其他资金 …), as printed. */
  sources: AmountField[];
  /** The sources printed include a catch-all (其他资金 / 其他): together they must make the total. */
  complete: boolean;
  /** A row under the total whose label is no known source: the sources read may not be all. */
  unread: boolean;
}

/** The fields a project target form (or a project self-evaluation) prints above its indicator table. */
export interface ProjectFields {
  name: Field | null;
  department: Field | null;
  implementer: Field | null;
  /** The 项目资金 label, when printed. */
  fundsLabel: Cell | null;
  funds: FundsBlock[];
  annualGoal: Field | null;
  periodGoal: Field | null;
}

export interface FormModel {
  kind: FormKind;
  /** The printed title (项目支出绩效目标申报表 …), when found. */
  title: Cell | null;
  /** Present on project forms and self-evaluation tables that print project fields. */
  project?: ProjectFields;
  /** A department form told by its title and indicator table without the usual anchors: rules
   * demand only the fields it prints. */
  lenient?: true;
  sheet: string;
  /** Top-left cell of the form (its title, or the 部门名称 label). */
  top: number;
  left: number;
  bottom: number;
  right: number;
  department: Field | null;
  headcount: Field | null;
  subUnits: Field | null;
  amounts: Partial<Record<AmountKey, AmountField>>;
  overallGoal: Field | null;
  /** The 年度重点工作任务 label, when found. */
  tasksLabel: Cell | null;
  tasks: KeyTask[];
  /** The 拟投入的资金 column, for tasks. */
  taskColumns: { name: number; content: number; amount: number; goal: number } | null;
  indicators: IndicatorTable | null;
}
