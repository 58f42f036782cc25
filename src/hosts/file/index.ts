/** The .xlsx host: no Node APIs here, so webpack can bundle it for the browser preview. */
export { readXlsx, loadWorkbook } from "./read";
export { openXlsx } from "./open";
export { readSnapshotFast } from "./fastRead";
export type { FastRead, FastReadOptions } from "./fastRead";
export type { ReadResult } from "./read";
export { FileReadError } from "./errors";
export type { FileReadErrorKind } from "./errors";
export type { PackageWarning, PackageWarningKind } from "./package";
export { applyPlan } from "./apply";
export { annotate } from "./annotate";
export { FileHost } from "./fileHost";
export type { FileHostEvent, Selection } from "./fileHost";
export { snapshotWorkbook, snapshotWorksheet } from "./snapshot";
export { STATE_SHEET, STATE_NAME } from "./state";
export { LossRefused } from "./loss";
export type { Loss } from "./loss";
