/**
 * @fileoverview A 满意度 target below a floor (default 90%), or set at 100%, which cannot be
 * promised (domain-rules §2.3). The floor is observed practice, not a confirmed rule, so it is an
 * option. Targets above 100% are left to indicators/impossible-target.
 */
import { contentRows, loc, rowKind, rowLabel, ValueCell, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { percentOf } from "../../indicators/value";
import { SERVICE_SATISFACTION } from "../../templates/suggest";
import { defineRule } from "../types";
import { numberOption } from "../util/options";

export default defineRule({
  meta: {
    id: "indicators/satisfaction-below-floor",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "满意度目标不应低于下限(默认 90%,属常见做法、未见官方规定,可配置),也不应定为 100%",
      en: "A satisfaction target should not be below the floor (default 90%: common practice, not a confirmed rule; configurable), nor 100%",
    },
    messages: {
      belowFloor: {
        zh: "满意度目标「{{text}}」低于 {{floor}}%,目标偏低,建议不低于 {{floor}}%(如 ≥{{floor}}%)",
        en: 'The satisfaction target "{{text}}" is below {{floor}}%; set at least {{floor}}% (e.g. ≥{{floor}}%)',
      },
      unrealistic: {
        zh: "满意度目标「{{text}}」定为 100%,难以实现,建议设为不低于 {{floor}}% 但低于 100% 的目标(如 ≥95%)",
        en: 'The satisfaction target "{{text}}" is 100%, which cannot be promised; set at least {{floor}}% but below 100% (e.g. ≥95%)',
      },
    },
    defaultOptions: { floor: 90 },
    // A percentage: 0.95 is almost surely meant as 95.
    optionSchema: { floor: { min: 1, max: 100 } },
    optionDocs: {
      floor: { zh: "满意度目标下限(百分数),默认 90", en: "Lowest acceptable satisfaction target, in percent (default 90)" },
    },
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const floor = numberOption(ctx.options.floor, 90);
    for (const row of contentRows(t)) {
      const values = valueCells(t, row).filter((v) => !v.parsed.empty);
      const label = rowLabel(row, values);
      if (!rowKind(t, row, label).satisfaction) continue;
      const below: ValueCell[] = [];
      const full: ValueCell[] = [];
      for (const v of values) {
        const pct = percentOf(v.parsed, true);
        if (pct === null) continue;
        if (pct < floor) below.push(v);
        // "≤100%" points the wrong way; indicators/impossible-target says so.
        else if (pct === 100 && v.parsed.operator !== "≤" && v.parsed.operator !== "＜") full.push(v);
      }
      for (const [messageId, cells] of [
        ["belowFloor", below],
        ["unrealistic", full],
      ] as const) {
        if (cells.length === 0) continue;
        ctx.report({
          messageId,
          data: { text: clip(cells[0].parsed.raw), floor },
          cells: cells.map((v) => loc(v.cell)),
          templates: [SERVICE_SATISFACTION],
        });
      }
    }
  },
});
