import rule from "../../../../src/core/rules/indicators/cost-within-funds";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet } from "../../../helpers/forms";
import { projectSheet } from "../../form/printed";

ruleTester(rule, {
  valid: [
    { name: "淮北 2025: ≤5万元 within 5 万元 of funds", sheet: projectSheet() },
    { name: "the same amount written in 元", sheet: projectSheet({ cost: "≤50000元" }) },
    { name: "a unit cost is no amount of the whole project (清涧 2021)", sheet: projectSheet({ cost: "≤120万元/公里" }) },
    { name: "a rate", sheet: projectSheet({ cost: "≤100%" }) },
    { name: "the department form is not a project's", sheet: cleanSheet() },
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
  ],
});
