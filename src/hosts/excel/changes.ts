/**
 * Live re-check: worksheet change events, debounced, with the add-in's own writes filtered out. Excel
 * tells us which changes we caused only from ExcelApi 1.14 (triggerSource "ThisLocalAddin"); before
 * that a flag raised around our writes, kept up for a short grace period because Excel delivers the
 * events after the write's sync has returned.
 */
import { ExcelCaps, has } from "./capabilities";
import { ExcelRun } from "./runner";

export const DEBOUNCE_MS = 400;
export const OWN_WRITE_GRACE_MS = 500;

export class OwnWrites {
  private depth = 0;
  private until = 0;

  constructor(private readonly graceMs = OWN_WRITE_GRACE_MS) {}

  async around<T>(work: () => Promise<T>): Promise<T> {
    this.depth++;
    try {
      return await work();
    } finally {
      this.depth--;
      this.until = Date.now() + this.graceMs;
    }
  }

  active(): boolean {
    return this.depth > 0 || Date.now() < this.until;
  }
}

type ChangeArgs = Pick<Excel.WorksheetChangedEventArgs, "triggerSource"> & { source?: string };

/**
 * A co-author's edit (EventSource "Remote") reaches every open pane. Re-reading and re-marking on it
 * would make each co-author's pane rewrite the shared marks on every remote keystroke, so remote edits
 * never trigger the live check themselves: they are remembered, and checked once when this user comes
 * back to the pane (focus) or edits.
 */
export function isRemoteChange(args: ChangeArgs): boolean {
  return args.source === "Remote";
}

export function isOwnChange(args: ChangeArgs, caps: ExcelCaps, own: OwnWrites): boolean {
  if (has(caps, "triggerSource") && args.triggerSource) return args.triggerSource === "ThisLocalAddin";
  return own.active();
}

/**
 * Registers the handlers and returns an unsubscribe that works even if called before registration
 * has finished. Without event support (before ExcelApi 1.7) nothing is registered.
 */
export function watchChanges(
  run: ExcelRun,
  caps: ExcelCaps,
  own: OwnWrites,
  listener: () => void,
  debounceMs = DEBOUNCE_MS,
  focusEvents: EventTarget | null = typeof window !== "undefined" ? window : null,
  /** Told of every change not ours (a co-author's too), before the debounce: what kind of change it was. */
  onEvent?: (args: Pick<Excel.WorksheetChangedEventArgs, "changeType" | "source" | "worksheetId">) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let remoteSinceCheck = false;
  const handlers: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[] = [];

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      remoteSinceCheck = false;
      if (!stopped) listener();
    }, debounceMs);
  };

  const onChanged = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped) return;
    if (!isOwnChange(args, caps, own) || isRemoteChange(args)) onEvent?.(args);
    if (isRemoteChange(args)) {
      remoteSinceCheck = true;
      return;
    }
    if (isOwnChange(args, caps, own)) return;
    schedule();
  };

  const onFocus = (): void => {
    if (!stopped && remoteSinceCheck) schedule();
  };
  focusEvents?.addEventListener("focus", onFocus);

  const registered = has(caps, "sheetEvents")
    ? run(null, async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        if (has(caps, "collectionEvents")) {
          handlers.push(sheets.onChanged.add(onChanged));
        } else {
          // ExcelApi 1.7/1.8 (Office 2019): per sheet; a sheet added later is not watched.
          sheets.load("items/name");
          await ctx.sync();
          for (const ws of sheets.items) handlers.push(ws.onChanged.add(onChanged));
        }
        await ctx.sync();
      }).catch(() => undefined)
    : Promise.resolve();

  return () => {
    stopped = true;
    focusEvents?.removeEventListener("focus", onFocus);
    if (timer !== undefined) clearTimeout(timer);
    void registered.then(async () => {
      if (!handlers.length) return;
      try {
        await run(handlers[0].context, async (ctx) => {
          for (const h of handlers) h.remove();
          await ctx.sync();
        });
      } catch {
        // The workbook may be closing; the handlers go with it.
      }
    });
  };
}
