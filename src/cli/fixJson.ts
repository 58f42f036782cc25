/**
 * A finding's fix and suggestions as the JSON output carries them, after ESLint's: the fix with the
 * cells it changes (before and after), each suggestion with its description and its changes. The
 * changes are computed by running the plan on the snapshot with the steps every host executes.
 */
import { formatRef } from "../core/a1";
import { Lang, pick } from "../core/i18n";
import { EditPlan, isSafePlan } from "../core/plan/editPlan";
import { planChanges } from "../core/plan/changes";
import { Finding, Suggestion } from "../core/rules/types";
import { CellValue, WorkbookSnapshot, isCellError } from "../core/snapshot";

interface ChangeJson {
  cell: string;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

const plain = (v: CellValue): ChangeJson["before"] => (isCellError(v) ? v.error : v);

function changesOf(wb: WorkbookSnapshot, plan: EditPlan): ChangeJson[] | null {
  const c = planChanges(wb, plan);
  return c.ok ? c.changes.map((x) => ({ cell: formatRef(x), before: plain(x.before), after: plain(x.after) })) : null;
}

/** `draftIds`: the id of each drafted row (cli/drafts.ts), which `add --draft` takes. */
export function fixJson(wb: WorkbookSnapshot, f: Finding, lang: Lang, draftIds?: ReadonlyMap<Suggestion, string>): object {
  const out: Record<string, unknown> = {};
  if (f.fix) {
    const changes = changesOf(wb, f.fix);
    // A plan that inserts rows is offered as a choice: `fix` never applies it.
    if (changes && isSafePlan(f.fix)) out.fix = { title: pick(f.fix.title, lang), changes };
    else if (changes) out.suggestions = [{ desc: pick(f.fix.title, lang), changes }];
  }
  const suggestions = (f.suggestions ?? []).flatMap((s) => {
    const changes = changesOf(wb, s.plan);
    if (!changes) return [];
    // A drafted row carries the id `add --draft` inserts it by (its values are in its changes).
    const id = s.draft ? draftIds?.get(s) : undefined;
    return [{ desc: pick(s.desc, lang), ...(id ? { id } : {}), changes }];
  });
  if (suggestions.length) out.suggestions = [...((out.suggestions as object[]) ?? []), ...suggestions];
  return out;
}
