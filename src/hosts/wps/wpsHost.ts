/**
 * The Host for WPS 表格 (WPS 加载项 / jsapi). Everything WPS-specific lives in this folder; the pane,
 * the ribbon and the check flow only see the Host interface. ET calls are synchronous, so each
 * method runs to its end in one go: nothing interleaves with the user's edits or with another call
 * of ours, and no queue is needed as in the Excel host.
 *
 * Every write runs with ScreenUpdating off (one repaint instead of one per call, restored in
 * finally), and inside the own-writes guard: SheetChange fires for our writes too (ApiEvent docs
 * give no source of a change), so changes heard while we write, or within a short grace after (for a
 * WPS that delivers events late), are not taken for the user's.
 */
import { Config } from "../../core/config";
import { CellRef, formatRef, toA1 } from "../../core/a1";
import { EditPlan, InsertRowsEdit } from "../../core/plan/editPlan";
import { marksByCell } from "../../core/marks";
import { Finding, Message } from "../../core/rules/types";
import { shiftFindingCells } from "../excel/markAreas";
import { ApplyOptions, ApplyResult, Host, Lang, MarkOutcome, ReadResult, WorkbookState } from "../host";
import { errorMessage } from "../../core/errors";
import { sanitizeState } from "../workbookState";
import { applyPlan } from "./apply";
import { EtApp, EtDoc, activeDoc } from "./et";
import { clearMarks, loadRecords, replaceMarks } from "./marks";
import { STATE_SHEET, isOwnSheet, readWorkbook } from "./read";
import { writeReportSheet } from "./report";
import { readText, writeTextVerified } from "./store";

export const DEBOUNCE_MS = 600;
/** How long after our own write a SheetChange is still taken as ours. */
export const OWN_WRITE_GRACE_MS = 400;

export interface WpsHostOptions {
  /** The ET Application; the page's global `Application` when omitted. */
  app?: EtApp;
  debounceMs?: number;
  ownWriteGraceMs?: number;
  now?: () => number;
  /**
   * Told when a call was refused because its workbook is closed or no longer the one the user looks
   * at: the pane starts afresh on the active workbook (a new host, its state, a new check).
   */
  onDocumentChanged?: (why: string) => void;
}

/**
 * The add-in root the WPS runtime injects into every page: `Application` (ET Application and
 * add-in root in one, et-jsapi-declare index.d.ts WPSMergedRoot) or, on older builds without it,
 * `wps`, whose ET object is `wps.EtApplication()` (notes/peers-and-style.md A.14: "wps.EtApplication()
 * .ActiveWorkbook"; et-jsapi-declare marks AddonRoot.EtApplication deprecated in favour of the
 * global Application). The root holds CreateTaskPane, PluginStorage and ApiEvent.
 */
type Root = EtApp & { EtApplication?: EtApp | (() => EtApp) };
const injected = () => globalThis as { Application?: Root; wps?: Root };

export function globalRoot(): Root | null {
  const g = injected();
  return g.Application ?? g.wps ?? null;
}

/** The ET Application: the global `Application`, or `wps.EtApplication()` on builds without it. */
export function globalApplication(): EtApp | null {
  const g = injected();
  if (g.Application) return g.Application;
  const w = g.wps;
  if (!w) return null;
  const et = typeof w.EtApplication === "function" ? w.EtApplication() : w.EtApplication;
  return et ?? w;
}

/**
 * The host's workbook was closed, or the user now works in another one: nothing was read or written.
 * The message says which, and that the pane checks the workbook in front of the user instead.
 */
/** "中文 / English" as thrown, back into its two languages. */
function splitMessage(text: string): Message {
  const at = text.indexOf(" / ");
  return at < 0 ? { zh: text, en: text } : { zh: text.slice(0, at), en: text.slice(at + 3) };
}

export class DocumentChangedError extends Error {
  readonly documentChanged = true;
}

