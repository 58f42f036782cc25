import { classifyIndicator, mentionsGrowth } from "../../../src/core/indicators/direction";

describe("classifyIndicator", () => {
  test.each([
    ["重点工作任务按时完成率(%)", "positive"],
    ["财务、保密、档案管理检查合格率(%)", "positive"],
    ["资金支付及时率(%)", "positive"],
    ["会议经费预算执行率", "positive"],
    ["档案存储设施稳定运行率", "positive"],
    ["科技工作者和公众满意度(%)", "positive"],
    ["信访投诉办结率", "positive"],
    ["事故处置率", "positive"],
    ["水电气消耗下降率", "positive"],
    ["会议经费成本控制率(%)", "negative"],
    ["项目总成本(万元)", "negative"],
    ["三公经费变动率", "negative"],
    ["群众投诉率", "negative"],
    ["结转结余率", "negative"],
    ["账务差错率", "negative"],
    ["委托业务报告不合格率", "negative"],
    ["科目调整次数(次)", "negative"],
    ["安全事故应急演练次数(次)", "neutral"],
    ["科普活动参加人次(人次)", "neutral"],
  ])("%s → %s", (name, direction) => {
    expect(classifyIndicator(name).direction).toBe(direction);
  });

  test("growth and satisfaction", () => {
    expect(classifyIndicator("科普受众增长率").growth).toBe(true);
    expect(classifyIndicator("三公经费变动率").growth).toBe(true);
    expect(classifyIndicator("水电气消耗下降率").growth).toBe(false);
    expect(classifyIndicator("公众对科普工作满意度").satisfaction).toBe(true);
    expect(classifyIndicator("会议代表出席率").satisfaction).toBe(false);
    expect(mentionsGrowth("比上年增长120%")).toBe(true);
    expect(mentionsGrowth("≥95%")).toBe(false);
  });
});
