/**
 * User configuration (JSON): per rule, a severity override or "off", and option overrides.
 *   { "rules": { "indicators/satisfaction-below-floor": ["warning", { "floor": 95 }],
 *                "budget/development-within-project": "off" } }
 */
import { closest } from "./closest";
import { SEVERITIES as SEVERITY_ORDER } from "./severity";
import { Message, OptionSpec, Rule, RuleOptions, Severity } from "./rules/types";

export type RuleSetting =
  Severity | "off" | [Severity | "off"] | [Severity | "off", RuleOptions] | { severity?: Severity | "off"; options?: RuleOptions };

export interface Config {
  rules?: Record<string, RuleSetting>;
}

export interface ResolvedSetting {
  severity: Severity | "off" | null; // null: the rule's own (per finding) severity
  options: RuleOptions;
}

/** What a setting may name: a severity, or "off". */
const SEVERITIES: string[] = [...SEVERITY_ORDER, "off"];

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

export interface OptionSchemaEntry extends OptionSpec {
  type: "number" | "string" | "boolean";
}

/**
 * What each option of a rule accepts: the type of its default, then the limits the rule states in
 * `meta.optionSchema`. Every numeric option of the catalogue is an amount, a count, a share or a
 * year, so none may be negative unless its rule says otherwise.
 */
export function optionSchema(rule: Pick<Rule, "meta">): Record<string, OptionSchemaEntry> {
  const out: Record<string, OptionSchemaEntry> = {};
  const own = (rule.meta.optionSchema ?? {}) as Record<string, OptionSpec | undefined>;
  for (const [key, def] of Object.entries(rule.meta.defaultOptions as RuleOptions)) {
    const type = typeof def as OptionSchemaEntry["type"];
    out[key] = { type, ...(type === "number" ? { min: 0 } : {}), ...own[key] };
  }
  return out;
}

const quote = (v: unknown): string => (typeof v === "string" ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** What an option accepts, in words: "0–100 之间的数字", "\"within\" 或 \"equal\"". */
export function allowedValues(spec: OptionSchemaEntry): Message {
  if (spec.type === "boolean") return { zh: "true 或 false", en: "true or false" };
  if (spec.type === "string") {
    if (!spec.choices) return { zh: "文字(用引号括起)", en: "text (in quotes)" };
    const list = spec.choices.map(quote);
    return { zh: list.join(" 或 "), en: list.join(" or ") };
  }
  const kind = spec.integer ? { zh: "整数", en: "whole number" } : { zh: "数字", en: "number" };
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) return { zh: `${min}–${max} 之间的${kind.zh}`, en: `a ${kind.en} from ${min} to ${max}` };
  if (min !== undefined) return { zh: `不小于 ${min} 的${kind.zh}`, en: `a ${kind.en} of at least ${min}` };
  return { zh: kind.zh, en: `a ${kind.en}` };
}

function valueFits(v: unknown, spec: OptionSchemaEntry): boolean {
  if (typeof v !== spec.type) return false;
  if (typeof v === "string") return !spec.choices || spec.choices.includes(v);
  if (typeof v !== "number") return true;
  if (!Number.isFinite(v) || (spec.integer && !Number.isInteger(v))) return false;
  return (spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max);
}

/** ESLint's spellings of severities, which users bring along. */
const ESLINT_SEVERITY: Record<string, string> = { warn: "warning", "0": "off", "1": "warning", "2": "error", tip: "info" };

const suggestion = (word: string, near: string | undefined): Message =>
  near === undefined || near === word ? { zh: "", en: "" } : { zh: `,您是不是要写「${near}」?`, en: `. Did you mean "${near}"?` };

/**
 * Checks a parsed config against the rules' metadata, strictly (ESLint's option schemas, stylelint's
 * validateOptions): an unknown rule id or option, a wrong type or an out-of-range value is a problem
 * naming the key and what is allowed, rather than silently falling back to the default.
 */
export function validateConfig(raw: unknown, rules: readonly Pick<Rule, "meta">[]): Message[] {
  const problems: Message[] = [];
  const say = (zh: string, en: string) => problems.push({ zh, en });
  if (!isOptions(raw)) {
    say(`配置文件应为 JSON 对象,例如 {"rules": {…}}`, `The config must be a JSON object, e.g. {"rules": {…}}`);
    return problems;
  }
  for (const key of Object.keys(raw)) {
    // "$schema" is what editors add for completion; it does not change the check.
    if (key === "rules" || key === "$schema") continue;
    const s = suggestion(key, closest(key, ["rules"]));
    say(
      `未知的配置项「${key}」${s.zh || ","}配置文件只能包含 "rules"`,
      `Unknown config key "${key}"${s.en || "."} The config may only hold "rules"`,
    );
  }
  const settings = (raw as Config).rules;
  if (settings === undefined) return problems;
  if (!isOptions(settings)) {
    say(`"rules" 应为对象,例如 {"indicators/vague-wording": "off"}`, `"rules" must be an object, e.g. {"indicators/vague-wording": "off"}`);
    return problems;
  }
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [id, s] of Object.entries(settings as Record<string, unknown>)) {
    const rule = byId.get(id);
    if (!rule) {
      const near = suggestion(id, closest(id, [...byId.keys()]));
      if (near.zh) say(`未知规则「${id}」${near.zh}`, `Unknown rule "${id}"${near.en}`);
      else {
        say(
          `未知规则「${id}」;规则 id 形如 "indicators/vague-wording",完整列表见 README 的「规则」表`,
          `Unknown rule "${id}". Rule ids look like "indicators/vague-wording"; the README's Rules table lists them all`,
        );
      }
      continue;
    }
    problems.push(...validateSetting(rule, s));
  }
  return problems;
}

