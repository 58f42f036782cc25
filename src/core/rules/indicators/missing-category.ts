/**
 * @fileoverview Indicator categories left without any 三级 indicator (domain-rules §2.1):
 * - 产出 / 效益 / 满意度, and 成本 where the layout prints it as a 一级: error;
 * - 产出 without any 数量 / 质量 / 时效 indicator: warning naming the group;
 * - a printed 二级 row left empty: warning, fill it or delete it.
 * One gap is reported once: an empty printed 时效 row gives only the empty-row finding, and an
 * empty 一级 gives only the 一级 finding (its empty rows are listed as further cells).
 * 效益 needs one of its 二级, never all four.
 */
import { Cell, IndicatorRow, Level1, Level2 } from "../../form/model";
import { contentRows, loc } from "../../indicators/cells";
import { templateIdsFor } from "../../templates/suggest";
import { findTemplate } from "../../templates/catalogue";
import { isInsertError, planInsertion } from "../../templates/insert";
import { setValue } from "../../plan/editPlan";
import { Grid } from "../../form/grid";
import { FormModel } from "../../form/model";
import { Message, Suggestion, defineRule } from "../types";

const MAX_SUGGESTED = 3;

/** Each catalogue template offered, as the plan that fills the empty row (or inserts a row) with it. */
function templateSuggestions(form: FormModel, grid: Grid, ids: string[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const id of ids) {
    const t = findTemplate(id);
    if (!t) continue;
    const plan = planInsertion(form, grid, t);
    if (isInsertError(plan)) continue;
    const check = t.needsValue
      ? { zh: "(数值为示例,请按实际修改)", en: " (the number is an example: put in your own)" }
      : { zh: "", en: "" };
    out.push({
      desc: { zh: `按模板填写「${t.name}」${t.annual}${check.zh}`, en: `Fill in from the template "${t.name}" ${t.annual}${check.en}` },
      plan,
      draft: t,
    });
    if (out.length >= MAX_SUGGESTED) break;
  }
  return out;
}

const LEVEL1_NAMES: Record<Level1, Message> = {
  产出: { zh: "产出指标", en: "output indicators (产出指标)" },
  效益: { zh: "效益指标", en: "benefit indicators (效益指标)" },
  满意度: { zh: "满意度指标", en: "satisfaction indicators (满意度指标)" },
  成本: { zh: "成本指标", en: "cost indicators (成本指标)" },
};

const OUTPUT_GROUPS: { level: Level2; name: Message }[] = [
  { level: "数量", name: { zh: "数量指标", en: "quantity indicators (数量指标)" } },
  { level: "质量", name: { zh: "质量指标", en: "quality indicators (质量指标)" } },
  { level: "时效", name: { zh: "时效指标", en: "timeliness indicators (时效指标)" } },
];

/** The 二级 that close their 一级 in the templates' order. */
const GROUP_ENDS = new Set<Level2>(["成本", "可持续影响", "服务对象满意度", "生态环境成本"]);

const same = (a: Cell | null, b: Cell | null) => a !== null && b !== null && a.row === b.row && a.col === b.col;

