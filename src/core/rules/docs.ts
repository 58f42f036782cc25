/**
 * Where each rule is documented, derived from its id in this one place (typescript-eslint's
 * RuleCreator idea), so the CLI's JSON, the pane's 「为什么?」, the README table and the page
 * generator cannot point at different files. Also each rule's 依据 (the published source or team
 * note it rests on): one line here, printed in the page's generated block and in the pane's popover,
 * which must work offline and so cannot fetch the page.
 */
import { Message } from "./types";

/** The page of rule `id` ("indicators/duplicate" → "docs/rules/indicators/duplicate.md"), from the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** The rule's source file, from the repository root (ids mirror src/core/rules/<category>/<name>.ts). */
export function ruleSourcePath(id: string): string {
  return `src/core/rules/${id}.ts`;
}

const DR = "domain-rules.md";
const PG = "published-guidance.md";

/**
 * 依据 by rule id. Documents are named as issued (文号, issuer, year); team notes by section, where
 * the addresses are kept. A test checks every registered rule has one.
 */
export const RULE_BASIS: Readonly<Record<string, Message>> = {
  "budget/amount-invalid": {
    zh: `申报表金额以万元为单位、保留两位小数(表头「单位:万元」);${DR} §2.4`,
    en: `Form amounts are in 万元 with two decimals (the header's 「单位:万元」); ${DR} §2.4`,
  },
  "budget/amount-not-number": {
    zh: "Excel 的 SUM 与预算系统导入均跳过文本格式的数字(Microsoft SUM 函数说明)",
    en: "Excel's SUM and the budget systems' import skip numbers stored as text (Microsoft's SUM documentation)",
  },
  "budget/development-within-project": {
    zh: `事业发展性支出属项目支出(${DR} §2.4 R3;二者是否必须相等未经确认,故设 mode 选项)`,
    en: `事业发展性支出 is project money (${DR} §2.4 R3; whether the two must be equal is unconfirmed, hence the mode option)`,
  },
  "budget/headcount-invalid": {
    zh: `财政供养人员数、下属二级单位数是非负整数(${DR} R13)`,
    en: `Head counts and unit counts are non-negative whole numbers (${DR} R13)`,
  },
  "budget/income-matches-expenditure": {
    zh: `收支平衡:基本支出+项目支出=财政拨款+其他资金(${DR} R1/R2,部门预算编制要求)`,
    en: `Income equals expenditure: 基本支出 + 项目支出 = 财政拨款 + 其他资金 (${DR} R1/R2, department budget rules)`,
  },
  "budget/levels-match-expenditure": {
    zh: `按预算级次划分的资金之和等于支出(${DR} §2.4 R4;基数未经确认,故设 base 选项)`,
    en: `The split by budget level adds up to the expenditure (${DR} §2.4 R4; the base is unconfirmed, hence the base option)`,
  },
  "budget/tasks-cover-project": {
    zh: `重点工作任务应说明项目支出的主要去向(${DR} R8,适当性的经验判断)`,
    en: `The key tasks should explain where most project money goes (${DR} R8, a heuristic for 适当性)`,
  },
  "budget/project-funds": {
    zh: `项目资金来源(财政拨款、其他资金等)合计应等于项目资金总额,年度资金不超过实施期资金(项目支出绩效目标申报表的资金栏;${DR} §2.4)`,
    en: `A project's funding sources must add up to its total, and the year's funds cannot exceed the period's (the funds block of the project form; ${DR} §2.4)`,
  },
  "budget/tasks-within-budget": {
    zh: `重点工作任务拟投入资金不能超过预算(${DR} R6/R7)`,
    en: `The key tasks cannot cost more than the budget (${DR} R6/R7)`,
  },
  "indicators/annual-exceeds-period": {
    zh: `年度是实施周期的一部分,累计量的年度目标不能大于周期目标(${DR} §2.5 检查 3;常见问题「长期目标与年度目标混淆」,${PG} §2 S)`,
    en: `A year is part of the period, so a cumulative annual target cannot exceed the period's (${DR} §2.5 check 3; "长期目标与年度目标混淆", ${PG} §2 S)`,
  },
  "indicators/bare-percent": {
    zh: `名称要求百分数而值只写「1」,评审视为未完成的值(宁德 2019;${PG} §3 #33)`,
    en: `A bare 「1」 where the name asks a percentage is read as unfinished (宁德 2019; ${PG} §3 #33)`,
  },
  "indicators/category-mismatch": {
    zh: `相关性:满意度指标放在满意度下、时限放在时效下(${DR} §1.3;「质量指标与效益指标混淆」,${PG} §2 S)`,
    en: `Relevance: satisfaction under 满意度, deadlines under 时效 (${DR} §1.3; "质量指标与效益指标混淆", ${PG} §2 S)`,
  },
  "indicators/complaints-as-satisfaction": {
    zh: `第三方评审退回「不投诉=满意」(郫都区民政局 2025 自评复核,${PG} §2 PD);「将满意度指标代替…」(${PG} §2 S)`,
    en: `A third-party review returns "不投诉=满意" (郫都区民政局 2025, ${PG} §2 PD); "将满意度指标代替…" (${PG} §2 S)`,
  },
  "indicators/compound-target": {
    zh: `每类指标「细分若干二级指标和三级指标,分别设定具体的指标值」(扶贫资金绩效目标指引,${PG} §1;规则源码另引财预〔2020〕10号,待核实)`,
    en: `Each indicator is split into 三级 indicators, "分别设定具体的指标值" (poverty-fund target guidance, ${PG} §1; the rule's source also cites 财预〔2020〕10号, unverified)`,
  },
  "indicators/cost-within-funds": {
    zh: `成本上限 ≤160万 对 386万 支出被退回为「未及时更新」(${PG} §2 PD);「目标宏大,但预算资金完全不足以支撑」(${PG} §2 Z)`,
    en: `A cap of ≤160万 against 386万 spent was returned as "未及时更新" (${PG} §2 PD); targets out of scale with the money (${PG} §2 Z)`,
  },
  "indicators/duplicate": {
    zh: `同一指标重复填列(${PG} §3 #36)`,
    en: `The same indicator listed twice (${PG} §3 #36)`,
  },
  "indicators/identical-targets": {
    zh: `指标值应有取值依据(计划/历史/行业标准,一体化指标库规范,${PG} §1);马踏镇 2023 效益指标一律 ≥95%`,
    en: `Each value needs its own basis (plan, history, industry standard: the 一体化 library spec, ${PG} §1); 马踏镇 2023 puts ≥95% on every benefit row`,
  },
  "indicators/impossible-target": {
    zh: `运算符方向须与指标含义一致(${DR} §2.2;档案「运行率≤99%」、棠溪「≥100%」,${PG} §3 #20–21)`,
    en: `The operator must point the way the indicator means (${DR} §2.2; 档案's 运行率≤99%, 棠溪's ≥100%, ${PG} §3 #20–21)`,
  },
  "indicators/input-as-output": {
    zh: `「财力、人力和物力等投入数量不能作为绩效目标」(dybbs8,${PG} §1);岳阳楼区 2023 数量指标 28.8万元`,
    en: `"财力、人力和物力等投入数量不能作为绩效目标" (dybbs8, ${PG} §1); 岳阳楼区 2023: 28.8万元 under 数量`,
  },
  "indicators/missing-category": {
    zh: `每个目标都要有产出、效益、满意度指标(财预〔2015〕88号;${PG} §1;${DR} §2.1)`,
    en: `Every target needs 产出, 效益 and 满意度 indicators (财预〔2015〕88号; ${PG} §1; ${DR} §2.1)`,
  },
  "indicators/missing-operator": {
    zh: `定量指标由指标性质(运算符)、数值和单位组成(一体化指标库规范,${PG} §1;${DR} §2.2)`,
    en: `A quantitative indicator is operator + number + unit (the 一体化 library spec, ${PG} §1; ${DR} §2.2)`,
  },
  "indicators/missing-value": {
    zh: `完整性:每个三级指标都要有指标值(${DR} §1.3、§2.5 检查 1)`,
    en: `Completeness: every 三级 indicator has a target value (${DR} §1.3, §2.5 check 1)`,
  },
  "indicators/name-contradicts-target": {
    zh: `四项要求之「相互匹配」(川财绩〔2025〕8号,四川省财政厅,2025;${PG} §1)`,
    en: `"相互匹配", one of the four requirements (川财绩〔2025〕8号, 四川省财政厅, 2025; ${PG} §1)`,
  },
  "indicators/name-repeats-category": {
    zh: `二级指标下「细分若干三级指标,分别设定具体的指标值」(${PG} §1);评审以「指向不明确」退回`,
    en: `Each 二级 is "细分若干三级指标,分别设定具体的指标值" (${PG} §1); reviewers return it as 指向不明确`,
  },
  "indicators/not-quantified": {
    zh: `绩效目标应细化量化,难以量化的采用分级定性表述(财预〔2015〕88号,财政部,2015;${DR} §1.2、§2.2)`,
    en: `Targets are quantified, or graded where they cannot be (财预〔2015〕88号, Ministry of Finance, 2015; ${DR} §1.2, §2.2)`,
  },
  "indicators/operator-style": {
    zh: `官方表样与预算系统使用 ≥ ≤ ＝ ＞ ＜(${DR} §2.2)`,
    en: `The official form and the budget systems use ≥ ≤ ＝ ＞ ＜ (${DR} §2.2)`,
  },
  "indicators/placeholder-left": {
    zh: `模板中的「**」「XX」是待填位置(金寨 2021 名称中保留「(≥**%)」),留着即目标未设定`,
    en: `Template marks (「**」, 「XX」) are where the figure goes (金寨 2021 keeps 「(≥**%)」); left in, no target was set`,
  },
  "indicators/positive-zero": {
    zh: `一体化平台预警「正向指标年度指标值等于0」(${PG} §2 T)`,
    en: `The 一体化 platform warns "正向指标年度指标值等于0" (${PG} §2 T)`,
  },
  "indicators/satisfaction-below-floor": {
    zh: `满意度下限 90% 是常见做法,未见官方规定(${PG} §1;${DR} §2.3),故可配置`,
    en: `The 90% floor is common practice, no official rule was found (${PG} §1; ${DR} §2.3), hence configurable`,
  },
  "indicators/timeliness-deadline": {
    zh: `时效指标写明完成时限,如「(**月**日前)」(clix 共性指标表,${PG} §1;${DR} §2.2、§2.5 第 6 项)`,
    en: `A 时效 indicator gives a deadline such as 「(**月**日前)」 (the clix common-indicator table, ${PG} §1; ${DR} §2.2, §2.5 item 6)`,
  },
  "indicators/unit-mismatch": {
    zh: `定量指标须有计量单位,且与名称一致(一体化指标库规范,${PG} §1;${DR} §2.2、§2.5 检查 2)`,
    en: `A quantitative indicator has a unit, and it matches the name (the 一体化 library spec, ${PG} §1; ${DR} §2.2, §2.5 check 2)`,
  },
  "indicators/vague-wording": {
    zh: `「模糊化」:如「进一步提高」(${PG} §2 Z;${DR} §1.3)`,
    en: `"模糊化", e.g. 「进一步提高」 (${PG} §2 Z; ${DR} §1.3)`,
  },
  "layout/form-not-found": {
    zh: `部门整体预算绩效目标申报表的表样(${DR} §1.1)`,
    en: `The layout of the 部门整体预算绩效目标申报表 (${DR} §1.1)`,
  },
  "layout/misaligned-row": {
    zh: `表样的列次序(${DR} §1.1);示例表的成本、满意度行错位`,
    en: `The form's column order (${DR} §1.1); the example form's cost and satisfaction rows slid`,
  },
  "required/field-empty": {
    zh: `完整性:申报表各项内容填写完整(${DR} §1.3)`,
    en: `Completeness: every field of the form is filled in (${DR} §1.3)`,
  },
  "tasks/incomplete-row": {
    zh: `重点工作任务须写明名称、内容、资金和目标(${DR} R9)`,
    en: `A key task gives its name, content, funds and goal (${DR} R9)`,
  },
  "tasks/no-matching-indicator": {
    zh: `相关性:每项重点任务至少有一个指标反映(${DR} §1.3;评分细则「相关性不强」,${PG} §2 R)`,
    en: `Relevance: each key task is reflected by at least one indicator (${DR} §1.3; the rubric's "相关性不强", ${PG} §2 R)`,
  },
};

/** The rule's 依据, or null for a rule not listed (a test keeps that from happening). */
export function ruleBasis(id: string): Message | null {
  return RULE_BASIS[id] ?? null;
}
