/**
 * The ribbon's 一键校验, written once for Excel and WPS: read, check with the workbook's own settings
 * (a form's authors set them in the pane), drop what they ignored, mark, and say what was found,
 * stamped with the document it was found in so no other document's pane acts on it (issue #21).
 * Excel's function command calls it in its own page; WPS's ribbon page only asks, and the pane (the
 * one JS context that touches the workbook there) calls it inside its queue.
 */
import { errorMessage } from "../core/errors";
import { Catalogue, bilingual } from "../core/i18n";
import { Host } from "../hosts/host";
import { CommandOutcome } from "./lastResult";
import { CheckPort, ValidateOptions, ValidateResult, validate } from "./validate";

export const RIBBON_TEXTS = {
  failed: { zh: (why: string) => `校验失败:${why}`, en: (why: string) => `The check failed: ${why}` },
} satisfies Catalogue;

export type RibbonPort = CheckPort & Partial<Pick<Host, "documentId">>;

export interface RibbonCheck {
  /** What the pane of the same document is told; null when the host cannot name its document yet. */
  outcome: CommandOutcome | null;
  /** The check itself; absent when it failed (the outcome says why). */
  result?: ValidateResult;
  /** What the check threw (the pane waits out a busy host; the command only reports). */
  failure?: unknown;
  /** Errors found, or the check failed: the pane should be in front. */
  showPane: boolean;
}

/**
 * Never throws: a ribbon command has nowhere to show an exception. The options are the pane's (its
 * state and rules); the ribbon command passes none and gets the workbook's own.
 */
export async function ribbonCheck(
  host: RibbonPort,
  opts: Omit<ValidateOptions, "mark" | "config" | "includeIgnored"> = {},
): Promise<RibbonCheck> {
  let doc = host.documentId?.() ?? null;
  try {
    const result = await validate(host, { ...opts, mark: true });
    // The host learns its document on its first read.
    doc = host.documentId?.() ?? doc;
    const outcome: CommandOutcome | null = doc
      ? {
          at: Date.now(),
          doc,
          summary: result.summary,
          ignored: result.ignored,
          ...(result.warnings.length ? { warnings: result.warnings } : {}),
        }
      : null;
    return { outcome, result, showPane: result.summary.error > 0 };
  } catch (e) {
    doc = host.documentId?.() ?? doc;
    const error = bilingual(RIBBON_TEXTS.failed, errorMessage(e));
    return { outcome: doc ? { at: Date.now(), doc, error } : null, showPane: true, failure: e };
  }
}
