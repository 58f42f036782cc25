/**
 * The build's proof that Excel's pane cannot reach the browser preview or exceljs: dist/bundle-report.json
 * lists, per entry, every chunk and source module its page could ever load (its initial chunks and every
 * chunk behind a dynamic import, transitively). Reads dist/, so it needs a build (npm test builds first).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const DIST = join(__dirname, "../../dist");

interface EntryReport {
  initialFiles: string[];
  containsExceljs: boolean;
  reachableFiles: string[];
  reachesExceljs: boolean;
  reachableSources: string[];
  initialSources: string[];
}

function report(): Record<string, EntryReport> {
  const file = join(DIST, "bundle-report.json");
  if (!existsSync(file)) throw new Error("dist/bundle-report.json is missing: run npm run build first");
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, EntryReport>;
}

test("the Excel pane's whole chunk graph holds no exceljs, no file host and no preview", () => {
  const pane = report().taskpane;
  expect(pane.reachesExceljs).toBe(false);
  expect(pane.reachableFiles.some((f) => /^(exceljs|filehost|preview)[.-]/.test(f))).toBe(false);
  const forbidden = pane.reachableSources.filter((s) => /^src\/(hosts\/file|taskpane\/preview|cli)\b/.test(s));
  expect(forbidden).toEqual([]);
  // The graph really was walked: the Excel host sits behind a dynamic import, not in the first file.
  expect(pane.reachableSources).toContain("src/hosts/excel");
  expect(pane.initialFiles.every((f) => !f.startsWith("excel-host"))).toBe(true);
});

test("the pane's first file holds no check engine: the rules and validate load behind a dynamic import", () => {
  const pane = report().taskpane;
  // The first paint shows no finding; the engine is ~40 KB gzip of the 200 KB budget (state/engine.ts).
  expect(pane.initialSources.filter((s) => /^src\/(core\/rules|app\/validate\.ts)\b/.test(s))).toEqual([]);
  expect(pane.reachableSources).toContain("src/core/rules");
});

test("the report would see exceljs where it is reachable: the preview reaches it, lazily", () => {
  const preview = report().preview;
  expect(preview.reachesExceljs).toBe(true);
  expect(preview.containsExceljs).toBe(false);
  expect(preview.reachableSources).toContain("src/hosts/file");
});

test("the pane's source sends every non-Office visitor to preview.html instead of importing the preview", () => {
  const src = readFileSync(join(__dirname, "../../src/taskpane/index.tsx"), "utf8");
  expect(src).not.toMatch(/import\([^)]*preview/);
  expect(src).toMatch(/location\.replace\(`preview\.html/);
});
