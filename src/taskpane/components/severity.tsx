/** How a severity looks in the pane: an icon in a status colour, and the same fill the sheet mark uses. */
import * as React from "react";
import { tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import { markCss } from "../../core/marks";
import { Severity } from "../../core/rules/types";

export { SEVERITIES } from "../../core/severity";

/** Foreground colours that stay readable on both light and dark backgrounds. */
export const SEVERITY_COLOR: Record<Severity, string> = {
  error: tokens.colorStatusDangerForeground1,
  warning: tokens.colorStatusWarningForeground1,
  info: tokens.colorBrandForeground1,
};

/** The sheet's mark fill, so the pane and the grid agree; text on it is always dark. */
export function markStyle(severity: Severity): React.CSSProperties {
  return { backgroundColor: markCss(severity), color: "#1F1F1F" };
}

export function SeverityIcon({ severity }: { severity: Severity }): React.JSX.Element {
  const style = { color: SEVERITY_COLOR[severity], flexShrink: 0 };
  if (severity === "error") return <ErrorCircle20Filled aria-hidden style={style} />;
  if (severity === "warning") return <Warning20Filled aria-hidden style={style} />;
  return <Info20Filled aria-hidden style={style} />;
}