/** A workbook's FullName, or null when the object no longer answers (closed). */
function fullName(wb: Et.Workbook | null | undefined): string | null {
  try {
    return wb ? wb.FullName : null;
  } catch {
    return null;
  }
}

function isOpen(app: EtApp, name: string): boolean {
  try {
    const books = app.Workbooks;
    for (let i = 1, n = books.Count; i <= n; i++) if (fullName(books.Item(i)) === name) return true;
  } catch {
    // A model without Workbooks: the bound object's own answer below decides.
  }
  return false;
}

export class WpsHost implements Host {
  readonly kind = "wps" as const;

  private readonly given: EtApp | undefined;
  private readonly debounceMs: number;
  private readonly graceMs: number;
  private readonly now: () => number;
  private readonly onDocumentChanged: ((why: string) => void) | undefined;
  private writing = 0;
  private quietUntil = 0;
  /** The findings the sheet is marked with now, to keep marks on their cells when rows are inserted. */
  private marked: Finding[] = [];
  /** The user's rule settings as last loaded or saved: an edit is verified by them. */
  private config: Config = {};
  /**
   * A live re-check is under way: set when a user's edit is handed to the listener, taken by the
   * read that re-check starts, cleared by the next read. Its marks are not written: nothing
   * documents jsapi writes as undoable, and fills written right after the user's edit could take
   * that edit's Ctrl+Z away (issue #22) — until verified in real WPS, marks change on 一键校验 only.
   */
  private liveEdit = false;
  private liveRead = false;
  /**
   * The workbook this host works on: the one active at its first call, kept as the object itself and
   * its FullName. Application.ActiveWorkbook is whichever window the user looked at last; looked up
   * anew per call, a fix, a template or the ignored list went into another workbook after a window
   * switch (issue #21). Object identity across bridge calls is not documented, so FullName tells
   * whether it is still open and still the one in front of the user.
   */
  private bound: { wb: Et.Workbook; name: string } | null = null;

  constructor(opts: WpsHostOptions = {}) {
    this.given = opts.app;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
    this.graceMs = opts.ownWriteGraceMs ?? OWN_WRITE_GRACE_MS;
    this.now = opts.now ?? (() => Date.now());
    this.onDocumentChanged = opts.onDocumentChanged;
  }

  /** The Application object: the pane's and the ribbon's hosts in one JS context share its queue. */
  get queueKey(): object {
    return this.given ?? globalApplication() ?? this;
  }

  private get app(): EtApp {
    const app = this.given ?? globalApplication();
    if (!app) throw new Error("未在 WPS 中运行(找不到 Application 对象) / Not running inside WPS (no Application object)");
    return app;
  }

  /**
   * The bound workbook, binding to the active one on first use. Refuses when it was closed, or when
   * the user has switched to another workbook: what the pane shows belongs to the bound one, and a
   * write the user asked for while looking at another window must not land in either by surprise.
   */
  private get doc(): EtDoc {
    const app = this.app;
    if (!this.bound) {
      // The pane can stay open with every workbook closed: say so rather than fail on a null.
      const doc = activeDoc(app);
      this.bound = { wb: doc.wb, name: doc.wb.FullName };
      return doc;
    }
    const { wb, name } = this.bound;
    // The usual case first, in three bridge calls: the bound workbook is the one in front. A workbook
    // whose FullName the active window shows is open, so the walk over Workbooks (four calls more, on
    // every host call) is needed only to tell the user which of the two refusals applies.
    const active = fullName(app.ActiveWorkbook);
    if (active === name && fullName(wb) === name) return { app, wb };
    const title = name.replace(/^.*[\\/]/, "");
    if (!isOpen(app, name) || fullName(wb) !== name) {
      throw this.refused(
        `工作簿「${title}」已关闭,未做任何修改。已改为校验当前工作簿。 / Workbook "${title}" was closed; nothing was changed. The pane now checks the current workbook.`,
      );
    }
    const now = active ? active.replace(/^.*[\\/]/, "") : "";
    throw this.refused(
      `窗格显示的是工作簿「${title}」,当前窗口是「${now}」,未做任何修改。已改为校验当前工作簿,请查看结果后再操作。 / The pane shows workbook "${title}" but the window in front is "${now}"; nothing was changed. The pane now checks the current workbook; review it and try again.`,
    );
  }

