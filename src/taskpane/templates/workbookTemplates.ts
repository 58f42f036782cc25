/**
 * The custom library a workbook carries, read and written through the host's state. Writing loads the
 * state first and changes only `templates`, so the ignored findings and settings saved there stay.
 */
import { IndicatorTemplate } from "../../core/templates/types";
import { Host, WorkbookState } from "../../hosts/host";
import { sanitizeTemplates } from "../../hosts/stateTemplates";
import { queueOf } from "../../app/queue";

export async function loadWorkbookTemplates(host: Host): Promise<IndicatorTemplate[]> {
  const state = await queueOf(host).run(() => host.loadState());
  // Hosts sanitise what they read from the file, but an in-memory state is taken as given: check again.
  return sanitizeTemplates(state?.templates) ?? [];
}

/** Stores `list` in the workbook; an empty list removes the library from the workbook. */
export async function saveWorkbookTemplates(host: Host, list: readonly IndicatorTemplate[]): Promise<void> {
  // Load and save as one queued task: another state write cannot land between them and be lost.
  await queueOf(host).run(async () => {
    const next: WorkbookState = { ...(await host.loadState()) };
    if (list.length > 0) next.templates = [...list];
    else delete next.templates;
    await host.saveState(next);
  });
}

/** Later entries replace earlier ones with the same id, so re-importing an edited file updates it. */
export function mergeById(...lists: readonly (readonly IndicatorTemplate[])[]): IndicatorTemplate[] {
  const map = new Map<string, IndicatorTemplate>();
  for (const list of lists) for (const t of list) map.set(t.id, t);
  return [...map.values()];
}
