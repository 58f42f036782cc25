import { isMeasurable, officialOperators, parseValue, percentOf, withOperator } from "../../../src/core/indicators/value";

const brief = (s: string | number) => {
  const p = parseValue(s);
  return { op: p.operator, ascii: p.asciiOperator, main: p.main?.value ?? null, unit: p.unit, pct: p.isPercent };
};

describe("parseValue: operators", () => {
  test.each([
    ["≥95%", "≥", false, 95, "%"],
    [">=95%", "≥", true, 95, "%"],
    ["=>95%", "≥", true, 95, "%"],
    ["＝100%", "＝", false, 100, "%"],
    ["=1个", "＝", true, 1, "个"],
    ["≤1125万元", "≤", false, 1125, "万元"],
    ["<=10次", "≤", true, 10, "次"],
    ["＞＝90%", "≥", false, 90, "%"],
    ["＜5%", "＜", false, 5, "%"],
    [">0", "＞", true, 0, null],
    ["≥2次", "≥", false, 2, "次"],
    ["满意度≥95%", "≥", false, 95, "%"],
    ["不低于90%", "≥", false, 90, "%"],
    ["不超过5天", "≤", false, 5, "天"],
    ["95%以上", "≥", false, 95, "%"],
    ["≥９５％", "≥", false, 95, "%"],
    ["≤-5%", "≤", false, -5, "%"],
  ])("%s", (text, op, ascii, main, unit) => {
    expect(brief(text)).toEqual({ op, ascii, main, unit, pct: unit === "%" });
  });

  test("the operator's position and text are kept as written, for fixes", () => {
    const p = parseValue("满意度>=95%");
    expect(p.operatorText).toBe(">=");
    expect(p.operatorIndex).toBe(3);
    expect(withOperator(p, "≥")).toBe("满意度≥95%");
    expect(withOperator(parseValue("≥100%"), "＝")).toBe("＝100%");
  });

  test("officialOperators replaces only ASCII operators before numbers", () => {
    expect(officialOperators(parseValue(">=95%"))).toBe("≥95%");
    expect(officialOperators(parseValue("=1个"))).toBe("＝1个");
    expect(officialOperators(parseValue("≥2次,<=5天"))).toBe("≥2次,≤5天");
    expect(officialOperators(parseValue("＝100%"))).toBe("＝100%");
  });
});

describe("parseValue: numbers and units", () => {
  test("several quantities: the first with a unit is the main one", () => {
    const p = parseValue("科普咨询活动2次,受众1200人");
    expect(p.operator).toBeNull();
    expect(p.numbers.map((n) => [n.value, n.unit])).toEqual([
      [2, "次"],
      [1200, "人"],
    ]);
    expect(p.main?.value).toBe(2);
    expect(p.unit).toBe("次");
  });

  test("约3000人次: 人次 is one unit, 约 is vague", () => {
    const p = parseValue("约3000人次");
    expect([p.main?.value, p.unit]).toEqual([3000, "人次"]);
    expect(p.vague).toEqual(["约"]);
  });

  test("scales and separators", () => {
    expect(brief("1.5万人次")).toMatchObject({ main: 15000, unit: "人次" });
    expect(brief("15,000人")).toMatchObject({ main: 15000, unit: "人" });
    expect(brief("2亿元")).toMatchObject({ main: 20000, unit: "万元" });
    expect(brief("≥1个百分点")).toMatchObject({ main: 1, unit: "百分点" });
    expect(brief("≤5个工作日")).toMatchObject({ main: 5, unit: "工作日" });
    expect(brief("每周时长5小时")).toMatchObject({ main: 5, unit: "小时" });
    expect(brief("≤3个月")).toMatchObject({ main: 3, unit: "月" });
    expect(brief("＝0起")).toMatchObject({ main: 0, unit: "起" });
  });

  test("Chinese numerals before a measure word count; 一般 does not", () => {
    expect(brief("每年举办两次")).toMatchObject({ main: 2, unit: "次" });
    expect(brief("建设十二个站点")).toMatchObject({ main: 12, unit: "个" });
    expect(parseValue("一般").numbers).toEqual([]);
    expect(parseValue("进一步加强").numbers).toEqual([]);
  });

  test("a date is not a quantity", () => {
    const p = parseValue("2025年12月31日前");
    expect(p.date).toMatchObject({ year: 2025, month: 12, day: 31 });
    expect(p.main).toBeNull();
    expect(p.numbers.every((n) => n.date)).toBe(true);
    expect(isMeasurable(p)).toBe(true);
    expect(parseValue("12月底前完成").date).toMatchObject({ year: null, month: 12 });
    expect(parseValue("2025年完成5次").main?.value).toBe(5);
    expect(parseValue("2025-12-31前").date).toMatchObject({ year: 2025, month: 12, day: 31 });
    expect(parseValue("2025.12.31前").date).toMatchObject({ year: 2025, month: 12, day: 31 });
    expect(parseValue("≤2025.5万元").date).toBeNull();
    expect([parseValue("≤2025.5万元").main?.value, parseValue("≤2025.5万元").unit]).toEqual([2025.5, "万元"]);
  });

  test("a number cell", () => {
    const p = parseValue(0.95);
    expect(p.numberCell).toBe(true);
    expect(p.main?.value).toBe(0.95);
    expect(percentOf(p, true)).toBe(95);
    expect(percentOf(p, false)).toBeNull();
    expect(percentOf(parseValue("受众1万人次,受益度95%"))).toBe(95);
  });
});

