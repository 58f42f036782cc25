/**
 * Marks as conditional formats whose formula carries our tag. A mark never touches the cell's own
 * fill, borders, value or the user's conditional formats, and removing it needs no memory of what was
 * there before. Round trips: one read-only sync lists each sheet's rule types, a second reads the
 * formulas and ranges of the custom rules (skipped when a sheet has none), then ONE sync deletes our
 * old rules and adds the new ones together, so the sheet is never seen half-marked. Excel offers no
 * way to find a rule by its formula without reading it, hence the reads.
 *
 * A sheet whose marks already cover exactly the cells wanted is not written at all: every write sync
 * is an undo record (or, before ExcelApi 1.19, wipes the user's undo history), and a live re-check
 * after each keystroke must not cost the user Ctrl+Z. Rules are addressed by priority, so the
 * identifying reads and the delete run in one Excel.run inside the add-in's single queue (runner.ts).
 */
import { errorMessage } from "../../core/errors";
import { markCss } from "../../core/marks";
import { SEVERITIES } from "../../core/severity";
import { MarkOutcome } from "../host";
import { Finding, Message, Severity } from "../../core/rules/types";
import { ExcelCaps, has } from "./capabilities";
import { localAddress, splitAreas } from "./addresses";
import { SheetMarkPlan, areaKeys, chunkAreas, isMarkerFormula, markerFormula, markerSeverity, planMarks } from "./markAreas";

interface OurRule {
  cf: Excel.ConditionalFormat;
  /** Its position in the sheet's list when read (ConditionalFormat.id is that priority, not a key). */
  index: number;
  severity: Severity | null;
  /** Where the rule applies now; null when Excel could not say (then it is rewritten). */
  areas: string[] | null;
}

interface SheetRules {
  name: string;
  ws: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
  protection?: Excel.WorksheetProtection;
  ours: OurRule[];
}

/** The host's MarkOutcome (cells coloured, sheets left alone) plus what the benchmark counts. */
export interface ReplaceOutcome extends MarkOutcome {
  /** Our rules removed. */
  removed: number;
}

/** Least serious first: each rule added goes on top, so the most serious colour wins on a shared cell. */
const SEVERITY_ORDER: Severity[] = [...SEVERITIES].reverse();

/** Lists, on each named sheet, the conditional formats that are ours. Read-only. */
export async function findMarkRules(ctx: Excel.RequestContext, names: string[], caps: ExcelCaps): Promise<SheetRules[]> {
  const sheets: SheetRules[] = names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const formats = ws.getRange().conditionalFormats;
    formats.load("items/type");
    let protection: Excel.WorksheetProtection | undefined;
    if (has(caps, "protection")) {
      protection = ws.protection;
      protection.load("protected");
    }
    return { name, ws, formats, protection, ours: [] };
  });
  await ctx.sync();
  // Only custom rules have a formula; asking other types for one is not allowed, hence two steps.
  const custom: {
    sheet: SheetRules;
    cf: Excel.ConditionalFormat;
    index: number;
    ranges: { address: string; isNullObject: boolean };
    orNull: boolean;
  }[] = [];
  for (const sheet of sheets) {
    for (const [index, cf] of sheet.formats.items.entries()) {
      if (cf.type !== "Custom") continue;
      cf.custom.rule.load("formula");
      // Where it applies, to tell whether a re-mark would change anything (one range per rule before 1.9).
      const orNull = !has(caps, "rangeAreas");
      const ranges = orNull ? cf.getRangeOrNullObject() : cf.getRanges();
      ranges.load("address");
      custom.push({ sheet, cf, index, ranges, orNull });
    }
  }
  if (custom.length) await ctx.sync();
  for (const { sheet, cf, index, ranges, orNull } of custom) {
    const formula = cf.custom.rule.formula;
    if (!isMarkerFormula(formula)) continue;
    const areas = (orNull && ranges.isNullObject) || !ranges.address ? null : splitAreas(ranges.address).map(localAddress);
    sheet.ours.push({ cf, index, severity: markerSeverity(formula), areas });
  }
  return sheets;
}

function protectedWarning(sheet: string): Message {
  return {
    zh: `工作表「${sheet}」受保护,无法标记或清除标记。请在“审阅 → 撤销工作表保护”后再校验。`,
    en: `Sheet "${sheet}" is protected, so marks cannot be added or removed. Unprotect it (Review → Unprotect Sheet) and check again.`,
  };
}

export const UNSUPPORTED_MARKS: Message = {
  zh: "此版本的 Excel 不支持条件格式接口(需要 ExcelApi 1.6),无法在表中标记问题;请使用任务窗格中的问题列表。",
  en: "This Excel does not support the conditional-format API (ExcelApi 1.6 needed), so problems cannot be marked in the sheet; use the list in the task pane.",
};

/** Our rules on the sheet already colour exactly the planned cells, each in its severity. */
function alreadyMarked(ours: OurRule[], plan: SheetMarkPlan | undefined): boolean {
  const want = new Map<Severity, string[]>();
  for (const sev of SEVERITY_ORDER) {
    const areas = plan?.bySeverity[sev];
    if (areas?.length) want.set(sev, areaKeys(areas));
  }
  const have = new Map<Severity, string[]>();
  for (const rule of ours) {
    if (!rule.severity || !rule.areas) return false;
    have.set(rule.severity, [...(have.get(rule.severity) ?? []), ...rule.areas]);
  }
  if (have.size !== want.size) return false;
  for (const [sev, areas] of have) {
    const keys = areaKeys(areas);
    const wanted = want.get(sev);
    if (!wanted || keys.length !== wanted.length || keys.some((k, i) => k !== wanted[i])) return false;
  }
  return true;
}

