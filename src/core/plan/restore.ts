/**
 * Shared by the hosts that cannot throw a copy away (Excel, WPS: the user's open workbook): which of a
 * plan's compiled steps ran before a failure, so that exactly what ran is restored (issue #21).
 *
 * An Excel batch is not a transaction: a sync that fails stops at the failing operation and keeps
 * every operation before it (OfficeExtension.Error.traceMessages holds "all trace messages that were
 * executed before the error occurred"; nothing in the API rolls a batch back). Excel does not say
 * which operation failed, so the prefix is chosen that best explains what the sheet now holds.
 */
import { Step } from "./steps";
import { UndoStep, undoSteps } from "./undo";
import { WorkbookSnapshot } from "../snapshot";

/** The undo that brings `after` back to `before`, given the steps that ran. */
export function undoOf(before: WorkbookSnapshot, after: WorkbookSnapshot, ran: Step[]): UndoStep[] {
  return before.sheets.flatMap((s) => {
    const now = after.sheets.find((x) => x.name === s.name);
    return now ? undoSteps(s, now, ran) : [];
  });
}

/**
 * The undo for a run that failed somewhere in `steps`. Only row insertions move cells (every other
 * step is repaired cell by cell from the re-read), so the candidates are "the first k insertions
 * ran", k = 0…all; the one whose undo is smallest is what happened (a wrong guess about a shifted
 * block differs in every row below it). `ranExactly` when the host knows how many steps ran (WPS).
 */
export function undoPartial(before: WorkbookSnapshot, after: WorkbookSnapshot, steps: Step[], ranExactly?: number): UndoStep[] {
  if (ranExactly !== undefined) return undoOf(before, after, steps.slice(0, ranExactly));
  const cuts = steps.flatMap((s, i) => (s.op === "insertRows" ? [i + 1] : []));
  let best: UndoStep[] | null = null;
  for (const cut of [0, ...cuts]) {
    const undo = undoOf(before, after, steps.slice(0, cut));
    if (!best || undo.length < best.length) best = undo;
  }
  return best ?? [];
}
