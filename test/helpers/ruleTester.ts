/**
 * RuleTester in the ESLint manner: valid sheets must yield no finding of the rule; invalid sheets
 * must yield exactly the listed findings (message id, cells, severity), in order. A finding's fix
 * and every suggestion are applied through the edit engine and verified, and the cells they change
 * (before → after) must be exactly the ones the case lists; an unlisted fix fails, as in ESLint's
 * RuleTester; unlisted suggestions must still apply and pass verification.
 */
import { formatRef, toA1 } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { Config } from "../../src/core/config";
import { EditPlan } from "../../src/core/plan/editPlan";
import { planChanges } from "../../src/core/plan/changes";
import { applyToWorkbook } from "../../src/core/plan/applyToSnapshot";
import { verifyPlan } from "../../src/core/plan/verify";
import { Finding, Message, Rule, Severity } from "../../src/core/rules/types";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { workbook } from "./forms";

export interface ValidCase {
  name: string;
  sheet: SheetSnapshot | SheetSnapshot[];
  options?: Record<string, number | boolean | string>;
}

export interface ExpectedFinding {
  messageId: string;
  /** Sheet-qualified A1 text ("申报表!D5"), compared with each finding's cells formatted the same way; the first is where the user is taken. */
  cells: string[];
  severity?: Severity;
  data?: Record<string, string | number>;
  /** The fix must set these cells to these values (in any order). */
  fix?: Record<string, string | number | null>;
  /** The fix, applied and verified, changes exactly these cells ("申报表!E25": [before, after]); its title in both languages. */
  output?: Changes;
  fixTitle?: Message;
  /** Every suggestion, in order: its description in both languages and exactly the cells it changes. */
  suggestions?: { zh: string; en: string; output: Changes }[];
}

/** Sheet-qualified A1 → [value before, value after]. */
export type Changes = Record<string, [CellValue, CellValue]>;

/** Applies the plan as a host would (same steps), verifies it, and returns what it changed. */
export function appliedChanges(wb: WorkbookSnapshot, before: Finding[], plan: EditPlan, config: Config): Changes {
  const applied = applyToWorkbook(wb, plan);
  if (!applied.ok) throw new Error(`plan "${plan.title.zh}" could not be applied: ${applied.reason.zh}`);
  const check = checkWorkbook(wb, config);
  const v = verifyPlan(
    { snapshot: wb, check: { ...check, findings: [...check.findings, ...before.filter((f) => f.severity === "error")] } },
    applied.value,
    plan,
    config,
  );
  if (!v.ok) throw new Error(`plan "${plan.title.zh}" failed verification: ${v.reason.zh}`);
  const c = planChanges(wb, plan);
  if (!c.ok) throw new Error(c.reason.zh);
  return Object.fromEntries(c.changes.map((x) => [formatRef(x), [x.before, x.after]]));
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

function setup(rule: Rule, c: ValidCase): { wb: WorkbookSnapshot; config: Config } {
  const config: Config = c.options ? { rules: { [rule.meta.id]: { options: c.options } } } : {};
  const sheets = Array.isArray(c.sheet) ? c.sheet : [c.sheet];
  return { wb: workbook(...sheets), config };
}

function run(rule: Rule, c: ValidCase): Finding[] {
  const { wb, config } = setup(rule, c);
  return checkWorkbook(wb, config, [rule], { fixes: true }).findings;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`duplicate test case: ${dup}`);
  if (cases.invalid.some((c) => c.errors.length === 0)) throw new Error("invalid cases must have at least one error");

  describe(rule.meta.id, () => {
    test("metadata: bilingual messages and docs; fixes and suggestions only from a rule that declares them", () => {
      const all = cases.invalid.flatMap((c) => run(rule, c));
      if (all.some((f) => f.fix)) expect(rule.meta.fixable).toBe(true);
      if (all.some((f) => f.suggestions)) expect(rule.meta.hasSuggestions).toBe(true);
      expect(rule.meta.docs.zh).toBeTruthy();
      expect(rule.meta.docs.en).toBeTruthy();
      for (const m of Object.values(rule.meta.messages) as { zh: string; en: string }[]) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]/);
      }
    });
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, () => {
        expect(run(rule, c).map((f) => `${f.messageId} ${f.cells.map(formatRef).join(",")} ${f.message.zh}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, () => {
        const found = run(rule, c);
        expect(found.map((f) => ({ messageId: f.messageId, cells: f.cells.map(formatRef) }))).toEqual(
          c.errors.map((e) => ({ messageId: e.messageId, cells: e.cells })),
        );
        c.errors.forEach((e, i) => {
          const f = found[i];
          expect(f.message.zh).not.toMatch(/\{\{/);
          expect(f.message.en).not.toMatch(/\{\{/);
          if (e.severity) expect(f.severity).toBe(e.severity);
          if (e.data) expect(f.data).toMatchObject(e.data);
          if (e.fix) {
            expect(f.fix).toBeDefined();
            const sets = Object.fromEntries(f.fix!.edits.flatMap((x) => (x.op === "setValue" ? [[toA1(x.row, x.col), x.value]] : [])));
            expect(sets).toEqual(e.fix);
          }
          const { wb, config } = setup(rule, c);
          if (e.output) {
            expect(f.fix).toBeDefined();
            expect(appliedChanges(wb, found, f.fix!, config)).toEqual(e.output);
          }
          if (e.fixTitle) expect(f.fix?.title).toEqual(e.fixTitle);
          // As in ESLint, a fix the case does not describe fails: its result must be asserted.
          if (!e.fix && !e.output)
            expect(f.fix && { fixTitle: f.fix.title, output: appliedChanges(wb, found, f.fix, config) }).toBeUndefined();
          // Every suggestion applies and verifies; a case that lists them must list exactly these.
          const got = (f.suggestions ?? []).map((s) => ({
            zh: s.desc.zh,
            en: s.desc.en,
            output: appliedChanges(wb, found, s.plan, config),
          }));
          if (e.suggestions) expect(got).toEqual(e.suggestions);
        });
      });
    }
  });
}