/**
 * The one rule-setting check for every surface: the CLI's --config (which refuses the file when
 * `problems` is not empty), the pane's settings and the state a workbook carries (which keep the
 * usable part). A known rule's setting is kept only when validateConfig finds nothing wrong with it,
 * so the engine never runs with a setting the CLI would have refused. A rule this version does not
 * know keeps its setting untouched: a newer version wrote it, and saving must not drop it.
 */
export function usableConfig(raw: unknown, rules: readonly Pick<Rule, "meta">[]): { config: Config; problems: Message[] } {
  const problems = validateConfig(raw, rules);
  if (!isOptions(raw) || !isOptions((raw as Config).rules)) return { config: {}, problems };
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const kept: Record<string, RuleSetting> = {};
  for (const [id, s] of Object.entries((raw as Config).rules as Record<string, unknown>)) {
    const rule = byId.get(id);
    if (!rule || validateSetting(rule, s).length === 0) kept[id] = s as RuleSetting;
  }
  return { config: { rules: kept }, problems };
}

function validateSetting(rule: Pick<Rule, "meta">, s: unknown): Message[] {
  const id = rule.meta.id;
  const problems: Message[] = [];
  const say = (zh: string, en: string) => problems.push({ zh, en });
  const shape = () =>
    say(
      `规则「${id}」的设置应为级别字符串、[级别, {选项}] 或 {"severity": …, "options": {…}}`,
      `The setting of rule "${id}" must be a severity string, [severity, {options}] or {"severity": …, "options": {…}}`,
    );
  let sev: unknown;
  let opts: unknown;
  if (typeof s === "string") sev = s;
  else if (Array.isArray(s)) {
    if (s.length < 1 || s.length > 2) {
      shape();
      return problems;
    }
    [sev, opts] = s;
  } else if (isOptions(s)) {
    for (const key of Object.keys(s)) {
      if (key === "severity" || key === "options") continue;
      const near = suggestion(key, closest(key, ["severity", "options"]));
      say(
        `规则「${id}」的设置中有未知的键「${key}」${near.zh || ","}只能是 "severity" 和 "options"`,
        `Rule "${id}" has an unknown key "${key}"${near.en || "."} Only "severity" and "options" are allowed`,
      );
    }
    [sev, opts] = [s.severity, s.options];
  } else {
    shape();
    return problems;
  }

  if (sev !== undefined && (typeof sev !== "string" || !SEVERITIES.includes(sev))) {
    const word = String(sev);
    const near = suggestion(word, ESLINT_SEVERITY[word.toLowerCase()] ?? closest(word, SEVERITIES));
    say(
      `规则「${id}」的级别 ${quote(sev)} 无效${near.zh || ","}应为 "error"、"warning"、"info" 或 "off"`,
      `Rule "${id}": severity ${quote(sev)} is not valid${near.en || "."} Use "error", "warning", "info" or "off"`,
    );
  }
  if (opts === undefined) return problems;
  if (!isOptions(opts)) {
    say(`规则「${id}」的选项应为对象,例如 {"floor": 95}`, `The options of rule "${id}" must be an object, e.g. {"floor": 95}`);
    return problems;
  }
  const schema = optionSchema(rule);
  const names = Object.keys(schema);
  for (const [key, v] of Object.entries(opts)) {
    const spec = schema[key];
    if (!spec) {
      if (names.length === 0) {
        say(`规则「${id}」没有可设置的选项,收到「${key}」`, `Rule "${id}" has no options; got "${key}"`);
        continue;
      }
      const near = suggestion(key, closest(key, names));
      say(
        `规则「${id}」没有选项「${key}」${near.zh || ","}可用的选项:${names.join("、")}`,
        `Rule "${id}" has no option "${key}"${near.en || "."} Its options: ${names.join(", ")}`,
      );
      continue;
    }
    if (valueFits(v, spec)) continue;
    const allowed = allowedValues(spec);
    const near = typeof v === "string" && spec.choices ? suggestion(v, closest(v, spec.choices)) : { zh: "", en: "" };
    // A space between Chinese and a number or a quoted word, as Chinese typesetting does.
    const gap = /^[\w"]/.test(allowed.zh) ? " " : "";
    say(
      `规则「${id}」的选项「${key}」应为${gap}${allowed.zh},收到 ${quote(v)}${near.zh}`,
      `Rule "${id}": option "${key}" must be ${allowed.en}; got ${quote(v)}${near.en}`,
    );
  }
  return problems;
}
