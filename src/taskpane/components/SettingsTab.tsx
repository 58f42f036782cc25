/**
 * Settings saved in the workbook: language, the satisfaction floor and the income/expenditure
 * tolerance. Numbers are committed on blur or Enter so typing "9" on the way to "95" re-checks nothing.
 */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Config } from "../../core/config";
import { Rule } from "../../core/rules/types";
import { Lang, Settings } from "../../hosts/host";
import { pick, strings } from "../i18n";
import { FLOOR, TOLERANCE, findRule, optionValue, ruleDefault, withOption } from "../state/options";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXXS}`,
    minWidth: 0,
  },
  input: { maxWidth: "140px" },
});

interface NumberOptionProps {
  label: string;
  hint: string;
  value: number | undefined;
  min: number;
  max?: number;
  step: string;
  disabled: boolean;
  onCommit(v: number | undefined): void;
}

function NumberOption(p: NumberOptionProps): React.JSX.Element {
  const s = useStyles();
  const [text, setText] = React.useState(p.value === undefined ? "" : String(p.value));
  React.useEffect(() => setText(p.value === undefined ? "" : String(p.value)), [p.value]);
  const num = text.trim() === "" ? undefined : Number(text);
  const invalid = num !== undefined && (!Number.isFinite(num) || num < p.min || (p.max !== undefined && num > p.max));
  const range = p.max === undefined ? `≥ ${p.min}` : `${p.min} – ${p.max}`;
  const commit = (): void => {
    if (invalid || num === p.value) return;
    p.onCommit(num);
  };
  return (
    <Field label={p.label} hint={p.hint} validationMessage={invalid ? range : undefined} validationState={invalid ? "error" : "none"}>
      <Input
        className={s.input}
        type="number"
        inputMode="decimal"
        step={p.step}
        value={text}
        disabled={p.disabled}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}

export interface SettingsTabProps {
  settings: Settings;
  rules?: Rule[];
  onChange(patch: Partial<Settings>): void;
}

export function SettingsTab({ settings, rules, onChange }: SettingsTabProps): React.JSX.Element {
  const s = useStyles();
  const lang = settings.lang;
  const t = strings(lang);
  const setConfig = (config: Config): void => onChange({ config });

  const option = (
    spec: { rule: string; option: string },
    label: string,
    hint: string,
    min: number,
    max: number | undefined,
    step: string,
  ) => {
    const rule = findRule(spec.rule, rules);
    const fallback = ruleDefault(rule, spec.option);
    const value = optionValue(settings.config, spec.rule, spec.option, fallback);
    const docs = rule?.meta.optionDocs?.[spec.option];
    return (
      <NumberOption
        label={label}
        hint={rule ? (docs ? pick(docs, lang) : hint) : `${hint} ${t.ruleMissing}`}
        value={typeof value === "number" ? value : undefined}
        min={min}
        max={max}
        step={step}
        disabled={!rule}
        onCommit={(v) => setConfig(withOption(settings.config, spec.rule, spec.option, v === fallback ? undefined : v))}
      />
    );
  };

  return (
    <div className={s.root} data-testid="settings">
      <Subtitle2 as="h2">{t.settingsTitle}</Subtitle2>
      <Field label={t.language}>
        <RadioGroup layout="horizontal" value={lang} onChange={(_, d) => onChange({ lang: d.value as Lang })}>
          <Radio value="zh" label="中文" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
      {option(FLOOR, t.floor, t.floorHint, 0, 100, "1")}
      {option(TOLERANCE, t.tolerance, t.toleranceHint, 0, undefined, "0.01")}
      <div>
        <Button
          onClick={() => {
            let c = withOption(settings.config, FLOOR.rule, FLOOR.option, undefined);
            c = withOption(c, TOLERANCE.rule, TOLERANCE.option, undefined);
            setConfig(c);
          }}
        >
          {t.resetDefaults}
        </Button>
      </div>
    </div>
  );
}
