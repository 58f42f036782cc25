/**
 * The Host over an in-memory .xlsx (exceljs), for the browser preview and the CLI. Marks and the
 * selection are kept in memory and announced to subscribers: the preview draws them on its grid.
 */
import ExcelJS from "exceljs";
import { CellRef } from "../../core/a1";
import { CellMark, marksByCell } from "../../core/marks";
import { EditPlan } from "../../core/plan/editPlan";
import { Finding, Message } from "../../core/rules/types";
import { WorkbookSnapshot } from "../../core/snapshot";
import { ApplyResult, Host, Lang, MarkOutcome, ReadResult, WorkbookState } from "../host";
import { annotate } from "./annotate";
import { applyVerified } from "./apply";
import { checkWorkbook } from "../../core/engine";
import { PackageWarning } from "./package";
import { openXlsx } from "./open";
import type { ReadResult as OpenedXlsx } from "./read";
import { writeReportSheet } from "./report";
import { snapshotWorkbook } from "./snapshot";
import { STATE_SHEET, readState, writeState } from "./state";
import { writeSheetsPatched } from "./patchSheets";
import { rememberOrigin, writeXlsx } from "./write";
import { EditLog, writePatched } from "./patchWrite";
import { PatchUnsupported } from "./patch";
import { LossRefused, lossOf } from "./loss";
import { annotatedCopy } from "./patchMarks";
import { toBytes } from "./package";

// structuredClone is missing under jest's jsdom environment, where the preview is tested.
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export type FileHostEvent = { type: "marks"; marks: CellMark[] } | ({ type: "selection" } & Selection) | { type: "workbook" };

/** The selected cell, as a position: the preview draws it, nothing parses it. */
export type Selection = CellRef;

