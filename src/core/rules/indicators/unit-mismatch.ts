/**
 * @fileoverview The unit a 三级 name asks for in brackets ("(次)", "(%)", "(个)") disagrees with the
 * units its value uses ("科普志愿者人数(个)" → "约300人"), or the two value columns use different
 * units (domain-rules §2.2, §2.5 check 2). Near-synonyms (次/场, 人/名, 个/家) are accepted.
 */
import { contentRows, loc, valueCells } from "../../indicators/cells";
import { parseName } from "../../indicators/name";
import { clip } from "../../indicators/quote";
import { unitsCompatible } from "../../indicators/units";
import { ParsedValue } from "../../indicators/value";
import { defineRule } from "../types";

function unitsOf(p: ParsedValue): string[] {
  const out: string[] = [];
  for (const n of p.numbers) if (!n.date && n.unit && !out.includes(n.unit)) out.push(n.unit);
  return out;
}

const sameMeasure = (a: string, b: string) => unitsCompatible(a, b) || unitsCompatible(b, a);

export default defineRule({
  meta: {
    id: "indicators/unit-mismatch",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "指标名称括号中的单位应与指标值的单位一致,实施周期指标值与年度指标值的单位也应一致",
      en: "The unit in an indicator's name must match its value's unit, and both value columns must use the same unit",
    },
    messages: {
      nameMismatch: {
        zh: "「{{name}}」要求单位「{{nameUnit}}」,指标值「{{text}}」用的却是「{{valueUnit}}」,请统一单位(改指标值,或改名称括号内的单位)",
        en: "\"{{name}}\" asks for \"{{nameUnit}}\" but the target \"{{text}}\" is in \"{{valueUnit}}\"; use one unit (change the value or the unit in the name)",
      },
      columnsDiffer: {
        zh: "实施周期指标值「{{period}}」与年度指标值「{{annual}}」单位不同({{periodUnit}} / {{annualUnit}}),请统一单位",
        en: "The period target \"{{period}}\" and the annual target \"{{annual}}\" use different units ({{periodUnit}} / {{annualUnit}}); use one unit",
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const wanted = parseName(row.name.text).units;
      const values = valueCells(t, row).filter((v) => !v.parsed.empty);
      if (wanted.length > 0) {
        const bad = values.filter((v) => {
          const got = unitsOf(v.parsed);
          return got.length > 0 && !got.some((u) => wanted.some((w) => unitsCompatible(w, u)));
        });
        if (bad.length > 0) {
          ctx.report({
            messageId: "nameMismatch",
            data: {
              name: clip(row.name.text),
              nameUnit: wanted.join("、"),
              text: clip(bad[0].parsed.raw),
              valueUnit: unitsOf(bad[0].parsed).join("、"),
            },
            cells: bad.map((v) => loc(v.cell)),
          });
          continue;
        }
      }
      const [p, a] = values;
      if (!p || !a || p.column !== "period") continue;
      const pu = p.parsed.unit;
      const au = a.parsed.unit;
      if (pu && au && !sameMeasure(pu, au)) {
        ctx.report({
          messageId: "columnsDiffer",
          data: { period: clip(p.parsed.raw), annual: clip(a.parsed.raw), periodUnit: pu, annualUnit: au },
          cells: [loc(a.cell), loc(p.cell)],
        });
      }
    }
  },
});
