/**
 * Custom template libraries: a department's own indicators as JSON, exported from one workbook or
 * colleague and imported into another. Custom ids start with "custom." so they never shadow a
 * catalogue template; a library is validated field by field and every problem is named in Chinese.
 */
import { Level1, Level2 } from "../form/model";
import { PARENT_OF, level2Of } from "../form/labels";
import { Message } from "../rules/types";
import { fold } from "../text";
import { CATALOGUE } from "./catalogue";
import { IndicatorTemplate, OPERATORS, Operator, Placement } from "./types";
import { parseJson } from "../json";

export const LIBRARY_FORMAT = "budget-form-templates";
export const LIBRARY_VERSION = 1;
export const CUSTOM_PREFIX = "custom.";

export interface TemplateLibrary {
  format: typeof LIBRARY_FORMAT;
  version: typeof LIBRARY_VERSION;
  templates: IndicatorTemplate[];
}

export type LibraryResult = { ok: true; library: TemplateLibrary } | { ok: false; errors: Message[] };

const LEVEL1: Level1[] = ["产出", "效益", "满意度", "成本"];
const LEVEL2 = Object.keys(PARENT_OF) as Level2[];
const MAX_TEMPLATES = 2000;

/** The other layout's placement: a 成本 二级 row maps to 一级 成本 → 经济成本, and back. */
function otherPlacement(p: Placement): Placement {
  if (p.level2 === "成本") return { level1: "成本", level2: "经济成本" };
  if (p.level1 === "成本") return { level1: "产出", level2: "成本" };
  return p;
}

/** Splits "≥95%" into operator and unit; ASCII >= <= = > < are taken as the official ones. */
export function normalizeValue(value: string): string {
  const s = fold(value).replace(/\s+/g, "");
  const m = /^(>=|<=|=|>|<|≥|≤)(.*)$/.exec(s);
  if (!m) return value.trim();
  const op: Record<string, Operator> = { ">=": "≥", "<=": "≤", "=": "＝", ">": "＞", "<": "＜", "≥": "≥", "≤": "≤" };
  return op[m[1]] + m[2];
}

function describeValue(value: string): { operator: Operator | null; unit: string | null; kind: IndicatorTemplate["kind"] } {
  const op = value.charAt(0) as Operator;
  if (!OPERATORS.includes(op)) return { operator: null, unit: null, kind: "qualitative" };
  const unit = value.slice(1).replace(/^-?[\d.]+/, "");
  return { operator: op, unit: unit === "" ? null : unit, kind: "quantitative" };
}

function canonicalLevel2(v: unknown): Level2 | null {
  if (typeof v !== "string") return null;
  if ((LEVEL2 as string[]).includes(v)) return v as Level2;
  return level2Of(fold(v).replace(/\s+/g, ""));
}

const str = (v: unknown): v is string => typeof v === "string";

/**
 * Reads one custom template in its JSON shape. Required: name, a 二级 (level2 or placement.level2)
 * and a value (annual, or value for both columns). Everything else is derived when missing.
 */
