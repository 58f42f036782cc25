/**
 * @fileoverview Required fields of the form left empty (完整性): 部门名称, both head counts, every
 * amount the form prints, and 总体绩效目标 (with a warning when it is too short to say anything).
 * Points at the empty value cell, where the user types; a row the form lacks entirely points at the
 * form's top-left cell.
 */
import { AmountKey, Field, FormKind, FormModel, ProjectFields } from "../../form/model";
import { CellLoc, Message, Report, Suggestion, defineRule } from "../types";
import { formAmount } from "../util/formAmounts";
import { setValue } from "../../plan/editPlan";
import { AMOUNT_NAMES, printedName } from "../util/amountNames";
import { numberOption } from "../util/options";
import { valueCellOf } from "../util/valueCell";

/** Amounts every variant of the form prints; the others (合计, 事业发展性, 按预算级次划分) are checked only where printed. */
const REQUIRED_AMOUNTS: AmountKey[] = ["basic", "project", "fiscal", "otherFunds"];

const DEPARTMENT_GOAL = { label: "总体绩效目标", labelEn: "overall performance goal", whose: "部门整体", whoseEn: "the department" };

type Messages = "emptyField" | "emptyAmount" | "goalEmpty" | "goalShort" | "missingLabel";

interface Pending {
  at: CellLoc;
  messageId: Messages;
  data: Record<string, string | number>;
  severity?: "warning";
  suggestions?: () => Suggestion[];
}

/** Each way the form's other amounts give an empty one: basic + project = total = fiscal + other funds = income total. */
const EQUATIONS: Partial<Record<AmountKey, { plus: AmountKey[]; minus: AmountKey[] }[]>> = {
  basic: [
    { plus: ["total"], minus: ["project"] },
    { plus: ["fiscal", "otherFunds"], minus: ["project"] },
  ],
  project: [
    { plus: ["total"], minus: ["basic"] },
    { plus: ["fiscal", "otherFunds"], minus: ["basic"] },
  ],
  total: [{ plus: ["basic", "project"], minus: [] }],
  incomeTotal: [{ plus: ["fiscal", "otherFunds"], minus: [] }],
  fiscal: [
    { plus: ["basic", "project"], minus: ["otherFunds"] },
    { plus: ["incomeTotal"], minus: ["otherFunds"] },
  ],
  otherFunds: [
    { plus: ["basic", "project"], minus: ["fiscal"] },
    { plus: ["incomeTotal"], minus: ["fiscal"] },
  ],
};

/** The value the form's other amounts give an empty one, by the first equation all of whose terms are filled. */
function computedAmount(form: FormModel, key: AmountKey): { value: number; from: string } | null {
  for (const eq of EQUATIONS[key] ?? []) {
    const terms = [...eq.plus, ...eq.minus].map((k) => formAmount(form, k));
    if (terms.some((t) => t === null)) continue;
    const cents = (k: AmountKey) => Math.round(formAmount(form, k)!.value * 100);
    const value = (eq.plus.reduce((n, k) => n + cents(k), 0) - eq.minus.reduce((n, k) => n + cents(k), 0)) / 100;
    if (value < 0) continue;
    const name = (k: AmountKey) => AMOUNT_NAMES[k].zh;
    return { value, from: `${eq.plus.map(name).join(" + ")}${eq.minus.map((k) => ` − ${name(k)}`).join("")}` };
  }
  return null;
}

