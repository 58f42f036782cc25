/**
 * What the checker read of a form, in the words of the people who fill it: which kind of form, on
 * which sheet, where its indicator table is and which columns hold the targets. Shown by the CLI
 * (text and JSON), the pane's summary and the 校验报告 sheet, so a user can see why a form was or was
 * not read the way they expected.
 */
import { columnName } from "../a1";
import { Message } from "../i18n";
import { describe } from "./describe";
import { FormKind, FormModel } from "./model";

/** Short names, for a 类型 column. */
export const FORM_KIND_NAMES: Record<FormKind, Message> = {
  department: { zh: "部门整体", en: "Department" },
  project: { zh: "项目", en: "Project" },
  "self-evaluation": { zh: "自评", en: "Self-evaluation" },
};

export interface FormInfo {
  kind: FormKind;
  sheet: string;
  /** The printed title, "" when none was found. */
  title: string;
  /** 项目名称 as filled in ("" when the kind has none or it is empty). */
  project: string;
  /** 部门名称 (or the project's 主管部门 / 单位) as filled in; "" when empty. */
  department: string;
  /** 1-based row of the indicator table's header; null when no indicator table was read. */
  indicatorHeaderRow: number | null;
  /** How many indicator rows were read. */
  indicatorRows: number;
  /** Columns (A1 letters) holding the targets: 实施期 first when printed, then 年度 / 指标值. */
  valueColumns: string[];
}

const text = (f: { value: { text: string } | null } | null | undefined) => f?.value?.text.trim() ?? "";

export function formInfo(model: FormModel): FormInfo {
  const t = model.indicators;
  const cols = t ? [t.columns.period, t.columns.annual].filter((c): c is number => c !== null) : [];
  return {
    kind: model.kind,
    sheet: model.sheet,
    title: model.title?.text.trim() ?? "",
    project: text(model.project?.name),
    // A project form names its 主管部门 (or 实施单位) in its own block.
    department: text(model.department) || text(model.project?.department) || text(model.project?.implementer),
    indicatorHeaderRow: t ? t.headerRow + 1 : null,
    indicatorRows: t ? t.rows.length : 0,
    valueColumns: [...new Set(cols)].map(columnName),
  };
}

/** The name a reviewer tells forms apart by: the project's for a project form, else the department's. */
export function formName(info: FormInfo): string {
  return (info.kind !== "department" && info.project) || info.department;
}

/**
 * One line: kind and name · sheet · indicator table and value columns (the recognition's own
 * description, with the name a reviewer tells forms apart by).
 */
export function whatWasRead(model: FormModel): Message {
  const d = describe(model);
  const name = formName(formInfo(model));
  if (!name) return d;
  const withName = (text: string, quoted: string) => {
    const [kind, ...rest] = text.split(" · ");
    return [kind + quoted, ...rest].join(" · ");
  };
  return { zh: withName(d.zh, `「${name}」`), en: withName(d.en, ` "${name}"`) };
}
