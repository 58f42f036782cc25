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

/**
 * Rules of the second catalogue (#23), added after issue #20 set its target of "warnings after fix
 * ≤ 40% of before" on the catalogue of its day. Their findings on the seed (five compound targets)
 * need the user's choice — splitting a row is never automatic — so the ratio is measured on the
 * catalogue the target was set for, and every warning left, of any rule, must offer a suggestion.
 */
const SECOND_CATALOGUE = new Set([
  "indicators/bare-percent",
  "indicators/complaints-as-satisfaction",
  "indicators/compound-target",
  "indicators/cost-within-funds",
  "indicators/identical-targets",
  "indicators/input-as-output",
  "indicators/name-contradicts-target",
  "indicators/name-repeats-category",
  "indicators/placeholder-left",
  "indicators/positive-zero",
]);
const warningsOf = (wb: WorkbookSnapshot) =>
  checkWorkbook(wb, undefined, undefined, { fixes: true }).findings.filter((f) => f.severity === "warning");

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
  const firstCatalogue = (w: Finding[]) => w.filter((f) => !SECOND_CATALOGUE.has(f.rule)).length;
  const warningsBefore = warningsOf(wb);
  const tried = new Set<string>();
  for (let f = next(wb, tried, (x) => !!x.fix && isSafePlan(x.fix)); f; f = next(wb, tried, (x) => !!x.fix && isSafePlan(x.fix)))
    wb = apply(wb, f.fix!);
  const fixed = checkWorkbook(wb).summary;
  const left = warningsOf(wb);
  expect(firstCatalogue(left)).toBeLessThanOrEqual(0.4 * firstCatalogue(warningsBefore));
  expect(left.filter((f) => !f.suggestions?.length).map(id)).toEqual([]);
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
