/**
 * The one fix-all loop (src/app/fixAll.ts) that the pane's 修复全部 and the CLI's fix both run: on the
 * user's real form (the seed), through a host's apply, re-checking after every fix.
 */
import { fixAll } from "../../src/app/fixAll";
import { validate } from "../../src/app/validate";
import { ignoreKey } from "../../src/core/identity";
import { isSafePlan } from "../../src/core/plan/editPlan";
import { FakeHost } from "../ui/fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

const portOf = (host: FakeHost) => ({
  check: () => validate(host, { mark: false, fixes: true, includeIgnored: true }),
  apply: (plan: Parameters<FakeHost["apply"]>[0]) => host.apply(plan),
});

describe("fixAll", () => {
  test("applies every safe fix once, through the host, on a fresh check each time", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    const before = await validate(host, { mark: false, fixes: true });
    const safe = before.findings.filter((f) => f.fix && isSafePlan(f.fix));
    expect(safe.length).toBeGreaterThan(0);
    const reads = host.calls.read;

    const report = await fixAll(portOf(host), { ignored: [] });

    expect(report.applied.length).toBeGreaterThan(0);
    // One check per round, and one more that found nothing left to try.
    expect(host.calls.read - reads).toBe(report.applied.length + report.skipped.filter((s) => s.why === "refused").length + 1);
    // Never a plan that inserts rows, never a suggestion's plan.
    expect(host.calls.apply.every(isSafePlan)).toBe(true);
    const suggestionPlans = new Set(before.findings.flatMap((f) => f.suggestions ?? []).map((s) => s.plan));
    expect(host.calls.apply.some((p) => suggestionPlans.has(p))).toBe(false);
    // What is left has no safe fix that was not tried.
    const after = await validate(host, { mark: false, fixes: true });
    expect(after.findings.length).toBeLessThan(before.findings.length);
    expect(report.findings.map(ignoreKey).sort()).toEqual(after.findings.map(ignoreKey).sort());
  });

  test("leaves the findings the workbook's ignored list holds alone, and says so", async () => {
    const first = new FakeHost(workbook(seedSheet()));
    const target = (await validate(first, { mark: false, fixes: true })).findings.find((f) => f.fix && isSafePlan(f.fix))!;
    const key = ignoreKey(target);
    const host = new FakeHost(workbook(seedSheet()), { ignored: [key] });

    const report = await fixAll(portOf(host), { ignored: [key] });

    expect(report.applied.map((a) => ignoreKey(a.finding))).not.toContain(key);
    const touched = host.calls.apply.flatMap((p) => p.edits).filter((e) => e.op === "setValue");
    const cell = target.cells[0];
    expect(touched.some((e) => e.op === "setValue" && e.sheet === cell.sheet && e.row === cell.row && e.col === cell.col)).toBe(false);
    expect(report.skipped.find((s) => ignoreKey(s.finding) === key)?.why).toBe("ignored");
    expect(report.ignoredCount).toBeGreaterThanOrEqual(1);
    expect(report.findings.map(ignoreKey)).not.toContain(key);
  });

  test("a fix the host refuses is reported with the host's reason and tried once, not forced", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    const reason = { zh: "单元格已被修改", en: "the cell changed" };
    host.refuse = reason;

    const report = await fixAll(portOf(host), { ignored: [] });

    expect(report.applied).toHaveLength(0);
    const refused = report.skipped.filter((s) => s.why === "refused");
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.reason === reason)).toBe(true);
    expect(host.calls.apply).toHaveLength(refused.length);
    expect(new Set(host.calls.apply).size).toBe(host.calls.apply.length);
  });
});
