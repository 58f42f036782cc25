/**
 * The one reading of a saved WorkbookState, shared by both hosts: whatever comes back from a workbook
 * (Office document settings, the file host's hidden sheet, a colleague's older or newer version) is
 * untrusted, so what has the right shape is kept and the rest falls back to the defaults. A rule
 * setting the engine cannot read (null, an unknown severity) would otherwise break every check of
 * that workbook, or colour cells with no colour at all.
 */
import { Config, RuleSetting, usableConfig } from "../core/config";
import { RULES } from "../core/rules/registry";
import { isLang } from "../core/i18n";
import { SEVERITIES as SEVERITY_ORDER } from "../core/severity";
import { DEFAULT_SETTINGS, Lang, Settings, WorkbookState } from "./host";
import { sanitizeTemplates } from "./stateTemplates";

/**
 * The sheets the add-in keeps its own records in, very hidden and never part of the form: the saved
 * state (every host), and WPS's record of the fills it replaced with marks. Every reader skips both,
 * so a workbook marked in WPS checks the same in Excel, the preview and the CLI.
 */
export const STATE_SHEET = "_BudgetFormState";
export const MARKS_SHEET = "_BudgetFormMarks";

export function isOwnSheetName(name: string): boolean {
  return name === STATE_SHEET || name === MARKS_SHEET;
}

const SEVERITIES: readonly unknown[] = [...SEVERITY_ORDER, "off"];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function validSetting(s: unknown): s is RuleSetting {
  if (typeof s === "string") return SEVERITIES.includes(s);
  if (Array.isArray(s))
    return s.length >= 1 && s.length <= 2 && SEVERITIES.includes(s[0]) && (s.length === 1 || s[1] === undefined || isObject(s[1]));
  if (!isObject(s)) return false;
  return (s.severity === undefined || SEVERITIES.includes(s.severity)) && (s.options === undefined || isObject(s.options));
}

/**
 * The rule settings the engine can use; a rule whose setting is unreadable keeps its defaults. Known
 * rules are checked as the CLI checks --config (usableConfig); an unknown one only for its shape.
 */
export function sanitizeConfig(raw: unknown): Config {
  if (!isObject(raw) || !isObject(raw.rules)) return {};
  const usable = usableConfig(raw, RULES).config.rules ?? {};
  const rules: Record<string, RuleSetting> = {};
  for (const [id, s] of Object.entries(usable)) if (validSetting(s)) rules[id] = s;
  return { rules };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A stored state (object or JSON text) as the hosts hand it out: right shape, defaults elsewhere. */
export function sanitizeState(raw: unknown): WorkbookState {
  const r = typeof raw === "string" ? safeParse(raw) : raw;
  const state = isObject(r) ? r : {};
  const s: Partial<Record<keyof Settings, unknown>> = isObject(state.settings) ? state.settings : {};
  const lang: Lang = isLang(s.lang) ? s.lang : "zh";
  const templates = sanitizeTemplates(state.templates);
  return {
    ignored: Array.isArray(state.ignored) ? state.ignored.filter((k): k is string => typeof k === "string") : [],
    settings: {
      lang,
      liveCheck: typeof s.liveCheck === "boolean" ? s.liveCheck : DEFAULT_SETTINGS.liveCheck,
      config: s.config === undefined ? {} : sanitizeConfig(s.config),
    },
    ...(templates ? { templates } : {}),
  };
}
