import { nameKey, parseName } from "../../../src/core/indicators/name";
import { unitsCompatible, isCumulativeUnit } from "../../../src/core/indicators/units";

describe("parseName", () => {
  test.each([
    ["组织学术交流次数(次)", "组织学术交流次数", ["次"]],
    ["会议代表出席率(%)", "会议代表出席率", ["%"]],
    ["会议代表出席率（％）", "会议代表出席率", ["%"]],
    ["科普志愿者人数(人数)", "科普志愿者人数", ["人"]],
    ["举办科技夏(冬)令营次数(次)", "举办科技夏(冬)令营次数", ["次"]],
    ["科普宣传公众号推送科普文章篇数(篇)、阅读量(人次)", "科普宣传公众号推送科普文章篇数、阅读量", ["篇", "人次"]],
    ["管理科普图书室(时长)", "管理科普图书室", ["时长"]],
    ["项目总成本【万元】", "项目总成本", ["万元"]],
    ["建设个数(单位:个)", "建设个数", ["个"]],
    ["落实做好科普管理事务工作", "落实做好科普管理事务工作", []],
  ])("%s", (name, core, units) => {
    const p = parseName(name);
    expect(p.core).toBe(core);
    expect(p.units).toEqual(units);
    expect(p.unit).toBe(units.length ? units[units.length - 1] : null);
  });

  test("nameKey ignores unit brackets, spaces and bracket width", () => {
    expect(nameKey("会议代表 出席率(%)")).toBe(nameKey("会议代表出席率（％）"));
    expect(nameKey("会议代表出席率")).toBe(nameKey("会议代表出席率(%)"));
    expect(nameKey("举办科技夏(冬)令营次数")).not.toBe(nameKey("举办科技夏令营次数"));
  });
});

describe("units", () => {
  test("compatibility", () => {
    expect(unitsCompatible("次", "场")).toBe(true);
    expect(unitsCompatible("人", "人次")).toBe(false);
    expect(unitsCompatible("个", "人")).toBe(false);
    expect(unitsCompatible("时长", "小时")).toBe(true);
    expect(unitsCompatible("%", "个")).toBe(false);
  });
  test("cumulative units", () => {
    expect(isCumulativeUnit("次")).toBe(true);
    expect(isCumulativeUnit("万元")).toBe(true);
    expect(isCumulativeUnit("%")).toBe(false);
    expect(isCumulativeUnit("天")).toBe(false);
    expect(isCumulativeUnit(null)).toBe(false);
  });
});
