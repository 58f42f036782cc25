/** The answer to "can I send it now?": a green 可以提交, or how many errors, warnings and tips remain. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { PUNCTUATION, pick } from "../../core/i18n";
import { Finding, Severity } from "../../core/rules/types";
import { Lang } from "../../hosts/host";
import { strings } from "../i18n";
import { SEVERITIES, SeverityIcon } from "./severity";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  count: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  body: { overflowWrap: "anywhere" },
});

export interface StatusBarProps {
  phase: "loading" | "ready" | "failed";
  visible: Finding[];
  passed: number;
  lang: Lang;
  loadError: string | null;
  /** No form was read: the verdict is 未检查, never 可以提交 nor 需修改 (FormSummary says what was found). */
  noForm?: boolean;
}

export function StatusBar({ phase, visible, passed, lang, loadError, noForm }: StatusBarProps): React.JSX.Element {
  const s = useStyles();
  const t = strings(lang);
  if (phase === "loading") {
    return (
      <MessageBar intent="info" data-testid="status">
        <MessageBarBody>{t.reading}</MessageBarBody>
      </MessageBar>
    );
  }
  if (phase === "failed") {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="status">
        <MessageBarBody className={s.body}>
          <MessageBarTitle>{t.readFailed}</MessageBarTitle>
          {loadError}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (noForm) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="status" data-status="not-checked">
        <MessageBarBody className={s.body}>
          <MessageBarTitle>{t.notChecked}</MessageBarTitle>
          {t.notCheckedWhy}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of visible) n[f.severity]++;
  const label: Record<Severity, (k: number) => string> = { error: t.countError, warning: t.countWarning, info: t.countInfo };
  if (n.error === 0) {
    const notes = n.warning + n.info > 0 ? `${pick(PUNCTUATION.clauses, lang)}${t.alsoNotes(n.warning, n.info)}` : "";
    return (
      <MessageBar intent="success" layout="multiline" data-testid="status" data-status="ok">
        <MessageBarBody className={s.body}>
          <MessageBarTitle>{t.canSubmit}</MessageBarTitle>
          {t.passed(passed)}
          {notes}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline" data-testid="status" data-status="errors">
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{t.cannotSubmit}</MessageBarTitle>
        <span className={s.counts}>
          {SEVERITIES.filter((sev) => n[sev] > 0).map((sev) => (
            <span key={sev} className={s.count}>
              <SeverityIcon severity={sev} />
              {label[sev](n[sev])}
            </span>
          ))}
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}
