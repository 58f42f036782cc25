/**
 * 修复全部 and `budget-form fix`, written once: the pane and the CLI each had their loop, and they
 * disagreed (the CLI's fixed findings the form's authors had ignored). ESLint's `--fix` semantics:
 * fixes only, never suggestions (those are the user's choice); never a plan that inserts rows; never a
 * finding the workbook's ignored list holds. The form is checked again after every fix, so each plan is
 * made from the values as they are by then, and one refused by a changed cell is reported, never forced.
 */
import { EditPlan, isSafePlan } from "../core/plan/editPlan";
import { Catalogue } from "../core/i18n";
import { fixKey, ignoreKey } from "../core/identity";
import { Finding, Message } from "../core/rules/types";
import { ApplyResult } from "../hosts/host";

/** What the loop needs: a fresh check (with fixes computed) and the surface's own verified apply. */
export interface FixAllPort {
  /** Every finding of the workbook as it is now, ignored ones included, with `fix` computed. */
  check(): Promise<{ findings: Finding[] }>;
  /** host.apply for the pane, the file host's verified apply for the CLI. */
  apply(plan: EditPlan, finding: Finding): Promise<ApplyResult>;
}

export interface FixAllOptions {
  /** The workbook's ignored list (ignoreKey values): those findings are not fixed. */
  ignored: readonly string[];
  /** Upper bound on rounds; each round applies or refuses one new fix, so a real form never reaches it. */
  maxFixes?: number;
}

export type SkipReason = "refused" | "unsafe" | "ignored";

export interface SkippedFix {
  finding: Finding;
  why: SkipReason;
  /** Why, for people: the host's refusal, or what the user has to do instead. */
  reason: Message;
}

export interface FixAllReport {
  applied: { finding: Finding; plan: EditPlan; warning?: Message }[];
  /** Fixes not applied, with why: refused by the verified apply, inserting rows, or ignored by the authors. */
  skipped: SkippedFix[];
  /** The last check without the ignored findings: what is left to do. */
  findings: Finding[];
  /** Findings the last check found that the authors ignored (kept out of `findings`). */
  ignoredCount: number;
}

export const FIX_ALL_REASONS = {
  unsafe: { zh: "此修复会插入行,请在列表中逐条确认", en: "this fix inserts rows; apply it from the list yourself" },
  ignored: { zh: "填表人已忽略此问题", en: "the form's authors ignored this finding" },
} satisfies Catalogue;

export const MAX_FIXES = 500;

/** Runs the loop to the end; the port's errors propagate (the caller decides how to show them). */
export async function fixAll(port: FixAllPort, opts: FixAllOptions): Promise<FixAllReport> {
  const ignored = new Set(opts.ignored);
  const max = opts.maxFixes ?? MAX_FIXES;
  const tried = new Set<string>();
  const applied: FixAllReport["applied"] = [];
  const refused: SkippedFix[] = [];
  let all: Finding[];
  for (let round = 0; ; round++) {
    all = (await port.check()).findings;
    if (round >= max) break;
    const next = all.find((f) => f.fix && isSafePlan(f.fix) && !ignored.has(ignoreKey(f)) && !tried.has(fixKey(f)));
    if (!next) break;
    tried.add(fixKey(next));
    const plan = next.fix!;
    const res = await port.apply(plan, next);
    if (res.ok) applied.push({ finding: next, plan, ...(res.warning ? { warning: res.warning } : {}) });
    else refused.push({ finding: next, why: "refused", reason: res.reason });
  }
  const findings = all.filter((f) => !ignored.has(ignoreKey(f)));
  const skipped: SkippedFix[] = [
    ...refused,
    ...findings.filter((f) => f.fix && !isSafePlan(f.fix)).map((f) => skip(f, "unsafe")),
    ...all.filter((f) => f.fix && ignored.has(ignoreKey(f))).map((f) => skip(f, "ignored")),
  ];
  return { applied, skipped, findings, ignoredCount: all.length - findings.length };
}

function skip(finding: Finding, why: "unsafe" | "ignored"): SkippedFix {
  return { finding, why, reason: FIX_ALL_REASONS[why] };
}