function addRule(target: Excel.Range | Excel.RangeAreas, severity: Severity): void {
  const cf = target.conditionalFormats.add("Custom");
  cf.custom.rule.formula = markerFormula(severity);
  cf.custom.format.fill.color = markCss(severity);
  // On top, so a user's own rule with "stop if true" cannot hide the mark on a flagged cell.
  cf.priority = 0;
}

function queueAdds(ws: Excel.Worksheet, plan: SheetMarkPlan, caps: ExcelCaps): void {
  for (const severity of SEVERITY_ORDER) {
    const areas = plan.bySeverity[severity];
    if (!areas?.length) continue;
    if (has(caps, "rangeAreas")) {
      for (const chunk of chunkAreas(areas)) addRule(ws.getRanges(chunk.join(",")), severity);
    } else {
      // Office 2019 (ExcelApi 1.8) has no RangeAreas: one rule per rectangle.
      for (const area of areas) addRule(ws.getRange(area), severity);
    }
  }
}

export const RULE_CHANGED_WHILE_MARKING: Message = {
  zh: "标记时工作表的条件格式规则被他人或其他操作同时修改,可能有一条非本加载项的规则被删除;请在“开始 → 条件格式 → 管理规则”中核对。",
  en: "The sheet's conditional-format rules changed while marking, so a rule that is not ours may have been removed; check Home → Conditional Formatting → Manage Rules.",
};

/**
 * Replaces our marks on the named sheets with marks for these findings (none: just removes them).
 *
 * Rules have no key of their own: ConditionalFormat.id is documented as its priority, which any rule
 * added or removed between our reading sync and our writing sync (a co-author, the user in another
 * window) renumbers. So the write sync re-proves each rule it deletes, in the same batch, before any
 * write: the rule now at that position is read as a custom rule, which fails the batch (and so writes
 * nothing, a batch stops at its failing operation) when a rule of another type moved there, and then
 * the rules are identified afresh and the sync runs again, once. What the re-proof read is checked
 * after the sync: a custom rule of someone else's in that place is reported, never silently lost.
 */
export async function replaceMarks(
  ctx: Excel.RequestContext,
  names: string[],
  findings: Finding[],
  caps: ExcelCaps,
): Promise<ReplaceOutcome> {
  try {
    return await replaceOnce(ctx, names, findings, caps);
  } catch (e) {
    if (!(e instanceof MovedRule)) throw e;
    return replaceOnce(ctx, names, findings, caps);
  }
}

/** The write sync failed on a re-proof: a rule of another type sits where ours was read. */
class MovedRule extends Error {}

async function replaceOnce(ctx: Excel.RequestContext, names: string[], findings: Finding[], caps: ExcelCaps): Promise<ReplaceOutcome> {
  if (!has(caps, "conditionalFormats")) return { marked: 0, removed: 0, warnings: findings.length ? [UNSUPPORTED_MARKS] : [] };
  const plans = planMarks(findings);
  const all = [...new Set([...names, ...plans.map((p) => p.sheet)])];
  const sheets = await findMarkRules(ctx, all, caps);
  const warnings: Message[] = [];
  let writes = 0;
  let removed = 0;
  let marked = 0;
  const proofs: { formula: string | null }[] = [];
  const deletes: (() => void)[] = [];
  const adds: (() => void)[] = [];
  for (const sheet of sheets) {
    const plan = plans.find((p) => p.sheet === sheet.name);
    if (sheet.protection?.protected) {
      if (plan || sheet.ours.length) warnings.push(protectedWarning(sheet.name));
      continue;
    }
    if (alreadyMarked(sheet.ours, plan)) {
      marked += plan?.cells ?? 0;
      continue;
    }
    // Highest index first: deleting a rule renumbers the ones after it, never the ones before.
    for (const { index } of [...sheet.ours].sort((a, b) => b.index - a.index)) {
      const now = sheet.formats.getItemAt(index);
      const rule = now.custom.rule;
      rule.load("formula");
      proofs.push(rule);
      deletes.push(() => now.delete());
      writes++;
      removed++;
    }
    if (plan) {
      const target = plan;
      adds.push(() => queueAdds(sheet.ws, target, caps));
      writes++;
      marked += plan.cells;
    }
  }
  if (!writes) return { marked, removed, warnings };
  // Every re-proof before the first write: a failing one leaves the workbook as it was.
  for (const d of deletes) d();
  for (const a of adds) a();
  try {
    await ctx.sync();
  } catch (e) {
    if (proofs.length && isNotPermitted(e)) throw new MovedRule(errorMessage(e), { cause: e });
    throw e;
  }
  if (proofs.some((p) => !isMarkerFormula(p.formula))) warnings.push(RULE_CHANGED_WHILE_MARKING);
  return { marked, removed, warnings };
}

/** Reading `custom` of a rule of another type (OfficeDev/office-js#2180: "not permitted for the current object"). */
function isNotPermitted(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === "InvalidArgument" || code === "InvalidOperation" || code === "GeneralException";
}

export async function countMarkRules(ctx: Excel.RequestContext, names: string[], caps: ExcelCaps): Promise<number> {
  if (!has(caps, "conditionalFormats")) return 0;
  const sheets = await findMarkRules(ctx, names, caps);
  return sheets.reduce((n, s) => n + s.ours.length, 0);
}
