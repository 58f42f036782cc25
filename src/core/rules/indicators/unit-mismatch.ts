/**
 * @fileoverview The unit a 三级 name asks for in brackets ("(次)", "(%)", "(个)") disagrees with the
 * units its value uses ("科普志愿者人数(个)" → "约300人"; a name ending in a count, 马踏镇 2023's
 * "村组干部230人" → "≥230个"), or the two value columns use different units (domain-rules §2.2,
 * §2.5 check 2). Near-synonyms (次/场, 人/名, 个/家) are accepted. In templates with a 计量单位 column
 * (岳阳楼区 2023), a value carrying a different unit of its own ("28.8万元" | "%") and a 定性 value
 * given a unit ("应保尽保" | "%") are flagged too.
 */
import { contentRows, loc, rowName, valueCells } from "../../indicators/cells";
import { ParsedName } from "../../indicators/name";
import { clip } from "../../indicators/quote";
import { nameUnit, unitsCompatible } from "../../indicators/units";
import { ParsedValue, parseValue } from "../../indicators/value";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { Cell } from "../../form/model";
import { Suggestion, defineRule } from "../types";

/** The value with each number in another unit written in `unit` instead (「约300人」 → 「约300个」), or null. */
function inUnit(p: ParsedValue, wanted: readonly string[], unit: string): string | null {
  let s = p.raw;
  let changed = false;
  for (const n of [...p.numbers].reverse()) {
    if (n.date || !n.unit || wanted.some((w) => unitsCompatible(w, n.unit!))) continue;
    const digits = /^[-−]?[\d.,]+/.exec(n.text)?.[0];
    const at = s.indexOf(n.text, n.index);
    if (!digits || at < 0) return null;
    s = s.slice(0, at) + digits + unit + s.slice(at + n.text.length);
    changed = true;
  }
  return changed ? s : null;
}

/** The name with the unit in its brackets replaced (「科普志愿者人数(个)」 → 「科普志愿者人数(人)」), or null. */
function nameInUnit(name: string, wanted: readonly string[], unit: string): string | null {
  const re = /([((])\s*([^()()]{1,6}?)\s*([))])/g;
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const u = nameUnit(m[2]);
    if (u && wanted.includes(u)) last = m;
  }
  if (!last) return null;
  return name.slice(0, last.index) + last[1] + unit + last[3] + name.slice(last.index + last[0].length);
}

function unitsOf(p: ParsedValue): string[] {
  const out: string[] = [];
  for (const n of p.numbers) if (!n.date && n.unit && !out.includes(n.unit)) out.push(n.unit);
  return out;
}

const COUNT_NOUN = /(人|户)数$/;
const ENDS_IN_COUNT = /\d\s*\D{1,4}$/;
const NONE: readonly string[] = [];

/** The unit of a count a name ends with ("村组干部230人" → 人, "…人数" → 人): the value should count the same. `parsed` is parseName(name). */
function countUnitOf(name: string, parsed: ParsedName): readonly string[] {
  // 保障村干部人数 | =42个 (棠溪 2022): a name ending in 人数 or 户数 counts people or households, as "(人数)" does.
  // A unit in brackets says it first: 科普志愿者人数(个) asks for 个.
  const noun = parsed.units.length === 0 ? COUNT_NOUN.exec(parsed.core) : null;
  if (noun) return [noun[1]];
  // Cheap test first: most names end in no number, and parsing every name would double the rule's cost.
  if (!ENDS_IN_COUNT.test(name)) return NONE;
  const p = parseValue(name);
  const last = p.numbers[p.numbers.length - 1];
  const end = name.trimEnd().normalize("NFKC").length;
  return last && !last.date && last.unit && last.index + last.text.length === end ? [last.unit] : NONE;
}

/** Whether the value uses a unit (dates aside) and none of them is one of `wanted`: unitsOf without the list. */
function usesOnlyOther(p: ParsedValue, wanted: readonly string[]): boolean {
  let any = false;
  for (const n of p.numbers) {
    if (n.date || !n.unit) continue;
    const u = n.unit;
    if (wanted.some((w) => unitsCompatible(w, u))) return false;
    any = true;
  }
  return any;
}

const sameMeasure = (a: string, b: string) => unitsCompatible(a, b) || unitsCompatible(b, a);

