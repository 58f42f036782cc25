/**
 * The built runtime page (dist/taskpane.html, also the function file): the ribbon's action must be
 * registered by the first script the page runs after office.js, a plain script that IE11 can parse,
 * with every bundle script after it. Reads dist/, so it needs a build (npm test builds first).
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";

const DIST = join(__dirname, "../../dist");

function scripts(html: string): { src: string | null; attrs: string; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    src: ((x) => (x ? (x[1] ?? x[2] ?? x[3]) : null))(/\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/.exec(m[1])),
    attrs: m[1],
    body: m[2],
  }));
}

test("dist/ has been built", () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run npm run build first");
});

const built = existsSync(join(DIST, "taskpane.html"));
(built ? describe : describe.skip)("dist/taskpane.html", () => {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const list = scripts(html).filter((s) => s.src !== null);

  it("loads office.js, then launch.js synchronously, then the bundle deferred", () => {
    expect(list[0].src).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(list[1].src).toBe("launch.js");
    expect(list[1].attrs).not.toMatch(/\b(defer|async)\b|type=("|')?module/);
    // Everything else webpack emitted comes after, and is deferred or async: launch.js runs first.
    expect(list.length).toBeGreaterThan(2);
    for (const s of list.slice(2)) expect(s.attrs).toMatch(/\b(defer|async)\b/);
    // The inline legacy check in the body does not register anything.
    for (const s of scripts(html).filter((x) => x.src === null)) expect(s.body).not.toContain("associate");
  });

  it("launch.js, as built, registers validateWorkbook the moment it runs and parses as ES5 (IE11)", () => {
    const launch = readFileSync(join(DIST, "launch.js"), "utf8");
    // Registration does not wait for Office.onReady: associate comes first, then onReady() is called,
    // which some Office versions need before they finish loading the page (issue #21).
    expect(launch.indexOf("associate")).toBeGreaterThanOrEqual(0);
    expect(launch.indexOf("onReady")).toBeGreaterThan(launch.lastIndexOf("associate"));
    const associated: string[] = [];
    const page: Record<string, unknown> = {
      navigator: { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0" },
      location: { href: "https://localhost:3000/taskpane.html?_host_Info=Excel" },
      setTimeout,
      Office: { actions: { associate: (id: string) => associated.push(id) } },
    };
    page.window = page;
    runInNewContext(launch, page);
    expect(associated).toEqual(["validateWorkbook"]);
    expect(typeof page.validateWorkbook).toBe("function");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require("acorn") as { parse(code: string, opts: { ecmaVersion: number }): unknown };
    expect(() => acorn.parse(launch, { ecmaVersion: 5 })).not.toThrow();
  });

  it("ships the page the command opens where the bundle cannot run", () => {
    const legacy = readFileSync(join(DIST, "legacy.html"), "utf8");
    expect(legacy).toContain("budget-form check");
    expect(legacy).not.toContain("<script");
  });
});