export default defineRule({
  meta: {
    id: "indicators/missing-category",
    category: "indicators",
    severity: "error",
    docs: {
      zh: "产出、效益、满意度(及单列为一级的成本)指标至少各有一条三级指标,整个一级没有指标为错误;产出缺数量、质量或时效指标,或印出的二级行是空的(应填写或删除),为警告",
      en: "Outputs, benefits and satisfaction (and cost when it is a top-level category) each need an indicator: a whole category without one is an error; outputs lacking quantity, quality or timeliness, or an empty printed row (fill or delete it), is a warning",
    },
    messages: {
      missingLevel1: {
        zh: "缺少{{level}}:该一级指标下没有任何三级指标,请至少填写一条(三级指标名称及指标值)",
        en: "No {{levelEn}}: there is no indicator under this category; add at least one (name and target value)",
      },
      missingGroup: {
        zh: "产出指标缺少{{group}}:产出指标应含数量、质量、时效指标,请补充一条{{group}}",
        en: "Outputs have no {{groupEn}}: outputs should cover quantity, quality and timeliness; add one",
      },
      emptyGroup: {
        zh: "「{{group}}」一行是空的:请填写三级指标和指标值,或删除该行",
        en: 'The "{{group}}" row is empty: fill in an indicator and its target, or delete the row',
      },
    },
    defaultOptions: {},
    hasSuggestions: true,
  },
  check(ctx) {
    const t = ctx.form.indicators;
    if (!t) return;
    const filled = contentRows(t);
    const empty = t.rows.filter((r) => r.emptyGroup);
    const covered = new Set<IndicatorRow>();
    const header: Cell = { row: t.headerRow, col: t.columns.level1, value: null, text: "" };

    const required: Level1[] = ["产出", "效益", "满意度", ...(t.costIsLevel1 ? (["成本"] as Level1[]) : [])];
    // A copy cut short (the table ends the sheet before 满意度) is judged only as far as it goes: the
    // categories after its last one, and the groups of that last one, may be on the part not copied.
    // On the department form, which a user fills in the add-in itself, a table ending after a whole
    // group (可持续影响, 成本) at the foot of the sheet lacks what follows; only one stopping inside a
    // group (社会效益 with 生态 and 可持续影响 still to come) is a copy cut short.
    const last = t.rows.length > 0 ? t.rows[t.rows.length - 1] : null;
    const lastLevel1 = last ? last.level1 : null;
    const endsGroup = !!last && (last.level2 === null || GROUP_ENDS.has(last.level2));
    const cutShort = t.cutShort === true && (ctx.form.kind !== "department" || !endsGroup);
    const reached = new Set(t.rows.map((r) => r.level1));
    for (const level of required) {
      if (filled.some((r) => r.level1 === level)) continue;
      if (cutShort && !reached.has(level)) continue;
      const printed = empty.filter((r) => r.level1 === level);
      printed.forEach((r) => covered.add(r));
      const anchor = printed.find((r) => r.level1Cell)?.level1Cell ?? printed[0]?.level2Cell ?? header;
      const cells = [anchor, ...printed.map((r) => r.level2Cell).filter((c): c is Cell => c !== null && !same(c, anchor))];
      const name = LEVEL1_NAMES[level];
      ctx.report({
        messageId: "missingLevel1",
        data: { level: name.zh, levelEn: name.en },
        cells: cells.map(loc),
        templates: templateIdsFor(level),
        suggestions: () => templateSuggestions(ctx.form, ctx.grid, templateIdsFor(level)),
      });
    }

    const outputs = filled.filter((r) => r.level1 === "产出");
    // A table whose one category column holds 一级 names only (舒城 2023) has no 二级 to ask for.
    const noLevel2 = t.columns.level1 === t.columns.level2 && t.rows.every((r) => r.level2 === null);
    if (outputs.length > 0 && !(cutShort && (lastLevel1 === "产出" || lastLevel1 === "成本")) && !noLevel2) {
      const anchor = outputs.find((r) => r.level1Cell)?.level1Cell ?? outputs[0].name;
      for (const g of OUTPUT_GROUPS) {
        if (outputs.some((r) => r.level2 === g.level)) continue;
        // A printed but empty row of this group is reported below, as an empty row.
        if (empty.some((r) => r.level1 === "产出" && r.level2 === g.level)) continue;
        ctx.report({
          messageId: "missingGroup",
          severity: "warning",
          data: { group: g.name.zh, groupEn: g.name.en },
          cells: [loc(anchor)],
          templates: templateIdsFor("产出", g.level),
          suggestions: () => templateSuggestions(ctx.form, ctx.grid, templateIdsFor("产出", g.level)),
        });
      }
    }

    for (const r of empty) {
      if (covered.has(r)) continue;
      const label = r.level2Cell;
      // The label of a group whose indicators follow on later rows is not an empty group.
      if (!label || filled.some((f) => same(f.level2Cell, label))) continue;
      ctx.report({
        messageId: "emptyGroup",
        severity: "warning",
        data: { group: r.level2Text },
        cells: [loc(label)],
        templates: templateIdsFor(r.level1, r.level2),
        suggestions: () => {
          const out = templateSuggestions(ctx.form, ctx.grid, templateIdsFor(r.level1, r.level2));
          // Clearing the label leaves a blank line (Excel deletes rows, a fix never does): the group is gone.
          const m = ctx.grid.merge(label.row, label.col);
          // 产出's 数量 / 质量 / 时效 are each required: removing one only trades this warning for another.
          // The table's last row is what tells a copy cut short from a finished table (棠溪 2022 ends on an
          // empty 经济效益 row): clearing it would change how the rest of the table is judged.
          if (r.level1 !== "产出" && label.row === r.row && r.row !== t.lastRow && (!m || m.top === m.bottom)) {
            out.push({
              desc: {
                zh: `删去空行的「${label.text}」(不需要该类指标时;空行可在表格中整行删除)`,
                en: `Remove "${label.text}" from the empty row (when the group is not needed; delete the blank row in the sheet)`,
              },
              plan: {
                title: { zh: `删去空行「${label.text}」`, en: `Remove the empty "${label.text}" row` },
                edits: [setValue({ sheet: ctx.form.sheet, row: label.row, col: label.col }, null, label.value)],
              },
            });
          }
          return out;
        },
      });
    }
  },
});