function readTemplate(raw: unknown, i: number, errors: Message[]): IndicatorTemplate | null {
  const at = { zh: `第 ${i + 1} 个模板`, en: `template ${i + 1}` };
  const fail = (zh: string, en: string) => {
    errors.push({ zh: `${at.zh}:${zh}`, en: `${at.en}: ${en}` });
    return null;
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail("应为对象", "must be an object");
  const o = raw as Record<string, unknown>;
  const name = str(o.name) ? o.name.trim() : "";
  if (name === "") return fail("缺少三级指标名称(name)", "missing the 三级 name (name)");
  if (name.length > 100) return fail(`名称过长(${name.length} 字)`, `name too long (${name.length} characters)`);
  const id = str(o.id) ? o.id.trim() : "";
  if (id !== "" && !id.startsWith(CUSTOM_PREFIX)) {
    return fail(`编号 ${id} 须以 "${CUSTOM_PREFIX}" 开头`, `id ${id} must start with "${CUSTOM_PREFIX}"`);
  }
  if (id !== "" && !/^custom\.[\w.-]+$/.test(id)) {
    return fail(`编号 ${id} 只能含字母、数字、点和连字符`, `id ${id} may hold only letters, digits, dots and hyphens`);
  }
  const placementRaw = (typeof o.placement === "object" && o.placement !== null ? o.placement : {}) as Record<string, unknown>;
  const level2 = canonicalLevel2(o.level2 ?? placementRaw.level2);
  if (!level2) return fail(`二级指标无法识别:${String(o.level2 ?? placementRaw.level2 ?? "(空)")}`, "the 二级 category is not recognised");
  const level1Raw = o.level1 ?? placementRaw.level1;
  const level1 = PARENT_OF[level2];
  if (level1Raw !== undefined && !(str(level1Raw) && (LEVEL1 as string[]).includes(level1Raw))) {
    return fail(`一级指标无法识别:${String(level1Raw)}`, `the 一级 category is not recognised: ${String(level1Raw)}`);
  }
  if (str(level1Raw) && level1Raw !== level1) {
    return fail(
      `二级 ${level2} 不属于一级 ${level1Raw}(应为 ${level1})`,
      `二级 ${level2} does not belong to 一级 ${level1Raw} (it belongs to ${level1})`,
    );
  }
  const value = str(o.value) ? o.value : undefined;
  const annualRaw = str(o.annual) ? o.annual : value;
  if (annualRaw === undefined || annualRaw.trim() === "") return fail("缺少指标值(annual 或 value)", "missing the value (annual or value)");
  const periodRaw = str(o.period) && o.period.trim() !== "" ? o.period : annualRaw;
  const annual = normalizeValue(annualRaw);
  const period = normalizeValue(periodRaw);
  const d = describeValue(annual);
  const given: Placement = { level1, level2 };
  let classic = level1 === "成本" ? otherPlacement(given) : given;
  let modern = level1 === "成本" ? given : otherPlacement(given);
  const p101Raw = (typeof o.placement101 === "object" && o.placement101 !== null ? o.placement101 : null) as Record<string, unknown> | null;
  if (p101Raw) {
    const l2 = canonicalLevel2(p101Raw.level2);
    if (!l2) return fail("placement101.level2 无法识别", "placement101.level2 is not recognised");
    // Only a cost indicator moves between layouts; for any other the two placements must agree.
    const costish = level2 === "成本" || level1 === "成本";
    if (!costish && l2 !== level2) return fail(`placement101 只适用于成本指标`, "placement101 applies to cost indicators only");
    if (costish && PARENT_OF[l2] !== "成本")
      return fail(`placement101.level2 应为经济/社会/生态环境成本`, "placement101.level2 must be 经济/社会/生态环境成本");
    modern = { level1: PARENT_OF[l2], level2: l2 };
    if (level1 === "成本") classic = otherPlacement(modern);
  }
  const tags = Array.isArray(o.tags)
    ? o.tags
        .filter(str)
        .map((t) => t.trim())
        .filter((t) => t !== "")
    : [];
  return {
    id,
    name,
    kind: d.kind,
    operator: d.operator,
    unit: d.unit,
    period,
    annual,
    placement: classic,
    placement101: modern,
    formula: str(o.formula) ? o.formula.trim() : "",
    tags: [...new Set(tags)],
    source: str(o.source) && o.source.trim() !== "" ? o.source.trim() : "自定义",
    ...(o.needsValue === true ? { needsValue: true } : {}),
  };
}

/** A readable, stable id for a custom template from its name; unique among `taken`. */
export function customId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let h = 0;
  for (const ch of fold(name)) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  const base = `${CUSTOM_PREFIX}${h.toString(36)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Validates a parsed library (an object with templates, or a bare array of templates). */
export function validateLibrary(json: unknown): LibraryResult {
  const errors: Message[] = [];
  let list: unknown;
  if (Array.isArray(json)) list = json;
  else if (typeof json === "object" && json !== null) {
    const o = json as Record<string, unknown>;
    if (o.format !== undefined && o.format !== LIBRARY_FORMAT) {
      errors.push({
        zh: `不是指标模板库文件(format 为 ${String(o.format)})`,
        en: `not a template library (format is ${String(o.format)})`,
      });
      return { ok: false, errors };
    }
    if (o.version !== undefined && o.version !== LIBRARY_VERSION) {
      errors.push({
        zh: `模板库版本 ${String(o.version)} 不受支持(支持 ${LIBRARY_VERSION})`,
        en: `library version ${String(o.version)} is not supported (${LIBRARY_VERSION} is)`,
      });
      return { ok: false, errors };
    }
    list = o.templates;
  }
  if (!Array.isArray(list)) {
    return { ok: false, errors: [{ zh: "模板库应包含 templates 数组", en: "the library must hold a templates array" }] };
  }
  if (list.length > MAX_TEMPLATES) {
    return {
      ok: false,
      errors: [
        { zh: `模板过多(${list.length} 个,上限 ${MAX_TEMPLATES})`, en: `too many templates (${list.length}, at most ${MAX_TEMPLATES})` },
      ],
    };
  }
  const templates: IndicatorTemplate[] = [];
  list.forEach((raw, i) => {
    const t = readTemplate(raw, i, errors);
    if (t) templates.push(t);
  });
  const ids = new Set<string>();
  for (const t of templates) {
    if (t.id === "") continue;
    if (ids.has(t.id)) errors.push({ zh: `编号 ${t.id} 重复`, en: `id ${t.id} is used twice` });
    ids.add(t.id);
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const t of templates) if (t.id === "") ids.add((t.id = customId(t.name, ids)));
  return { ok: true, library: { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, templates } };
}

/** Parses library text (from a file or localStorage); a JSON syntax error becomes a message, not a throw. */
export function parseLibrary(text: string): LibraryResult {
  const json = parseJson(text);
  if (!json.ok)
    return {
      ok: false,
      errors: [{ zh: `模板库不是有效的 JSON:${json.error.zh}`, en: `the template library is not valid JSON: ${json.error.en}` }],
    };
  return validateLibrary(json.value);
}

export function exportLibrary(templates: readonly IndicatorTemplate[]): string {
  const custom = templates.filter((t) => t.id.startsWith(CUSTOM_PREFIX));
  const lib: TemplateLibrary = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, templates: custom };
  return JSON.stringify(lib, null, 2) + "\n";
}

/**
 * The catalogue followed by the custom templates; a later custom template replaces an earlier one
 * with the same id (re-importing an edited library updates it rather than duplicating it).
 */
export function mergeLibraries(...customs: readonly (readonly IndicatorTemplate[])[]): IndicatorTemplate[] {
  const byId = new Map<string, IndicatorTemplate>();
  for (const list of customs) for (const t of list) if (t.id.startsWith(CUSTOM_PREFIX)) byId.set(t.id, t);
  return [...CATALOGUE, ...byId.values()];
}

/** A custom template from a row already on the form ("save this row as a template"). */
export function templateFromRow(
  row: { name: string; period: string | null; annual: string; level1: Level1; level2: Level2 },
  taken: Iterable<string>,
  extra: { tags?: string[]; formula?: string } = {},
): LibraryResult {
  return validateLibrary([
    {
      id: customId(row.name, [...taken]),
      name: row.name,
      level1: row.level1,
      level2: row.level2,
      annual: row.annual,
      period: row.period ?? row.annual,
      tags: extra.tags ?? [],
      formula: extra.formula ?? "",
      source: "自定义(由表中行保存)",
    },
  ]);
}
