/** @jest-environment jsdom */
/**
 * src/commands/launch.js, the runtime page's first script: the ribbon action exists the moment the
 * page loads, clicks before the bundle wait for it, and IE11 gets an explanation instead of a spinner.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { registerCommands } from "../../../src/commands/commands";
import { isMarkerFormula } from "../../../src/hosts/excel/markAreas";
import { seedSheet } from "../../helpers/forms";
import { fakeWith, hostFor } from "./helpers";

const LAUNCH = readFileSync(join(__dirname, "../../../src/commands/launch.js"), "utf8");
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0";

type Handler = (event: { completed(): void }) => void;
type Page = { Office?: unknown; validateWorkbook?: unknown; __bfaRunCommand?: unknown; __bfaCommandQueue?: unknown };

function load(userAgent: string, onReady?: () => Promise<unknown>): { associated: Map<string, Handler>; dialogs: string[] } {
  const associated = new Map<string, Handler>();
  const dialogs: string[] = [];
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  (window as unknown as Page).Office = {
    ...(onReady ? { onReady } : {}),
    actions: { associate: (id: string, f: Handler) => associated.set(id, f) },
    context: {
      ui: {
        displayDialogAsync: (url: string, _opts: unknown, cb: () => void) => {
          dialogs.push(url);
          cb();
        },
      },
    },
  };
  new Function(LAUNCH)();
  return { associated, dialogs };
}

afterEach(() => {
  const page = window as unknown as Page;
  delete page.Office;
  delete page.validateWorkbook;
  delete page.__bfaRunCommand;
  delete page.__bfaCommandQueue;
});

test("registers validateWorkbook synchronously, before any bundle or Office.onReady", () => {
  const { associated } = load(WEBVIEW2);
  expect([...associated.keys()]).toEqual(["validateWorkbook"]);
  expect((window as unknown as Page).validateWorkbook).toBe(associated.get("validateWorkbook"));
});

// Issue #21: on Office 2019 (IE11) the bundle never runs, so nothing told Office the page was ready.
test("calls Office.onReady() itself, so Office loads the page where the bundle cannot run (IE11)", () => {
  const onReady = jest.fn(async () => ({ host: "Excel" }));
  load(IE11, onReady);
  expect(onReady).toHaveBeenCalledTimes(1);
});

test("a click before the bundle is ready waits, then validates and completes once", async () => {
  const { associated } = load(WEBVIEW2);
  const event = { completed: jest.fn() };
  associated.get("validateWorkbook")!(event);
  expect(event.completed).not.toHaveBeenCalled();
  const excel = fakeWith(20, seedSheet());
  const { host } = hostFor(excel);
  registerCommands({ host: () => host, showPane: async () => undefined });
  await new Promise((r) => setTimeout(r, 100));
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(excel.sheets[0].cfs.some((cf) => isMarkerFormula(cf.formula))).toBe(true);
  // Later clicks go straight to the bundle.
  const later = { completed: jest.fn() };
  associated.get("validateWorkbook")!(later);
  await new Promise((r) => setTimeout(r, 100));
  expect(later.completed).toHaveBeenCalledTimes(1);
});

test("in IE11 a click opens the explanation and completes instead of spinning", () => {
  const { associated, dialogs } = load(IE11);
  const event = { completed: jest.fn() };
  associated.get("validateWorkbook")!(event);
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toMatch(/\/legacy\.html$/);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("parses as ES5 (Internet Explorer 11)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const acorn = require("acorn") as { parse(code: string, opts: { ecmaVersion: number }): unknown };
  expect(() => acorn.parse(LAUNCH, { ecmaVersion: 5 })).not.toThrow();
  expect(() => acorn.parse("const x = () => 1;", { ecmaVersion: 5 })).toThrow();
});
