/**
 * The one door to Excel.run, so tests can hand the host a fake that counts round trips, and the host
 * can pass run options (undo grouping, waiting for cell edit) or reuse an event handler's context.
 */

import { SerialQueue } from "../../app/queue";

export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** `first` is null for a plain run, run options, or the context of an earlier run (to remove event handlers). */
export type ExcelRun = <T>(first: Excel.RunOptions | OfficeExtension.ClientRequestContext | null, batch: Batch<T>) => Promise<T>;

export const officeRun: ExcelRun = (first, batch) => (first === null ? Excel.run(batch) : Excel.run(first as Excel.RunOptions, batch));

/** The error office-js raises for a sheet or range that no longer exists (renamed or deleted). */
export function isNotFound(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "ItemNotFound";
}

/** Excel refused the batch because the user is typing in a cell (Excel.ErrorCodes). */
export function isCellEditError(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "InvalidOperationInCellEditMode";
}

function isContext(first: unknown): boolean {
  return typeof (first as { sync?: unknown })?.sync === "function";
}

const serialized = new WeakMap<ExcelRun, ExcelRun>();

/**
 * Every Excel.run of the add-in, one at a time. Excel does not serialise overlapping runs: their syncs
 * interleave, and conditional formats are addressed by priority, so a run that lists the marks while
 * another adds or deletes some would later delete the wrong rule (possibly the user's own). The pane,
 * the ribbon command and template insertion all go through this queue, because every host wrapping
 * the same `run` shares it. Every batch also waits while the user is typing in a cell
 * (RunOptions.delayForCellEdit) instead of failing with InvalidOperationInCellEditMode.
 * A batch must never start another Excel.run and wait for it: that would wait on itself.
 */
export function oneAtATime(run: ExcelRun): ExcelRun {
  const known = serialized.get(run);
  if (known) return known;
  // The same queue as the app's (src/app/queue.ts), one level down: per Excel.run, not per use case.
  const runs = new SerialQueue();
  const queued: ExcelRun = (first, batch) => {
    const options =
      first === null ? { delayForCellEdit: true } : isContext(first) ? first : { delayForCellEdit: true, ...(first as Excel.RunOptions) };
    return runs.run(() => run(options, batch));
  };
  serialized.set(run, queued);
  serialized.set(queued, queued);
  return queued;
}
