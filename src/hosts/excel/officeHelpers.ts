/**
 * The only door to @microsoft/office-js-helpers (archived by Microsoft; see shared notes §7). We use
 * just ExcelUtilities.forceCreateSheet, which works wherever Excel.run does. Its Utilities
 * (initialize, host, isAddin) are wrong outside Office, so whether we run in Excel is decided from
 * Office.onReady, never from this package.
 */
import { ExcelUtilities } from "@microsoft/office-js-helpers";

/**
 * Creates the sheet, or clears it in place if it exists (clearOnly: no delete, which would also
 * reset the user's undo history, and no screen flash). It syncs the context it is given.
 */
export function forceCreateSheet(workbook: Excel.Workbook, name: string): Promise<Excel.Worksheet> {
  return ExcelUtilities.forceCreateSheet(workbook, name, true);
}

export type CreateSheet = typeof forceCreateSheet;
