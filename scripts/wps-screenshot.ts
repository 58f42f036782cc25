/**
 * Screenshots of the built WPS pane (dist/wps/…/taskpane.html) in headless Chromium, standing in
 * for WPS: the ET fake of the tests, loaded with the bundled example, is the page's `Application`.
 * No WPS runs here, so this shows the pane's layout and flow on the fake, nothing about WPS itself.
 *   npm run build && npx tsx scripts/wps-screenshot.ts   → test-artifacts/screenshots/wps-*.png
 */
import { buildSync } from "esbuild";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "fs";
import { extname, join } from "path";
import { launchChromium } from "./chromium";
import { openXlsx } from "../src/hosts/file/open";

const ROOT = join(__dirname, "..");
const WPS = join(ROOT, "dist/wps");
const OUT = join(ROOT, "test-artifacts/screenshots");
const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "text/xml",
  ".svg": "image/svg+xml",
};

async function main(): Promise<void> {
  const folder = readdirSync(WPS).find((d) => d.startsWith("budget-form_"));
  if (!folder) throw new Error("dist/wps is missing: run npm run build first");
  const dir = join(WPS, folder);
  const { snapshot } = await openXlsx(readFileSync(join(ROOT, "examples/seed-form.xlsx")), "seed-form.xlsx");
  // The fake and its loader, for the browser: they hold no exceljs at run time.
  const fake = buildSync({
    stdin: {
      contents: `import { fakeFrom } from "./test/hosts/wps/load"; (globalThis as any).Application = fakeFrom((globalThis as any).__SNAPSHOT__);`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    external: ["exceljs"],
  }).outputFiles[0].text;

  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 760 } });
    await page.addInitScript(`globalThis.__SNAPSHOT__ = ${JSON.stringify(snapshot)};\n${fake}`);
    await page.route("http://wps.local/**", (route) => {
      const file = join(dir, decodeURIComponent(new URL(route.request().url()).pathname));
      if (!existsSync(file)) return route.fulfill({ status: 404 });
      return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? "application/octet-stream" });
    });
    await page.goto("http://wps.local/taskpane.html");
    await page
      .getByRole("button", { name: /一键校验/ })
      .first()
      .click();
    await page.waitForSelector("[data-rule-id]");
    await page.screenshot({ path: join(OUT, "wps-pane-zh.png") });
    console.log(`写出 ${join(OUT, "wps-pane-zh.png")}`);
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
