/** The form at a glance: which department, and the budget split into 基本 and 项目 (万元, 2 decimals). */
import * as React from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { CheckResult } from "../../core/engine";
import { FormModel } from "../../core/form/model";
import { Lang } from "../../hosts/host";
import { formatAmount, strings } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  name: { overflowWrap: "anywhere" },
  figures: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalMNudge,
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  strong: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

function amount(model: FormModel, key: "basic" | "project"): number | null {
  return model.amounts[key]?.amount.value ?? null;
}

export function FormSummary({ result, lang }: { result: CheckResult | null; lang: Lang }): React.JSX.Element | null {
  const s = useStyles();
  const t = strings(lang);
  if (!result) return null;
  const form = result.forms[0];
  if (!form) {
    return (
      <div className={s.root} data-testid="form-summary">
        <Subtitle2>{t.noForm}</Subtitle2>
      </div>
    );
  }
  const m = form.model;
  const basic = amount(m, "basic");
  const project = amount(m, "project");
  const total = basic === null && project === null ? null : (basic ?? 0) + (project ?? 0);
  const dept = m.department?.value?.text || "—";
  return (
    <div className={s.root} data-testid="form-summary">
      <Subtitle2 className={s.name} as="h2">
        {dept}
      </Subtitle2>
      <div className={s.figures}>
        <Caption1>
          {t.budget} <span className={s.strong}>{formatAmount(total)}</span> {t.unitWan}
        </Caption1>
        <Caption1>
          {t.basic} <span className={s.strong}>{formatAmount(basic)}</span>
        </Caption1>
        <Caption1>
          {t.project} <span className={s.strong}>{formatAmount(project)}</span>
        </Caption1>
        {result.forms.length > 1 && <Caption1>{t.moreForms(result.forms.length - 1)}</Caption1>}
      </div>
    </div>
  );
}