export default defineRule({
  meta: {
    id: "required/field-empty",
    category: "required",
    severity: "error",
    docs: {
      zh: "必填项为空:部门名称、财政供养人员数、下属二级单位数、表中列出的各项金额、总体绩效目标(过短时提示);项目表为项目名称、主管部门、实施单位、资金总额、年度目标(只查表上印有的栏目)",
      en: "A required field is empty: department name, both head counts, every amount the form prints, the overall goal (too short: a warning); on a project form the project name, supervising department, implementing unit, funds totals and annual goal (only those it prints)",
    },
    messages: {
      emptyField: {
        zh: "「{{label}}」未填写:请在此单元格填写{{hint}}",
        en: '"{{label}}" ({{labelEn}}) is empty: enter {{hintEn}} in this cell',
      },
      emptyAmount: {
        zh: "「{{label}}」金额未填写,相关勾稽无法核对:请填写金额(万元,两位小数),没有时填 0.00",
        en: 'The amount "{{label}}" ({{labelEn}}) is empty, so the related totals cannot be checked: enter it (10k yuan, 2 decimals), 0.00 if none',
      },
      goalEmpty: {
        zh: "「{{label}}」未填写:请概述本年度{{whose}}要达到的产出和效果",
        en: "The {{labelEn}} is empty: summarise the outputs and effects {{whoseEn}} aims for this year",
      },
      goalShort: {
        zh: "「{{label}}」只有 {{length}} 个字(少于 {{min}} 字):请写明本年度主要任务及要达到的产出和效果",
        en: "The {{labelEn}} has only {{length}} characters (fewer than {{min}}): state the year's main tasks and the outputs and effects aimed for",
      },
      missingLabel: {
        zh: "申报表缺少「{{label}}」:请按模板补上这些栏目并填写",
        en: 'The form lacks "{{label}}" ({{labelEn}}): add these rows as in the template and fill them in',
      },
    },
    defaultOptions: { minGoalLength: 20 },
    hasSuggestions: true,
    optionSchema: { minGoalLength: { integer: true } },
    optionDocs: {
      minGoalLength: {
        zh: "总体绩效目标的最少字数(不计空白),少于此数给出警告;默认 20",
        en: "Fewest characters (white space not counted) for the overall goal before a warning; default 20",
      },
    },
  },
  check(ctx) {
    const { form } = ctx;
    const minGoal = numberOption(ctx.options.minGoalLength, 20);
    const top: CellLoc = { row: form.top, col: form.left };
    const pending: Pending[] = [];
    if (form.kind !== "department") {
      if (form.project) projectFields(form.kind, form.project, pending);
      report(ctx, pending);
      return;
    }
    // Every absent row points at the same top-left cell: one finding names them all, not one each.
    const absent: Message[] = [];
    const missing = (name: Message) => absent.push(name);

    const texts: { field: Field | null; name: Message; hint: Message }[] = [
      {
        field: form.department,
        name: { zh: "部门名称", en: "department name" },
        hint: { zh: "部门(单位)全称", en: "the department's full name" },
      },
      {
        field: form.headcount,
        name: { zh: "财政供养人员数", en: "headcount" },
        hint: { zh: "人数(整数,没有时填 0)", en: "the number of staff (0 if none)" },
      },
      {
        field: form.subUnits,
        name: { zh: "下属二级单位数", en: "subordinate units" },
        hint: { zh: "单位数(整数,没有时填 0)", en: "the number of units (0 if none)" },
      },
    ];
    // Templates print the two head counts together, the amounts by side: a form that prints none of
    // a group (a provincial layout) is not asked for it; one that prints part of it is.
    const headcounts = !!(form.headcount || form.subUnits);
    const printed = (keys: AmountKey[]) => keys.some((k) => form.amounts[k]);
    const expenditure = printed(["basic", "project", "total"]);
    const income = printed(["fiscal", "otherFunds", "incomeTotal"]);
    for (const { field, name, hint } of texts) {
      if (!field) {
        if (name.zh === "部门名称" || headcounts) missing(name);
      } else if (isEmpty(field)) {
        pending.push({
          at: valueCellOf(field),
          messageId: "emptyField",
          data: { label: name.zh, labelEn: name.en, hint: hint.zh, hintEn: hint.en },
        });
      }
    }

    for (const key of REQUIRED_AMOUNTS) {
      const side = key === "basic" || key === "project" ? expenditure : income;
      if (!form.amounts[key] && side) missing(AMOUNT_NAMES[key]);
    }
    for (const f of Object.values(form.amounts)) {
      // A provincial layout told by its title: an empty 其他资金 there is none, as its reviewers read it.
      if (!f || f.amount.state !== "empty" || form.lenient) continue;
      const at = valueCellOf(f);
      const key = f.key;
      pending.push({
        at,
        messageId: "emptyAmount",
        data: { label: printedName(f), labelEn: AMOUNT_NAMES[key].en },
        // The form holds the answer elsewhere (a total and the other part): offered, since one of those may be the wrong one.
        suggestions: () => {
          const c = computedAmount(form, key);
          // No value cell of its own (the label stands alone): nowhere to write.
          if (!c || !f.value || f.value.row !== at.row || f.value.col !== at.col) return [];
          const shown = c.value.toFixed(2);
          return [
            {
              desc: { zh: `填入 ${shown}(= ${c.from})`, en: `Enter ${shown} (from the form's other amounts)` },
              plan: {
                title: { zh: `填入 ${shown} 万元`, en: `Enter ${shown} (10k yuan)` },
                edits: [setValue({ sheet: form.sheet, row: at.row, col: at.col }, c.value, null)],
              },
            },
          ];
        },
      });
    }

    const goal = form.overallGoal;
    if (!goal) missing({ zh: "总体绩效目标", en: "overall performance goal" });
    else if (!goal.value || isEmpty(goal)) pending.push({ at: valueCellOf(goal), messageId: "goalEmpty", data: { ...DEPARTMENT_GOAL } });
    else {
      const length = [...goal.value.text.replace(/\s+/g, "")].length;
      if (length < minGoal)
        pending.push({
          at: valueCellOf(goal),
          messageId: "goalShort",
          severity: "warning",
          data: { ...DEPARTMENT_GOAL, length, min: minGoal },
        });
    }

    // A form told by its title alone prints fewer rows: only what it prints is demanded.
    if (absent.length > 0 && !form.lenient) {
      pending.push({
        at: top,
        messageId: "missingLabel",
        data: { label: absent.map((n) => n.zh).join("、"), labelEn: absent.map((n) => n.en).join(", ") },
      });
    }
    report(ctx, pending);
  },
});