  private refused(why: string): DocumentChangedError {
    const told = this.onDocumentChanged;
    // After the caller has heard the refusal: the pane restarts on the workbook in front.
    if (told) queueMicrotask(() => told(why));
    return new DocumentChangedError(why);
  }

  /** "wps:" + the bound workbook's FullName; null before the first call binds one. */
  documentId(): string | null {
    return this.bound ? `wps:${this.bound.name}` : null;
  }

  /** Binds now (to the active workbook) when not yet bound; the id of the workbook bound. */
  bind(): string | null {
    try {
      void this.doc;
    } catch {
      return null;
    }
    return this.documentId();
  }

  /** Runs our writes with the screen frozen and their change events ignored. */
  private write<T>(fn: (doc: EtDoc) => T): T {
    const { doc, done } = this.begin();
    try {
      return fn(doc);
    } finally {
      done();
    }
  }

  /** Checks the bound workbook, freezes the screen and counts the write as ours; `done` ends both. */
  private begin(): { doc: EtDoc; done: () => void } {
    const doc = this.doc;
    const app = doc.app;
    this.writing++;
    const screen = app.ScreenUpdating;
    app.ScreenUpdating = false;
    return {
      doc,
      done: () => {
        app.ScreenUpdating = screen;
        this.writing--;
        this.quietUntil = this.now() + this.graceMs;
      },
    };
  }

  /** write(), for a use case that awaits its primitives: the screen stays frozen until it is done. */
  private async writeAsync<T>(fn: (doc: EtDoc) => Promise<T>): Promise<T> {
    const { doc, done } = this.begin();
    try {
      return await fn(doc);
    } finally {
      done();
    }
  }

  async read(): Promise<ReadResult> {
    this.liveRead = this.liveEdit;
    this.liveEdit = false;
    return readWorkbook(this.doc);
  }

  async mark(findings: Finding[]): Promise<MarkOutcome> {
    if (this.liveRead) {
      this.liveRead = false;
      // The marks stay as they are until the user asks (一键校验); no write follows their edit.
      return { marked: marksByCell(this.marked).length, warnings: [] };
    }
    const out = this.write((doc) => replaceMarks(doc, findings));
    this.marked = findings;
    return out;
  }

  async clearMarks(): Promise<void> {
    this.write((doc) => clearMarks(doc));
    this.marked = [];
  }

  async hasMarks(): Promise<boolean> {
    return loadRecords(this.doc).length > 0;
  }

  /** The bound workbook's active sheet (Workbook.ActiveSheet): where a template goes among several forms. */
  async activeSheet(): Promise<string | null> {
    const ws = this.doc.wb.ActiveSheet as Et.Worksheet | null;
    return ws ? ws.Name : null;
  }

  async goTo(cell: CellRef): Promise<void> {
    const doc = this.doc;
    // Worksheets.Item takes a name (VBA excel.worksheets.item; et-jsapi-declare Sheets.Item) and throws
    // when there is none: two bridge calls, where listing every sheet costs two per sheet.
    const ws = cell.sheet ? sheetByName(doc, cell.sheet) : (doc.wb.ActiveSheet as Et.Worksheet);
    if (!ws) {
      const ref = formatRef(cell);
      throw new Error(`找不到单元格 ${ref}(工作表可能已改名或删除),请重新校验。 / Cell ${ref} was not found; check again.`);
    }
    // Select works on the active sheet only (VBA Range.Select), so the sheet is activated first.
    ws.Activate();
    ws.Range(toA1(cell.row, cell.col)).Select();
  }

