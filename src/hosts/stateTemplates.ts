/**
 * The custom template library a workbook may carry in its state (a finance bureau hands a workbook
 * with its library to a department). Whatever is read back is untrusted, so each template goes through
 * the library validation; a broken one is dropped rather than taking the whole state down with it.
 */
import { CUSTOM_PREFIX, validateLibrary } from "../core/templates/library";
import { IndicatorTemplate } from "../core/templates/types";

const MAX_TEMPLATES = 2000;

/** The valid templates of a stored value (an array or a library object); undefined when none remain. */
export function sanitizeTemplates(raw: unknown): IndicatorTemplate[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const whole = validateLibrary(raw);
  if (whole.ok) return whole.library.templates.length > 0 ? whole.library.templates : undefined;
  const list = Array.isArray(raw)
    ? raw
    : typeof raw === "object" && Array.isArray((raw as { templates?: unknown }).templates)
      ? (raw as { templates: unknown[] }).templates
      : null;
  if (!list) return undefined;
  // One template at a time, so one bad entry (or a clashing id) costs only itself.
  const byId = new Map<string, IndicatorTemplate>();
  for (const item of list.slice(0, MAX_TEMPLATES)) {
    const one = validateLibrary([item]);
    if (!one.ok) continue;
    const t = one.library.templates[0];
    if (t.id.startsWith(CUSTOM_PREFIX) && !byId.has(t.id)) byId.set(t.id, t);
  }
  return byId.size > 0 ? [...byId.values()] : undefined;
}
