/**
 * RuleTester in the ESLint manner: valid sheets must yield no finding of the rule; invalid sheets
 * must yield exactly the listed findings (message id, cells, severity), in order.
 */
import { formatRef, toA1 } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { Config } from "../../src/core/config";
import { Finding, Rule, Severity } from "../../src/core/rules/types";
import { SheetSnapshot } from "../../src/core/snapshot";
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
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

function run(rule: Rule, c: ValidCase): Finding[] {
  const config: Config = c.options ? { rules: { [rule.meta.id]: { options: c.options } } } : {};
  const sheets = Array.isArray(c.sheet) ? c.sheet : [c.sheet];
  return checkWorkbook(workbook(...sheets), config, [rule]).findings;
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`duplicate test case: ${dup}`);
  if (cases.invalid.some((c) => c.errors.length === 0)) throw new Error("invalid cases must have at least one error");

  describe(rule.meta.id, () => {
    test("metadata: bilingual messages and docs", () => {
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
        });
      });
    }
  });
}