  /**
   * Marks are fills, and inserted rows take a neighbour's formats: a marked format row would spread
   * its mark to the new rows, where no record could clear it. So the marks are taken off before the
   * plan runs and put back on their (moved) cells after it.
   */
  async apply(plan: EditPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
    try {
      // writeAsync checks the bound workbook once (three bridge calls) and hands it on.
      return await this.writeAsync((doc) => this.applyOn(doc, plan, opts));
    } catch (e) {
      if (e instanceof DocumentChangedError) return { ok: false, reason: splitMessage(e.message) };
      throw e;
    }
  }

  private async applyOn(doc: EtDoc, plan: EditPlan, opts: ApplyOptions): Promise<ApplyResult> {
    const inserts = plan.edits.flatMap((e): InsertRowsEdit[] => (e.op === "insertRows" ? [e] : []));
    // Without insertions no format is copied: the marks stay as they are.
    if (!inserts.length) return applyPlan(doc, plan, this.config, opts.basis);
    const hadMarks = loadRecords(doc).length > 0;
    if (hadMarks) {
      try {
        clearMarks(doc);
      } catch (e) {
        // Nothing of the plan ran: put the marks that came off back, and say the edit was not made.
        try {
          replaceMarks(doc, this.marked);
        } catch {
          // The next check marks again.
        }
        const why = errorMessage(e);
        return {
          ok: false,
          reason: {
            zh: `“${plan.title.zh}”未应用:无法先取下标记(${why})。表格已恢复原状。`,
            en: `"${plan.title.en}" was not applied: the marks could not be taken off first (${why}). The sheet is as it was.`,
          },
        };
      }
    }
    const res = await applyPlan(doc, plan, this.config, opts.basis);
    if (hadMarks && this.marked.length) {
      const moved = shiftFindingCells(this.marked, res.ok ? inserts : []);
      try {
        replaceMarks(doc, moved);
        this.marked = moved;
      } catch {
        // The edit itself is done (or undone); the next check marks again.
      }
    }
    return res;
  }

  async loadState(): Promise<WorkbookState> {
    const state = sanitizeState(readText(this.doc, STATE_SHEET) ?? "");
    // The user's rule settings judge an edit's verification (issue #21), as in the Excel host.
    this.config = state.settings.config;
    return state;
  }

  async saveState(state: WorkbookState): Promise<void> {
    this.config = state.settings.config;
    const saved = this.write((doc) => writeTextVerified(doc, STATE_SHEET, JSON.stringify(state)));
    if (!saved)
      throw new Error("设置未能保存到工作簿(读回的内容不一致) / The settings could not be saved in the workbook (read-back differs)");
  }

  async writeReport(findings: Finding[], lang: Lang, read: Message[] = []): Promise<void> {
    this.write((doc) => writeReportSheet(doc, findings, lang, new Date(), read));
  }

  /** The user's edits, debounced; our own writes and our hidden sheets are not the user's. */
  onChange(listener: () => void): () => void {
    const events = this.given ? this.given.ApiEvent : (globalRoot()?.ApiEvent ?? globalApplication()?.ApiEvent);
    if (!events) return () => undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const handler = (ws: Et.Worksheet) => {
      if (this.writing > 0 || this.now() < this.quietUntil) return;
      try {
        if (isOwnSheet(ws.Name)) return;
        // Another workbook's edit is not this form's (SheetChange is raised for every open workbook).
        if (this.bound && fullName(ws.Parent as Et.Workbook) !== this.bound.name) return;
      } catch {
        // A sheet deleted since: still a change worth checking.
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        this.liveEdit = true;
        listener();
      }, this.debounceMs);
    };
    events.AddApiEventListener("SheetChange", handler);
    return () => {
      if (timer) clearTimeout(timer);
      events.RemoveApiEventListener("SheetChange", handler);
    };
  }
}

function sheetByName(doc: EtDoc, name: string): Et.Worksheet | null {
  try {
    return doc.wb.Worksheets.Item(name) as Et.Worksheet;
  } catch {
    return null;
  }
}
