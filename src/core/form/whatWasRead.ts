/**
 * What the checker read of a form, in the words of the people who fill it: which kind of form, on
 * which sheet, where its indicator table is and which columns hold the targets. Shown by the CLI
 * (text and JSON), the pane's summary and the 校验报告 sheet, so a user can see why a form was or was
 * not read the way they expected.
 */
import { columnName } from "../a1";
import { Catalogue, Message, bilingual } from "../i18n";
import { FormKind, FormModel } from "./model";

/** Short names, for a 类型 column. */
export const FORM_KIND_NAMES: Record<FormKind, Message> = {
  department: { zh: "部门整体", en: "Department" },
  project: { zh: "项目", en: "Project" },
  "self-evaluation": { zh: "自评", en: "Self-evaluation" },
};

/** Full names, for a sentence. */
const KIND_LONG: Record<FormKind, Message> = {
  department: { zh: "部门整体绩效目标表", en: "department-wide target form" },
  project: { zh: "项目支出绩效目标表", en: "project target form" },
  "self-evaluation": { zh: "绩效自评表", en: "self-evaluation table" },
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

interface NamedField {
  value?: { text?: string } | null;
}

/**
 * 项目名称 of a project form or its 自评表. Read structurally, so it works whatever else the project
 * block holds: `project.name` is a labelled field like 部门名称.
 */
function projectName(model: FormModel): string {
  const project = (model as { project?: { name?: NamedField | null } }).project;
  return project?.name?.value?.text?.trim() ?? "";
}

export function formInfo(model: FormModel): FormInfo {
  const t = model.indicators;
  const cols = t ? [t.columns.period, t.columns.annual].filter((c): c is number => c !== null) : [];
  return {
    kind: model.kind,
    sheet: model.sheet,
    title: model.title?.text.trim() ?? "",
    project: projectName(model),
    department: model.department?.value?.text.trim() ?? "",
    indicatorHeaderRow: t ? t.headerRow + 1 : null,
    indicatorRows: t ? t.rows.length : 0,
    valueColumns: [...new Set(cols)].map(columnName),
  };
}

/** The name a reviewer tells forms apart by: the project's for a project form, else the department's. */
export function formName(info: FormInfo): string {
  return (info.kind !== "department" && info.project) || info.department;
}

const READ = {
  named: {
    zh: (kind: Message, name: string) => `${kind.zh}${name ? `「${name}」` : ""}`,
    en: (kind: Message, name: string) => `${kind.en}${name ? ` "${name}"` : ""}`,
  },
  table: {
    zh: (header: number, rows: number, cols: string[]) =>
      `指标表第 ${header} 行起,${rows} 行指标,指标值在 ${cols.length ? cols.join("、") : "?"} 列`,
    en: (header: number, rows: number, cols: string[]) =>
      `indicator table from row ${header}, ${rows} indicator row${rows === 1 ? "" : "s"}, targets in column${cols.length === 1 ? "" : "s"} ${cols.length ? cols.join(", ") : "?"}`,
  },
  noTable: { zh: "未读到绩效指标表", en: "no indicator table read" },
  sheet: { zh: (sheet: string) => `工作表「${sheet}」`, en: (sheet: string) => `sheet "${sheet}"` },
} satisfies Catalogue;

/** One line: kind and name · sheet · indicator table and value columns. */
export function whatWasRead(info: FormInfo): Message {
  const parts: Message[] = [
    bilingual(READ.named, KIND_LONG[info.kind], formName(info)),
    bilingual(READ.sheet, info.sheet),
    info.indicatorHeaderRow === null ? READ.noTable : bilingual(READ.table, info.indicatorHeaderRow, info.indicatorRows, info.valueColumns),
  ];
  return { zh: parts.map((p) => p.zh).join(" · "), en: parts.map((p) => p.en).join(" · ") };
}
