/**
 * Fixes and suggestions over the real published forms of test/corpus (issue #20): at least half of
 * their errors and warnings carry one, and no applied fix creates a finding that was not there
 * (a finding is the rule at its first cell). Every fix and suggestion also passes the edit engine's
 * verification. The forms are read through the file host, as the CLI reads them.
 */
import { formatRef } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { verifyPlan } from "../../../src/core/plan/verify";
import { Finding } from "../../../src/core/rules/types";
import { WorkbookSnapshot } from "../../../src/core/snapshot";
import { readXlsx } from "../../../src/hosts/file/read";
import { corpusForms, corpusWorkbook } from "../../../scripts/build-corpus";

// A tip sums up a whole form (「50 个指标值没有写明比较符号」) and points at the first such cell: it is
// the same tip when a fix moves that anchor, so tips are told apart by rule only.
const key = (f: Finding) => (f.severity === "info" ? f.rule : `${f.rule}@${f.cells[0] ? formatRef(f.cells[0]) : ""}`);

interface FixAudit {
  /** Errors and warnings, and how many of them carry a fix or suggestions. */
  total: number;
  covered: number;
  fixes: number;
  /** "form: rule@cell → new finding" for every fix that made a finding appear. */
  newFindings: string[];
  /** "form: title — reason" for every plan the verification refused. */
  refused: string[];
}

function auditFixes(id: string, wb: WorkbookSnapshot, audit: FixAudit): void {
  const before = checkWorkbook(wb, {}, undefined, { fixes: true });
  const plain = checkWorkbook(wb);
  const old = new Set(plain.findings.map(key));
  for (const f of before.findings) {
    if (f.severity === "info") continue;
    audit.total++;
    if (f.fix || f.suggestions?.length) audit.covered++;
    else if (process.env.F20_DEBUG) process.stdout.write(`UNCOVERED ${f.rule} ${f.messageId} ${f.message.zh.slice(0, 60)}\n`);
  }
  for (const f of before.findings) {
    const plans = [...(f.fix ? [{ plan: f.fix, fix: true }] : []), ...(f.suggestions ?? []).map((s) => ({ plan: s.plan, fix: false }))];
    for (const { plan, fix } of plans) {
      const applied = applyToWorkbook(wb, plan);
      if (!applied.ok) {
        audit.refused.push(`${id}: ${plan.title.zh} — ${applied.reason.zh}`);
        continue;
      }
      const v = verifyPlan({ snapshot: wb, check: plain }, applied.value, plan);
      if (!v.ok) {
        audit.refused.push(`${id}: ${plan.title.zh} — ${v.reason.zh}`);
        continue;
      }
      if (!fix) continue;
      audit.fixes++;
      for (const g of v.after.findings) if (!old.has(key(g))) audit.newFindings.push(`${id}: ${plan.title.zh} → ${key(g)} ${g.message.zh}`);
    }
  }
}

test("corpus: ≥ 50% of errors and warnings carry a fix or suggestions; no fix creates a finding; every plan verifies", async () => {
  const audit: FixAudit = { total: 0, covered: 0, fixes: 0, newFindings: [], refused: [] };
  for (const form of corpusForms()) {
    const { snapshot } = await readXlsx(await corpusWorkbook(form), `${form.id}.xlsx`, { readOnly: true });
    auditFixes(form.id, snapshot, audit);
  }
  // Printed for the report: the measured share, not only a pass.
  process.stdout.write(
    `corpus: ${audit.covered}/${audit.total} errors+warnings carry a fix or suggestions; ${audit.fixes} fixes applied\n`,
  );
  expect(audit.refused).toEqual([]);
  expect(audit.newFindings).toEqual([]);
  expect(audit.covered / audit.total).toBeGreaterThanOrEqual(0.5);
});