export default defineRule({
  meta: {
    id: "indicators/unit-mismatch",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "指标名称括号中(或名称末尾计数)的单位应与指标值的单位一致,实施周期指标值与年度指标值的单位一致;有计量单位栏时,指标值自带的单位应与之一致,定性指标值不带单位",
      en: "The unit in an indicator's name (in brackets or a count at its end) must match its value's unit, both value columns must agree, and where a unit column is printed the value's own unit must agree with it and a qualitative value takes none",
    },
    messages: {
      nameMismatch: {
        zh: "「{{name}}」要求单位「{{nameUnit}}」,指标值「{{text}}」用的却是「{{valueUnit}}」,请统一单位(改指标值,或改名称括号内的单位)",
        en: '"{{name}}" asks for "{{nameUnit}}" but the target "{{text}}" is in "{{valueUnit}}"; use one unit (change the value or the unit in the name)',
      },
      unitColumn: {
        zh: "指标值「{{text}}」自带单位「{{valueUnit}}」,计量单位栏却是「{{unit}}」,请统一单位",
        en: 'The target "{{text}}" carries its own unit "{{valueUnit}}" but the unit column says "{{unit}}"; use one unit',
      },
      gradeWithUnit: {
        zh: "定性指标值「{{text}}」不应带计量单位「{{unit}}」:请删去单位,或改为定量目标",
        en: 'The qualitative target "{{text}}" should carry no unit ("{{unit}}"): remove the unit or state a quantified target',
      },
      columnsDiffer: {
        zh: "实施周期指标值「{{period}}」与年度指标值「{{annual}}」单位不同({{periodUnit}} / {{annualUnit}}),请统一单位",
        en: 'The period target "{{period}}" and the annual target "{{annual}}" use different units ({{periodUnit}} / {{annualUnit}}); use one unit',
      },
    },
    defaultOptions: {},
    hasSuggestions: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      if (t.columns.unit !== undefined) {
        const unitCell = ctx.grid.cell(row.row, t.columns.unit);
        const own = parseValue(row.annual.value);
        const unit = unitCell.text;
        if (unit !== "" && !own.empty) {
          const ownUnits = unitsOf(own);
          const columnUnit = nameUnit(unit);
          if (ownUnits.length > 0 && columnUnit && !ownUnits.some((u) => sameMeasure(u, columnUnit))) {
            ctx.report({
              messageId: "unitColumn",
              data: { text: clip(own.raw), valueUnit: ownUnits.join("、"), unit },
              cells: [loc(row.annual), loc(unitCell)],
            });
            continue;
          }
          if (own.grade !== null && own.numbers.length === 0) {
            ctx.report({ messageId: "gradeWithUnit", data: { text: clip(own.raw), unit }, cells: [loc(row.annual), loc(unitCell)] });
            continue;
          }
        }
      }
      // Read-only, so the name's own list serves when the name ends in no count (most rows).
      const named = rowName(t, row);
      const counted = countUnitOf(row.name.text, named);
      const wanted = counted.length === 0 ? named.units : [...named.units, ...counted];
      const values = valueCells(t, row).filter((v) => !v.parsed.empty);
      if (wanted.length > 0) {
        const bad = values.filter((v) => usesOnlyOther(v.parsed, wanted));
        if (bad.length > 0) {
          const sheet = ctx.form.sheet;
          const name: Cell = row.name;
          const valueUnit = unitsOf(bad[0].parsed)[0];
          // Which unit is right only the user knows: the value in the name's unit, or the name in the value's.
          const suggestions = (): Suggestion[] => {
            const out: Suggestion[] = [];
            const unit = named.units[0] ?? wanted[0];
            const values = bad.map((v) => ({ cell: v.cell, value: rewritable(v.cell) ? inUnit(v.parsed, wanted, unit) : null }));
            if (values.every((v) => v.value !== null)) {
              const plan = setValuesPlan(
                sheet,
                { zh: `指标值改用「${unit}」`, en: `Write the target in "${unit}"` },
                values as { cell: Cell; value: string }[],
              );
              out.push({
                desc: {
                  zh: `指标值改用名称要求的单位「${unit}」:「${values[0].value}」`,
                  en: `Write the target in the name's unit "${unit}": "${values[0].value}"`,
                },
                plan,
              });
            }
            const renamed = valueUnit && rewritable(name) ? nameInUnit(name.text, wanted, valueUnit) : null;
            if (renamed) {
              const plan = setValuesPlan(sheet, { zh: `名称改用「${valueUnit}」`, en: `Put "${valueUnit}" in the name` }, [
                { cell: name, value: renamed },
              ]);
              out.push({
                desc: {
                  zh: `名称括号内的单位改为指标值的「${valueUnit}」:「${renamed}」`,
                  en: `Change the unit in the name to the target's "${valueUnit}": "${renamed}"`,
                },
                plan,
              });
            }
            return out;
          };
          ctx.report({
            suggestions,
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
      const p = values[0];
      const a = values[1];
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
