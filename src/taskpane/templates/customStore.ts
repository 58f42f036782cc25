/**
 * Custom templates kept per user in localStorage, as the same JSON a library file holds. Office
 * may run the pane where storage is blocked; then the list lives in memory for the session.
 */
import { exportLibrary, parseLibrary } from "../../core/templates/library";
import { IndicatorTemplate } from "../../core/templates/types";

export const STORAGE_KEY = "budget-form-assistant.custom-templates";

export interface CustomStore {
  load(): IndicatorTemplate[];
  save(list: IndicatorTemplate[]): boolean;
  readonly persistent: boolean;
}

/** localStorage when the host lets the pane use it, else null (Office may block it). */
export function storage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    const probe = `${STORAGE_KEY}.probe`;
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export function customStore(): CustomStore {
  const s = storage();
  let memory: IndicatorTemplate[] = [];
  return {
    persistent: s !== null,
    load() {
      if (!s) return memory;
      const text = s.getItem(STORAGE_KEY);
      if (!text) return [];
      const lib = parseLibrary(text);
      // A damaged entry must not break the pane; it is left in place for a later, fixed version.
      return lib.ok ? lib.library.templates : [];
    },
    save(list) {
      memory = list;
      if (!s) return false;
      try {
        s.setItem(STORAGE_KEY, exportLibrary(list));
        return true;
      } catch {
        return false;
      }
    },
  };
}
