/**
 * @fileoverview No sheet of the workbook looks like the 申报表. Says which anchor labels were
 * missing on the sheet that came closest, so the user knows what the checker looked for.
 */
import { ANCHORS } from "../../form/recognize";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "layout/form-not-found",
    category: "layout",
    // Not an error: a workbook holding no target form is not a form to send back (verdict 未检查).
    severity: "info",
    docs: {
      zh: "工作簿中没有任何工作表是绩效目标表或自评表(按标签识别,不看固定位置);给出提示,不判为需修改",
      en: "No sheet in the workbook is a target form or self-evaluation table (recognised by labels, not fixed addresses); a note, not a reason to send the file back",
    },
    messages: {
      notFound: {
        zh: "未找到绩效目标表,未检查:工作表「{{sheet}}」{{reason}}",
        en: 'No performance-target form was found, nothing was checked: sheet "{{sheet}}": {{reasonEn}}',
      },
      emptyWorkbook: {
        zh: "工作簿中没有工作表或所有工作表都是空的,未找到申报表",
        en: "The workbook has no sheets, or every sheet is empty; the form was not found",
      },
    },
    defaultOptions: {},
  },
  checkWorkbook(ctx) {
    if (ctx.recognitions.some((r) => r.forms.length > 0)) return;
    // The sheet that came closest: most anchors, then one that says more than "no table".
    const best = [...ctx.recognitions].sort((a, b) => b.found.length - a.found.length)[0];
    if (!best) {
      ctx.report({ sheet: "", messageId: "emptyWorkbook", cells: [] });
      return;
    }
    const missing = ANCHORS.filter((a) => best.missing.includes(a.id));
    ctx.report({
      sheet: best.sheet,
      messageId: "notFound",
      data: {
        sheet: best.sheet,
        reason: best.notForm?.zh ?? `缺少 ${missing.map((a) => a.zh).join("、")}`,
        reasonEn: best.notForm?.en ?? `lacks ${missing.map((a) => a.en).join(", ")}`,
        missing: missing.map((a) => a.zh).join("、"),
        missingEn: missing.map((a) => a.en).join(", "),
      },
      cells: [{ row: 0, col: 0 }],
    });
  },
});
