/** Excel's merge() keeps only the top-left value: a merge over content must be refused, as the file host does. */
import { seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";
import { parseRange } from "../../../src/core/a1";

test("a merge that would swallow a value is refused and nothing is written", async () => {
  const excel = fakeWith(20, seedSheet());
  const sheet = excel.find("申报表")!;
  sheet.set(49, 4, "甲");
  sheet.set(49, 5, "用户填写的内容");
  const { host } = hostFor(excel);
  const res = await host.apply({
    title: { zh: "合并", en: "Merge" },
    edits: [{ op: "merge", sheet: "申报表", range: parseRange("E50:F50") }],
  });
  expect(res.ok).toBe(false);
  if (!res.ok) {
    expect(res.reason.zh).toContain("F50");
    expect(res.reason.en).toContain("F50");
  }
  expect(sheet.merges.some((m) => m.top === 49 && m.left === 4)).toBe(false);
  expect(excel.writeSyncs).toHaveLength(0);
});

test("a merge whose other cells are empty goes ahead", async () => {
  const excel = fakeWith(20, seedSheet());
  const sheet = excel.find("申报表")!;
  sheet.set(49, 4, "甲");
  const { host } = hostFor(excel);
  expect(
    await host.apply({ title: { zh: "合并", en: "Merge" }, edits: [{ op: "merge", sheet: "申报表", range: parseRange("E50:F50") }] }),
  ).toEqual({
    ok: true,
  });
});
