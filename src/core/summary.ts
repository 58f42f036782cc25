/**
 * Findings counted per severity. Its own module so that what only counts (the 校验报告 sheet's rows)
 * does not import the engine and with it every rule: the pane's first load stays small.
 */
import { Finding, Severity } from "./rules/types";

export type Summary = Record<Severity, number>;

export function summarize(findings: Finding[]): Summary {
  const s: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
