/**
 * Drafted indicators (指标推荐) on the command line: the ids `check --format json` gives each draft,
 * the plain listing `templates --drafts <file>` prints for a reviewer to pick from, and the choice
 * `add --draft <id>` inserts. One source for the ids: core/templates/drafts.ts over the check's findings.
 */
import { formatRef } from "../core/a1";
import { closest } from "../core/closest";
import { level1Label, level2Label } from "../core/form/labels";
import { Catalogue, Lang, Message, pick } from "../core/i18n";
import { Finding, Suggestion } from "../core/rules/types";
import { DraftChoice, DraftVerdict, draftChoices } from "../core/templates/drafts";
import { placementFor } from "../core/templates/types";
import { defaultValues } from "../core/templates/insert";
import { CheckResult } from "../core/engine";

export const DRAFT_TEXT = {
  heading: {
    zh: (file: string) =>
      `「${file}」的拟定指标(据重点工作任务或空着的分类拟定;插入:budget-form add ${file} --draft <编号> --out <新文件>):`,
    en: (file: string) =>
      `Drafted indicators for "${file}" (from key tasks and empty groups; insert one with budget-form add ${file} --draft <id> --out <new file>):`,
  },
  none: {
    zh: (file: string) => `「${file}」没有可拟定的指标:每项重点工作任务都有对应指标,也没有空着的指标分类。`,
    en: (file: string) => `No indicator to draft for "${file}": every key task has an indicator and no group is empty.`,
  },
  fill: { zh: (row: number) => `填入第 ${row} 行`, en: (row: number) => `fills row ${row}` },
  insert: { zh: (row: number) => `插入为第 ${row} 行`, en: (row: number) => `inserted as row ${row}` },
  count: { zh: (n: number) => `共 ${n} 条拟定指标。`, en: (n: number) => `${n} drafted ${n === 1 ? "indicator" : "indicators"}.` },
  noDraftNear: {
    zh: (id: string, near: string) => `没有编号为「${id}」的拟定指标,您是不是要用「${near}」?`,
    en: (id: string, near: string) => `No drafted indicator "${id}". Did you mean "${near}"?`,
  },
  noDraft: {
    zh: (id: string, file: string) => `「${file}」没有编号为「${id}」的拟定指标;运行 budget-form templates --drafts ${file} 查看全部编号`,
    en: (id: string, file: string) => `No drafted indicator "${id}" for "${file}"; run budget-form templates --drafts ${file} to list them`,
  },
  ambiguous: {
    zh: (id: string, sheets: string[]) => `拟定指标「${id}」在多张工作表中都有(${sheets.join("、")}),请用 --sheet 指定`,
    en: (id: string, sheets: string[]) =>
      `The drafted indicator "${id}" is on several sheets (${sheets.join(", ")}); name one with --sheet`,
  },
  notPassing: {
    zh: (name: string) => `拟定指标「${name}」按所给的值未通过检查,未写出文件:`,
    en: (name: string) => `The drafted indicator "${name}" does not pass the checks with the values given; nothing was written:`,
  },
  needRow: {
    zh: "请用 --template 指定模板编号(budget-form templates 可列出全部),或用 --draft 指定拟定指标编号(budget-form templates --drafts <文件> 可列出)",
    en: "Give the template id with --template (budget-form templates lists them), or a drafted indicator with --draft (budget-form templates --drafts <file> lists them)",
  },
  templateOrDraft: {
    zh: "--template 与 --draft 只能用一个",
    en: "Give either --template or --draft, not both",
  },
} satisfies Catalogue;

/** Each draft suggestion's id, for the JSON output: the same ids `templates --drafts` lists. */
export function draftIds(findings: readonly Finding[]): Map<Suggestion, string> {
  return new Map(draftChoices(findings).map((c) => [c.suggestion as Suggestion, c.id]));
}

type Target = { row: number; mode: string };
const targetOf = (c: DraftChoice) => (c.suggestion.plan as { target?: Target }).target;

