/**
 * The WPS add-in as built into dist/wps (webpack.wps.config.js): every script parses as ES2018 (WPS's
 * Chromium, reported around 103), none carries exceljs, the ribbon has its two buttons wired to the
 * background page's callbacks, the example registrations point at the built folder, and the built
 * background page, run on the ET fake, checks and marks the seed form from the ribbon. Reads dist/,
 * so it needs a build (npm test builds first).
 */
import { parse } from "acorn";
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { MIN_CHROMIUM, RUNTIME_APIS } from "../../src/wps/runtimeProbe";
import { join, relative } from "path";
import { runInNewContext } from "vm";
import { XMLParser } from "fast-xml-parser";
import { CHECK_REQUEST_KEY } from "../../src/app/lastResult";
import { seedFake } from "../hosts/wps/helpers";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist/wps");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require(join(ROOT, "package.json")) as { version: string };
const FOLDER = join(DIST, `budget-form_${version}`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(join(ROOT, "webpack.wps.config.js")) as (
  env: unknown,
  argv: { mode: string },
) => { target: string[]; entry: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test("the WPS build targets ES2018 and has the background page and the pane as entries", () => {
  const cfg = makeConfig({}, { mode: "production" });
  expect(cfg.target).toContain("es2018");
  expect(Object.keys(cfg.entry).sort()).toEqual(["main", "pane"]);
});

test("dist/wps has been built", () => {
  if (!existsSync(join(FOLDER, "ribbon.xml"))) throw new Error("dist/wps is missing: run npm run build first");
});

const built = existsSync(join(FOLDER, "ribbon.xml"));
(built ? describe : describe.skip)("dist/wps", () => {
  const scripts = built ? files(DIST).filter((f) => f.endsWith(".js")) : [];

  test("every script parses as ES2018 and none carries exceljs", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const f of scripts) {
      const src = readFileSync(f, "utf8");
      expect(() => parse(src, { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
      expect({ file: relative(DIST, f), exceljs: /exceljs|ExcelJS/.test(src) }).toEqual({ file: relative(DIST, f), exceljs: false });
    }
    // The check is not vacuous: ES2020 syntax is refused at this level.
    expect(() => parse("a?.b ?? c", { ecmaVersion: 2018 })).toThrow();
  });

  test("no script uses a runtime API newer than the oldest web view the build is for, and the probe knows each API", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const newer = RUNTIME_APIS.filter((a) => a.chromium > MIN_CHROMIUM);
    expect(newer.length).toBeGreaterThan(0);
    for (const f of scripts) {
      const code = readFileSync(f, "utf8");
      for (const a of newer) expect([f, a.name, a.used.test(code)]).toEqual([f, a.name, false]);
    }
    // The APIs the pages do use are the ones the background page's probe checks.
    const used = RUNTIME_APIS.filter((a) => scripts.some((f) => a.used.test(readFileSync(f, "utf8"))));
    expect(used.map((a) => a.name)).toContain("globalThis");
  });

  test("the ribbon has 一键校验 and 打开窗格, each calling a callback the background page defines", () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(FOLDER, "ribbon.xml"), "utf8"));
    const ui = xml.customUI;
    const buttons = [ui.ribbon.tabs.tab.group.button].flat() as Record<string, string>[];
    expect(buttons.map((b) => b.label)).toEqual(["一键校验", "打开窗格"]);
    const page = readFileSync(join(FOLDER, "index.html"), "utf8");
    const main = /<script src="(main\.[^"]+\.js)"><\/script>/.exec(page)![1];
    const src = readFileSync(join(FOLDER, main), "utf8");
    for (const name of [ui.onLoad, ...buttons.flatMap((b) => [b.onAction, b.getImage])]) expect(src).toContain(name);
    for (const b of buttons) expect(src).toContain(b.id);
    for (const img of ["images/check.png", "images/pane.png"]) expect(existsSync(join(FOLDER, img))).toBe(true);
    expect(readFileSync(join(FOLDER, "taskpane.html"), "utf8")).toMatch(/<script[^>]+src="pane\.[^"]+\.js"/);
  });

  // jsplugins.xml registers the packed archive instead: test/build/wpsPackage.test.ts.
  test("publish.xml registers the built folder for WPS 表格", () => {
    for (const name of ["publish.xml"]) {
      const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(readFileSync(join(DIST, name), "utf8"));
      const p = xml.jsplugins.jsplugin as Record<string, string>;
      expect(p).toMatchObject({ name: "budget-form", type: "et", version });
      expect(existsSync(join(DIST, p.url, "ribbon.xml"))).toBe(true);
    }
  });

  // The background page never writes the workbook (issue #21: one JS context writes, the pane's): it asks
  // the pane to check the workbook in front and shows the pane.
  test("the built background page, on the ET fake, asks the pane to check the workbook in front and opens it", async () => {
    const { app } = await seedFake();
    const storage = new Map<string, string>();
    const panes: { url: string; Visible: boolean; ID: number }[] = [];
    const plugin = new Map<string, string>();
    const alerts: string[] = [];
    Object.assign(app, {
      CreateTaskPane: (url: string) => {
        const p = { url, Visible: false, ID: panes.length + 1 };
        panes.push(p);
        return p;
      },
      GetTaskPane: (id: number) => panes[id - 1] ?? null,
      PluginStorage: { getItem: (k: string) => plugin.get(k) ?? null, setItem: (k: string, v: string) => plugin.set(k, v) },
    });
    const page = readFileSync(join(FOLDER, "index.html"), "utf8");
    const main = /<script src="(main\.[^"]+\.js)"><\/script>/.exec(page)![1];
    const ctx: Record<string, unknown> = {
      Application: app,
      document: {
        location: { href: "file:///jsaddons/budget-form/index.html" },
        currentScript: { src: `file:///jsaddons/budget-form/${main}` },
      },
      localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
      setTimeout,
      clearTimeout,
      console,
      URL,
      // The web view the probe looks at: WPS's Chromium 103 has every API the pages use.
      window: {
        navigator: {
          userAgent: "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.134 Safari/537.36",
        },
        Element: { prototype: { replaceChildren: () => undefined } },
        Array,
        Object,
        String,
        Promise,
        globalThis,
        queueMicrotask,
        structuredClone,
      },
      alert: (text: string) => alerts.push(text),
    };
    runInNewContext(readFileSync(join(FOLDER, main), "utf8"), ctx);
    expect((ctx.OnAddinLoad as () => boolean)()).toBe(true);
    (ctx.OnAction as (c: { Id: string }) => void)({ Id: "bfaCheck" });
    const request = JSON.parse(storage.get(CHECK_REQUEST_KEY)!);
    expect(request.doc).toBe(`wps:${app.ActiveWorkbook.FullName}`);
    const ws = app.ActiveWorkbook.sheets[0];
    expect([...ws.cells.values()].some((c) => c.fill)).toBe(false);
    expect(panes).toEqual([{ url: "file:///jsaddons/budget-form/taskpane.html", Visible: true, ID: 1 }]);
    (ctx.OnAction as (c: { Id: string }) => void)({ Id: "bfaPane" });
    expect(panes[0].Visible).toBe(false);
    expect(alerts).toEqual([]);

    // An older web view: the ribbon's buttons say what it lacks instead of failing in the pane.
    ctx.window = { navigator: { userAgent: "Chrome/69.0.3497.128" }, Element: { prototype: {} }, Array, Object, String, Promise };
    expect((ctx.OnAddinLoad as () => boolean)()).toBe(true);
    (ctx.OnAction as (c: { Id: string }) => void)({ Id: "bfaPane" });
    expect(panes[0].Visible).toBe(false);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("Chromium 69");
    expect(alerts[0]).toContain("replaceChildren");
  });
});
