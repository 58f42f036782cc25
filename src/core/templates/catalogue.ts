/**
 * The standard indicator catalogue (共性/常用指标), so staff pick a row instead of composing one.
 * Grounded in domain-rules.md §3 (row numbers in `source`) and the thresholds of §2.3; values use
 * the official operators with the full-width ＝, and every name carries the unit its value uses.
 */
import { Level1, Level2 } from "../form/model";
import { PARENT_OF } from "../form/labels";
import { fold } from "../text";
import { Citation, IndicatorTemplate, OPERATORS, Operator } from "./types";

type Where = Level2 | { classic: "成本"; cost101: "经济成本" | "社会成本" | "生态环境成本" };

interface Extra {
  needsValue?: boolean;
  capByProjectAmount?: boolean;
}

/** A 定量 template: the value is operator + number + unit, the same in both columns by default. */
function q(
  id: string,
  name: string,
  value: string,
  where: Where,
  formula: string,
  tags: string[],
  source: string,
  extra: Extra = {},
): IndicatorTemplate {
  const operator = value.charAt(0) as Operator;
  if (!OPERATORS.includes(operator)) throw new Error(`template ${id}: value ${value} must start with an official operator`);
  const unit = value.slice(1).replace(/^[\d.]+/, "");
  const classic = typeof where === "string" ? where : where.classic;
  const modern = typeof where === "string" ? where : where.cost101;
  return {
    id,
    name,
    kind: "quantitative",
    operator,
    unit: unit === "" ? null : unit,
    period: value,
    annual: value,
    placement: { level1: PARENT_OF[classic], level2: classic },
    placement101: { level1: PARENT_OF[modern], level2: modern },
    formula,
    tags,
    source,
    ...extra,
  };
}

/** A 定性 template: a graded statement (优/良/中/低/差), no operator, no unit. */
function g(id: string, name: string, value: string, where: Level2, formula: string, tags: string[], source: string): IndicatorTemplate {
  const p = { level1: PARENT_OF[where], level2: where };
  return {
    id,
    name,
    kind: "qualitative",
    operator: null,
    unit: null,
    period: value,
    annual: value,
    placement: p,
    placement101: p,
    formula,
    tags,
    source,
  };
}

const COST = (cost101: "经济成本" | "社会成本" | "生态环境成本"): Where => ({ classic: "成本", cost101 });

/**
 * Removed as input or process measures filed as outputs, or an execution measure filed as a
 * benefit (published-guidance §5; 「财力、人力和物力等投入数量不能作为绩效目标」): their ids are not
 * reused. quantity.full-funding (→ quality.beneficiaries-covered), quantity.budget-adjustments,
 * quality.budget-execution-rate, quality.carryover-rate, quality.carryover-change,
 * quality.staff-control-rate, quality.procurement-execution, benefit.economic.surplus-rate.
 */
