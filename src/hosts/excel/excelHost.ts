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
import { ExcelCaps, detectCapabilities, has } from "./capabilities";
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

  constructor(opts: ExcelHostOptions = {}) {
    this.run = oneAtATime(opts.run ?? officeRun);
    this.caps = opts.caps ?? detectCapabilities();
    this.settings = opts.settings !== undefined ? opts.settings : officeSettings();
    this.createSheet = opts.createSheet ?? forceCreateSheet;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
    this.own = new OwnWrites(opts.ownWriteGraceMs ?? OWN_WRITE_GRACE_MS);
    this.saver = new CoalescedSaver(this.settings, opts.saveDelayMs ?? SAVE_COALESCE_MS);
    this.focusEvents = opts.focusEvents;
  }

  /** Run options for writes: wait while the user is typing in a cell; one undo step where Excel can. */
  private writeOptions(): Excel.RunOptions {
    return has(this.caps, "mergeUndoGroup") ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
  }

  async read(): Promise<ReadResult> {
    let out;
    try {
      out = await readWorkbook(this.run, this.caps);
    } catch (e) {
      // Only where Excel ignores delayForCellEdit: the user is typing, which is no error.
      if (isCellEditError(e)) throw new HostBusyError("Excel 正在编辑单元格 / Excel is in cell-edit mode");
      throw e;
    }
    this.sheetNames = out.sheetNames.filter((n) => !isStateSheetName(n));
    return { snapshot: out.snapshot, warnings: out.warnings };
  }

  private markOnce(findings: Finding[], fresh: boolean): Promise<ReplaceOutcome> {
    return this.own.around(() =>
      this.run(this.writeOptions(), async (ctx) => {
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
    const inserts = plan.edits.flatMap((e) => (e.op === "insertRows" ? [e] : []));
    return this.own.around(() =>
      this.run(this.writeOptions(), async (ctx) => {
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
    return watchChanges(this.run, this.caps, this.own, listener, this.debounceMs, this.focusEvents);
  }

  async writeReport(findings: Finding[], lang: Lang, read: Message[] = []): Promise<void> {
    await this.own.around(() =>
      this.run(this.writeOptions(), (ctx) => writeReportSheet(ctx, findings, lang, this.caps, this.createSheet, new Date(), read)),
    );
  }
}
