/**
 * Bridge calls of the WPS host on examples/seed-form.xlsx, counted on the ET fake (test/hosts/wps/
 * fakeEt.ts counts every property read, write and method call: each crosses into the native office).
 * read: one host read. mark: 一键校验 — read, the workbook's settings, check and mark. insert: after
 * that check, the read the pane does before planning and the insertion of a template (its writes,
 * the verifying re-read and the marks put back on their moved cells).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { validate } from "../src/app/validate";
import { checkWorkbook } from "../src/core/engine";
import { findTemplate } from "../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../src/core/templates/insert";
import { readXlsx } from "../src/hosts/file/read";
import { fakeFrom, hostOn } from "../test/hosts/wps/load";

export interface WpsBench {
  read: number;
  mark: number;
  insert: number;
}

export async function runWpsBench(file = join(__dirname, "..", "examples", "seed-form.xlsx")): Promise<WpsBench> {
  const read = await readXlsx(readFileSync(file), "seed-form.xlsx");
  const counted = async (app: ReturnType<typeof fakeFrom>, fn: () => Promise<unknown>) => {
    const before = app.calls;
    await fn();
    return app.calls - before;
  };

  const a = fakeFrom(read);
  const readCalls = await counted(a, () => hostOn(a).read());

  const b = fakeFrom(read);
  const markCalls = await counted(b, () => validate(hostOn(b)));

  const c = fakeFrom(read);
  const host = hostOn(c);
  await validate(host);
  const insertCalls = await counted(c, async () => {
    const snap = (await host.read()).snapshot;
    const form = checkWorkbook(snap).recognitions[0].forms[0];
    const plan = planInsertion(form.model, form.grid, findTemplate("quality.coverage")!);
    if (isInsertError(plan)) throw new Error(plan.error.zh);
    const res = await host.apply(plan);
    if (!res.ok) throw new Error("the insertion failed on the fake");
  });
  return { read: readCalls, mark: markCalls, insert: insertCalls };
}