describe("parseValue: qualitative, vague and empty values", () => {
  test.each([
    ["优", "优"],
    ["良好", "良好"],
    ["较好", "较好"],
    ["一般", "一般"],
    ["优良中低差", "优良中低差"],
    ["优/良/中/差", "优/良/中/差"],
    ["达成预期指标", "达成预期指标"],
    ["基本达到预期目标", "达到预期目标"],
    ["应保尽保", "应保尽保"],
    ["定性:优", "优"],
    ["管理机制健全性:良", "良"],
    ["评价等级为良好", "良好"],
    ["良及以上", "良"],
    ["≥良", "良"],
  ])("grade %s", (text, grade) => {
    const p = parseValue(text);
    expect(p.grade).toBe(grade);
    expect(isMeasurable(p)).toBe(true);
  });

  test("a statement of work is neither quantified nor graded", () => {
    const p = parseValue("按上级要求,落实财务管理、保密工作、档案管理和办公设备管理等方面工作。");
    expect(p.numbers).toEqual([]);
    expect(p.grade).toBeNull();
    expect(p.operator).toBeNull();
    expect(isMeasurable(p)).toBe(false);
  });

  test.each(["显著提高", "效果明显", "持续保障", "良好的社会效果"])("%s is not a grade", (text) => {
    expect(parseValue(text).grade).toBeNull();
  });

  test("vague words, longest first, ordinary words left alone", () => {
    expect(parseValue("积极实施科普公众号推送科普文章约250篇,阅读量约15000人次。").vague).toEqual(["积极", "约"]);
    expect(parseValue("大约300人左右").vague).toEqual(["大约", "左右"]);
    expect(parseValue("力争取得进一步成效").vague).toEqual(["力争", "进一步"]);
    expect(parseValue("节约用水,促进可持续发展,有效期内").vague).toEqual([]);
    expect(parseValue("≥95%").vague).toEqual([]);
  });

  test("empty and placeholders", () => {
    expect(parseValue(null).empty).toBe(true);
    expect(parseValue("  ").empty).toBe(true);
    expect(parseValue("/").placeholder).toBe(true);
    expect(parseValue("—").placeholder).toBe(true);
    expect(parseValue("无").placeholder).toBe(true);
    expect(parseValue("无事故").placeholder).toBe(false);
    expect(parseValue({ error: "#REF!" }).numbers).toEqual([]);
  });
});
