/** Reading and writing one rule option inside the settings' config, keeping any severity override. */
import { Config, resolveSetting } from "../../core/config";
import { ruleById } from "../../core/rules/registry";
import { OptionValue, Rule } from "../../core/rules/types";

/** The two options the settings tab exposes. */
export const FLOOR = { rule: "indicators/satisfaction-below-floor", option: "floor" } as const;
export const TOLERANCE = { rule: "budget/income-matches-expenditure", option: "tolerance" } as const;

export function findRule(id: string, rules?: Rule[]): Rule | undefined {
  return rules ? rules.find((r) => r.meta.id === id) : ruleById(id);
}

export function ruleDefault(rule: Rule | undefined, option: string): OptionValue | undefined {
  return rule?.meta.defaultOptions[option];
}

export function optionValue(config: Config, ruleId: string, option: string, fallback: OptionValue | undefined): OptionValue | undefined {
  const v = resolveSetting(config, ruleId).options[option];
  return v === undefined ? fallback : v;
}

/** Returns a new config with the option set (or removed when `value` is undefined). */
export function withOption(config: Config, ruleId: string, option: string, value: OptionValue | undefined): Config {
  const current = resolveSetting(config, ruleId);
  const options = { ...current.options };
  if (value === undefined) delete options[option];
  else options[option] = value;
  const rules = { ...(config.rules ?? {}) };
  const severity = config.rules?.[ruleId] === undefined ? null : current.severity;
  if (Object.keys(options).length === 0 && severity === null) delete rules[ruleId];
  else rules[ruleId] = severity === null ? { options } : { severity, options };
  return { ...config, rules };
}