export class FileHost implements Host {
  readonly kind = "file" as const;
  private snapshot: WorkbookSnapshot | null = null;
  private marks: CellMark[] = [];
  private marked: Finding[] = [];
  private selection: Selection | null = null;
  private state: WorkbookState;
  private readonly listeners = new Set<(e: FileHostEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  /** The file as opened: a download after value edits only is this package patched (patch.ts). */
  private original: Uint8Array | null = null;
  /** The cells changed by value edits since opening, with their formats as read, and every applied plan's steps. */
  private readonly edits = new EditLog();
  /**
   * The sheets this host wrote into the model (report sheets, the state sheet): a download patches
   * them into the opened package from the model (patchSheets.ts).
   */
  private readonly written = new Set<string>();
  /** The sheets and state as the host last left them: anything else changed the model behind its back. */
  private knownShape: string;

  constructor(
    private workbook: ExcelJS.Workbook,
    readonly source: string,
    /** What a written copy would lose (from readXlsx); shown before a download. */
    readonly warnings: PackageWarning[] = [],
  ) {
    this.state = readState(workbook);
    this.knownShape = this.shape();
  }

  /** The sheets and the saved state, to notice a change made to the model behind the host's back. */
  private shape(): string {
    return JSON.stringify([this.workbook.worksheets.map((w) => w.name), readState(this.workbook)]);
  }

  /** Reads the bytes of an .xlsx; throws FileReadError on bad input. */
  static async fromData(data: ArrayBuffer | Uint8Array, source: string): Promise<FileHost> {
    const bytes = toBytes(data);
    const host = FileHost.fromOpened(await openXlsx(bytes, source), source);
    host.original = bytes;
    return host;
  }

  /** Over a workbook already opened (the CLI opens it itself, to skip its own summary files first). */
  static fromOpened(opened: Pick<OpenedXlsx, "workbook" | "snapshot" | "warnings">, source: string): FileHost {
    const host = new FileHost(opened.workbook, source, opened.warnings);
    host.snapshot = opened.snapshot;
    return host;
  }

  get excelWorkbook(): ExcelJS.Workbook {
    return this.workbook;
  }

  /** A file is read whole: nothing is ever skipped, so no warnings. */
  async read(): Promise<ReadResult> {
    return { snapshot: this.current(), warnings: [] };
  }

  private current(): WorkbookSnapshot {
    this.snapshot ??= snapshotWorkbook(this.workbook, this.source);
    return this.snapshot;
  }

  /** Marks live in memory (and in an annotated download), so every cell can be marked. */
  async mark(findings: Finding[]): Promise<MarkOutcome> {
    this.marked = findings.slice();
    this.marks = marksByCell(findings);
    this.emit({ type: "marks", marks: this.getMarks() });
    return { marked: this.marks.length, warnings: [] };
  }

  async clearMarks(): Promise<void> {
    this.marks = [];
    this.marked = [];
    this.emit({ type: "marks", marks: [] });
  }

  getMarks(): CellMark[] {
    return this.marks.slice();
  }

  getSelection(): Selection | null {
    return this.selection;
  }

  async goTo(cell: CellRef): Promise<void> {
    const name = cell.sheet || this.selection?.sheet || this.workbook.worksheets[0]?.name || "";
    this.selection = { sheet: name, row: cell.row, col: cell.col };
    this.emit({ type: "selection", ...this.selection });
  }

  /**
   * The one transaction (src/app/apply.ts) on this workbook, proved with the user's own rule settings
   * (a rule they switched off is no new error; one they made an error is) and restored whole on
   * failure (src/hosts/file/apply.ts: a plan that inserts rows from a copy taken first).
   */
  async apply(plan: EditPlan): Promise<ApplyResult> {
    const structural = plan.edits.some((e) => e.op !== "setValue");
    const touched = new EditLog();
    if (!structural) for (const e of plan.edits) if (e.op === "setValue") touched.touch(this.workbook, e);
    const snapshot = this.current();
    const config = this.state.settings.config;
    let result: ApplyResult;
    try {
      const r = await applyVerified(this.workbook, plan, { snapshot, check: checkWorkbook(snapshot, config) }, config);
      // The steps that ran: a download after a row insertion or a merge is patched into the opened
      // package from them (patchRows.ts).
      if (r.ok) touched.record(r.steps);
      result = r.ok ? { ok: true } : { ok: false, reason: r.reason };
    } catch {
      // Only a bug gets here (the transaction reports exceljs's refusals itself); the copy is re-read.
      result = {
        ok: false,
        reason: {
          zh: `应用“${plan.title.zh}”时出错(工作簿中有本工具无法处理的内容),请重新校验`,
          en: `Applying "${plan.title.en}" failed (the workbook holds content this tool cannot handle); check again`,
        },
      };
    }
    this.snapshot = null;
    if (result.ok) {
      this.edits.merge(touched);
      this.emit({ type: "workbook" });
      for (const l of [...this.changeListeners]) l();
    }
    return result;
  }

  /**
   * Writes the 校验报告 sheet into the workbook (so a download carries it) and shows it, as the Excel
   * host activates it. A user's own sheet of that name is kept; the report goes to "校验报告 2".
   */
  async writeReport(findings: Finding[], lang: Lang, read: Message[] = []): Promise<void> {
    const untouched = this.shape() === this.knownShape;
    const name = writeReportSheet(this.workbook, findings, lang, new Date(), read);
    this.written.add(name);
    // Only our own change is taken in: a sheet added behind the host's back still sends the copy through exceljs.
    if (untouched) this.knownShape = this.shape();
    this.snapshot = null;
    this.emit({ type: "workbook" });
    for (const l of [...this.changeListeners]) l();
    this.selection = { sheet: name, row: 0, col: 0 };
    this.emit({ type: "selection", ...this.selection });
  }

  async loadState(): Promise<WorkbookState> {
    return clone(this.state);
  }

  /** Keeps the state in memory and in the workbook (very hidden sheet, see state.ts), so a download carries it. */
  async saveState(state: WorkbookState): Promise<void> {
    this.state = clone(state);
    const untouched = this.shape() === this.knownShape;
    writeState(this.workbook, this.state);
    this.written.add(STATE_SHEET);
    if (untouched) this.knownShape = this.shape();
  }

  /** Called after every successful apply() or writeReport(); the file does not change under us otherwise. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Marks, selection and workbook changes, for the preview. Returns an unsubscribe. */
  subscribe(listener: (e: FileHostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * True when a download is the opened file with only its edited cells (and any marks) patched in,
   * keeping every other part as it was: then the warnings about what a copy loses do not apply.
   */
  get keepsEverything(): boolean {
    return this.original !== null && this.shape() === this.knownShape;
  }

  /**
   * The workbook as .xlsx bytes, for download. With `annotate`, the copy carries the current marks
   * as fills and notes; the in-memory workbook itself stays unmarked. Value edits, row insertions and
   * merges are patched into the opened package, then the report and state sheets written here
   * (patchSheets.ts), then the marks; nothing else in it changes. Only a package the patcher refuses
   * goes through exceljs, and only when that loses nothing the package inspection names or the user
   * accepted the loss (`allowLoss`); otherwise LossRefused says what would be lost.
   */
  async toBuffer(options: { annotate?: Lang; allowLoss?: boolean } = {}): Promise<Uint8Array> {
    const marked = !!options.annotate && this.marks.length > 0;
    if (this.original && this.keepsEverything) {
      try {
        let base: Uint8Array = this.original.slice();
        // A row insertion or a merge is patched from the plans' steps, value edits from the cells they changed.
        const steps = this.edits.structuralSteps();
        const snapshot = this.current();
        // The sheets written here are proved after they are patched in, not with the edits.
        const others = { ...snapshot, sheets: snapshot.sheets.filter((s) => !this.written.has(s.name)) };
        if (steps || this.edits.size > 0)
          base = (await writePatched(this.original, steps ? { steps } : this.edits.edits(this.workbook), others)).bytes;
        if (this.written.size > 0)
          base = (await writeSheetsPatched(base, this.workbook, this.sheetsWritten(), snapshot, this.source)).bytes;
        // Marks too are patched in (fills and notes), on top of the edited package; marks the patcher
        // cannot add are rewritten only as the user decides (below).
        if (!marked) return base;
        const copy = await annotatedCopy(base, this.marked, options.annotate!, this.source, {
          mayRewrite: (w, why) => this.mayRewrite(w, why, options),
        });
        return copy.bytes;
      } catch (e) {
        if (!(e instanceof PatchUnsupported)) throw e;
        this.mayRewrite(this.warnings, e, options);
      }
    }
    const bytes = await writeXlsx(this.workbook);
    if (!options.annotate || this.marks.length === 0) return bytes;
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(bytes as unknown as ArrayBuffer);
    rememberOrigin(copy, bytes);
    annotate(copy, this.marked, options.annotate);
    return writeXlsx(copy);
  }

  /**
   * The one decision every writer makes (loss.ts): a copy the patcher cannot make is rewritten only
   * once the user accepted what that loses (`allowLoss`, the preview's 仍然下载), as the CLI waits for
   * --allow-loss; otherwise LossRefused says why and what.
   */
  private mayRewrite(warnings: readonly PackageWarning[], why: PatchUnsupported, options: { allowLoss?: boolean }): true {
    if (!options.allowLoss) throw new LossRefused(lossOf(warnings, why));
    return true;
  }

  /** The written sheets still in the model, in tab order (so new ones are appended as exceljs orders them). */
  private sheetsWritten(): string[] {
    return this.workbook.worksheets.map((w) => w.name).filter((n) => this.written.has(n));
  }

  private emit(e: FileHostEvent): void {
    for (const l of [...this.listeners]) l(e);
  }
}
