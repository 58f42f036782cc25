/**
 * @fileoverview A 三级 indicator without a target value (both 实施周期指标值 and 年度指标值 in the
 * two-value layout), or a value without an indicator name (domain-rules §1.3 完整性, §2.5 check 1).
 * A lone "-", "/" or "无" counts as missing.
 */
import { contentRows, columnLabel, loc, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { defineRule } from "../types";

const KINDS = ["missingValue", "placeholder"] as const;

export default defineRule({
  meta: {
    id: "indicators/missing-value",
    category: "indicators",
    severity: "error",
    docs: {
      zh: "每条三级指标都要有指标名称和指标值(两列布局下实施周期指标值和年度指标值都要填)",
      en: "Every indicator needs a name and a target value (both the period and the annual value in the two-value layout)",
    },
    messages: {
      missingValue: {
        zh: "「{{name}}」未填写{{columns}},请填写指标值(运算符+数值+单位,如 ≥95%、≥2次)",
        en: '"{{name}}" has no {{columnsEn}}; fill in a target (operator + number + unit, e.g. ≥95%, ≥2次)',
      },
      placeholder: {
        zh: "「{{name}}」的{{columns}}只填了「{{text}}」,等于没有填写,请填写指标值(如 ≥95%、≥2次)",
        en: 'The {{columnsEn}} of "{{name}}" only says "{{text}}", which is no target; fill in a value (e.g. ≥95%, ≥2次)',
      },
      missingName: {
        zh: "第 {{row}} 行有指标值「{{text}}」但没有三级指标名称,请填写指标名称",
        en: 'Row {{row}} has a target "{{text}}" but no indicator name; fill in the name',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const values = valueCells(t, row);
      // A name that is only a unit bracket ("(次)") names nothing.
      if (rowName(t, row).core === "") {
        const any = values.find((v) => !v.parsed.empty);
        if (any) {
          ctx.report({ messageId: "missingName", data: { row: row.row + 1, text: clip(any.parsed.raw) }, cells: [loc(row.name)] });
        }
        continue;
      }
      for (const kind of KINDS) {
        const bad = values.filter((v) => (kind === "missingValue" ? v.parsed.empty : v.parsed.placeholder));
        if (bad.length === 0) continue;
        const labels = bad.map((v) => columnLabel(t, v.column));
        ctx.report({
          messageId: kind,
          data: {
            name: clip(row.name.text),
            columns: labels.map((l) => l.zh).join("和"),
            columnsEn: labels.map((l) => l.en).join(" and "),
            text: clip(bad[0].parsed.raw),
          },
          cells: bad.map((v) => loc(v.cell)),
        });
      }
    }
  },
});
