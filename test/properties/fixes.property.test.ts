/**
 * Property (issue #20): on generated forms with the defects the fixes answer — vague targets
 * (「约95%」), rows slid one column left, empty printed groups — in every supported layout, every fix
 * and every suggestion passes the edit engine's verification, and no applied fix makes a finding
 * appear that was not there (a finding is its rule at its first cell; a slid row's own finding may
 * move with the cell it names). Forms are laid out in memory from the same generator as the
 * insertion property. Fixed seed and bounded runs: deterministic and quick on one core.
 */
import fc from "fast-check";
import { formatRef } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { applyToWorkbook } from "../../src/core/plan/applyToSnapshot";
import { verifyPlan } from "../../src/core/plan/verify";
import { Finding } from "../../src/core/rules/types";
import { CLASSIC_GROUPS, COST101_GROUPS, GenSpec, specRows } from "../helpers/genForm";
import { layoutFromRows, workbook } from "../helpers/forms";

// A tip sums up a whole form (「50 个指标值没有写明比较符号」) and points at the first such cell: it is
// the same tip when a fix moves that anchor, so tips are told apart by rule only.
const key = (f: Finding) => (f.severity === "info" ? f.rule : `${f.rule}@${f.cells[0] ? formatRef(f.cells[0]) : ""}`);

type Defect = "none" | "vague" | "slid";

const spec = fc.record({
  cost101: fc.boolean(),
  singleValue: fc.boolean(),
  offset: fc.boolean(),
  sizes: fc.array(fc.constantFrom<number | "empty">(0, 1, 1, 2, 3, "empty"), { minLength: 11, maxLength: 11 }),
  defects: fc.array(fc.constantFrom<Defect>("none", "none", "vague", "slid"), { minLength: 30, maxLength: 30 }),
});

/** The rows with each indicator row's defect applied (row i of the table gets defects[i]). */
function withDefects(rows: string[][], defects: Defect[], singleValue: boolean): string[][] {
  const h = rows.findIndex((r) => r.includes("一级指标") && r.includes("三级指标"));
  return rows.map((r, i) => {
    if (i <= h || r[3] === "" || r[3] === undefined) return r;
    const d = defects[(i - h) % defects.length];
    const values = r.slice(4);
    if (d === "vague" && values.every((v) => /^[≥≤＝]\s*\d/.test(v)))
      return [...r.slice(0, 4), ...values.map((v) => v.replace(/^[≥≤＝]/, "约"))];
    // A row with no label of its own slid one column left, as the seed's 满意度 row 50.
    if (d === "slid" && r[1] === "" && r[2] === "") return ["", "", r[3], ...values, ""].slice(0, singleValue ? 5 : 6);
    return r;
  });
}

test("every fix and suggestion on a generated form verifies, and no fix adds a finding", () => {
  let fixes = 0;
  let suggestions = 0;
  fc.assert(
    fc.property(spec, (x) => {
      const table = x.cost101 ? COST101_GROUPS : CLASSIC_GROUPS;
      const groups = table.map(([level1, level2], i) => ({ level1, level2, rows: x.sizes[i] }));
      if (groups[0].rows === 0 || groups[0].rows === "empty") groups[0].rows = 1;
      const s: GenSpec = { groups, singleValue: x.singleValue };
      const rows = withDefects(specRows(s), x.defects, x.singleValue);
      const wb = workbook(layoutFromRows(rows, { rowOffset: x.offset ? 2 : 0, colOffset: x.offset ? 1 : 0 }));
      const plain = checkWorkbook(wb);
      const old = new Set(plain.findings.map(key));
      const problems: string[] = [];
      for (const f of checkWorkbook(wb, undefined, undefined, { fixes: true }).findings) {
        const plans = [
          ...(f.fix ? [{ plan: f.fix, fix: true }] : []),
          ...(f.suggestions ?? []).map((sg) => ({ plan: sg.plan, fix: false })),
        ];
        for (const { plan, fix } of plans) {
          const applied = applyToWorkbook(wb, plan);
          if (!applied.ok) {
            problems.push(`${key(f)} ${plan.title.zh}: ${applied.reason.zh}`);
            continue;
          }
          const v = verifyPlan({ snapshot: wb, check: plain }, applied.value, plan);
          if (!v.ok) {
            problems.push(`${key(f)} ${plan.title.zh}: ${v.reason.zh}`);
            continue;
          }
          if (!fix) {
            suggestions++;
            continue;
          }
          fixes++;
          // The row a slid-row fix moves back keeps its other findings, now at the cells they belong in.
          const moved = new Set(plan.edits.flatMap((e) => (e.op === "setValue" ? [e.row] : [])));
          for (const g of v.after.findings) {
            if (old.has(key(g))) continue;
            if (
              f.rule === "layout/misaligned-row" &&
              g.cells[0] &&
              moved.has(g.cells[0].row) &&
              plain.findings.some((p) => p.rule === g.rule && p.cells[0]?.row === g.cells[0].row)
            )
              continue;
            problems.push(`${key(f)} ${plan.title.zh} → new ${key(g)} ${g.message.zh}`);
          }
        }
      }
      expect(problems).toEqual([]);
    }),
    { seed: 20, numRuns: 60 },
  );
  // The generator must reach the fixes it is about.
  expect(fixes).toBeGreaterThan(30);
  expect(suggestions).toBeGreaterThan(30);
});