const ENTRIES: IndicatorTemplate[] = [
  // 产出 / 数量
  q(
    "quantity.key-tasks-completion",
    "年度重点工作任务完成率(%)",
    "＝100%",
    "数量",
    "已完成的年度重点工作任务数 ÷ 计划任务数 × 100%",
    ["部门整体"],
    "domain-rules §3 #37 [BACKGROUND]",
  ),
  q("quantity.training-sessions", "举办培训班次(次)", "≥2次", "数量", "年度内举办的培训班(会议)期数", ["会议培训"], "共性指标 gx010101", {
    needsValue: true,
  }),
  q(
    "quantity.training-attendance",
    "培训参训人次(人次)",
    "≥100人次",
    "数量",
    "各期培训实际参训人数之和",
    ["会议培训"],
    "共性指标 gx010102",
    { needsValue: true },
  ),
  q(
    "quantity.training-completion",
    "培训计划完成率(%)",
    "＝100%",
    "数量",
    "实际举办的培训(会议)期数 ÷ 计划期数 × 100%",
    ["会议培训"],
    "共性指标 gx010104",
  ),
  q(
    "quantity.research-projects",
    "开展课题研究项目数(个)",
    "≥1个",
    "数量",
    "年度内立项开展的研究课题个数",
    ["课题研究"],
    "共性指标 gx020101",
    { needsValue: true },
  ),
  q("quantity.research-reports", "完成调研报告数(篇)", "≥1篇", "数量", "形成并提交的调研报告篇数", ["课题研究"], "共性指标 gx020102", {
    needsValue: true,
  }),
  q(
    "quantity.outreach-events",
    "举办科普宣传活动场次(场)",
    "≥6场",
    "数量",
    "年度内举办的科普宣传活动场次",
    ["科普"],
    "corrected.tsv 举办大型科普宣传活动场次",
    { needsValue: true },
  ),
  q(
    "quantity.outreach-participants",
    "科普活动参加人次(人次)",
    "≥3000人次",
    "数量",
    "各科普活动参加人数之和",
    ["科普"],
    "corrected.tsv 科普活动参加人次",
    { needsValue: true },
  ),
  q(
    "quantity.it-systems-maintained",
    "运维保障信息系统数(个)",
    "≥1个",
    "数量",
    "纳入年度运维保障的信息系统个数",
    ["信息化"],
    "[BACKGROUND] 信息化运维项目常用指标",
    { needsValue: true },
  ),

  // 产出 / 质量
  q(
    "quality.acceptance-pass-rate",
    "验收合格率(%)",
    "≥95%",
    "质量",
    "验收合格的项目(批次)数 ÷ 验收总数 × 100%",
    ["部门整体", "维修工程"],
    "domain-rules §3 #28, 鄂州 2022 验收合格率≥95%",
  ),
  q(
    "quality.trainee-pass-rate",
    "培训人员考核合格率(%)",
    "≥90%",
    "质量",
    "考核合格人数 ÷ 参训人数 × 100%",
    ["会议培训"],
    "共性指标 gx010201",
  ),
  q(
    "quality.archive-integrity",
    "档案完好率(%)",
    "＝100%",
    "质量",
    "完好的档案卷数 ÷ 馆藏档案卷数 × 100%",
    ["部门整体", "档案管理"],
    "domain-rules §3 #31, 2026 档案项目申报表",
  ),
  q(
    "quality.it-uptime",
    "信息系统稳定运行率(%)",
    "≥99%",
    "质量",
    "系统正常运行时长 ÷ 应运行时长 × 100%",
    ["信息化"],
    "domain-rules §2.2, 2026 申报表(原误填 ≤99%)",
  ),
  q(
    "quality.coverage",
    "业务指导覆盖率(%)",
    "≥90%",
    "质量",
    "已开展指导的单位(地区)数 ÷ 应覆盖数 × 100%",
    ["部门整体"],
    "domain-rules §3 #33, 宁德 2019 覆盖率 90%",
  ),
  q(
    "quality.beneficiaries-covered",
    "应保尽保对象覆盖率(%)",
    "＝100%",
    "质量",
    "已纳入保障的对象数 ÷ 符合条件的对象数 × 100%",
    ["民生保障"],
    "published-guidance §5: replaces quantity.full-funding (经费足额保障率, an input); 岳阳楼区 2023 应保尽保",
  ),

  // 产出 / 时效
  q(
    "timeliness.payment",
    "资金支付及时率(%)",
    "＝100%",
    "时效",
    "按合同或计划时限支付的资金 ÷ 应支付资金 × 100%",
    ["部门整体", "资金管理"],
    "domain-rules §3 #35 [BACKGROUND]",
  ),
  q(
    "timeliness.project-on-schedule",
    "项目按时完成率(%)",
    "＝100%",
    "时效",
    "按计划时限完成的项目数 ÷ 项目总数 × 100%",
    ["部门整体"],
    "domain-rules §3 #36 [BACKGROUND]",
  ),
  q(
    "timeliness.key-tasks-on-schedule",
    "重点工作任务按时完成率(%)",
    "＝100%",
    "时效",
    "按时完成的年度重点工作任务数 ÷ 任务总数 × 100%",
    ["部门整体"],
    "domain-rules §3 #36, corrected.tsv",
  ),
  q(
    "timeliness.training-on-schedule",
    "培训计划按期完成率(%)",
    "＝100%",
    "时效",
    "按期举办的培训期数 ÷ 计划期数 × 100%",
    ["会议培训"],
    "共性指标 gx010301",
  ),
  q(
    "timeliness.disbursement",
    "补助资金按时发放率(%)",
    "＝100%",
    "时效",
    "按时发放的资金 ÷ 应发放资金 × 100%",
    ["民生保障", "资金管理"],
    "domain-rules §3 #20, dyrmt.com 按时发放率=100%",
  ),
  q(
    "timeliness.it-response",
    "运维故障响应及时率(%)",
    "≥95%",
    "时效",
    "在约定时限内响应的故障数 ÷ 故障总数 × 100%",
    ["信息化"],
    "[BACKGROUND] 信息化运维项目常用指标",
  ),
  q(
    "timeliness.safety-signs",
    "安全警示标志设置及时率(%)",
    "＝100%",
    "时效",
    "按时设置的安全警示标志数 ÷ 应设置数 × 100%",
    ["安全生产", "维修工程"],
    "domain-rules §3 #22, dyrmt.com",
  ),

  // 成本: 二级 under 产出 (older layout), 一级 with 经济/社会/生态环境成本 (101-style)
  q(
    "cost.control-rate",
    "成本控制率(%)",
    "≤100%",
    COST("经济成本"),
    "实际支出 ÷ 预算安排 × 100%",
    ["部门整体", "资金管理"],
    "domain-rules §3 #29, 鄂州 不超预算; 2026 档案项目 ≤98%",
  ),
  q(
    "cost.three-public-change",
    "“三公”经费变动率(%)",
    "≤0%",
    COST("经济成本"),
    "(本年“三公”经费 − 上年“三公”经费) ÷ 上年“三公”经费 × 100%",
    ["部门整体", "公务支出"],
    "domain-rules §3 #14, 部门整体支出绩效评价指标 ≤0 计满分",
  ),
  q(
    "cost.reception-change",
    "公务接待费变动率(%)",
    "≤0%",
    COST("经济成本"),
    "(本年公务接待费 − 上年公务接待费) ÷ 上年公务接待费 × 100%",
    ["部门整体", "公务支出"],
    "domain-rules §3 #15",
  ),
  q(
    "cost.vehicle-change",
    "公务用车购置及运行费变动率(%)",
    "≤0%",
    COST("经济成本"),
    "(本年公务用车购置及运行费 − 上年) ÷ 上年 × 100%",
    ["部门整体", "公务支出"],
    "domain-rules §3 #16",
  ),
  q(
    "cost.training-per-capita",
    "人均培训成本控制率(%)",
    "≤100%",
    COST("经济成本"),
    "实际人均培训费 ÷ 规定的人均培训费标准 × 100%",
    ["会议培训"],
    "共性指标 gx010401",
  ),
  q(
    "cost.training-cost-amount",
    "人均培训成本(元)",
    "≤450元",
    COST("经济成本"),
    "培训费总额 ÷ 参训人天数(参训人数 × 培训天数),即元/人·天;不高于本地培训费综合定额标准",
    ["会议培训"],
    "published-guidance §1, §5: clix 人均培训成本(元); amounts beside the rate cost.training-per-capita",
    { needsValue: true },
  ),
  q(
    "cost.unit-purchase",
    "单位购置成本(元)",
    "≤5000元",
    COST("经济成本"),
    "购置总金额 ÷ 购置台(套)数,即元/台;不高于资产配置标准",
    ["资产管理"],
    "published-guidance §1, §5: clix 单位购置成本(元/台…)",
    { needsValue: true },
  ),
  q(
    "cost.project-total",
    "项目总成本(万元)",
    "≤10万元",
    COST("经济成本"),
    "年度实际支出总额,不超过预算安排",
    ["部门整体", "资金管理"],
    "domain-rules §3 #27, 金寨 项目总成本≤1125万元(=资金总额)",
    { needsValue: true, capByProjectAmount: true },
  ),
  q(
    "cost.social-negative-events",
    "项目实施引发的负面舆情事件(起)",
    "＝0起",
    COST("社会成本"),
    "因项目实施引发并经核实的负面舆情事件数",
    ["部门整体", "安全生产"],
    "domain-rules §5 湖南 2023 一级成本→社会成本 [DERIVED]",
  ),
  q(
    "cost.utilities-change",
    "水电气能耗支出变动率(%)",
    "≤0%",
    COST("经济成本"),
    "(本年水电气支出 − 上年) ÷ 上年 × 100%",
    ["部门整体", "资产管理"],
    "domain-rules §3 #30, 鄂州 水电气消耗下降率",
  ),
  q(
    "cost.ecological-damage",
    "项目实施造成的生态环境破坏事件(起)",
    "＝0起",
    COST("生态环境成本"),
    "因项目实施造成并经核实的生态环境破坏事件数(生态环境成本指对环境的损害,不是支出)",
    ["部门整体", "维修工程"],
    "published-guidance §1, §5: 生态环境成本 = environmental harm; 奉节 2023 prints the 生态环境成本指标 row",
  ),

  // 效益 (结余率 is gone from 经济效益: it measures execution, not an effect; published-guidance §5)
  q(
    "benefit.economic.income-increase",
    "带动受益群众增收(万元)",
    "≥10万元",
    "经济效益",
    "受益群众因项目实施增加的收入合计",
    ["民生保障"],
    "同心 2023 促使脱贫户、监测户增加收入(≥**万元)",
    { needsValue: true },
  ),
  q(
    "benefit.social.complaint-resolution",
    "信访投诉办结率(%)",
    "＝100%",
    "社会效益",
    "已办结的信访投诉件数 ÷ 受理件数 × 100%",
    ["部门整体"],
    "domain-rules §3 #40 [BACKGROUND]",
  ),
  q(
    "benefit.social.hazard-handling",
    "安全隐患排查有效处置率(%)",
    "≥90%",
    "社会效益",
    "有效处置的隐患数 ÷ 排查发现的隐患数 × 100%",
    ["安全生产"],
    "domain-rules §3 #23, dyrmt.com",
  ),
  q(
    "benefit.social.no-accidents",
    "安全生产责任事故(起)",
    "＝0起",
    "社会效益",
    "年度内发生的安全生产责任事故起数",
    ["安全生产"],
    "domain-rules §3 #41 [BACKGROUND]",
  ),
  q(
    "benefit.social.public-awareness",
    "公众科普知识知晓率(%)",
    "≥95%",
    "社会效益",
    "抽样调查中知晓相关科普知识的人数 ÷ 调查人数 × 100%",
    ["科普"],
    "corrected.tsv 公众科普知识知晓率",
  ),
  q(
    "benefit.ecological.paperless",
    "无纸化办公覆盖率(%)",
    "≥80%",
    "生态效益",
    "通过线上流程办理的公文(事项)数 ÷ 总数 × 100%",
    ["信息化"],
    "[BACKGROUND] 节约型机关建设常用指标",
  ),
  g(
    "benefit.sustainable.mechanism",
    "管理机制健全性",
    "优",
    "可持续影响",
    "按制度建设、执行和长效管理情况评定为优/良/中/低/差",
    ["部门整体"],
    "domain-rules §3 #24, dyrmt.com 定性 优良中低差",
  ),
  q(
    "benefit.sustainable.asset-utilisation",
    "固定资产利用率(%)",
    "≥95%",
    "可持续影响",
    "在用固定资产原值 ÷ 固定资产总原值 × 100%",
    ["部门整体", "资产管理"],
    "domain-rules §3 #39 [BACKGROUND]",
  ),
  q(
    "benefit.sustainable.volunteers",
    "科普志愿者队伍人数(人)",
    "≥300人",
    "可持续影响",
    "登记在册并参加活动的科普志愿者人数",
    ["科普"],
    "corrected.tsv 科普志愿者队伍人数",
    { needsValue: true },
  ),

  // 满意度
  q(
    "satisfaction.service-recipients",
    "服务对象满意度(%)",
    "≥95%",
    "服务对象满意度",
    "问卷中“满意”及“较满意”的份数 ÷ 有效问卷份数 × 100%",
    ["部门整体"],
    "domain-rules §2.3, 马踏镇 2023 / dyrmt 2022 ≥95%",
  ),
  q(
    "satisfaction.public",
    "群众满意度(%)",
    "≥95%",
    "服务对象满意度",
    "受访群众中表示满意的人数 ÷ 受访人数 × 100%",
    ["部门整体", "民生保障"],
    "domain-rules §3 #25, dyrmt.com / 马踏镇",
  ),
  q(
    "satisfaction.trainees",
    "参训人员满意度(%)",
    "≥90%",
    "服务对象满意度",
    "参训人员评价满意的份数 ÷ 有效评价份数 × 100%",
    ["会议培训"],
    "共性指标 gx010901",
  ),
  q(
    "satisfaction.outreach",
    "科技工作者和公众满意度(%)",
    "≥95%",
    "服务对象满意度",
    "抽样调查中表示满意的人数 ÷ 调查人数 × 100%",
    ["科普"],
    "corrected.tsv 科技工作者和公众满意度",
  ),
];

