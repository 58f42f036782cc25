/**
 * Screenshots of the drafted-indicator editor (issue #20) in the built preview, at 1280 and 320 px:
 * the seed's empty 可持续影响 row offers drafts under 建议; one is opened, shown as drafted (passing),
 * then edited into a vague target (the rule's message, 插入 disabled).
 *   npm run build && npx tsx scripts/draft-screenshot.ts   → test-artifacts/screenshots/draft-editor-*.png
 */
import { mkdirSync } from "fs";
import { join } from "path";
import { launchChromium } from "./chromium";
import { serve } from "./serve";

const ROOT = join(__dirname, "..");
const AXE = require.resolve("axe-core/axe.min.js");

type Axe = { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact?: string; nodes: { target: string[] }[] }[] }> };

/** axe-core's moderate-or-worse violations inside the dialog, as "rule impact target" lines (injected from node_modules). */
async function axeDialog(page: import("playwright-core").Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const r = await axe.run(document.querySelector("[role=dialog]")!, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "moderate" || v.impact === "serious" || v.impact === "critical")
      .flatMap((v) => v.nodes.map((n) => `${v.id} ${v.impact} ${n.target.join(" ")}`));
  });
}
const OUT = join(ROOT, "test-artifacts/screenshots");

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const { server, url } = await serve({ root: join(ROOT, "dist"), port: 0 });
  const browser = await launchChromium();
  try {
    for (const width of [1280, 320]) {
      const ctx = await browser.newContext({ viewport: { width, height: width > 400 ? 900 : 720 } });
      // The preview needs nothing from the network: anything not local is refused.
      await ctx.route("**/*", (route) => {
        const host = new URL(route.request().url()).hostname;
        return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
      });
      const page = await ctx.newPage();
      page.setDefaultTimeout(5 * 60 * 1000);
      await page.goto(`${url}preview.html`);
      await page.waitForFunction(
        () =>
          Number(document.querySelector("[data-check-seq]")?.getAttribute("data-check-seq")) >= 1 &&
          document.querySelector("[data-busy=false]") !== null,
      );
      const row = page.locator('[data-rule-id="indicators/missing-category"][data-cell="申报表!C48"]');
      await row.scrollIntoViewIfNeeded();
      await row.getByTestId("suggestions").click();
      await page.getByTestId("suggestion").filter({ hasText: "科普志愿者队伍人数" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByTestId("draft-row").waitFor();
      // The dialog fades in: shoot it once its opening animation is over.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
      await page.screenshot({ path: join(OUT, `draft-editor-${width}.png`) });
      const passing = await axeDialog(page);
      const annual = dialog.getByLabel("年度指标值");
      await annual.fill("");
      await annual.pressSequentially("约250");
      await dialog.locator('[data-rule-id="indicators/vague-wording"]').waitFor();
      await page.screenshot({ path: join(OUT, `draft-editor-${width}-invalid.png`) });
      const invalid = await axeDialog(page);
      console.log(`${width}px: axe-core (dialog, moderate or worse): ${JSON.stringify([...passing, ...invalid])}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      console.log(
        `${width}px: saved; horizontal overflow ${overflow}px; 插入 disabled: ${await dialog.getByRole("button", { name: "插入" }).isDisabled()}`,
      );
      await ctx.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