function report(ctx: { report(r: Report<Messages>): void }, pending: Pending[]): void {
  // Reading order of where each finding points, so the list follows the form top to bottom.
  pending.sort((a, b) => a.at.row - b.at.row || a.at.col - b.at.col);
  for (const p of pending)
    ctx.report({
      messageId: p.messageId,
      data: p.data,
      cells: [p.at],
      ...(p.severity ? { severity: p.severity } : {}),
      ...(p.suggestions ? { suggestions: p.suggestions } : {}),
    });
}

/**
 * A project form (or a project's self-evaluation) demands only the fields it prints: 项目名称,
 * 主管部门, 实施单位, and on a target form the funds totals and the 年度目标. A field whose value
 * could not be placed (a label with another label right after it and nothing below) is not judged.
 */
function projectFields(kind: FormKind, p: ProjectFields, pending: Pending[]): void {
  const texts: { field: Field | null; name: Message; hint: Message }[] = [
    { field: p.name, name: { zh: "项目名称", en: "project name" }, hint: { zh: "项目全称", en: "the project's full name" } },
    {
      field: p.department,
      name: { zh: "主管部门", en: "supervising department" },
      hint: { zh: "主管部门全称", en: "the supervising department's full name" },
    },
    {
      field: p.implementer,
      name: { zh: "实施单位", en: "implementing unit" },
      hint: { zh: "实施单位全称", en: "the implementing unit's full name" },
    },
  ];
  for (const { field, name, hint } of texts) {
    if (!field || !field.value || !isEmpty(field)) continue;
    const label = field.label.text.replace(/\s+/g, "") || name.zh;
    pending.push({ at: valueCellOf(field), messageId: "emptyField", data: { label, labelEn: name.en, hint: hint.zh, hintEn: hint.en } });
  }
  if (kind !== "project") return;
  for (const block of p.funds) {
    const t = block.total;
    if (!t || t.amount.state !== "empty") continue;
    pending.push({
      at: valueCellOf(t),
      messageId: "emptyAmount",
      data: { label: t.label.text.replace(/\s+/g, ""), labelEn: "funds total" },
    });
  }
  const goal = p.annualGoal;
  if (goal && goal.value) {
    const length = [...goal.value.text.replace(/\s+/g, "")].length;
    const data = { label: goal.label.text.replace(/\s+/g, ""), labelEn: "annual goal", whose: "项目", whoseEn: "the project" };
    if (length === 0) pending.push({ at: valueCellOf(goal), messageId: "goalEmpty", data });
    // No length floor here: a project's 年度目标 may rightly be one line (完成项目主体工程70%); the
    // indicators carry the measures.
  }
}

function isEmpty(f: Field): boolean {
  return !f.value || f.value.text === "";
}