const GX: Citation = { document: "共性绩效指标(会议培训类 gx0101、课题研究类 gx0201)", issuer: "财政部", year: null };
const FRAMEWORK_53: Citation = { document: "预算绩效评价共性指标体系框架(财预〔2013〕53号)", issuer: "财政部", year: 2013 };
const EXAMPLE: Citation = {
  document: "部门整体预算绩效目标申报表(本项目的示例表,据用户的申报表修改)",
  issuer: "广州市白云区科学技术协会",
  year: null,
};
const EZHOU: Citation = { document: "鄂州市2022年市直部门预算项目支出绩效目标表", issuer: "鄂州市", year: 2022 };
const TONGZHOU: Citation = {
  document: "2026年预算项目支出绩效目标申报表(档案存储项目)",
  issuer: "北京市通州区人力资源和社会保障局",
  year: 2026,
};
const NINGDE: Citation = { document: "部门整体支出绩效目标表(2019年度)", issuer: "中共宁德市委党史和地方志研究室", year: 2019 };
const JINZHAI: Citation = { document: "金寨经济开发区2021年度项目支出绩效目标申报表(物业管理)", issuer: "金寨经济开发区", year: 2021 };
const MATA: Citation = { document: "井研县马踏镇部门预算项目绩效目标申报表(2023年度)", issuer: "井研县马踏镇", year: 2023 };
const YUEYANGLOU: Citation = { document: "岳阳楼区价格认证鉴定中心2023年度整体绩效目标表", issuer: "岳阳楼区价格认证鉴定中心", year: 2023 };
const TONGXIN: Citation = { document: "下马关镇设施农业黄金蜜(葡萄)种植项目绩效目标设定表", issuer: "同心县下马关镇人民政府", year: 2023 };
const DYRMT_FEES: Citation = { document: "项目支出绩效自评表(缴纳类项目,dyrmt.com 转载)", issuer: "不详", year: 2022 };
const DYRMT_SAFETY: Citation = { document: "项目支出绩效目标表(安全生产类,dyrmt.com 转载)", issuer: "不详", year: null };
const FENGJIE: Citation = {
  document: "2023年云雾土家族乡加工园配套设施建设项目支出绩效目标审批表",
  issuer: "奉节县云雾土家族乡",
  year: 2023,
};
const CLIX: Citation = { document: "通用共性指标库示例(期刊文章)", issuer: "期刊,作者不详", year: null };
/** Said plainly rather than dressed up: no published form or document with this indicator was found yet. */
const UNSOURCED: Citation = { document: "未找到公开出处(团队整理的常用写法,待核实)", issuer: "—", year: null };

