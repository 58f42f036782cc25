/**
 * The Host for Excel (office-js). Everything Excel-specific lives in this folder; the pane and the
 * ribbon only see the Host interface. Round trips per call are documented in each module.
 */
import { CellRef, formatRef, toA1 } from "../../core/a1";
import { EditPlan } from "../../core/plan/editPlan";
import { Finding, Message } from "../../core/rules/types";
import { ApplyResult, Host, HostBusyError, Lang, MarkOutcome, ReadResult, WorkbookState } from "../host";
import { Config } from "../../core/config";
import { applyPlan } from "./applyPlan";
import { ExcelCaps, FEATURE, detectCapabilities, has } from "./capabilities";
import { DEBOUNCE_MS, OWN_WRITE_GRACE_MS, OwnWrites, watchChanges } from "./changes";
import { shiftFindingCells } from "./markAreas";
import { ReplaceOutcome, countMarkRules, replaceMarks } from "./marking";
import { CreateSheet, forceCreateSheet } from "./officeHelpers";
import { isStateSheetName, readWorkbook } from "./readWorkbook";
import { writeReportSheet } from "./report";
import { ExcelRun, isCellEditError, isNotFound, officeRun, oneAtATime } from "./runner";
import { CoalescedSaver, SAVE_COALESCE_MS, SettingsStore, loadState, officeSettings } from "./state";

export interface ExcelHostOptions {
  run?: ExcelRun;
  caps?: ExcelCaps;
  /** Office document settings; null when unavailable. */
  settings?: SettingsStore | null;
  createSheet?: CreateSheet;
  debounceMs?: number;
  ownWriteGraceMs?: number;
  /** How long settings saves are gathered into one (each save clears the user's undo history). */
  saveDelayMs?: number;
  /** Where "the user came back to the pane" is heard (default: the page's window). */
  focusEvents?: EventTarget | null;
  /** The document's id (default: officeDocumentId()). */
  documentId?: string;
}

let runtimeId: string | null = null;

/** UndoNotSupported, or Excel on the web's bare RichApi.Error for the run options (office-js#6711). */
function isUndoGroupRefusal(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (code === "UndoNotSupported") return true;
  return e instanceof Error && /undo/i.test(e.message) && /not ?supported|RichApi/i.test(e.message);
}

/**
 * This runtime's document. Office gives each open document its own add-in runtime, so an id made up
 * once per page names the document for the in-process channel. Pages of one document that do not
 * share a runtime agree only on Document.url ("Returns null if the URL is unavailable", Office
 * docs, Document.url), so `url` is set, and the cross-page channel may be used, only when it is known.
 */
export function officeDocumentId(): { id: string; url: boolean } {
  let url: string | null | undefined;
  try {
    url = typeof Office !== "undefined" ? Office.context?.document?.url : null;
  } catch {
    url = null;
  }
  if (url) return { id: `url:${url}`, url: true };
  runtimeId ??= `page:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}`;
  return { id: runtimeId, url: false };
}

async function listSheets(ctx: Excel.RequestContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  return sheets.items.map((s) => s.name).filter((n) => !isStateSheetName(n));
}

export class ExcelHost implements Host {
  readonly kind = "excel" as const;
  readonly caps: ExcelCaps;

  private readonly run: ExcelRun;
  private readonly settings: SettingsStore | null;
  private readonly createSheet: CreateSheet;
  private readonly debounceMs: number;
  private readonly own: OwnWrites;
  /** Sheet names from the last read, so marking need not list them again. */
  private sheetNames: string[] | null = null;
  /** The findings the sheet is marked with now, to keep marks on their cells when rows are inserted. */
  private marked: Finding[] = [];
  private readonly saver: CoalescedSaver;
  private readonly focusEvents: EventTarget | null | undefined;
  /**
   * The user's rule settings as last loaded or saved (the pane loads them before anything else), so
   * apply() verifies with them without another read; the defaults until then.
   */
  private config: Config | undefined;

  /** This runtime's Excel.run: every host on it works on its document and shares its queue. */
  readonly queueKey: object;

