/**
 * The one order of severities, most serious first. The engine sorts findings by it, the CLI's
 * summary ranks rules by it, the pane lists groups in it and the Excel host adds its marks in its
 * reverse (the last rule added sits on top). Eight copies of it once drifted apart (issue #21).
 */
import { Severity } from "./rules/types";

/** Most serious first: the order people read them in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** 0 for the most serious; a lower rank reads first. */
export function severityRank(s: Severity): number {
  return RANK[s];
}

/** For Array.sort: the more serious first, equal severities keep their order. */
export function bySeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/** The more serious of two severities. */
export function worse(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}