/** Each template's published source; a template without one fails at load, as a bad operator does. */
const CITATIONS: Record<string, Citation> = {
  "quantity.key-tasks-completion": UNSOURCED,
  "quantity.training-sessions": GX,
  "quantity.training-attendance": GX,
  "quantity.training-completion": GX,
  "quantity.research-projects": GX,
  "quantity.research-reports": GX,
  "quantity.outreach-events": EXAMPLE,
  "quantity.outreach-participants": EXAMPLE,
  "quantity.it-systems-maintained": UNSOURCED,
  "quality.acceptance-pass-rate": EZHOU,
  "quality.trainee-pass-rate": GX,
  "quality.archive-integrity": TONGZHOU,
  "quality.it-uptime": TONGZHOU,
  "quality.coverage": NINGDE,
  "quality.beneficiaries-covered": YUEYANGLOU,
  "timeliness.payment": UNSOURCED,
  "timeliness.project-on-schedule": UNSOURCED,
  "timeliness.key-tasks-on-schedule": EXAMPLE,
  "timeliness.training-on-schedule": GX,
  "timeliness.disbursement": DYRMT_FEES,
  "timeliness.it-response": UNSOURCED,
  "timeliness.safety-signs": DYRMT_SAFETY,
  "cost.control-rate": EZHOU,
  "cost.three-public-change": FRAMEWORK_53,
  "cost.reception-change": FRAMEWORK_53,
  "cost.vehicle-change": FRAMEWORK_53,
  "cost.training-per-capita": GX,
  "cost.training-cost-amount": CLIX,
  "cost.unit-purchase": CLIX,
  "cost.project-total": JINZHAI,
  "cost.social-negative-events": YUEYANGLOU,
  "cost.utilities-change": EZHOU,
  "cost.ecological-damage": FENGJIE,
  "benefit.economic.income-increase": TONGXIN,
  "benefit.social.complaint-resolution": UNSOURCED,
  "benefit.social.hazard-handling": DYRMT_SAFETY,
  "benefit.social.no-accidents": UNSOURCED,
  "benefit.social.public-awareness": EXAMPLE,
  "benefit.ecological.paperless": UNSOURCED,
  "benefit.sustainable.mechanism": DYRMT_SAFETY,
  "benefit.sustainable.asset-utilisation": UNSOURCED,
  "benefit.sustainable.volunteers": EXAMPLE,
  "satisfaction.service-recipients": MATA,
  "satisfaction.public": MATA,
  "satisfaction.trainees": GX,
  "satisfaction.outreach": EXAMPLE,
};

