/** The background page's probe of the web view: an old one gets a plain sentence naming what it lacks. */
import { MIN_CHROMIUM, ProbeWindow, probeRuntime } from "../../../src/wps/runtimeProbe";

const modern = (): ProbeWindow => ({
  navigator: { userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/103.0.5060.134 Safari/537.36" },
  Element: { prototype: { replaceChildren() {} } },
  Array: { prototype: { findLast() {} } },
  Object: { fromEntries() {}, hasOwn() {} },
  String: { prototype: { replaceAll() {} } },
  Promise: { allSettled() {} },
  globalThis: {},
  queueMicrotask: () => undefined,
  structuredClone: () => undefined,
});

test("a web view with everything up to the supported Chromium: nothing to say", () => {
  expect(probeRuntime(modern())).toEqual({ chromium: 103, missing: [], message: null });
});

test("an old web view (Chromium 69) is told its version and each missing API in a sentence", () => {
  const w = modern();
  w.navigator = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.128 Safari/537.36" };
  w.Element = { prototype: {} };
  w.Array = { prototype: {} };
  delete w.globalThis;
  const r = probeRuntime(w);
  expect(r.chromium).toBe(69);
  expect(r.missing).toEqual(["globalThis", "Element.prototype.replaceChildren", "Array.prototype.findLast"]);
  expect(r.message?.zh).toContain("Chromium 69");
  expect(r.message?.zh).toContain("replaceChildren");
  expect(r.message?.en).toContain(`Chromium ${MIN_CHROMIUM} or later`);
});
