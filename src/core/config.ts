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

export function resolveSetting(config: Config | undefined, id: string): ResolvedSetting {
  const s = config?.rules?.[id];
  if (s === undefined) return { severity: null, options: {} };
  if (typeof s === "string") return { severity: s, options: {} };
  if (Array.isArray(s)) return { severity: s[0], options: s[1] ?? {} };
  return { severity: s.severity ?? null, options: s.options ?? {} };
}

/** Checks a parsed config and returns problems in Chinese (the CLI prints them and exits 2). */
export function validateConfig(raw: unknown, knownRules: string[]): string[] {
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return ["配置文件应为 JSON 对象,例如 {\"rules\": {…}}"];
  const rules = (raw as Config).rules;
  if (rules === undefined) return problems;
  if (typeof rules !== "object" || rules === null) return ["\"rules\" 应为对象"];
  for (const [id, s] of Object.entries(rules)) {
    if (!knownRules.includes(id)) problems.push(`未知规则 "${id}"`);
    const sev = typeof s === "string" ? s : Array.isArray(s) ? s[0] : (s as { severity?: string })?.severity;
    if (sev !== undefined && !SEVERITIES.includes(sev)) problems.push(`规则 "${id}" 的级别 "${sev}" 无效(应为 error / warning / info / off)`);
  }
  return problems;
}
