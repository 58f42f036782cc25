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
    severity: "error",
    docs: {
      zh: "工作簿中没有任何工作表像申报表(按标签识别,不看固定位置)",
      en: "No sheet in the workbook looks like the form (recognised by labels, not fixed addresses)",
    },
    messages: {
      notFound: {
        zh: "未找到绩效目标表:最接近的工作表「{{sheet}}」缺少 {{missing}}",
        en: 'The performance-target form was not found: the closest sheet "{{sheet}}" lacks {{missingEn}}',
      },
      /** The recognition's own sentence for the closest sheet (这是…,不是绩效目标表). */
      notForm: { zh: "未检查:{{zh}}", en: "Not checked: {{en}}" },
      emptyWorkbook: {
        zh: "工作簿中没有工作表或所有工作表都是空的,未找到申报表",
        en: "The workbook has no sheets, or every sheet is empty; the form was not found",
      },
    },
    defaultOptions: {},
  },
  checkWorkbook(ctx) {
    if (ctx.recognitions.some((r) => r.forms.length > 0)) return;
    const best = [...ctx.recognitions].sort((a, b) => b.found.length - a.found.length)[0];
    if (!best) {
      ctx.report({ sheet: "", messageId: "emptyWorkbook", cells: [] });
      return;
    }
    if (best.notForm) {
      ctx.report({ sheet: best.sheet, messageId: "notForm", data: { ...best.notForm }, cells: [{ row: 0, col: 0 }] });
      return;
    }
    const missing = ANCHORS.filter((a) => best.missing.includes(a.id));
    ctx.report({
      sheet: best.sheet,
      messageId: "notFound",
      data: { sheet: best.sheet, missing: missing.map((a) => a.zh).join("、"), missingEn: missing.map((a) => a.en).join(", ") },
      cells: [{ row: 0, col: 0 }],
    });
  },
});
