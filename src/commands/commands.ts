/**
 * The ribbon's 一键校验 (manifest FunctionName "validateWorkbook"). It runs the pane's own flow
 * (read → check with the workbook's settings → mark), hands the counts to the pane, and opens the
 * pane when there are errors. Excel offers function commands no notification of their own, so the
 * marks in the sheet and the pane are how the result shows. The task pane calls registerCommands()
 * once Office.onReady reports Excel; without a shared runtime Office loads the same page on its own
 * as the function file, and the command still validates and marks.
 */
import { publishOutcome } from "../app/lastResult";
import { queueOf } from "../app/queue";
import { isSetSupported } from "../hosts/excel/capabilities";
import { ExcelHost } from "../hosts/excel/excelHost";
import { Host } from "../hosts/host";

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
  try {
    // The one ribbon check (src/app/ribbon.ts), which WPS's pane runs for its ribbon too.
    const host = deps.host ? deps.host() : new ExcelHost();
    // The document's one queue (src/app/queue.ts): a pane sharing this runtime waits, and is waited for.
    // The check engine is the pane's "engine" chunk: fetched by the first check, not with the ribbon's registration.
    const { ribbonCheck } = await import(/* webpackChunkName: "engine" */ "../app/ribbon");
    const { outcome, showPane: show } = await queueOf(host).run(() => ribbonCheck(host));
    if (outcome) publishOutcome(outcome);
    if (show) await showPane();
  } catch {
    // The host could not even be made: the pane is the one place left to say anything.
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
