/**
 * The ribbon's 一键校验 (manifest FunctionName "validateWorkbook"). It runs the pane's own flow
 * (read → check with the workbook's settings → mark), hands the counts to the pane, and opens the
 * pane when there are errors. Excel offers function commands no notification of their own, so the
 * marks in the sheet and the pane are how the result shows. The task pane calls registerCommands()
 * once Office.onReady reports Excel; without a shared runtime Office loads the same page on its own
 * as the function file, and the command still validates and marks.
 */
import { publishOutcome } from "../app/lastResult";
import { isSetSupported } from "../hosts/excel/capabilities";
import { ExcelHost } from "../hosts/excel/excelHost";
import { Host } from "../hosts/host";
import { errorMessage } from "../core/errors";

export const VALIDATE_COMMAND = "validateWorkbook";

export interface CommandDeps {
  /** The host to check; the pane passes its own so both share one view of the workbook. */
  host?: () => Host;
  /** Reveals the task pane (shared runtime only). */
  showPane?: () => Promise<void>;
}

interface CommandEvent {
  completed(): void;
}

export function showPaneIfPossible(): Promise<void> {
  if (!isSetSupported("SharedRuntime", "1.1")) return Promise.resolve();
  try {
    return Office.addin.showAsTaskpane().catch(() => undefined);
  } catch {
    return Promise.resolve();
  }
}

/** The handler body; event.completed() always runs, or Excel would queue every later click forever. */
export async function runValidateCommand(event: CommandEvent, deps: CommandDeps = {}): Promise<void> {
  const showPane = deps.showPane ?? showPaneIfPossible;
  let doc: string | null = null;
  try {
    const host = deps.host ? deps.host() : new ExcelHost();
    doc = host.documentId?.() ?? null;
    // The check engine is the pane's "engine" chunk: fetched by the first check, not with the ribbon's registration.
    const { validate } = await import(/* webpackChunkName: "engine" */ "../app/validate");
    const result = await validate(host);
    doc = host.documentId?.() ?? doc;
    if (doc)
      publishOutcome({
        at: Date.now(),
        doc,
        summary: result.summary,
        ignored: result.ignored,
        ...(result.warnings.length ? { warnings: result.warnings } : {}),
      });
    if (result.summary.error > 0) await showPane();
  } catch (e) {
    const msg = errorMessage(e);
    if (doc) publishOutcome({ at: Date.now(), doc, error: { zh: `校验失败:${msg}`, en: `The check failed: ${msg}` } });
    try {
      await showPane();
    } catch {
      // Nothing more to show the user from a ribbon command.
    }
  } finally {
    event.completed();
  }
}

/** What launch.js (the page's first script) leaves on the page for the bundle. */
interface LaunchGlobals {
  __bfaRunCommand?: (event: CommandEvent) => void;
  __bfaCommandQueue?: { event: CommandEvent; complete(): void }[];
}

/**
 * Takes over from launch.js, which registered the action the moment the page loaded: later clicks run
 * here directly, and clicks that arrived while the bundle was loading run now, in order. Each queued
 * click is completed once (launch.js may already have given up on it).
 */
export function registerCommands(deps: CommandDeps = {}): void {
  const handler = (event: CommandEvent): void => {
    void runValidateCommand(event, deps);
  };
  const page = globalThis as unknown as LaunchGlobals & Record<string, unknown>;
  page.__bfaRunCommand = handler;
  const waiting = page.__bfaCommandQueue?.splice(0) ?? [];
  for (const { complete } of waiting) handler({ completed: complete });
  // Without launch.js (tests, or a page that lacks it) register here, as before.
  if (typeof Office !== "undefined" && Office.actions?.associate) Office.actions.associate(VALIDATE_COMMAND, handler);
  page[VALIDATE_COMMAND] ??= handler;
}