export const CATALOGUE: readonly IndicatorTemplate[] = Object.freeze(
  ENTRIES.map((t) => {
    const citation = CITATIONS[t.id];
    if (!citation) throw new Error(`template ${t.id}: no citation`);
    return { ...t, citation };
  }),
);

const BY_ID = new Map(CATALOGUE.map((t) => [t.id, t]));

/** Templates that belong in the given group, in either layout (成本 templates answer 成本 and 经济成本 alike). */
export function templatesFor(level1: Level1, level2: Level2, list: readonly IndicatorTemplate[] = CATALOGUE): IndicatorTemplate[] {
  return list.filter(
    (t) =>
      (t.placement.level1 === level1 && t.placement.level2 === level2) ||
      (t.placement101.level1 === level1 && t.placement101.level2 === level2),
  );
}

export function findTemplate(id: string, list: readonly IndicatorTemplate[] = CATALOGUE): IndicatorTemplate | undefined {
  return list === CATALOGUE ? BY_ID.get(id) : list.find((t) => t.id === id);
}

export interface SearchOptions {
  /** A 一级 or 二级 (canonical name); matches either layout's placement. */
  category?: Level1 | Level2;
  tag?: string;
  list?: readonly IndicatorTemplate[];
}

const squash = (s: string) =>
  fold(s)
    .toLowerCase()
    .replace(/[\s()“”"'、]/g, "");

/** Every word of the query must occur in the name, id, tags or 计算口径; results keep catalogue order. */
export function search(query: string, opts: SearchOptions = {}): IndicatorTemplate[] {
  const words = fold(query)
    .split(/\s+/)
    .map(squash)
    .filter((w) => w !== "");
  const list = opts.list ?? CATALOGUE;
  return list.filter((t) => {
    if (opts.tag && !t.tags.includes(opts.tag)) return false;
    if (opts.category) {
      const c = opts.category;
      const hit = [t.placement, t.placement101].some((p) => p.level1 === c || p.level2 === c);
      if (!hit) return false;
    }
    if (words.length === 0) return true;
    const hay = squash([t.name, t.id, t.formula, ...t.tags].join(" "));
    return words.every((w) => hay.includes(w));
  });
}

/** Every tag in use, most used first, for the filter list. */
export function allTags(list: readonly IndicatorTemplate[] = CATALOGUE): string[] {
  const count = new Map<string, number>();
  for (const t of list) for (const tag of t.tags) count.set(tag, (count.get(tag) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh")).map(([t]) => t);
}
