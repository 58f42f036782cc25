/**
 * The one door to Excel.run, so tests can hand the host a fake that counts round trips, and the host
 * can pass run options (undo grouping, waiting for cell edit) or reuse an event handler's context.
 */

export type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** `first` is null for a plain run, run options, or the context of an earlier run (to remove event handlers). */
export type ExcelRun = <T>(first: Excel.RunOptions | OfficeExtension.ClientRequestContext | null, batch: Batch<T>) => Promise<T>;

export const officeRun: ExcelRun = (first, batch) =>
  first === null ? Excel.run(batch) : Excel.run(first as Excel.RunOptions, batch);

/** The error office-js raises for a sheet or range that no longer exists (renamed or deleted). */
export function isNotFound(e: unknown): boolean {
  return (e as { code?: unknown })?.code === "ItemNotFound";
}
