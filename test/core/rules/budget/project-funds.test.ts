import rule from "../../../../src/core/rules/budget/project-funds";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet } from "../../../helpers/forms";
import { projectSheet, sheetOf } from "../../form/printed";

/** 武汉青山 2020's two blocks side by side: 资金总额 (实施期) | 当年资金总额 (年度), sources under each. */
function twoBlocks(period: number, annual: number, annualFiscal: number, annualOther: number | "") {
  return sheetOf(
    [
      ["项目支出绩效目标表", "", "", "", ""],
      ["项目名称", "教育系统基础设施建设和设备购置", "", "", ""],
      ["项目资金", "实施期资金总额", period, "年度资金总额", annual],
      ["", "其中:财政拨款", period, "其中:财政拨款", annualFiscal],
      ["", "其他资金", "", "其他资金", annualOther],
      ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
      ["", "产出指标", "数量指标", "重点建设工程数量", "2个"],
    ],
    ["A3:A5", "A6:A7"],
  );
}

ruleTester(rule, {
  valid: [
    { name: "淮北 2025: 5 = 5 + 0 + 0", sheet: projectSheet() },
    { name: "empty sources are none of the money", sheet: projectSheet({ carry: "", other: "" }) },
    { name: "two blocks that reconcile, the year within the period", sheet: twoBlocks(10000, 3000, 2500, 500) },
    { name: "the department form is not a project's", sheet: cleanSheet() },
    {
      name: "a source the checker cannot name leaves the sum unknown",
      sheet: sheetOf(
        [
          ["项目支出绩效目标表", "", ""],
          ["项目名称", "某项目", ""],
          ["项目资金", "年度资金总额", 100],
          ["", "其中:财政拨款", 60],
          ["", "上级专项补助资金", 40],
          ["", "其他资金", 10],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "工程数量", "2个"],
        ],
        ["A3:A6"],
      ),
    },
  ],
  invalid: [
    {
      name: "sources with the catch-all do not make the total",
      sheet: projectSheet({ total: 8 }),
      errors: [
        {
          messageId: "sourcesMismatch",
          cells: ["Sheet1!C5", "Sheet1!C6", "Sheet1!C7", "Sheet1!C8"],
          severity: "error",
          data: { sum: "5.00", total: "8.00", diff: "3.00" },
        },
      ],
    },
    {
      name: "sources exceeding the total",
      sheet: projectSheet({ fiscal: 6 }),
      errors: [
        { messageId: "sourcesExceed", cells: ["Sheet1!C5", "Sheet1!C6", "Sheet1!C7", "Sheet1!C8"], data: { sum: "6.00", total: "5.00" } },
      ],
    },
    {
      name: "the year's funds above the period's",
      sheet: twoBlocks(1000, 3000, 2500, 500),
      errors: [{ messageId: "annualExceedsPeriod", cells: ["Sheet1!E3", "Sheet1!C3"], data: { annual: "3000.00", period: "1000.00" } }],
    },
    {
      name: "the annual block short of its total with 其他资金 printed",
      sheet: twoBlocks(10000, 3000, 2500, ""),
      errors: [{ messageId: "sourcesMismatch", cells: ["Sheet1!E3", "Sheet1!E4"], data: { block: "年度" } }],
    },
  ],
});
