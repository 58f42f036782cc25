/**
 * The one "check and mark" flow, shared by the ribbon button, the task pane (in Excel and in the
 * browser preview) and the CLI's check: read the workbook, run the rules, drop the findings the
 * form's authors chose to ignore, mark the rest. Host-agnostic, so it runs against Excel and against
 * a .xlsx file alike; what the host could not do comes back in the result, never through the host.
 */
import { Config, usableConfig } from "../core/config";
import { CheckResult, checkWorkbook, summarize } from "../core/engine";
import { errorMessage } from "../core/errors";
import { Catalogue, bilingual } from "../core/i18n";
import { Finding, Message, Rule } from "../core/rules/types";
import { RULES } from "../core/rules/registry";
import { WorkbookSnapshot } from "../core/snapshot";
import { Host, WorkbookState, ignoreKey } from "../hosts/host";

export interface ValidateResult extends CheckResult {
  /** The check before ignored findings were dropped (the pane lists those apart, the CLI counts them per form). */
  all: CheckResult;
  /** Findings hidden because the user ignored them (still present in the workbook). */
  ignored: number;
  /** What the host could not read or mark (a sheet too large, a protected sheet, marking that failed). */
  warnings: Message[];
  /** Cells coloured now; 0 when not asked to mark or when marking failed. */
  marked: number;
  /** What was checked, for callers that plan edits from the same read. */
  snapshot: WorkbookSnapshot;
}

const FLOW = {
  markFailed: {
    zh: (why: string) => `无法在表中标记问题单元格(${why}),下面的问题列表仍然有效`,
    en: (why: string) => `Could not mark the problem cells (${why}); the list below is still valid`,
  },
} satisfies Catalogue;

/**
 * What the flow needs of a host: every Host is one; the CLI's check-only reader, which can read but
 * never mark, is one too.
 */
export type CheckPort = Pick<Host, "read" | "loadState"> & Partial<Pick<Host, "mark">>;

export interface ValidateOptions {
  /** The workbook's saved state; loaded from the host when omitted. */
  state?: WorkbookState;
  /**
   * Rule settings. Default: the workbook's own (state.settings.config), as the pane and the ribbon
   * use. The CLI passes the reviewer's --config: a form's authors must not switch rules off for the
   * person reviewing it.
   */
  config?: Config;
  /** Keep the findings the workbook's authors ignored (the CLI's --include-ignored). */
  includeIgnored?: boolean;
  /** Colour the cells (default true). */
  mark?: boolean;
  rules?: Rule[];
  /** Compute the findings' fixes and suggestions (the pane's 修复 / 建议, the CLI's JSON); a plain check does not. */
  fixes?: boolean;
}

/** The check result without the ignored findings; summary and per-form lists agree with `findings`. */
export function withoutIgnored(result: CheckResult, ignored: readonly string[]): CheckResult & { ignored: number } {
  if (ignored.length === 0) return { ...result, ignored: 0 };
  const skip = new Set(ignored);
  const keep = (list: Finding[]) => list.filter((f) => !skip.has(ignoreKey(f)));
  const findings = keep(result.findings);
  return {
    ...result,
    forms: result.forms.map((f) => ({ ...f, findings: keep(f.findings) })),
    findings,
    summary: summarize(findings),
    ignored: result.findings.length - findings.length,
  };
}

/**
 * Read errors propagate (the caller decides: the pane waits out HostBusyError, the CLI reports an
 * unreadable file). A failed mark does not: the findings are still right, so they are returned with
 * a warning that the colouring failed, rather than lost.
 */
export async function validate(host: CheckPort, opts: ValidateOptions = {}): Promise<ValidateResult> {
  const state = opts.state ?? (await host.loadState());
  const read = await host.read();
  const all = checkWorkbook(read.snapshot, opts.config ?? state.settings.config, opts.rules ?? RULES, { fixes: opts.fixes });
  const result = withoutIgnored(all, opts.includeIgnored ? [] : state.ignored);
  const warnings = [...read.warnings];
  let marked = 0;
  if ((opts.mark ?? true) && host.mark) {
    try {
      const outcome = await host.mark(result.findings);
      marked = outcome.marked;
      warnings.push(...outcome.warnings);
    } catch (e) {
      const why = errorMessage(e);
      warnings.push(bilingual(FLOW.markFailed, why));
    }
  }
  return { ...result, all, warnings, marked, snapshot: read.snapshot };
}

/**
 * Rule settings as a person gave them (the CLI's --config file, the pane's 设置 tab): the one check
 * both use. `problems` says what is wrong, in both languages; `config` is the part the engine can run
 * with. The CLI refuses a file with problems; the pane keeps the usable part and says what it dropped.
 */
export function validateSettings(raw: unknown, rules: readonly Pick<Rule, "meta">[] = RULES): { config: Config; problems: Message[] } {
  return usableConfig(raw, rules);
}
