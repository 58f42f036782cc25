/**
 * User configuration (JSON): per rule, a severity override or "off", and option overrides.
 *   { "rules": { "indicators/satisfaction-below-floor": ["warning", { "floor": 95 }],
 *                "budget/development-within-project": "off" } }
 */
import { RuleOptions, Severity } from "./rules/types";

export type RuleSetting = Severity | "off" | [Severity | "off"] | [Severity | "off", RuleOptions] | { severity?: Severity | "off"; options?: RuleOptions };

export interface Config {
  rules?: Record<string, RuleSetting>;
}

export interface ResolvedSetting {
  severity: Severity | "off" | null; // null: the rule's own (per finding) severity
  options: RuleOptions;
}

const SEVERITIES = ["error", "warning", "info", "off"];

const isOptions = (o: unknown): o is RuleOptions => typeof o === "object" && o !== null && !Array.isArray(o);

/** The setting of one rule; a malformed entry (null, options that are no object) counts as absent,
 * so a config the UI did not validate never crashes the check. */
export function resolveSetting(config: Config | undefined, id: string): ResolvedSetting {
  const s: unknown = config?.rules?.[id];
  if (typeof s === "string") return { severity: severityOf(s), options: {} };
  if (Array.isArray(s)) return { severity: severityOf(s[0]), options: isOptions(s[1]) ? s[1] : {} };
  if (!isOptions(s)) return { severity: null, options: {} };
  return { severity: severityOf(s.severity), options: isOptions(s.options) ? s.options : {} };
}

/** A severity as configured; anything else ("Error", 2) leaves the rule's own. */
function severityOf(v: unknown): ResolvedSetting["severity"] {
  return typeof v === "string" && SEVERITIES.includes(v) ? (v as ResolvedSetting["severity"]) : null;
}

/** Checks a parsed config and returns problems in Chinese (the CLI prints them and exits 2). */
export function validateConfig(raw: unknown, knownRules: string[]): string[] {
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return ["配置文件应为 JSON 对象,例如 {\"rules\": {…}}"];
  const rules = (raw as Config).rules;
  if (rules === undefined) return problems;
  if (typeof rules !== "object" || rules === null) return ["\"rules\" 应为对象"];
  for (const [id, s] of Object.entries(rules as Record<string, unknown>)) {
    if (!knownRules.includes(id)) problems.push(`未知规则 "${id}"`);
    if (typeof s !== "string" && !Array.isArray(s) && !isOptions(s)) {
      problems.push(`规则 "${id}" 的设置应为级别字符串、[级别, {选项}] 或 {"severity": …, "options": {…}}`);
      continue;
    }
    const sev: unknown = typeof s === "string" ? s : Array.isArray(s) ? s[0] : s.severity;
    if (sev !== undefined && (typeof sev !== "string" || !SEVERITIES.includes(sev))) problems.push(`规则 "${id}" 的级别 "${String(sev)}" 无效(应为 error / warning / info / off)`);
    const opts: unknown = Array.isArray(s) ? s[1] : typeof s === "string" ? undefined : s.options;
    if (opts !== undefined && !isOptions(opts)) problems.push(`规则 "${id}" 的选项应为对象,例如 {"floor": 95}`);
  }
  return problems;
}
