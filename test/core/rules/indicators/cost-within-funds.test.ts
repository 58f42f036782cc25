import rule from "../../../../src/core/rules/indicators/cost-within-funds";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet } from "../../../helpers/forms";
import { PROJECT_MERGES, projectRows, projectSheet, sheetOf } from "../../form/printed";

/** The same form with its funds in 元, as the 项目资金(元) label says. */
function inYuan(cost: string) {
  const rows = projectRows({ total: 50000, fiscal: 50000, cost });
  rows[4][0] = "项目资金(元)";
  return sheetOf(rows, PROJECT_MERGES);
}

ruleTester(rule, {
  valid: [
    { name: "淮北 2025: ≤5万元 within 5 万元 of funds", sheet: projectSheet() },
    { name: "the same amount written in 元", sheet: projectSheet({ cost: "≤50000元" }) },
    { name: "a unit cost is no amount of the whole project (清涧 2021)", sheet: projectSheet({ cost: "≤120万元/公里" }) },
    { name: "a rate", sheet: projectSheet({ cost: "≤100%" }) },
    { name: "the department form is not a project's", sheet: cleanSheet() },
    { name: "funds in 元 per their label: 50000 元 is 5 万元", sheet: inYuan("≤5万元") },
  ],
  invalid: [
    {
      name: "a cost target above the year's funds",
      sheet: projectSheet({ cost: "≤50万元" }),
      errors: [
        { messageId: "exceeds", cells: ["Sheet1!E14"], severity: "warning", data: { amount: "50.00", total: "5.00", block: "年度" } },
      ],
    },
    {
      name: "in 元, converted",
      sheet: projectSheet({ cost: "≤60000元" }),
      errors: [{ messageId: "exceeds", cells: ["Sheet1!E14"], data: { amount: "6.00" } }],
    },
    {
      name: "funds in 元 per their label, a cost target above them",
      sheet: inYuan("≤6万元"),
      errors: [{ messageId: "exceeds", cells: ["Sheet1!E14"], data: { amount: "6.00", total: "5.00" } }],
    },
  ],
});
