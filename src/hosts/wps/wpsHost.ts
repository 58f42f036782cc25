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
import { CellRef, formatRef, toA1 } from "../../core/a1";
import { EditPlan } from "../../core/plan/editPlan";
import { marksByCell } from "../../core/marks";
import { Finding } from "../../core/rules/types";
import { shiftFindingCells } from "../excel/markAreas";
import { ApplyResult, Host, Lang, MarkOutcome, ReadResult, WorkbookState } from "../host";
import { sanitizeState } from "../workbookState";
import { applyPlan } from "./apply";
import { EtApp, sheetNamed } from "./et";
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

export class WpsHost implements Host {
  readonly kind = "wps" as const;

  private readonly given: EtApp | undefined;
  private readonly debounceMs: number;
  private readonly graceMs: number;
  private readonly now: () => number;
  private writing = 0;
  private quietUntil = 0;
  /** The findings the sheet is marked with now, to keep marks on their cells when rows are inserted. */
  private marked: Finding[] = [];
  /**
   * A live re-check is under way: set when a user's edit is handed to the listener, taken by the
   * read that re-check starts, cleared by the next read. Its marks are not written: nothing
   * documents jsapi writes as undoable, and fills written right after the user's edit could take
   * that edit's Ctrl+Z away (issue #22) — until verified in real WPS, marks change on 一键校验 only.
   */
  private liveEdit = false;
  private liveRead = false;

  constructor(opts: WpsHostOptions = {}) {
    this.given = opts.app;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
    this.graceMs = opts.ownWriteGraceMs ?? OWN_WRITE_GRACE_MS;
    this.now = opts.now ?? (() => Date.now());
  }

  private get app(): EtApp {
    const app = this.given ?? globalApplication();
    if (!app) throw new Error("未在 WPS 中运行(找不到 Application 对象) / Not running inside WPS (no Application object)");
    // The pane can stay open with every workbook closed: say so rather than fail on a null.
    if (!app.ActiveWorkbook) throw new Error("WPS 中没有打开的工作簿,请先打开申报表 / No workbook is open in WPS; open the form first");
    return app;
  }

  /** Runs our writes with the screen frozen and their change events ignored. */
  private write<T>(fn: (app: EtApp) => T): T {
    const app = this.app;
    this.writing++;
    const screen = app.ScreenUpdating;
    app.ScreenUpdating = false;
    try {
      return fn(app);
    } finally {
      app.ScreenUpdating = screen;
      this.writing--;
      this.quietUntil = this.now() + this.graceMs;
    }
  }

  async read(): Promise<ReadResult> {
    this.liveRead = this.liveEdit;
    this.liveEdit = false;
    return readWorkbook(this.app);
  }

  async mark(findings: Finding[]): Promise<MarkOutcome> {
    if (this.liveRead) {
      this.liveRead = false;
      // The marks stay as they are until the user asks (一键校验); no write follows their edit.
      return { marked: marksByCell(this.marked).length, warnings: [] };
    }
    const out = this.write((app) => replaceMarks(app, findings));
    this.marked = findings;
    return out;
  }

  async clearMarks(): Promise<void> {
    this.write((app) => clearMarks(app));
    this.marked = [];
  }

  async hasMarks(): Promise<boolean> {
    return loadRecords(this.app).length > 0;
  }

  async goTo(cell: CellRef): Promise<void> {
    const app = this.app;
    const ws = cell.sheet ? sheetNamed(app, cell.sheet) : (app.ActiveSheet as Et.Worksheet);
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
  async apply(plan: EditPlan): Promise<ApplyResult> {
    const inserts = plan.edits.flatMap((e) => (e.op === "insertRows" ? [e] : []));
    return this.write((app) => {
      // Without insertions no format is copied: the marks stay as they are.
      if (!inserts.length) return applyPlan(app, plan);
      const hadMarks = loadRecords(app).length > 0;
      if (hadMarks) clearMarks(app);
      const res = applyPlan(app, plan);
      if (hadMarks && this.marked.length) {
        const moved = shiftFindingCells(this.marked, res.ok ? inserts : []);
        try {
          replaceMarks(app, moved);
          this.marked = moved;
        } catch {
          // The edit itself is done (or undone); the next check marks again.
        }
      }
      return res;
    });
  }

  async loadState(): Promise<WorkbookState> {
    return sanitizeState(readText(this.app, STATE_SHEET) ?? "");
  }

  async saveState(state: WorkbookState): Promise<void> {
    const saved = this.write((app) => writeTextVerified(app, STATE_SHEET, JSON.stringify(state)));
    if (!saved)
      throw new Error("设置未能保存到工作簿(读回的内容不一致) / The settings could not be saved in the workbook (read-back differs)");
  }

  async writeReport(findings: Finding[], lang: Lang): Promise<void> {
    this.write((app) => writeReportSheet(app, findings, lang));
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
