/**
 * Ignored findings and settings, saved in the workbook through Office's document settings (per add-in,
 * per workbook, saved with the file; works on every Excel that runs add-ins). A workbook last saved
 * by the command-line tool or the preview carries its state in the very hidden sheet the file host
 * writes; that is read when the document settings hold nothing yet.
 */
import { WorkbookState } from "../host";
import { STATE_SHEET } from "../workbookState";
import { sanitizeState } from "../workbookState";
import { ExcelRun } from "./runner";

export { sanitizeState };

export const SETTINGS_KEY = "budgetFormAssistant.state";

/** The part of Office.Settings we use, so tests can pass a fake. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
  refreshAsync?(callback?: (result: Office.AsyncResult<Office.Settings>) => void): void;
}

export function officeSettings(): SettingsStore | null {
  try {
    return typeof Office !== "undefined" && Office.context?.document?.settings ? (Office.context.document.settings as SettingsStore) : null;
  } catch {
    return null;
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Another runtime (the ribbon's, without a shared runtime) may have saved since this one loaded. */
function refresh(store: SettingsStore): Promise<void> {
  return new Promise((resolve) => {
    if (typeof store.refreshAsync !== "function") return resolve();
    try {
      store.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** The file host's JSON, split over column A of its very hidden sheet. */
async function readStateSheet(run: ExcelRun): Promise<unknown> {
  return run(null, async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    await ctx.sync();
    if (ws.isNullObject) return null;
    const used = ws.getUsedRange(true);
    used.load("values");
    await ctx.sync();
    let json = "";
    for (const row of used.values) {
      if (typeof row[0] !== "string" || row[0] === "") break;
      json += row[0];
    }
    return json ? safeParse(json) : null;
  });
}

export async function loadState(store: SettingsStore | null, run: ExcelRun | null): Promise<WorkbookState> {
  if (store) {
    await refresh(store);
    const saved = store.get(SETTINGS_KEY);
    if (saved !== null && saved !== undefined) return sanitizeState(saved);
  }
  if (run) {
    try {
      const fromSheet = await readStateSheet(run);
      if (fromSheet) return sanitizeState(fromSheet);
    } catch {
      // No readable state sheet: the defaults are right.
    }
  }
  return sanitizeState(null);
}

export function saveState(store: SettingsStore | null, state: WorkbookState): Promise<void> {
  if (!store) return Promise.reject(new Error("无法保存设置:Office 文档设置不可用 / Office document settings are unavailable"));
  store.set(SETTINGS_KEY, sanitizeState(state));
  return new Promise((resolve, reject) => {
    store.saveAsync((res) => {
      if (String(res.status) === "failed") reject(new Error(`保存设置失败:${res.error?.message ?? ""} / Saving settings failed`));
      else resolve();
    });
  });
}

/** How long saves are gathered into one saveAsync. */
export const SAVE_COALESCE_MS = 1000;

/**
 * Saves state through as few `saveAsync` calls as possible: each one wipes the user's undo history
 * (office-js#3141), so a burst of 忽略 clicks or settings changes is written once, and a state equal
 * to what the document already holds is not written at all. Until the save happens, `pending()` is
 * what loadState must return: refreshAsync would otherwise bring back the document's older copy.
 */
export class CoalescedSaver {
  private next: WorkbookState | null = null;
  private waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private savedJson: string | null = null;

  constructor(
    private readonly store: SettingsStore | null,
    private readonly delayMs = SAVE_COALESCE_MS,
  ) {}

  pending(): WorkbookState | null {
    return this.next;
  }

  save(state: WorkbookState): Promise<void> {
    if (!this.store) return saveState(null, state);
    const clean = sanitizeState(state);
    if (!this.next && JSON.stringify(clean) === this.documentJson()) return Promise.resolve();
    this.next = clean;
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
    });
  }

  private documentJson(): string | null {
    if (this.savedJson !== null) return this.savedJson;
    const stored = this.store?.get(SETTINGS_KEY);
    return stored === null || stored === undefined ? null : JSON.stringify(sanitizeState(stored));
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const state = this.next;
    const waiting = this.waiting;
    this.next = null;
    this.waiting = [];
    if (!state) return;
    const json = JSON.stringify(state);
    try {
      // Changed and changed back within the window: the document already holds it.
      if (json !== this.documentJson()) await saveState(this.store, state);
      this.savedJson = json;
      for (const w of waiting) w.resolve();
    } catch (e) {
      for (const w of waiting) w.reject(e);
    }
  }
}
