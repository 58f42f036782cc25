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
import { Finding, Message } from "../../core/rules/types";
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

/** The global the WPS add-in runtime injects into every page of the add-in. */
export function globalApplication(): EtApp | null {
  const g = globalThis as { Application?: EtApp; wps?: EtApp };
  return g.Application ?? g.wps ?? null;
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
    return readWorkbook(this.app);
  }

  async mark(findings: Finding[]): Promise<MarkOutcome> {
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

  async writeReport(findings: Finding[], lang: Lang, read: Message[] = []): Promise<void> {
    this.write((app) => writeReportSheet(app, findings, lang, new Date(), read));
  }

  /** The user's edits, debounced; our own writes and our hidden sheets are not the user's. */
  onChange(listener: () => void): () => void {
    const events = (this.given ?? globalApplication())?.ApiEvent;
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