/** The draft as it would be written on its form: its values there (a 万元 ceiling from the form's amounts) and its group. */
function described(result: CheckResult, c: DraftChoice) {
  const model = result.forms.find((f) => f.model.sheet === c.sheet)?.model ?? null;
  const p = placementFor(c.template, model?.indicators?.costIsLevel1 ?? false);
  return { ...defaultValues(model, c.template), placement: p, where: `${level1Label(p.level1)} / ${level2Label(p.level2)}` };
}

/** `templates --drafts --format json`: each draft with its id, values, group and where it lands (1-based row). */
export function draftsJson(result: CheckResult): object {
  return {
    drafts: draftChoices(result.findings).map((c) => {
      const d = described(result, c);
      const target = targetOf(c);
      const at = c.finding.cells[0];
      return {
        id: c.id,
        sheet: c.sheet,
        name: c.template.name,
        period: d.period,
        annual: d.annual,
        level1: d.placement.level1,
        level2: d.placement.level2,
        ...(target ? { row: target.row + 1, mode: target.mode } : {}),
        finding: { rule: c.finding.rule, cell: at ? formatRef(at) : "" },
      };
    }),
  };
}

/**
 * The plain listing, so a reviewer can pick one without JSON: each finding that offers drafts (its
 * cell and message), then its drafts, id first.
 */
export function draftsText(result: CheckResult, file: string, lang: Lang): string {
  const choices = draftChoices(result.findings);
  if (choices.length === 0) return `${pick(DRAFT_TEXT.none, lang, file)}\n`;
  const width = Math.max(...choices.map((c) => c.id.length)) + 2;
  const lines = [pick(DRAFT_TEXT.heading, lang, file)];
  let last: Finding | null = null;
  for (const c of choices) {
    if (c.finding !== last) {
      last = c.finding;
      const at = c.finding.cells[0];
      lines.push("", `${at ? formatRef(at) : ""}  ${pick(c.finding.message, lang)}`);
    }
    const d = described(result, c);
    const values = d.period === d.annual ? d.annual : `${d.period} / ${d.annual}`;
    const target = targetOf(c);
    const where = target ? ` · ${pick(target.mode === "fill" ? DRAFT_TEXT.fill : DRAFT_TEXT.insert, lang, target.row + 1)}` : "";
    lines.push(`  ${c.id.padEnd(width)}${c.template.name}  ${values}  (${d.where}${where})`);
  }
  lines.push("", pick(DRAFT_TEXT.count, lang, choices.length));
  return `${lines.join("\n")}\n`;
}

/** The draft an id names (case-insensitive), on `sheet` when given; otherwise why there is none. */
export function pickDraft(
  findings: readonly Finding[],
  id: string,
  sheet: string | undefined,
  file: string,
): { ok: true; choice: DraftChoice } | { ok: false; reason: Message } {
  const all = draftChoices(findings).filter((c) => sheet === undefined || c.sheet === sheet);
  const hits = all.filter((c) => c.id.toLowerCase() === id.trim().toLowerCase());
  if (hits.length === 1) return { ok: true, choice: hits[0] };
  if (hits.length > 1) {
    const sheets = [...new Set(hits.map((c) => c.sheet))];
    return { ok: false, reason: { zh: DRAFT_TEXT.ambiguous.zh(id, sheets), en: DRAFT_TEXT.ambiguous.en(id, sheets) } };
  }
  const near = closest(id, [...new Set(all.map((c) => c.id))]);
  return {
    ok: false,
    reason: near
      ? { zh: DRAFT_TEXT.noDraftNear.zh(id, near), en: DRAFT_TEXT.noDraftNear.en(id, near) }
      : { zh: DRAFT_TEXT.noDraft.zh(id, file), en: DRAFT_TEXT.noDraft.en(id, file) },
  };
}

/** Why an edited draft is refused: the checker's messages on its row, one a line. */
export function notPassingText(name: string, verdict: Extract<DraftVerdict, { ok: true }>, lang: Lang): string {
  const lines = verdict.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `  ${f.cells[0] ? `${formatRef(f.cells[0])}: ` : ""}${pick(f.message, lang)}`);
  return [pick(DRAFT_TEXT.notPassing, lang, name), ...lines].join("\n");
}
