/**
 * Issue #22: 插入模板 on the example in ≤ 400 bridge calls. The pane's insertion (src/app/insert.ts)
 * reads the workbook and plans in one queued task, and hands that read to the host as the plan's
 * basis (Host ApplyOptions): WPS compiles against it instead of reading the sheet a second time. The
 * verifying re-read after the steps is never skipped.
 */
import { insertTemplate } from "../../../src/app/insert";
import { validate } from "../../../src/app/validate";
import { checkWorkbook } from "../../../src/core/engine";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../../src/core/templates/insert";
import { seedFake } from "./helpers";
import { hostOn } from "./load";
import { WpsHost } from "../../../src/hosts/wps/wpsHost";

const template = findTemplate("quality.coverage")!;
// Each read of the form asks MergeArea of the cells a merge may start at (read.ts findMerges).
const mergeProbes = (log: string[]) => log.filter((l) => l === "Range.MergeArea").length;

/** The host's read and the template's insertion planned on it. */
async function planned(host: WpsHost) {
  const { snapshot } = await host.read();
  const form = checkWorkbook(snapshot).recognitions[0].forms[0];
  const plan = planInsertion(form.model, form.grid, template);
  if (isInsertError(plan)) throw new Error(plan.error.zh);
  return { snapshot, plan };
}

async function oneReadProbes(): Promise<number> {
  const { app } = await seedFake();
  await hostOn(app).read();
  return mergeProbes(app.log);
}

test("插入模板 on the example: ≤ 400 bridge calls, the sheet read once before the steps and once after", async () => {
  const { app } = await seedFake();
  const host = hostOn(app);
  await validate(host);
  app.calls = 0;
  app.log.length = 0;
  const res = await insertTemplate(host, template, {});
  expect(res.ok).toBe(true);
  expect(app.calls).toBeLessThanOrEqual(400);
  // The pane's read (the plan's basis) and the verifying re-read (three merges more); not a third read.
  expect(mergeProbes(app.log)).toBeLessThan(2.5 * (await oneReadProbes()));
  // One form in the workbook: the cursor's sheet decides nothing, so it is not asked.
  expect(app.log).not.toContain("Workbook.ActiveSheet");
  const names = (await host.read()).snapshot.sheets[0].values.flat();
  expect(names).toContain(template.name);
});

test("without a basis, or with one that lacks the plan's sheet, the host reads the sheet itself", async () => {
  for (const basis of [undefined, { source: "", sheets: [] }]) {
    const { app } = await seedFake();
    const host = hostOn(app);
    const { plan } = await planned(host);
    app.log.length = 0;
    const res = await host.apply(plan, basis ? { basis } : {});
    expect(res.ok).toBe(true);
    // The read for the edit and the verifying re-read.
    expect(mergeProbes(app.log)).toBeGreaterThan(1.5 * (await oneReadProbes()));
  }
});

test("a basis the sheet no longer matches is not used: the stale plan is refused and the change made since is kept", async () => {
  const { app } = await seedFake();
  const host = hostOn(app);
  const { snapshot, plan } = await planned(host);
  // A row inserted by someone else between the read and the apply: the basis is stale. Compiled and
  // undone against it, the transaction would have taken that row out again.
  app.ActiveWorkbook.sheet(snapshot.sheets[0].name)!.Rows.Item("3:3").Insert(-4121); // xlShiftDown
  const before = (await host.read()).snapshot;
  const res = await host.apply(plan, { basis: snapshot });
  expect(res.ok).toBe(false);
  expect((await host.read()).snapshot.sheets[0]).toEqual(before.sheets[0]);
});