  constructor(opts: ExcelHostOptions = {}) {
    this.run = oneAtATime(opts.run ?? officeRun);
    this.queueKey = this.run;
    this.caps = opts.caps ?? detectCapabilities();
    this.settings = opts.settings !== undefined ? opts.settings : officeSettings();
    this.createSheet = opts.createSheet ?? forceCreateSheet;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
    this.own = new OwnWrites(opts.ownWriteGraceMs ?? OWN_WRITE_GRACE_MS);
    this.saver = new CoalescedSaver(this.settings, opts.saveDelayMs ?? SAVE_COALESCE_MS);
    this.focusEvents = opts.focusEvents;
    this.docId = opts.documentId ?? officeDocumentId().id;
  }

  private readonly docId: string;

  documentId(): string {
    return this.docId;
  }

  /** Set once Excel refused an undo group: later runs go without it. */
  private undoGroupRefused = false;

  /** Run options for writes: wait while the user is typing in a cell; one undo step where Excel can. */
  private writeOptions(): Excel.RunOptions {
    return has(this.caps, "mergeUndoGroup") && !this.undoGroupRefused
      ? { delayForCellEdit: true, mergeUndoGroup: true }
      : { delayForCellEdit: true };
  }

  /**
   * A write run. "If an API within the group doesn't offer undo support, the UndoNotSupported error is
   * thrown … Your add-in should gracefully handle this error" (Microsoft docs, "Undo capabilities"), and
   * Excel on the web rejects {delayForCellEdit, mergeUndoGroup} outright (office-js#6711). Such a run
   * is tried again once without the group; a run refused before its first write changed nothing, and
   * apply() restores whatever ran before it reports a failure, so it never throws after a write.
   */
  private async writeRun<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options = this.writeOptions();
    try {
      return await this.run(options, batch);
    } catch (e) {
      if (!options.mergeUndoGroup || !isUndoGroupRefusal(e)) throw e;
      this.undoGroupRefused = true;
      return this.run(this.writeOptions(), batch);
    }
  }

  /**
   * The merged areas of the last full read, by sheet, and whether only cell values changed since (as
   * the change events tell). Listing merges (getMergedAreasOrNullObject) in a sync loses the user's
   * undo stack (office-js#5918), so a live re-check after a value edit reuses this list; a change of
   * rows, cells or columns, a co-author's change, or our own apply reads the merges again.
   */
  private lastMerges: Map<string, string[]> | null = null;
  private sinceRead: "values" | "structure" | null = null;

  private noteChange(args: { changeType?: string; source?: string }): void {
    const valuesOnly = args.source !== "Remote" && (args.changeType === undefined || args.changeType === "RangeEdited");
    this.sinceRead = valuesOnly && this.sinceRead !== "structure" ? "values" : "structure";
  }

  async read(): Promise<ReadResult> {
    let out;
    const reuse = this.sinceRead === "values" && this.lastMerges !== null && has(this.caps, "mergedAreas");
    try {
      out = await readWorkbook(this.run, reuse ? { ...this.caps, minor: FEATURE.mergedAreas - 1 } : this.caps);
      const known = this.lastMerges;
      if (reuse && known && out.snapshot.sheets.every((s) => known.has(s.name))) {
        out.snapshot = { ...out.snapshot, sheets: out.snapshot.sheets.map((s) => ({ ...s, merges: known.get(s.name)! })) };
      } else if (reuse) {
        // A sheet the last full read did not see: read it all again, merges included.
        out = await readWorkbook(this.run, this.caps);
        this.lastMerges = null;
      }
    } catch (e) {
      // Only where Excel ignores delayForCellEdit: the user is typing, which is no error.
      if (isCellEditError(e)) throw new HostBusyError("Excel 正在编辑单元格 / Excel is in cell-edit mode");
      throw e;
    }
    this.sheetNames = out.sheetNames.filter((n) => !isStateSheetName(n));
    const listed = has(this.caps, "mergedAreas") && !out.warnings.some((w) => w.en.includes("merged"));
    if (!reuse || !this.lastMerges) this.lastMerges = listed ? new Map(out.snapshot.sheets.map((s) => [s.name, s.merges])) : null;
    this.sinceRead = null;
    return { snapshot: out.snapshot, warnings: out.warnings };
  }

  private markOnce(findings: Finding[], fresh: boolean): Promise<ReplaceOutcome> {
    return this.own.around(() =>
      this.writeRun(async (ctx) => {
        const names = fresh || !this.sheetNames ? await listSheets(ctx) : this.sheetNames;
        if (fresh) this.sheetNames = names;
        // After a fresh listing, findings on sheets that no longer exist cannot be marked.
        const usable = fresh ? findings.filter((f) => f.cells.every((c) => names.includes(c.sheet))) : findings;
        return replaceMarks(ctx, names, usable, this.caps);
      }),
    );
  }

  private async replace(findings: Finding[], fresh: boolean): Promise<ReplaceOutcome> {
    let out: ReplaceOutcome;
    try {
      out = await this.markOnce(findings, fresh);
    } catch (e) {
      // A sheet renamed or deleted since the last read: list the sheets again, once.
      if (fresh || !isNotFound(e)) throw e;
      out = await this.markOnce(findings, true);
    }
    return out;
  }

  async mark(findings: Finding[]): Promise<MarkOutcome> {
    const { marked, warnings } = await this.replace(findings, false);
    this.marked = findings;
    return { marked, warnings };
  }

  async clearMarks(): Promise<void> {
    await this.replace([], true);
    this.marked = [];
  }

  async hasMarks(): Promise<boolean> {
    return this.run(null, async (ctx) => (await countMarkRules(ctx, await listSheets(ctx), this.caps)) > 0);
  }

  async goTo(cell: CellRef): Promise<void> {
    try {
      await this.run(null, async (ctx) => {
        const ws = cell.sheet ? ctx.workbook.worksheets.getItem(cell.sheet) : ctx.workbook.worksheets.getActiveWorksheet();
        ws.activate();
        ws.getRange(toA1(cell.row, cell.col)).select();
        await ctx.sync();
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
      const ref = formatRef(cell);
      throw new Error(`找不到单元格 ${ref}(工作表可能已改名或删除),请重新校验。 / Cell ${ref} was not found; check again.`, { cause: e });
    }
  }

  /**
   * Inserted rows take the formats of a neighbouring row, and conditional formats are formats: a mark
   * on that row, or one spanning the insertion point, would spread to the new rows. So when the plan
   * inserts rows and cells are marked, the marks are put back on their (moved) cells in the same run,
   * which is one undo step where ExcelApi 1.20 merges the run's undo group.
   */
  apply(plan: EditPlan): Promise<ApplyResult> {
    // Rows and merges may change: the next read lists the merges again.
    this.lastMerges = null;
    const inserts = plan.edits.flatMap((e) => (e.op === "insertRows" ? [e] : []));
    return this.own.around(() =>
      this.writeRun(async (ctx) => {
        const res = await applyPlan(ctx, plan, this.caps, this.config);
        if (res.ok && inserts.length && this.marked.length) {
          const moved = shiftFindingCells(this.marked, inserts);
          try {
            await replaceMarks(ctx, this.sheetNames ?? (await listSheets(ctx)), moved, this.caps);
            this.marked = moved;
          } catch {
            // The edit itself is done; the next check re-marks.
          }
        }
        return res;
      }),
    );
  }

  async loadState(): Promise<WorkbookState> {
    const state = await (this.saver.pending() ?? loadState(this.settings, this.run));
    this.config = state.settings.config;
    return state;
  }

  saveState(state: WorkbookState): Promise<void> {
    this.config = state.settings.config;
    return this.saver.save(state);
  }

  onChange(listener: () => void): () => void {
    return watchChanges(this.run, this.caps, this.own, listener, this.debounceMs, this.focusEvents, (args) => this.noteChange(args));
  }

  async writeReport(findings: Finding[], lang: Lang, read: Message[] = []): Promise<void> {
    await this.own.around(() =>
      this.writeRun((ctx) => writeReportSheet(ctx, findings, lang, this.caps, this.createSheet, new Date(), read)),
    );
  }
}
