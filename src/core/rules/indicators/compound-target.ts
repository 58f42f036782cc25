/**
 * @fileoverview Two measures in one target: 「科普咨询活动2次,受众1200人」 (the example form),
 * 「培训100人次,人均成本≤500元」. A row is one indicator with one target (财预〔2020〕10号: each
 * 三级 indicator "分别设定具体的指标值"); two figures in different units cannot both be the row's
 * target, and the self-evaluation cannot score them as one. Same-unit figures (「3个乡镇10个村」, a
 * range 90%–95%) and dates are left alone.
 */
import { Grid } from "../../form/grid";
import { Cell, FormModel, IndicatorRow } from "../../form/model";
import { contentRows, loc, rowKind, valueCells } from "../../indicators/cells";
import { rewritable } from "../../indicators/fix";
import { clip } from "../../indicators/quote";
import { NumberHit } from "../../indicators/value";
import { setValue } from "../../plan/editPlan";
import { isInsertError, planInsertion } from "../../templates/insert";
import { draft } from "../../templates/suggest";
import { Suggestion, defineRule } from "../types";

/** What a count in a unit measures, for the drafted row's name: 1200人 → 受众人数(人). */
const MEASURE: Record<string, string> = {
  人: "人数",
  人次: "人次",
  次: "次数",
  场: "场次",
  篇: "篇数",
  个: "个数",
  期: "期数",
  户: "户数",
  家: "家数",
  项: "项数",
};
/** Words that only qualify the figure that follows them (约1200人, 达到95%). */
const QUALIFIER = /(约|大约|约为|达到|达|不低于|不少于|不高于|不超过|预计|预期|共|累计|计|为|≥|≤|>=|<=|＝|=|＞|＜|>|<)+$/;
const WRITTEN_OP = /(≥|≤|＝|>=|<=|=|＞|＜|>|<)\s*$/;
const OFFICIAL: Record<string, string> = {
  "≥": "≥",
  "≤": "≤",
  "＝": "＝",
  ">=": "≥",
  "<=": "≤",
  "=": "＝",
  "＞": "＞",
  "＜": "＜",
  ">": "＞",
  "<": "＜",
};
const LEADING = /^(组织|开展|举办|召开|实施|完成|其中|和|及|并|且)*的?(各种|各类|各项)?/;

/** The name a second measure gets as its own row: the words before its figure, and what the unit counts. */
function nameFor(text: string, h: NumberHit): string | null {
  const before =
    text
      .slice(0, h.index)
      .split(/[,,;;、。\s]/)
      .pop() ?? "";
  const noun = before.replace(QUALIFIER, "").replace(LEADING, "");
  if (noun.length < 2 || h.unit === null) return null;
  if (h.unit === "%" || h.unit === "元" || h.unit === "万元") return `${noun}(${h.unit})`;
  const measure = MEASURE[h.unit] ?? "数量";
  // 阅读量, 受益人数: the noun already names a measure.
  return `${noun.endsWith(measure) || /[量数率度]$/.test(noun) ? noun : noun + measure}(${h.unit})`;
}

/**
 * Split into two rows: the row keeps its first figure (with the operator of the indicator's
 * direction), and a drafted row in the same group takes the second. Offered only when every cell
 * holds the same text and the new row lands below this one (nothing this row's edits name moves).
 */
function splitSuggestion(form: FormModel, grid: Grid, row: IndicatorRow, cells: Cell[], first: NumberHit, second: NumberHit): Suggestion[] {
  if (!row.level1 || !row.level2 || !cells.every(rewritable) || new Set(cells.map((c) => c.text)).size !== 1) return [];
  // The row's own name may be the second figure's (「…受众人数约10000人次,科普日活动受益度95%」 under
  // 科普日活动受益度(%)): then the row keeps that one and the first becomes the new row.
  return splitOnce(form, grid, row, cells, first, second) ?? splitOnce(form, grid, row, cells, second, first) ?? [];
}

function splitOnce(
  form: FormModel,
  grid: Grid,
  row: IndicatorRow,
  cells: Cell[],
  first: NumberHit,
  second: NumberHit,
): Suggestion[] | null {
  const name = nameFor(cells[0].text, second);
  if (!name || !row.level1 || !row.level2) return null;
  const op = rowKind(form.indicators!, row, row.name.text).direction === "negative" ? "≤" : "≥";
  // The operator written before a figure stays its own (「人均成本≤50元」); else the row's direction.
  const written = (h: NumberHit) => OFFICIAL[WRITTEN_OP.exec(cells[0].text.slice(0, h.index))?.[1] ?? ""];
  const keep = `${written(first) ?? op}${first.text}`;
  const added = `${written(second) ?? (second.unit === "%" ? "≥" : op)}${second.text}`;
  const placement = { level1: row.level1, level2: row.level2 };
  const row2 = draft("draft.split", name, added, "quantitative", placement, placement, second.unit!, "split from a compound target");

  const insertion = planInsertion(form, grid, row2);
  if (isInsertError(insertion)) return null;
  // The drafted row must land below this one, or the row's own cells would move under its edits.
  if (insertion.edits.some((e) => (e.op === "insertRows" ? e.row <= row.row : e.op === "setValue" && e.row === row.row))) return null;
  return [
    {
      desc: {
        zh: `拆成两个指标:本行改为「${keep}」,并新增「${name}」${added}`,
        en: `Split into two indicators: this row becomes "${keep}" and a new row "${name}" ${added} is added`,
      },
      plan: {
        title: { zh: `拆分复合目标「${clip(cells[0].text)}」`, en: `Split the compound target "${clip(cells[0].text)}"` },
        edits: [...cells.map((c) => setValue({ sheet: form.sheet, row: c.row, col: c.col }, keep, c.value)), ...insertion.edits],
      },
    },
  ];
}

export default defineRule({
  meta: {
    id: "indicators/compound-target",
    category: "indicators",
    severity: "warning",
    hasSuggestions: true,
    docs: {
      zh: "一个指标值里写了两个不同单位的目标(如「活动2次,受众1200人」):应拆成两个三级指标,各写一个目标值",
      en: "One target holds two measures in different units (「活动2次,受众1200人」): split it into two indicators, one target each",
    },
    messages: {
      compound: {
        zh: "指标值「{{text}}」包含两个目标({{first}}、{{second}}):请拆成两个三级指标,每个指标只写一个目标值",
        en: 'The target "{{text}}" holds two targets ({{first}}, {{second}}): split it into two indicators with one target each',
      },
    },
    defaultOptions: {},
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    for (const row of contentRows(t)) {
      const hits = valueCells(t, row).flatMap((v) => {
        const quantities = v.parsed.numbers.filter((h) => !h.date && h.unit !== null);
        const second = quantities.find((h) => h.unit !== quantities[0]?.unit);
        return second ? [{ v, first: quantities[0], second }] : [];
      });
      if (hits.length === 0) continue;
      ctx.report({
        messageId: "compound",
        data: { text: clip(hits[0].v.parsed.raw, 30), first: hits[0].first.text, second: hits[0].second.text },
        cells: hits.map((h) => loc(h.v.cell)),
        suggestions: () =>
          splitSuggestion(
            ctx.form,
            ctx.grid,
            row,
            hits.map((h) => h.v.cell),
            hits[0].first,
            hits[0].second,
          ),
      });
    }
  },
});
