/**
 * Per-workbook state (ignored findings, settings) saved inside the .xlsx. exceljs can write neither
 * custom document properties nor defined names holding a constant, so the JSON lives in column A of
 * a very hidden sheet `_BudgetFormState` (users cannot unhide it from the Excel UI), and the defined
 * name `BudgetFormAssistantState` points at its first cell so other tools (office-js) can find it.
 * A cell holds at most 32,767 characters, so long JSON is split over A1, A2, …
 */
import type { Workbook, Worksheet } from "exceljs";
import { DEFAULT_SETTINGS, WorkbookState } from "../host";
import { sanitizeState } from "../workbookState";

import { STATE_SHEET, isOwnSheetName } from "../workbookState";

export { STATE_SHEET };
export const STATE_NAME = "BudgetFormAssistantState";
const CHUNK = 30000;

export function isStateSheet(ws: Worksheet): boolean {
  return isOwnSheetName(ws.name);
}

export function defaultState(): WorkbookState {
  return { ignored: [], settings: { ...DEFAULT_SETTINGS, config: { ...DEFAULT_SETTINGS.config } } };
}

/** Reads the saved state; a missing or unreadable one gives the defaults (never throws). */
export function readState(wb: Workbook): WorkbookState {
  const ws = wb.getWorksheet(STATE_SHEET);
  if (!ws) return defaultState();
  let json = "";
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== "string") break;
    json += v;
  }
  // Shaped exactly as the Excel host reads the same state (a damaged one gives the defaults).
  return sanitizeState(json);
}

export function writeState(wb: Workbook, state: WorkbookState): void {
  const old = wb.getWorksheet(STATE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  const json = JSON.stringify(state);
  for (let i = 0, r = 1; i < json.length || r === 1; i += CHUNK, r++) ws.getCell(r, 1).value = json.slice(i, i + CHUNK);
  wb.definedNames.remove(`'${STATE_SHEET}'!$A$1`, STATE_NAME);
  wb.definedNames.add(`'${STATE_SHEET}'!$A$1`, STATE_NAME);
}
