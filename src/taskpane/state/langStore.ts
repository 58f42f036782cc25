/**
 * The language the user last chose, kept per user. The preview opens a fresh copy of its example on
 * every load, so the workbook cannot remember the choice there.
 */
import { isLang } from "../../core/i18n";
import { Lang } from "../../hosts/host";
import { storage } from "../templates/customStore";

export const LANG_KEY = "budget-form-assistant.lang";

export function loadLang(): Lang | null {
  const v = storage()?.getItem(LANG_KEY);
  return isLang(v) ? v : null;
}

export function saveLang(lang: Lang): void {
  try {
    storage()?.setItem(LANG_KEY, lang);
  } catch {
    // Storage full or blocked: the choice lasts for this session only.
  }
}
