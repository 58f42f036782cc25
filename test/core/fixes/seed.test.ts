/**
 * The seed form end to end in the core (issue #20): every fix applied as 修复全部 / `fix` apply them
 * (verified, one at a time on a fresh check), then the first suggestion of each remaining error and
 * warning as a user would pick it: the form is left with no error and no warning.
 */
import { checkWorkbook } from "../../../src/core/engine";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { verifyPlan } from "../../../src/core/plan/verify";
import { EditPlan, isSafePlan } from "../../../src/core/plan/editPlan";
import { Finding } from "../../../src/core/rules/types";
import { WorkbookSnapshot } from "../../../src/core/snapshot";
import { seedSheet, workbook } from "../../helpers/forms";

const id = (f: Finding) => `${f.rule} ${JSON.stringify(f.cells)}`;

/** Applies the plan through the edit engine and its verification; the workbook unchanged when either refuses. */
function apply(wb: WorkbookSnapshot, plan: EditPlan): WorkbookSnapshot {
  const a = applyToWorkbook(wb, plan);
  if (!a.ok) throw new Error(a.reason.zh);
  const v = verifyPlan({ snapshot: wb, check: checkWorkbook(wb) }, a.value, plan);
  if (!v.ok) throw new Error(v.reason.zh);
  return a.value;
}

test("the seed: fixes, then one suggestion per remaining problem, leave 0 errors and 0 warnings", () => {
  let wb = workbook(seedSheet());
  const before = checkWorkbook(wb).summary;
  const tried = new Set<string>();
  for (let f = next(wb, tried, (x) => !!x.fix && isSafePlan(x.fix)); f; f = next(wb, tried, (x) => !!x.fix && isSafePlan(x.fix)))
    wb = apply(wb, f.fix!);
  const fixed = checkWorkbook(wb).summary;
  expect(fixed.warning).toBeLessThanOrEqual(0.4 * before.warning);
  expect(fixed.error).toBeLessThanOrEqual(before.error);
  const picked: string[] = [];
  const hasChoice = (x: Finding) => x.severity !== "info" && !!x.suggestions?.length;
  for (let f = next(wb, tried, hasChoice); f; f = next(wb, tried, hasChoice)) {
    picked.push(f.suggestions![0].desc.zh);
    wb = apply(wb, f.suggestions![0].plan);
  }
  expect(picked.length).toBeGreaterThan(0);
  const after = checkWorkbook(wb).summary;
  expect([after.error, after.warning]).toEqual([0, 0]);
});

function next(wb: WorkbookSnapshot, tried: Set<string>, wanted: (f: Finding) => boolean): Finding | undefined {
  const f = checkWorkbook(wb, undefined, undefined, { fixes: true }).findings.find((x) => wanted(x) && !tried.has(id(x)));
  if (f) tried.add(id(f));
  return f;
}
