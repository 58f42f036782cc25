/** The real thing: build lib/ with `npm run build:cli`'s compiler call, then run bin/budget-form.js. */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ROOT } from "../helpers/xlsx";
import { noStackTrace } from "./capture";

const BIN = join(ROOT, "bin/budget-form.js");

beforeAll(() => {
  // Same command as `npm run build:cli`. A type error elsewhere in src/ still emits JS, so only
  // the presence of the entry point decides whether the CLI can be run.
  spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, encoding: "utf8" });
  expect(existsSync(join(ROOT, "lib/cli/main.js"))).toBe(true);
}, 180000);

test("node bin/budget-form.js check: JSON for a good and a bad file, exit 2, no stack trace", () => {
  const r = spawnSync(
    process.execPath,
    [BIN, "check", "examples/corrected-form.xlsx", "test/fixtures/generated/ole-renamed.xlsx", "--format", "json"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  expect(r.status).toBe(2);
  const files = JSON.parse(r.stdout).files;
  expect(files[0]).toMatchObject({ file: "examples/corrected-form.xlsx", sheet: "申报表", summary: { error: 0 } });
  expect(files[1].error).toMatch(/旧版 Excel 97-2003.*密码/);
  expect(r.stderr).toBe("");
  noStackTrace(r.stdout + r.stderr);
});

test("--version through the real binary", () => {
  const r = spawnSync(process.execPath, [BIN, "--version"], { cwd: ROOT, encoding: "utf8" });
  expect([r.status, r.stdout.trim()]).toEqual([0, JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version]);
});

test("without lib/ the binary says in Chinese how to build it", () => {
  const dir = mkdtempSync(join(tmpdir(), "budget-form-bin-"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(BIN, join(dir, "bin/budget-form.js"));
  const r = spawnSync(process.execPath, [join(dir, "bin/budget-form.js"), "check", "x.xlsx"], { encoding: "utf8" });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("尚未构建");
  expect(r.stderr).toContain("npm run build:cli");
});
