/** Inputs are never overwritten, and folder/file names with spaces, brackets or Chinese work in globs. */
import { createHash } from "crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { examplePath } from "../helpers/xlsx";
import { noStackTrace, run } from "./capture";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const tmp = () => mkdtempSync(join(tmpdir(), "budget-form-in-"));

test("--annotate into the folder being checked never overwrites another input of the same name", async () => {
  const dir = tmp();
  mkdirSync(join(dir, "二科"));
  copyFileSync(examplePath("corrected-form.xlsx"), join(dir, "申报表.xlsx"));
  copyFileSync(examplePath("seed-form.xlsx"), join(dir, "二科", "申报表.xlsx"));
  const before = [sha(join(dir, "申报表.xlsx")), sha(join(dir, "二科", "申报表.xlsx"))];
  const r = await run(["check", dir, "--annotate", dir, "--format", "json"]);
  noStackTrace(r.err);
  expect([sha(join(dir, "申报表.xlsx")), sha(join(dir, "二科", "申报表.xlsx"))]).toEqual(before);
  // Both were checked as they were: one clean, one with errors.
  const files = JSON.parse(r.out).files as { file: string; summary: { error: number } }[];
  expect(files.map((f) => f.summary.error > 0).sort()).toEqual([false, true]);
  expect(readdirSync(dir).filter((n) => n.endsWith(".xlsx")).length).toBe(3);
});

test.each([
  ["预算(2024)", "*.xlsx"],
  ["报表 终稿 (2)", "*.xlsx"],
  ["科室", "申报表(1)*.xlsx"],
])("a glob under %s matching %s finds the file", async (folder, pattern) => {
  const cwd = tmp();
  mkdirSync(join(cwd, folder));
  copyFileSync(examplePath("corrected-form.xlsx"), join(cwd, folder, "申报表(1).xlsx"));
  const r = await run(["check", `${folder}/${pattern}`, "--format", "json"], { cwd });
  expect(r.err).toBe("");
  expect(JSON.parse(r.out).files).toEqual([expect.objectContaining({ file: join(folder, "申报表(1).xlsx"), sheet: "申报表" })]);
  expect(r.code).toBe(0);
  const abs = await run(["check", join(cwd, folder, pattern), "--format", "json"], { cwd: tmp() });
  expect(JSON.parse(abs.out).files[0].file).toBe(join(cwd, folder, "申报表(1).xlsx"));
  // The folder itself, and a glob run from inside it.
  const whole = await run(["check", folder, "--format", "json"], { cwd });
  expect(JSON.parse(whole.out).files.map((f: { file: string }) => f.file)).toEqual([join(folder, "申报表(1).xlsx")]);
  const inside = await run(["check", pattern, "--format", "json"], { cwd: join(cwd, folder) });
  expect(JSON.parse(inside.out).files.map((f: { file: string }) => f.file)).toEqual(["申报表(1).xlsx"]);
});
