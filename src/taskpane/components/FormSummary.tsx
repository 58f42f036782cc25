/**
 * The form at a glance: what kind of form was read and whose it is (the department, or the project
 * and its department), the budget split into 基本 and 项目 on a department form (万元, 2 decimals),
 * and one line saying what was read (sheet, indicator table, value columns) so a user can see why
 * the form was checked the way it was. With no form: what was found instead.
 */
import * as React from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { CheckResult } from "../../core/engine";
import { FormModel } from "../../core/form/model";
import { FORM_KIND_NAMES, formInfo, formName, whatWasRead } from "../../core/form/whatWasRead";
import { Catalogue, Message, pick } from "../../core/i18n";
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
  read: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const TEXT = {
  kind: { zh: "类型", en: "Kind" },
  department: { zh: "部门", en: "Department" },
} satisfies Catalogue;

function amount(model: FormModel, key: "basic" | "project"): number | null {
  return model.amounts[key]?.amount.value ?? null;
}

/** What was found instead of a form: what form-not-found says (it names the sheet), else the recognition's sentence. */
function notFormSentence(result: CheckResult): Message | null {
  const notFound = result.findings.find((f) => f.rule === "layout/form-not-found");
  if (notFound) return notFound.message;
  return [...result.recognitions].sort((a, b) => b.found.length - a.found.length)[0]?.notForm ?? null;
}

export function FormSummary({ result, lang }: { result: CheckResult | null; lang: Lang }): React.JSX.Element | null {
  const s = useStyles();
  const t = strings(lang);
  if (!result) return null;
  const form = result.forms[0];
  if (!form) {
    const why = notFormSentence(result);
    return (
      <div className={s.root} data-testid="form-summary">
        <Subtitle2>{t.noForm}</Subtitle2>
        {why && <Caption1 className={s.read}>{pick(why, lang)}</Caption1>}
      </div>
    );
  }
  const m = form.model;
  const info = formInfo(m);
  const kind = (
    <Caption1 data-testid="form-kind">
      {pick(TEXT.kind, lang)} <span className={s.strong}>{pick(FORM_KIND_NAMES[info.kind], lang)}</span>
    </Caption1>
  );
  const more = result.forms.length > 1 && <Caption1>{t.moreForms(result.forms.length - 1)}</Caption1>;
  const read = <Caption1 className={s.read}>{pick(whatWasRead(m), lang)}</Caption1>;
  if (info.kind !== "department") {
    return (
      <div className={s.root} data-testid="form-summary">
        <Subtitle2 className={s.name} as="h2">
          {formName(info) || "—"}
        </Subtitle2>
        <div className={s.figures}>
          {kind}
          {info.project && info.department && (
            <Caption1>
              {pick(TEXT.department, lang)} <span className={s.strong}>{info.department}</span>
            </Caption1>
          )}
          {more}
        </div>
        {read}
      </div>
    );
  }
  const basic = amount(m, "basic");
  const project = amount(m, "project");
  const total = basic === null && project === null ? null : (basic ?? 0) + (project ?? 0);
  return (
    <div className={s.root} data-testid="form-summary">
      <Subtitle2 className={s.name} as="h2">
        {info.department || "—"}
      </Subtitle2>
      <div className={s.figures}>
        {kind}
        <Caption1>
          {t.budget} <span className={s.strong}>{formatAmount(total)}</span> {t.unitWan}
        </Caption1>
        <Caption1>
          {t.basic} <span className={s.strong}>{formatAmount(basic)}</span>
        </Caption1>
        <Caption1>
          {t.project} <span className={s.strong}>{formatAmount(project)}</span>
        </Caption1>
        {more}
      </div>
      {read}
    </div>
  );
}
