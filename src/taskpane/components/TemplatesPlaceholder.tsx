/** Stands in for the 指标模板 tab until src/taskpane/components/TemplatesTab.tsx is wired in. */
import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { Lang } from "../../hosts/host";
import { strings } from "../i18n";

const useStyles = makeStyles({ root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`, color: tokens.colorNeutralForeground2 } });

export function TemplatesPlaceholder({ lang }: { lang: Lang }): React.JSX.Element {
  const s = useStyles();
  return <Body1 className={s.root}>{strings(lang).templatesSoon}</Body1>;
}
