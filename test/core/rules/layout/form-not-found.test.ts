import rule from "../../../../src/core/rules/layout/form-not-found";
import { ruleTester } from "../../../helpers/ruleTester";
import { cleanSheet, layoutFromRows } from "../../../helpers/forms";

const notes = layoutFromRows([["会议纪要"], ["2025年工作计划", "", "负责人"]], { sheetName: "说明" });

ruleTester(rule, {
  valid: [
    { name: "the corrected example", sheet: cleanSheet() },
    { name: "the form on the second sheet", sheet: [notes, cleanSheet({ sheetName: "表2" })] },
  ],
  invalid: [
    {
      name: "a sheet that is not the form",
      sheet: notes,
      errors: [{ messageId: "notFound", cells: ["说明!A1"], data: { sheet: "说明" } }],
    },
  ],
});
