/**
 * Bridge calls of the WPS host on examples/seed-form.xlsx, counted on the ET fake (test/hosts/wps/
 * fakeEt.ts counts every property read, write and method call: each crosses into the native office).
 * read: one host read. mark: 一键校验 — read, the workbook's settings, check and mark. insert: after
 * that check, the pane's 插入模板 (src/app/insert.ts): its read, the cursor's sheet and the insertion (its writes,
 * the verifying re-read and the marks put back on their moved cells).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { validate } from "../src/app/validate";
import { findTemplate } from "../src/core/templates/catalogue";
import { insertTemplate } from "../src/app/insert";
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
    // The pane's 插入模板 (src/app/insert.ts): its read, the form on the cursor's sheet, the insertion.
    const res = await insertTemplate(host, findTemplate("quality.coverage")!, {});
    if (!res.ok) throw new Error(`the insertion failed on the fake: ${res.reason.zh}`);
  });
  return { read: readCalls, mark: markCalls, insert: insertCalls };
}
