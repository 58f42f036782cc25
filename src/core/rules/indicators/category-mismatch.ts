/**
 * @fileoverview An indicator whose wording belongs under another 二级 (domain-rules §1.3 相关性:
 * "a 满意度 indicator under 满意度指标, a deadline under 时效指标"): 满意度 outside 满意度指标,
 * timeliness under 数量, quality rates under 数量, 执行率 or costs under 效益, and non-satisfaction
 * measures under 满意度. Heuristic, so a warning that says where the row belongs.
 */
import { IndicatorRow, IndicatorTable } from "../../form/model";
import { contentRows, loc, rowName, valueCells } from "../../indicators/cells";
import { clip } from "../../indicators/quote";
import { Message, defineRule } from "../types";

const TIMELY = /(及时|按时|按期|准时|期限|时限|时间节点|完成时间|截止|进度|时效$)/;
/** Under 质量 only what is plainly about time: 按时发放 (马踏镇 2023), …的供应时效. 维修及时率 under
 * 质量 is common and left alone. */
const PLAINLY_TIMELY = /^(按时|按期|准时)|时效$/;
/** An effect of cost control (对控制基建项目成本影响程度, 棠溪 2022) is a benefit, not a cost. */
const EFFECT = /(影响|效果|作用)/;
// 成活率 (同心 2023 种植作物成活率 under 数量) is how well the planting went, not how much.
const QUALITY_RATE = /(合格|达标|优良|准确|完好|正确|差错|合规|成活|存活)率/;
const COST = /(成本|费用|经费|三公|接待费|公务用车|运行费)/;
const SAVING = /(节约|节省|节支|下降|降低|减少|压减)/;
const SATISFACTION_LIKE = /(满意|投诉|好评|评价|认可)/;

const SATISFACTION = /满意/;
const TIME = /时间/;
const EXECUTION_RATE = /执行率/;

/** Whether a value of the row is a date and nothing else: asked only of a 数量 row that names a time. */
const isDate = (t: IndicatorTable, row: IndicatorRow) => valueCells(t, row).some((v) => v.parsed.date !== null && v.parsed.main === null);

function homeOf(t: IndicatorTable, row: IndicatorRow, core: string): Message | null {
  if (SATISFACTION.test(core) && row.level1 !== null && row.level1 !== "满意度") {
    return { zh: "满意度指标(服务对象满意度指标)", en: "satisfaction indicators (服务对象满意度指标)" };
  }
  if (
    (row.level2 === "数量" && (TIMELY.test(core) || (TIME.test(core) && isDate(t, row)))) ||
    (row.level2 === "质量" && PLAINLY_TIMELY.test(core))
  ) {
    return { zh: "时效指标", en: "timeliness indicators (时效指标)" };
  }
  if (row.level2 === "数量" && QUALITY_RATE.test(core)) return { zh: "质量指标", en: "quality indicators (质量指标)" };
  if (row.level1 === "效益" && EXECUTION_RATE.test(core)) {
    return { zh: "产出指标(质量或时效指标)", en: "output indicators (quality or timeliness, 产出指标)" };
  }
  if (row.level1 === "效益" && COST.test(core) && !SAVING.test(core) && !EFFECT.test(core)) {
    return t.costIsLevel1
      ? { zh: "成本指标", en: "cost indicators (成本指标)" }
      : { zh: "产出指标下的成本指标", en: "cost indicators under outputs (成本指标)" };
  }
  if (row.level1 === "满意度" && !SATISFACTION_LIKE.test(core)) {
    return { zh: "产出指标或效益指标", en: "output or benefit indicators (产出指标 / 效益指标)" };
  }
  return null;
}

export default defineRule({
  meta: {
    id: "indicators/category-mismatch",
    category: "indicators",
    severity: "warning",
    docs: {
      zh: "三级指标应放在对应的二级指标下(满意度放满意度指标,时间节点放时效指标,合格率放质量指标,成本放成本指标)",
      en: "Indicators belong under the matching category (satisfaction under 满意度, deadlines under 时效, pass rates under 质量, costs under 成本)",
    },
    messages: {
      misplaced: {
        zh: "「{{name}}」应属于{{target}},却填在「{{level}}」下,请移到{{target}}",
        en: '"{{name}}" belongs under {{targetEn}} but sits under "{{level}}"; move it there',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const core = rowName(t, row).core;
      if (core === "") continue;
      const home = homeOf(t, row, core);
      if (!home) continue;
      ctx.report({
        messageId: "misplaced",
        data: { name: clip(row.name.text), target: home.zh, targetEn: home.en, level: row.level2Text || row.level1Text },
        cells: [loc(row.name)],
      });
    }
  },
});
