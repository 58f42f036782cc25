/** What was read of a form, in one line a user can check against the sheet. */
import { columnName } from "../a1";
import { FormKind, FormModel } from "./model";

const KIND_NAMES: Record<FormKind, { zh: string; en: string }> = {
  department: { zh: "部门整体绩效目标表", en: "department-wide target form" },
  project: { zh: "项目支出绩效目标表", en: "project target form" },
  "self-evaluation": { zh: "绩效自评表(目标值一侧)", en: "self-evaluation table (target side)" },
};

/**
 * 「项目支出绩效目标表 · 工作表「Sheet1」· 指标表第 9–24 行 · 目标值列 F(年度)、E(实施期)」: the
 * kind, the sheet, the indicator table's rows and the columns whose targets were checked.
 */
export function describe(model: FormModel): { zh: string; en: string } {
  const kind = KIND_NAMES[model.kind];
  const zh = [kind.zh, `工作表「${model.sheet}」`];
  const en = [kind.en, `sheet "${model.sheet}"`];
  const t = model.indicators;
  if (!t) {
    zh.push("未找到绩效指标表");
    en.push("no indicator table found");
  } else {
    zh.push(`指标表第 ${t.headerRow + 1}–${t.lastRow + 1} 行`);
    en.push(`indicator table rows ${t.headerRow + 1}–${t.lastRow + 1}`);
    const annual = columnName(t.columns.annual);
    if (t.columns.period !== null) {
      const period = columnName(t.columns.period);
      zh.push(`目标值列 ${annual}(年度)、${period}(实施期)`);
      en.push(`target columns ${annual} (annual), ${period} (implementation period)`);
    } else {
      zh.push(`目标值列 ${annual}`);
      en.push(`target column ${annual}`);
    }
  }
  return { zh: zh.join(" · "), en: en.join(" · ") };
}
