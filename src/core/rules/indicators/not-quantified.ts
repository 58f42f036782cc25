/**
 * @fileoverview A target value with no number, no date and no graded level ("按上级要求,落实…"):
 * it cannot be measured. 财预〔2015〕88号 asks for quantified targets, or, where that is impossible,
 * a graded qualitative statement (优/良/中/差, 好/较好/一般, 达成预期指标) — domain-rules §1.2, §2.2.
 * Pass/fail targets (通过, 合格, 达标, 是/否, 不超预算) count as graded. A bare number with no unit
 * anywhere ("1" where the explanation says 90%) is measurable only in name: a warning. A 时效 row is
 * left to indicators/timeliness-deadline, which says what a deadline should look like.
 */
import { contentRows, loc, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { hasTemplatePlaceholder } from "../../indicators/placeholders";
import { isUnmeasured } from "../../indicators/value";
import { fold } from "../../text";
import { rewritable, setValuesPlan } from "../../indicators/fix";
import { Cell } from "../../form/model";
import { Suggestion, defineRule } from "../types";

/** Graded statements the issuing documents accept where a number cannot be given (domain-rules §1.2). */
function gradedSuggestions(sheet: string, cells: Cell[], asksPercent: boolean): Suggestion[] {
  if (!cells.every(rewritable)) return [];
  const choices: { value: string; why: { zh: string; en: string } }[] = [
    { value: "达成预期指标", why: { zh: "分级定性表述", en: "a graded qualitative target" } },
    asksPercent
      ? { value: "＝100%", why: { zh: "全部完成", en: "all of it done" } }
      : { value: "优", why: { zh: "优/良/中/差 分级", en: "the 优/良/中/差 grades" } },
  ];
  return choices.map((c) => ({
    desc: { zh: `改为「${c.value}」(${c.why.zh})`, en: `Write "${c.value}" (${c.why.en})` },
    plan: setValuesPlan(
      sheet,
      { zh: `指标值改为「${c.value}」`, en: `Set the target to "${c.value}"` },
      cells.map((cell) => ({ cell, value: c.value })),
    ),
  }));
}

/** The words of a name or a value, without brackets, punctuation and the suffixes that only name the measure. */
function gist(s: string): string {
  return fold(s)
    .replace(/\([^()]*\)/g, "")
    .replace(/[\s,,。.、;;::!!??“”"'‘’《》<>*]/g, "")
    .replace(/(指标|情况|程度|水平|率|度)$/, "");
}

/** Whether a value is the indicator's own name written again (「设备正常运行 | 设备正常运行」). */
function restatesName(nameCore: string, value: string): boolean {
  const name = gist(nameCore);
  return name.length >= 2 && gist(value) === name;
}

export default defineRule({
  meta: {
    id: "indicators/not-quantified",
    category: "indicators",
    severity: "error",
    docs: {
      zh: "指标值应量化(运算符+数值+单位)或采用分级定性表述(优/良/中/差、达成预期指标)或通过/合格/达标/是否、不超预算等验证性目标;只有数字没有单位为警告;时效指标的写法由时效规则检查",
      en: "A target must be quantified (operator + number + unit), a graded level (优/良/中/差, 达成预期指标) or a pass/fail target (通过, 合格, 达标, 是/否, 不超预算); a bare number without a unit is a warning; 时效 values are the timeliness rule's",
    },
    messages: {
      notQuantified: {
        zh: "「{{text}}」没有可衡量的数值,请改为定量目标(如 ≥95%、≥2次、＝100%)或分级定性表述(优/良/中/差、达成预期指标)",
        en: '"{{text}}" has nothing measurable; state a quantified target (e.g. ≥95%, ≥2次, ＝100%) or a graded level (优/良/中/差, 达成预期指标)',
      },
      noUnit: {
        zh: "「{{text}}」只有数字、没有计量单位,无法判断目标是多少(次、个、%…):请写明单位,如 ≥{{number}}次、＝{{number}}%",
        en: '"{{text}}" is a bare number with no unit, so the target cannot be read (times, items, %…): state the unit, e.g. ≥{{number}}次 or ＝{{number}}%',
      },
      restatesName: {
        zh: "指标值「{{text}}」只是重复了指标名称,没有设定可衡量的目标:请写出目标值(如 ＝100%、≥N次)或分级定性表述(优/良/中/差、达成预期指标)",
        en: 'The target "{{text}}" only repeats the indicator\'s name and sets nothing measurable: state a target (＝100%, ≥N) or a graded level (优/良/中/差, 达成预期指标)',
      },
      errorValue: {
        zh: "指标值是错误值「{{text}}」(公式出错或引用失效),请检查公式或直接填写目标值",
        en: 'The target is the error value "{{text}}" (a broken formula or reference); fix the formula or type the target',
      },
    },
    defaultOptions: {},
    hasSuggestions: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const cells = valueCells(t, row);
      // An error value is a broken formula, not a wording problem: say so first.
      const broken = cells.filter((v) => v.parsed.errorValue);
      if (broken.length > 0) {
        ctx.report({ messageId: "errorValue", data: { text: broken[0].parsed.raw }, cells: broken.map((v) => loc(v.cell)) });
        continue;
      }
      if (row.level2 === "时效") continue;
      // A placeholder left from the template (「XX%」) is indicators/placeholder-left's: its message says what is wrong.
      const bad = cells.filter((v) => isUnmeasured(v.parsed) && !hasTemplatePlaceholder(v.parsed.raw));
      if (bad.length > 0) {
        // 「按期完工 | 按期完工」: the value names the indicator again (形式化, published-guidance §2, Z); say so.
        const restates = restatesName(rowName(t, row).core, bad[0].parsed.raw);
        const asksPercent = rowName(t, row).units.includes("%");
        ctx.report({
          messageId: restates ? "restatesName" : "notQuantified",
          data: { text: clip(bad[0].parsed.raw) },
          cells: bad.map((v) => loc(v.cell)),
          suggestions: () =>
            gradedSuggestions(
              ctx.form.sheet,
              bad.map((v) => v.cell),
              asksPercent,
            ),
        });
        continue;
      }
      // A unit in the name's brackets ("参加人次(人次)") or a percentage format gives the number its unit.
      if (rowName(t, row).units.length > 0) continue;
      const bare = cells.filter((v) => isBareNumber(v.parsed.raw));
      if (bare.length === 0) continue;
      // The example puts an operator before the number, so it quotes the number without the one written.
      const raw = bare[0].parsed.raw;
      const number = /[-−]?\d+(?:\.\d+)?/.exec(raw.normalize("NFKC"))![0];
      const name = rowName(t, row).core;
      ctx.report({
        messageId: "noUnit",
        severity: "warning",
        data: { text: clip(raw), number },
        cells: bare.map((v) => loc(v.cell)),
        // Never a fix: whether 1 means once or 100% only the user knows. A rate's bare 1 is most often 100%.
        suggestions: () =>
          unitSuggestions(
            ctx.form.sheet,
            bare.map((v) => v.cell),
            Number(number),
            /[率度比]/.test(name),
          ),
      });
    }
  },
});

function unitSuggestions(sheet: string, cells: Cell[], n: number, rate: boolean): Suggestion[] {
  if (!cells.every(rewritable) || !Number.isFinite(n)) return [];
  const percent = n > 0 && n <= 1 ? `＝${Math.round(n * 10000) / 100}%` : `≥${n}%`;
  const count = `≥${n}次`;
  const values = rate ? [percent, count] : [count, percent];
  return values.map((value) => ({
    desc: { zh: `写明单位:「${value}」`, en: `State the unit: "${value}"` },
    plan: setValuesPlan(
      sheet,
      { zh: `指标值改为「${value}」`, en: `Set the target to "${value}"` },
      cells.map((cell) => ({ cell, value })),
    ),
  }));
}

/** Only digits, maybe with an operator: "1", "≥230", "100". */
function isBareNumber(raw: string): boolean {
  return /^\s*(≥|≤|＝|＞|＜|>=|<=|=|>|<)?\s*[-−]?\d+(\.\d+)?\s*$/.test(raw.normalize("NFKC"));
}
