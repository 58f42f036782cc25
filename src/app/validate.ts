/**
 * The one "check and mark" flow, shared by the ribbon button and the task pane: read the workbook,
 * run the rules with the workbook's own settings, drop the findings the user chose to ignore, mark
 * the rest. Host-agnostic, so it runs against Excel and against a .xlsx file alike.
 */
import { CheckResult, checkWorkbook, summarize } from "../core/engine";
import { Message, Rule } from "../core/rules/types";
import { RULES } from "../core/rules/registry";
import { Host, WorkbookState, ignoreKey } from "../hosts/host";

export interface ValidateResult extends CheckResult {
  /** Findings hidden because the user ignored them (still present in the workbook). */
  ignored: number;
  /** What the host could not read or mark (a sheet too large, a protected sheet). */
  warnings: Message[];
  /** Cells coloured; 0 when not marking. */
  marked: number;
}

export interface ValidateOptions {
  /** The workbook's saved state; loaded from the host when omitted. */
  state?: WorkbookState;
  /** Colour the cells (default true). */
  mark?: boolean;
  rules?: Rule[];
}

/** The check result without the ignored findings; summary and per-form lists agree with `findings`. */
export function withoutIgnored(result: CheckResult, ignored: string[]): CheckResult & { ignored: number } {
  const skip = new Set(ignored);
  const keep = (list: CheckResult["findings"]) => list.filter((f) => !skip.has(ignoreKey(f)));
  const findings = keep(result.findings);
  return {
    ...result,
    forms: result.forms.map((f) => ({ ...f, findings: keep(f.findings) })),
    findings,
    summary: summarize(findings),
    ignored: result.findings.length - findings.length,
  };
}

export async function validate(host: Host, opts: ValidateOptions = {}): Promise<ValidateResult> {
  const state = opts.state ?? (await host.loadState());
  const read = await host.read();
  const { snapshot } = read;
  const warnings = [...read.warnings];
  const result = withoutIgnored(checkWorkbook(snapshot, state.settings.config, opts.rules ?? RULES), state.ignored);
  let marked = 0;
  if (opts.mark ?? true) {
    const outcome = await host.mark(result.findings);
    marked = outcome.marked;
    warnings.push(...outcome.warnings);
  }
  return { ...result, warnings, marked };
}
