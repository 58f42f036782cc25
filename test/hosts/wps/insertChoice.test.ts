/** WPS: a template goes into the form on the sheet the cursor is in (src/app/insert.ts's one rule). */
import { insertTemplate } from "../../../src/app/insert";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { seedSheet, workbook } from "../../helpers/forms";
import { fakeFrom, hostOn } from "./load";

const named = (name: string) => ({ ...seedSheet(), name });
const template = findTemplate("quantity.training-sessions")!;

test("with two forms, the row lands in the active sheet's form and the other is untouched", async () => {
  const app = fakeFrom(workbook(named("甲单位"), named("乙单位")));
  const wb = app.ActiveWorkbook;
  const count = (sheet: string) => {
    let n = 0;
    for (const cell of wb.sheet(sheet)!.cells.values()) if (cell.v === template.name) n++;
    return n;
  };
  wb.sheet("乙单位")!.Activate();
  const host = hostOn(app);
  expect(await host.activeSheet()).toBe("乙单位");

  const r = await insertTemplate(host, template, {});

  expect(r.ok).toBe(true);
  expect(count("乙单位")).toBe(1);
  expect(count("甲单位")).toBe(0);
});
