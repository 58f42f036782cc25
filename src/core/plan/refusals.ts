/** Why an edit is refused, worded once for every host (the compiler in steps.ts decides). */
import { Message, bilingual } from "../i18n";
import { PLAN } from "./messages";

/**
 * A fix is computed from what a cell shows; where that is a formula's result, writing the fix would
 * replace the user's formula with a constant, so the formula is left for the user to change.
 */
export function formulaCellRefusal(ref: string, formula: string): Message {
  return bilingual(PLAN.formulaCell, ref, formula);
}

/** Excel keeps only the top-left value of a merged area, so a merge over other content would lose it. */
export function mergeLosesContentRefusal(range: string, at: string): Message {
  return bilingual(PLAN.mergeLosesContent, range, at);
}
