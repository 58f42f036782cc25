/**
 * The Host for Excel (office-js). Everything Excel-specific lives in this folder; the pane and the
 * ribbon only see the Host interface. Round trips per call are documented in each module.
 */
import { splitQualified } from "../../core/a1";
import { EditPlan } from "../../core/plan/editPlan";
import { Finding, Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { ApplyResult, Host, Lang, WorkbookState } from "../host";
import { applyPlan } from "./applyPlan";
import { ExcelCaps, detectCapabilities, has } from "./capabilities";
import { DEBOUNCE_MS, OWN_WRITE_GRACE_MS, OwnWrites, watchChanges } from "./changes";
import { MarkOutcome, countMarkRules, replaceMarks } from "./marking";
import { CreateSheet, forceCreateSheet } from "./officeHelpers";
import { isStateSheetName, readWorkbook } from "./readWorkbook";
import { writeReportSheet } from "./report";
import { ExcelRun, isNotFound, officeRun } from "./runner";
import { SettingsStore, loadState, officeSettings, saveState } from "./state";

export interface ExcelHostOptions {
  run?: ExcelRun;
  caps?: ExcelCaps;
  /** Office document settings; null when unavailable. */
  settings?: SettingsStore | null;
  createSheet?: CreateSheet;
  debounceMs?: number;
  ownWriteGraceMs?: number;
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
  /** Sheets the last read had to skip (too large), for the pane to show. */
  lastReadWarnings: Message[] = [];
  /** Sheets the last mark could not touch (protected), or marks unsupported. */
  lastMarkWarnings: Message[] = [];

  private readonly run: ExcelRun;
  private readonly settings: SettingsStore | null;
  private readonly createSheet: CreateSheet;
  private readonly debounceMs: number;
  private readonly own: OwnWrites;
  /** Sheet names from the last read, so marking need not list them again. */
  private sheetNames: string[] | null = null;

  constructor(opts: ExcelHostOptions = {}) {
    this.run = opts.run ?? officeRun;
    this.caps = opts.caps ?? detectCapabilities();
    this.settings = opts.settings !== undefined ? opts.settings : officeSettings();
    this.createSheet = opts.createSheet ?? forceCreateSheet;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
    this.own = new OwnWrites(opts.ownWriteGraceMs ?? OWN_WRITE_GRACE_MS);
  }

  /** Run options for writes: wait while the user is typing in a cell; one undo step where Excel can. */
  private writeOptions(): Excel.RunOptions {
    return has(this.caps, "mergeUndoGroup") ? { delayForCellEdit: true, mergeUndoGroup: true } : { delayForCellEdit: true };
  }

  async read(): Promise<WorkbookSnapshot> {
    const out = await readWorkbook(this.run, this.caps);
    this.sheetNames = out.sheetNames.filter((n) => !isStateSheetName(n));
    this.lastReadWarnings = out.warnings;
    return out.snapshot;
  }

  private markOnce(findings: Finding[], fresh: boolean): Promise<MarkOutcome> {
    return this.own.around(() =>
      this.run(this.writeOptions(), async (ctx) => {
        const names = fresh || !this.sheetNames ? await listSheets(ctx) : this.sheetNames;
        if (fresh) this.sheetNames = names;
        // After a fresh listing, findings on sheets that no longer exist cannot be marked.
        const usable = fresh ? findings.filter((f) => f.cells.every((c) => names.includes(splitQualified(c).sheet))) : findings;
        return replaceMarks(ctx, names, usable, this.caps);
      }),
    );
  }

  private async replace(findings: Finding[], fresh: boolean): Promise<MarkOutcome> {
    let out: MarkOutcome;
    try {
      out = await this.markOnce(findings, fresh);
    } catch (e) {
      // A sheet renamed or deleted since the last read: list the sheets again, once.
      if (fresh || !isNotFound(e)) throw e;
      out = await this.markOnce(findings, true);
    }
    this.lastMarkWarnings = out.warnings;
    return out;
  }

  async mark(findings: Finding[]): Promise<void> {
    await this.replace(findings, false);
  }

  async clearMarks(): Promise<void> {
    await this.replace([], true);
  }

  async hasMarks(): Promise<boolean> {
    return this.run(null, async (ctx) => (await countMarkRules(ctx, await listSheets(ctx), this.caps)) > 0);
  }

  async goTo(ref: string): Promise<void> {
    const { sheet, address } = splitQualified(ref);
    try {
      await this.run(null, async (ctx) => {
        const ws = sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
        ws.activate();
        if (address) ws.getRange(address).select();
        await ctx.sync();
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
      throw new Error(`找不到单元格 ${ref}(工作表可能已改名或删除),请重新校验。 / Cell ${ref} was not found; check again.`);
    }
  }

  apply(plan: EditPlan): Promise<ApplyResult> {
    return this.own.around(() => this.run(this.writeOptions(), (ctx) => applyPlan(ctx, plan, this.caps)));
  }

  loadState(): Promise<WorkbookState> {
    return loadState(this.settings, this.run);
  }

  saveState(state: WorkbookState): Promise<void> {
    return saveState(this.settings, state);
  }

  onChange(listener: () => void): () => void {
    return watchChanges(this.run, this.caps, this.own, listener, this.debounceMs);
  }

  async writeReport(findings: Finding[], lang: Lang): Promise<void> {
    await this.own.around(() => this.run(this.writeOptions(), (ctx) => writeReportSheet(ctx, findings, lang, this.caps, this.createSheet)));
  }
}
