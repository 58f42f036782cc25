/** `add` chooses the form by the pane's rule (src/app/insert.ts): --sheet, else the only form, else it asks. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { recognizeWorkbook } from "../../src/core/form/recognize";
import { findTemplate } from "../../src/core/templates/catalogue";
import { readXlsx } from "../../src/hosts/file";
import { fixturePath } from "../helpers/xlsx";
import { run as capture } from "./capture";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bf-add-choice-"));
  copyFileSync(fixturePath("two-forms.xlsx"), join(dir, "two.xlsx"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const { code, out: stdout, err: stderr } = await capture(argv, { cwd: dir });
  return { code, stdout, stderr };
}

const formSheets = async (file: string) =>
  recognizeWorkbook((await readXlsx(readFileSync(join(dir, file)), file)).snapshot).flatMap((r) => r.forms.map((f) => f.model));

/** How many cells of each sheet hold this text. */
async function mentions(file: string, text: string): Promise<Map<string, number>> {
  const { snapshot } = await readXlsx(readFileSync(join(dir, file)), file);
  return new Map(snapshot.sheets.map((s) => [s.name, s.values.flat().filter((v) => v === text).length]));
}

test("with several forms and no --sheet it writes nothing and names the forms", async () => {
  const models = await formSheets("two.xlsx");
  expect(models.length).toBeGreaterThan(1);
  const r = await run("add", "two.xlsx", "--template", "quantity.training-sessions", "--out", "out.xlsx");
  expect(r.code).toBe(2);
  expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
  for (const s of new Set(models.map((m) => m.sheet))) expect(r.stderr).toContain(`「${s}」`);
  expect(r.stderr).toContain("--sheet");
});

test("--sheet puts the row into that form", async () => {
  const models = await formSheets("two.xlsx");
  const sheets = [...new Set(models.map((m) => m.sheet))];
  // Two forms on one sheet stay ambiguous for --sheet too; this fixture has them on two sheets.
  expect(sheets.length).toBe(models.length);
  const last = sheets[sheets.length - 1];
  const r = await run("add", "two.xlsx", "--template", "quantity.training-sessions", "--sheet", last, "--out", "out.xlsx");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(last);
  const name = findTemplate("quantity.training-sessions")!.name;
  const inBefore = await mentions("two.xlsx", name);
  const inAfter = await mentions("out.xlsx", name);
  expect(inAfter.get(last)).toBe((inBefore.get(last) ?? 0) + 1);
  expect(inAfter.get(sheets[0]) ?? 0).toBe(inBefore.get(sheets[0]) ?? 0);
});

test("it says what the form holds after the insertion, as `check` on the written copy counts it", async () => {
  copyFileSync(join(__dirname, "../../examples/seed-form.xlsx"), join(dir, "seed.xlsx"));
  const r = await run("add", "seed.xlsx", "--template", "quantity.training-sessions", "--out", "out.xlsx");
  expect(r.code).toBe(0);
  const said = /插入后表中有 (\d+) 个错误、(\d+) 个警告/.exec(r.stdout);
  expect(said).not.toBeNull();
  const checked = await run("check", "out.xlsx", "--format", "json");
  const findings = (JSON.parse(checked.stdout) as { files: { findings: { severity: string }[] }[] }).files[0].findings;
  expect([Number(said![1]), Number(said![2])]).toEqual([
    findings.filter((f) => f.severity === "error").length,
    findings.filter((f) => f.severity === "warning").length,
  ]);
});
