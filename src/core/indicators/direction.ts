/**
 * Which way an indicator should point, told from its name: a "positive" rate (完成率, 合格率,
 * 满意度 …) is a floor (≥ or ＝), a cost or a "negative" rate (成本, 投诉率, 结余率 …) is a ceiling
 * (≤ or ＝). Growth and change rates may exceed 100%. Heuristic vocabulary, domain-rules §2.2–2.3.
 */
import { parseName } from "./name";

export type Direction = "positive" | "negative" | "neutral";

export interface IndicatorKind {
  direction: Direction;
  /** A growth or change rate: may exceed 100% or fall below 0. */
  growth: boolean;
  satisfaction: boolean;
}

// Words that make a rate "the more the better" when they stand right before 率 / 度.
const POSITIVE = new RegExp(
  "(完成|合格|达标|及时|覆盖|到位|执行|办结|满意|运行|出席|出勤|知晓|受益|准确|完好|保障|发放|支付|响应|满足|利用|验收|通过|" +
    "参与|处置|落实|兑现|结案|解决|采纳|回复|使用|普及|优良|好评|达成|实现|成功|正确|就业|入学|巡查|整改|开工|竣工|接种|检测|" +
    "检验|审核|审查|归档|上报|报送|公开|参保|安置|救助|回访|签约|转化|到岗|考核|合规|健全|在线|开通|认可|准时|按时|按期|" +
    "下降|降低|节约|节支|减少|留存|达产|更新|修复|维护|回收|清运|处理)(率|度|程度)",
);
const NEGATED = /(不合格|不达标|未完成|未按时|未达标|不及时)/;
// Rates, counts and amounts that should stay low. Anchored at the end of the name, so
// "安全事故应急演练次数" (drills about accidents) is not read as a count of accidents.
const NEGATIVE = new RegExp(
  "(投诉|差错|错误|失误|出错|结余|结转|事故|超支|超标|返工|违规|违纪|流失|空置|闲置|损耗|损失|逾期|超期|延误|缺陷|故障|" +
    "退件|误报|漏报|漏检|发病|犯罪|失业|辍学|伤亡|控制|偏差|偏离|调整)" +
    "(发生)?(率|次数|起数|件数|数量|人数|数|量|金额|变动率|增长率|占比|比例|比率)?$",
);
const COST = /(成本|费用|经费|三公|接待费|公务用车|运行费|开支|能耗|消耗)(总额|总量|支出|金额|标准|变动率|增长率|增幅|占比|比例)?$/;
const SAVING = /(节约|节省|节支|下降|降低|减少|压减)/;
const GROWTH = /(增长|增幅|增速|增加|变动|变化|同比|环比|上升|提升|提高)(率|幅度|比例|比率)?/;

export function classifyIndicator(name: string): IndicatorKind {
  const core = parseName(name).core;
  const satisfaction = /满意/.test(core);
  const growth = GROWTH.test(core) && !SAVING.test(core);
  let direction: Direction = "neutral";
  if (NEGATED.test(core)) direction = "negative";
  else if (POSITIVE.test(core)) direction = "positive";
  else if (NEGATIVE.test(core)) direction = "negative";
  else if (COST.test(core) && !SAVING.test(core)) direction = "negative";
  else if (satisfaction) direction = "positive";
  return { direction, growth, satisfaction };
}

/** Whether a value text speaks of growth ("比上年增长20%"), which may exceed 100%. */
export function mentionsGrowth(text: string): boolean {
  return /(增长|增加|增幅|提高|提升|上升|同比|环比|翻番|倍|超额)/.test(text);
}
