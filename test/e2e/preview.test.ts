/**
 * End to end in real headless Chromium: dist/ served on a loopback port, every non-loopback request
 * aborted (so office.js from the CDN fails and the pane starts in preview mode, as it would offline).
 * Skips only when /usr/bin/chromium is absent; fails when dist/ has not been built.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Server } from "http";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { CHROMIUM, launchChromium } from "../../scripts/chromium";
import { serve } from "../../scripts/serve";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist");
const SHOTS = join(ROOT, "test-artifacts/screenshots");
const OFFICE_JS_DIR = join(ROOT, "node_modules/@microsoft/office-js/dist");
const TEXT_AMOUNTS = join(ROOT, "test/fixtures/generated/text-amounts.xlsx");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const AXE = require.resolve("axe-core/axe.min.js");

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`[e2e] 跳过浏览器端到端测试:未找到 ${CHROMIUM}(Debian: apt-get install chromium)。Skipping: ${CHROMIUM} not found.`);
}

test("dist/ has been built (npm test builds it first)", () => {
  for (const f of ["taskpane.html", "preview.html", "seed-form.xlsx", "manifest.xml"]) {
    expect({ file: f, exists: existsSync(join(DIST, f)) }).toEqual({ file: f, exists: true });
  }
});

const browserDescribe = haveChromium ? describe : describe.skip;

browserDescribe("browser preview in headless Chromium", () => {
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run npm run build first");
    mkdirSync(SHOTS, { recursive: true });
    ({ server, url: base } = await serve({ root: DIST, port: 0 }));
    browser = await launchChromium({ timeout: 5 * 60 * 1000 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  interface Opened {
    ctx: BrowserContext;
    page: Page;
    /** Non-loopback requests the page tried (all aborted or fulfilled locally). */
    external: string[];
    errors: string[];
  }

  async function open(path: string, opts: { width?: number; height?: number; dark?: boolean; officeJs?: boolean } = {}): Promise<Opened> {
    const ctx = await browser.newContext({
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
      colorScheme: opts.dark ? "dark" : "light",
      acceptDownloads: true,
    });
    const external: string[] = [];
    await ctx.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
      external.push(url.href);
      if (opts.officeJs && url.href.startsWith(CDN)) {
        const file = join(OFFICE_JS_DIR, url.href.slice(CDN.length).split("?")[0]);
        if (existsSync(file)) return route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
      }
      return route.abort();
    });
    const page = await ctx.newPage();
    // Playwright gives every wait 30 s by default; the waits here are on page state, and under load
    // a first check can take longer. 5 minutes ends only a wait that will never come true, with
    // Playwright's own message (what it waited for) rather than jest's bare timeout.
    page.setDefaultTimeout(5 * 60 * 1000);
    page.setDefaultNavigationTimeout(5 * 60 * 1000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base + path);
    return { ctx, page, external, errors };
  }

  /** Waits until the pane has finished its first check of the loaded workbook. */
  async function ready(page: Page, seq = 1): Promise<void> {
    await page.waitForSelector("[data-testid=sheet-grid]");
    await page.waitForFunction(
      (n) =>
        Number(document.querySelector("[data-check-seq]")?.getAttribute("data-check-seq")) >= n &&
        document.querySelector("[data-busy=false]") !== null,
      seq,
    );
  }

  async function checkSeq(page: Page): Promise<number> {
    return Number(await page.getAttribute("[data-check-seq]", "data-check-seq"));
  }

  async function validate(page: Page): Promise<void> {
    const before = await checkSeq(page);
    await page.getByRole("button", { name: /校验(?!报告)/ }).click();
    await ready(page, before + 1);
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.locator("[data-testid=pane]").screenshot({ path: join(SHOTS, `${name}.png`) });
  }

  /**
   * axe-core's moderate, serious and critical violations on the whole page, as "state: rule target…" lines
   * (an empty list is the pass). axe is injected from node_modules, never fetched.
   */
  async function axeSerious(page: Page, state: string): Promise<string[]> {
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
    // Let entering toasts and panels finish their motion first: half-faded text fails colour
    // contrast by chance, depending on when axe looks. Only short motions: a spinner never ends, and
    // a toast's timeout runs as a CSS animation of its own (seconds long).
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => {
            const t = a.effect?.getComputedTiming();
            return !!t && t.iterations !== Infinity && Number(t.duration) <= 1000;
          })
          .map((a) => a.finished.catch(() => undefined)),
      ).then(() => undefined),
    );
    const found = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: Document,
              o: object,
            ): Promise<{ violations: { id: string; impact?: string; nodes: { target: string[]; html: string }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run(document, { resultTypes: ["violations"] });
      // Tabster's focus guards (<i data-tabster-dummy tabindex=0 aria-hidden>, around every Fluent
      // TabList, Accordion and Toolbar) pass focus on at once and are hidden from screen readers on
      // purpose; Fluent calls them by design and Accessibility Insights suppresses them
      // (microsoft/fluentui#27517, microsoft/tabster#288, microsoft/accessibility-insights-web#7605).
      // Every other aria-hidden-focus node still fails.
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        nodes: v.nodes.map((n) => ({ target: n.target.join(" "), dummy: /^<i [^>]*data-tabster-dummy=/.test(n.html) })),
      }));
    });
    return found
      .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.dummy) } : v))
      .filter((v) => (v.impact === "moderate" || v.impact === "serious" || v.impact === "critical") && v.nodes.length > 0)
      .map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target).join(" | ")}`);
  }

  /**
   * Clicks the centre of a finding with the mouse, after proving that the topmost element at that
   * point belongs to the finding (a full-page layer would take the click instead).
   */
  async function clickCentre(page: Page, row: Locator): Promise<void> {
    const button = row.locator("button").first();
    // The list re-renders when a check lands (the finding's row is then a new element): scroll the
    // row as it is now, a few times if it is replaced under the scroll.
    for (let attempt = 1; ; attempt++) {
      try {
        await button.scrollIntoViewIfNeeded();
        break;
      } catch (e) {
        if (attempt >= 5 || !/not attached/.test(String(e))) throw e;
      }
    }
    // The point to click is taken once the row holds still: two frames apart, the same box (the pane
    // may still be laying out what a check or a loaded chunk just added above the row).
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let box = (await button.boundingBox())!;
    for (let still = 0; still < 50; still++) {
      await frames();
      const now = (await button.boundingBox())!;
      if (now.x === box.x && now.y === box.y) break;
      box = now;
    }
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const hit = await page.evaluate(
      ([px, py]) => {
        const el = document.elementFromPoint(px, py);
        return el?.closest("[data-rule-id]")?.getAttribute("data-cell") ?? `${el?.tagName}.${el?.className}`;
      },
      [x, y] as const,
    );
    expect(hit).toBe(await row.getAttribute("data-cell"));
    await page.mouse.click(x, y);
  }

  /** The grid's selected cell after a finding was clicked: its address (or its merge's anchor). */
  async function selectedAfter(page: Page, before: string | null): Promise<string> {
    await page.waitForFunction((b) => {
      const a = document.querySelector("td[data-selected=true]")?.getAttribute("data-address") ?? null;
      return a !== null && a !== b;
    }, before);
    return (await page.getAttribute("td[data-selected=true]", "data-address"))!;
  }

  async function toEnglish(page: Page): Promise<void> {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByRole("tab", { name: "Issues" }).click();
  }

  test("taskpane.html outside Office: the example opens, 一键校验 marks, a finding selects its cell", async () => {
    const { ctx, page, external, errors } = await open("taskpane.html");
    try {
      await ready(page);
      // office.js was the only request off this machine, and it was refused.
      expect(external).toEqual([`${CDN}office.js`]);
      expect(await page.getAttribute("body", "data-mode")).toBe("preview");
      expect(await page.textContent("[data-testid=file-name]")).toBe("seed-form.xlsx");
      expect(await page.textContent("[data-testid=form-summary]")).toContain("广州市白云区科学技术协会");

      await validate(page);
      const rows = page.locator("[data-rule-id]");
      expect(await rows.count()).toBeGreaterThan(0);
      // Every finding's cell is marked in the grid, in the severity's colour.
      const marked = await page.locator("td[data-mark]").count();
      expect(marked).toBeGreaterThan(0);
      expect(await page.getAttribute("td[data-mark=error]", "style")).toContain("rgb(255, 199, 206)"); // FFC7CE
      expect(await page.getByTestId("marks-note").textContent()).toContain("清除标记");

      // Click a finding whose cell is a plain (unmerged) cell: that cell gets selected.
      const cell = (await rows.first().getAttribute("data-cell"))!;
      await rows.first().locator("button").first().click();
      const address = cell.split("!")[1];
      await page.waitForSelector(`td[data-selected=true]`);
      const selected = await page.getAttribute("td[data-selected=true]", "data-address");
      const box = await page.locator("td[data-selected=true]").boundingBox();
      expect(selected).toBeTruthy();
      // The selected cell is the finding's cell, or the anchor of the merge that contains it.
      const anchorCovers = await page.evaluate(
        ([sel, addr]) => {
          const td = document.querySelector(`td[data-address="${sel}"]`) as HTMLTableCellElement;
          const col = (a: string) =>
            a
              .replace(/\d+/g, "")
              .split("")
              .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
          const row = (a: string) => Number(a.replace(/[A-Z]+/g, ""));
          return row(addr) >= row(sel) && row(addr) < row(sel) + td.rowSpan && col(addr) >= col(sel) && col(addr) < col(sel) + td.colSpan;
        },
        [selected!, address],
      );
      expect(anchorCovers).toBe(true);
      expect(box).not.toBeNull();
      // Only the grid scrolled to the cell: the page and the preview's frame (toolbar, pane header) did not.
      expect(
        await page.evaluate(() => [document.documentElement.scrollTop, document.querySelector("[data-testid=preview]")!.scrollTop]),
      ).toEqual([0, 0]);

      // Keyboard: Enter on another finding moves the selection there.
      const second = rows.nth(1);
      const cell2 = (await second.getAttribute("data-cell"))!.split("!")[1];
      // Arrow keys move through the list (rows and their buttons); Enter goes to the cell.
      await rows.first().locator("button").first().focus();
      let reached = false;
      for (let i = 0; i < 5 && !reached; i++) {
        await page.keyboard.press("ArrowDown");
        reached = await page.evaluate(() => {
          const row = document.activeElement?.closest("[data-rule-id]");
          return !!row && row !== document.querySelector("[data-rule-id]");
        });
      }
      expect(reached).toBe(true);
      await second.locator("button").first().focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction((a) => document.querySelector("td[data-selected=true]")?.getAttribute("data-address") !== a, selected);

      await shot(page, "pane-zh-light");
      await page.screenshot({ path: join(SHOTS, "preview-zh-light.png") });
      expect(cell2).toBeTruthy();

      await page.getByRole("button", { name: "清除标记" }).click();
      await page.waitForFunction(() => document.querySelectorAll("td[data-mark]").length === 0);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test("opens an .xlsx through the file input, applies a fix, and downloads the changed workbook", async () => {
    const { ctx, page, external, errors } = await open("preview.html");
    try {
      await ready(page);
      expect(external).toEqual([]); // preview.html makes no request off this machine at all
      await page.setInputFiles("[data-testid=file-input]", TEXT_AMOUNTS);
      await page.waitForFunction(() => document.querySelector("[data-testid=file-name]")?.textContent === "text-amounts.xlsx");
      await ready(page);

      const fixable = page.locator("[data-rule-id]").filter({ has: page.getByRole("button", { name: /修复/ }) });
      const before = await page.locator("[data-rule-id]").count();
      expect(await fixable.count()).toBeGreaterThan(0);
      const target = fixable.first();
      const rule = (await target.getAttribute("data-rule-id"))!;
      const cell = (await target.getAttribute("data-cell"))!;
      const seq = await checkSeq(page);
      await target.getByRole("button", { name: /修复/ }).click();
      // 修复 first shows the change (cell, before → after); it applies on 应用修复.
      await page.getByTestId("fix-changes").waitFor();
      await page.getByTestId("fix-apply").click();
      await ready(page, seq + 1);
      expect(await page.locator(`[data-rule-id="${rule}"][data-cell="${cell}"]`).count()).toBe(0);
      expect(await page.locator("[data-rule-id]").count()).toBe(before - 1);
      await page
        .getByText(/已修复/)
        .first()
        .waitFor();

      // The download carries the fix: the cell now holds a number.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /下载/ }).click()]);
      // Never the original's name, so the copy cannot be mistaken for the file it came from.
      expect(download.suggestedFilename()).toBe("text-amounts-已修改.xlsx");
      const bytes = readFileSync((await download.path())!);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const [sheet, address] = cell.split("!");
      expect(typeof wb.getWorksheet(sheet)!.getCell(address).value).toBe("number");
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test("a missing-category finding offers a template; inserting it makes the finding go away", async () => {
    const { ctx, page, errors } = await open("preview.html");
    try {
      await ready(page);
      // The seed's printed but empty 时效指标 row.
      const finding = page.locator('[data-rule-id="indicators/missing-category"][data-cell="申报表!B43"]');
      expect(await finding.count()).toBe(1);
      const button = finding.locator("button[data-template-id]").first();
      const templateId = (await button.getAttribute("data-template-id"))!;
      expect(templateId).toBeTruthy();
      const seq = await checkSeq(page);
      await button.click();
      await ready(page, seq + 1);
      expect(await finding.count()).toBe(0);
      // The template's row landed in the grid: row 43 now holds a 三级 name with a ＝/≥/≤ target.
      const row43 = await page
        .locator("[data-testid=sheet-grid] tr")
        .filter({ has: page.locator("th", { hasText: /^43$/ }) })
        .innerText();
      expect(row43).toMatch(/[＝≥≤]\s*\d/);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test("dropping the corrected form onto the page opens it, and it is ready to submit", async () => {
    const { ctx, page } = await open("preview.html");
    try {
      await ready(page);
      const bytes = readFileSync(join(ROOT, "examples/corrected-form.xlsx")).toString("base64");
      const dataTransfer = await page.evaluateHandle((b64) => {
        const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bin], "corrected-form.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        return dt;
      }, bytes);
      await page.dispatchEvent("[data-testid=preview]", "drop", { dataTransfer });
      await page.waitForFunction(() => document.querySelector("[data-testid=file-name]")?.textContent === "corrected-form.xlsx");
      await ready(page);
      await validate(page);
      const status = page.getByTestId("status");
      expect(await status.getAttribute("data-status")).toBe("ok");
      expect(await status.textContent()).toContain("可以提交");
      expect(await page.locator("[data-rule-id]").count()).toBe(0);
      expect(await page.locator("td[data-mark]").count()).toBe(0);
      await shot(page, "pane-zh-ok");
    } finally {
      await ctx.close();
    }
  });

  test("a file that is not a workbook gets a clear Chinese message", async () => {
    const { ctx, page } = await open("preview.html");
    try {
      await ready(page);
      await page.setInputFiles("[data-testid=file-input]", {
        name: "表格.xlsx",
        mimeType: "text/csv",
        buffer: Buffer.from("部门名称,金额\n科协,367.24\n"),
      });
      const msg = await page.getByTestId("preview-error").textContent();
      expect(msg).toContain("无法读取");
      expect(msg).toContain("表格.xlsx");
      // The workbook that was open stays open.
      expect(await page.textContent("[data-testid=file-name]")).toBe("seed-form.xlsx");
    } finally {
      await ctx.close();
    }
  });

  test("dark theme and English: screenshots of the pane", async () => {
    for (const dark of [false, true]) {
      const { ctx, page } = await open(`preview.html${dark ? "?theme=dark" : ""}`);
      try {
        await ready(page);
        await validate(page);
        if (dark) await shot(page, "pane-zh-dark");
        await toEnglish(page);
        await page.getByText("Fix the errors before submitting").waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
        // The choice survives a reload, though the example workbook is opened afresh.
        await page.reload();
        await ready(page);
        await page.getByText("Fix the errors before submitting").waitFor();
        await shot(page, `pane-en-${dark ? "dark" : "light"}`);
        await page.getByRole("tab", { name: "Settings" }).click();
        await page.getByRole("spinbutton", { name: /Satisfaction floor/ }).waitFor();
        await shot(page, `settings-en-${dark ? "dark" : "light"}`);
        if (dark) {
          // The pane really is dark: its background is darker than its text.
          const bg = await page.locator("[data-testid=pane]").evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(bg).toMatch(/rgb\((\d{1,2}), \1, \1\)/);
        }
      } finally {
        await ctx.close();
      }
    }
    // prefers-color-scheme alone also switches the preview to dark.
    const { ctx, page } = await open("preview.html", { dark: true });
    try {
      await ready(page);
      const bg = await page.locator("[data-testid=pane]").evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toMatch(/rgb\((\d{1,2}), \1, \1\)/);
    } finally {
      await ctx.close();
    }
  });

  test("the first automatic check marks the grid; nothing covers the pane while a toast shows or after a dropdown", async () => {
    const { ctx, page, errors } = await open("preview.html");
    try {
      await ready(page);
      // Marks from the first check, without pressing 一键校验.
      expect(await checkSeq(page)).toBe(1);
      expect(await page.locator("td[data-mark]").count()).toBeGreaterThan(0);
      expect(await page.getByTestId("marks-note").isVisible()).toBe(true);
      expect(await page.getByTestId("marks-off").count()).toBe(0);

      const rows = page.locator("[data-rule-id]");
      // A toast is showing (清除标记 says 已清除标记): a click at a finding's centre still reaches it.
      await page.getByRole("button", { name: "清除标记" }).click();
      const toast = page.locator(".fui-Toast").filter({ hasText: "已清除标记" });
      await toast.waitFor();
      // With the marks gone, the download checkbox says why it is greyed out.
      await page.getByTestId("marks-off").waitFor();
      await clickCentre(page, rows.nth(0));
      const first = await selectedAfter(page, null);
      expect(await toast.isVisible()).toBe(true);

      // A dropdown on the 指标模板 tab opens with a real list, closes, and leaves nothing behind.
      await page.getByRole("tab", { name: "指标模板" }).click();
      await page.getByRole("combobox", { name: "分类" }).click();
      const listbox = page.getByRole("listbox");
      await listbox.waitFor();
      const lb = (await listbox.boundingBox())!;
      expect(lb.width).toBeGreaterThan(100);
      expect(lb.height).toBeGreaterThan(100);
      const options = await listbox.getByRole("option").allTextContents();
      expect(new Set(options).size).toBe(options.length);
      await page.screenshot({ path: join(SHOTS, "templates-dropdown-zh-light.png") });
      await page.keyboard.press("Escape");
      await listbox.waitFor({ state: "hidden" });
      await page.getByRole("tab", { name: "问题" }).click();
      await clickCentre(page, rows.nth(1));
      await selectedAfter(page, first);

      // Keyboard: the findings list is one tab stop (arrow keys move inside it), not ~90.
      await page.getByRole("tab", { name: "问题" }).focus();
      let stopsInList = 0;
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate(() => !!document.activeElement?.closest(".fui-Accordion"))) stopsInList++;
      }
      expect(stopsInList).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test.each([false, true])("axe-core: no moderate, serious or critical violation in any state (zh, en; dark: %s)", async (dark) => {
    const problems: string[] = [];
    {
      const tag = dark ? "dark" : "light";
      const { ctx, page } = await open(`preview.html${dark ? "?theme=dark" : ""}`);
      try {
        await ready(page);
        problems.push(...(await axeSerious(page, `findings-${tag}`)));
        await shot(page, `findings-zh-${tag}`);

        await page.getByRole("tab", { name: "指标模板" }).click();
        await page.getByTestId("templates-tab").waitFor();
        problems.push(...(await axeSerious(page, `templates-${tag}`)));
        await shot(page, `templates-zh-${tag}`);

        // The editor: focus moves into it, Tab stays in it, Escape closes it and focus returns.
        const pick = page.locator("[data-testid=templates-tab] li button").first();
        await pick.focus();
        await page.keyboard.press("Enter");
        const editor = page.getByTestId("template-editor");
        await editor.waitFor();
        expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        for (let i = 0; i < 8; i++) {
          await page.keyboard.press("Tab");
          expect(await editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        }
        expect(await editor.textContent()).not.toMatch(/domain-rules|§/);
        problems.push(...(await axeSerious(page, `editor-${tag}`)));
        await shot(page, `editor-zh-${tag}`);
        await page.keyboard.press("Escape");
        await editor.waitFor({ state: "detached" });
        expect(await pick.evaluate((el) => el === document.activeElement)).toBe(true);

        await page.getByRole("tab", { name: "设置" }).click();
        await page.getByRole("radio", { name: "English" }).waitFor();
        problems.push(...(await axeSerious(page, `settings-${tag}`)));
        await shot(page, `settings-zh-${tag}`);

        await page.getByRole("tab", { name: "问题" }).click();
        await page.getByRole("button", { name: "校验报告" }).click();
        await page.locator(".fui-Toast").filter({ hasText: "校验报告" }).waitFor();
        problems.push(...(await axeSerious(page, `report-${tag}`)));

        await toEnglish(page);
        await page.getByText("Fix the errors before submitting").waitFor();
        problems.push(...(await axeSerious(page, `english-${tag}`)));
        await shot(page, `findings-en-${tag}`);
      } finally {
        await ctx.close();
      }
    }
    expect(problems).toEqual([]);
  });

  test("axe-core: no moderate, serious or critical violation at 320 px", async () => {
    const { ctx, page } = await open("preview.html", { width: 320, height: 720 });
    try {
      await ready(page);
      expect(await axeSerious(page, "320px")).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test("usable at 320 px: nothing scrolls sideways, long messages wrap", async () => {
    const { ctx, page } = await open("taskpane.html", { width: 320, height: 720 });
    try {
      await ready(page);
      await validate(page);
      const overflow = await page.evaluate(() => {
        const pane = document.querySelector("[data-testid=pane]") as HTMLElement;
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          pane: pane.scrollWidth - pane.clientWidth,
        };
      });
      expect(overflow).toEqual({ page: 0, pane: 0 });
      // The 指标模板 tab too (its 将表中一行保存为模板 select used to be 411 px wide).
      await page.getByRole("tab", { name: "指标模板" }).click();
      await page.getByTestId("templates-tab").waitFor();
      const overflowTemplates = await page.evaluate(() => {
        const pane = document.querySelector("[data-testid=pane]") as HTMLElement;
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          pane: pane.scrollWidth - pane.clientWidth,
        };
      });
      expect(overflowTemplates).toEqual({ page: 0, pane: 0 });
      await page.getByRole("tab", { name: "问题" }).click();
      // What a 320 px wide window shows: the grid above, the pane below it, each scrolling on its own.
      await page.screenshot({ path: join(SHOTS, "pane-zh-320.png") });
    } finally {
      await ctx.close();
    }
  });

  /** Whether the centre of `el` is on screen and the topmost thing there is `el` itself (nothing covers it). */
  async function inView(page: Page, selector: string): Promise<{ onScreen: boolean; uncovered: boolean }> {
    return page.evaluate((sel) => {
      const el = document.querySelector(sel) as HTMLElement;
      const r = el.getBoundingClientRect();
      const x = r.left + Math.min(r.width / 2, 20);
      const y = r.top + r.height / 2;
      const onScreen = x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight;
      const top = onScreen ? document.elementFromPoint(x, y) : null;
      return { onScreen, uncovered: !!top && (el === top || el.contains(top)) };
    }, selector);
  }

  test.each([350, 320])("at %i px a clicked finding's cell is brought into view, and notices never cover controls", async (width) => {
    const { ctx, page, errors } = await open("preview.html", { width, height: 720 });
    try {
      await ready(page);
      // Findings shown (tips may start folded) that have a cell to go to.
      const rows = page.locator("[data-rule-id]:not([data-cell='']):visible");
      const n = await rows.count();
      expect(n).toBeGreaterThan(3);
      // The first finding and the last (scrolled far down the list): each time the cell shows.
      let before: string | null = null;
      for (const row of [rows.first(), rows.last()]) {
        await clickCentre(page, row);
        before = await selectedAfter(page, before);
        await page.waitForFunction(() => {
          const td = document.querySelector("td[data-selected=true]")!.getBoundingClientRect();
          return td.top >= 0 && td.bottom <= window.innerHeight;
        });
        expect(await inView(page, "td[data-selected=true]")).toEqual({ onScreen: true, uncovered: true });
      }
      await page.screenshot({ path: join(SHOTS, `preview-zh-${width}-selected.png`) });

      // Two notices at once (清除标记, then 一键校验): every tab and button stays uncovered.
      await page.getByRole("button", { name: "清除标记" }).click();
      await validate(page);
      await page.locator(".fui-Toast").first().waitFor();
      const notices = page.getByRole("region", { name: "通知" });
      expect(await notices.locator(".fui-Toast").count()).toBeGreaterThan(0);
      const controls = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>("[data-testid=pane] button, [data-testid=pane] [role=tab]"))
          .filter((el) => el.getClientRects().length > 0 && !el.closest(".fui-Toast"))
          .map((el, i) => {
            el.setAttribute("data-probe", String(i));
            return `[data-probe="${i}"]`;
          }),
      );
      expect(controls.length).toBeGreaterThan(5);
      const covered: string[] = [];
      for (const sel of controls) {
        await page.locator(sel).scrollIntoViewIfNeeded();
        const v = await inView(page, sel);
        if (!v.uncovered) covered.push(`${sel} ${await page.locator(sel).textContent()}`);
      }
      expect(covered).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `preview-zh-${width}-notices.png`) });
      // Escape closes them, wherever focus is.
      await page.locator("[data-rule-id] button").first().focus();
      await page.keyboard.press("Escape");
      await notices.locator(".fui-Toast").first().waitFor({ state: "detached" });
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  test("screenshots of the whole preview at 1280 and 320 px", async () => {
    for (const width of [1280, 320]) {
      const { ctx, page } = await open("preview.html", { width, height: width > 400 ? 900 : 720 });
      try {
        await ready(page);
        await page.screenshot({ path: join(SHOTS, `preview-zh-${width}.png`) });
        // Nothing scrolls sideways, and the page itself does not scroll: the grid and the pane do.
        expect(
          await page.evaluate(() => [
            document.documentElement.scrollWidth - document.documentElement.clientWidth,
            document.documentElement.scrollHeight - document.documentElement.clientHeight,
          ]),
        ).toEqual([0, 0]);
      } finally {
        await ctx.close();
      }
    }
  });

  const officeJsTest = existsSync(join(OFFICE_JS_DIR, "office.js")) ? test : test.skip;
  if (!existsSync(join(OFFICE_JS_DIR, "office.js"))) {
    console.warn("[e2e] 跳过 office.js 变体:未安装 @microsoft/office-js(86 MB,本项目不安装)。Skipping the real-office.js variant.");
  }
  officeJsTest("with the real office.js served locally, the page still runs as the preview outside Office", async () => {
    const { ctx, page, errors } = await open("taskpane.html", { officeJs: true });
    try {
      await ready(page);
      expect(await page.getAttribute("body", "data-mode")).toBe("preview");
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
