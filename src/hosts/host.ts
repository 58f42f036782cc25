/**
 * What the task pane and the ribbon need from wherever the workbook lives. Implemented by the Excel
 * host (office-js, src/hosts/excel) and the file host (.xlsx via exceljs, src/hosts/file), so the
 * UI is written once and tested without Office.
 */
import { CellRef } from "../core/a1";
import { Config } from "../core/config";
import { EditPlan } from "../core/plan/editPlan";
import { Finding, Message } from "../core/rules/types";
import { WorkbookSnapshot } from "../core/snapshot";
import { IndicatorTemplate } from "../core/templates/types";

export type { CellRef };
export type { Lang } from "../core/i18n";
import type { Lang } from "../core/i18n";

/** One read: the snapshot, and what the host had to leave out of it (a sheet too large to read). */
export interface ReadResult {
  snapshot: WorkbookSnapshot;
  warnings: Message[];
}

/** One mark: how many cells are coloured now, and what could not be (a protected sheet). */
export interface MarkOutcome {
  marked: number;
  warnings: Message[];
}

/** Per-workbook state, saved inside the workbook so a colleague opening it sees the same. */
export interface WorkbookState {
  /** Ignored findings, keyed by ignoreKey(). */
  ignored: string[];
  settings: Settings;
  /** A custom template library carried by the workbook (absent when it carries none). */
  templates?: IndicatorTemplate[];
}

export interface Settings {
  lang: Lang;
  liveCheck: boolean;
  /** Rule severity/option overrides (same shape as the CLI's --config file). */
  config: Config;
}

export const DEFAULT_SETTINGS: Settings = { lang: "zh", liveCheck: true, config: {} };

/** The one finding identity (src/core/identity.ts), re-exported where hosts and the pane always took it from. */
export { ignoreKey } from "../core/identity";

/**
 * The workbook cannot be read this moment (the user is typing in a cell). Nothing is wrong: the pane
 * keeps what it shows and the next edit checks again, so this is never shown as an error.
 */
export class HostBusyError extends Error {
  readonly busy = true;
}

/**
 * `warning` on success: the edit is written but could not be re-read and checked (a re-read Excel
 * refuses as too large). A completed write is never reported as failed (issue #21).
 */
export type ApplyResult = { ok: true; warning?: Message } | { ok: false; reason: Message };

export interface ApplyOptions {
  /**
   * The snapshot the plan was made from, read by the caller in the same queued task (src/app/queue.ts)
   * an instant before. A host whose every read is a row of synchronous bridge calls (WPS) may compile
   * the plan against it instead of reading the same sheets again: no task of the add-in can run in
   * between, and the user's typing can slip in between any two of those calls either way. The
   * verifying re-read after the steps is never skipped.
   */
  basis?: WorkbookSnapshot;
}

export interface Host {
  readonly kind: "excel" | "file" | "wps";
  /** One snapshot of every sheet that could hold the form, with what had to be skipped. */
  read(): Promise<ReadResult>;
  /** Marks the findings' cells (by severity colour), replacing earlier marks. */
  mark(findings: Finding[]): Promise<MarkOutcome>;
  /** Removes exactly the marks this add-in made. */
  clearMarks(): Promise<void>;
  /** Whether the workbook carries marks of ours already (made in an earlier session, or by the ribbon). */
  hasMarks?(): Promise<boolean>;
  /** The sheet the cursor is in (where a template goes when the workbook holds several forms); null when unknown. */
  activeSheet?(): Promise<string | null>;
  /** Activates the cell's sheet and selects the cell. */
  goTo(cell: CellRef): Promise<void>;
  /** Applies an edit plan; refuses (ok: false) when a cell changed since the plan was made. */
  apply(plan: EditPlan, opts?: ApplyOptions): Promise<ApplyResult>;
  loadState(): Promise<WorkbookState>;
  saveState(state: WorkbookState): Promise<void>;
  /** Calls back (debounced by the host) when the user edits the form; returns an unsubscribe. */
  onChange?(listener: () => void): () => void;
  /** Writes a 校验报告 sheet listing the findings; `read` says what was read of each form (its kind …). */
  writeReport?(findings: Finding[], lang: Lang, read?: Message[]): Promise<void>;
  /**
   * The document this host reads and writes, stable while it is open and different for every other
   * open document; null until the host knows it. Outcomes are stamped with it so that nothing one
   * document's check produced is acted on in another (issue #21).
   */
  documentId?(): string | null;
  /**
   * Hosts that share this object work on one document and share one queue (src/app/queue.ts): the
   * pane's and the ribbon's host wait for each other. Absent: the host is its own key.
   */
  readonly queueKey?: object;
}
