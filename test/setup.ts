// Fluent UI v9's MessageBar measures itself with ResizeObserver, which jsdom lacks.
const g = globalThis as { ResizeObserver?: unknown };
g.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

// jsdom's getComputedStyle walks every rule of every sheet for each element it is asked about, and
// Fluent's atomic CSS (Griffel) inserts thousands of one-declaration rules: floating-ui, Testing
// Library's role queries and user-event call it constantly, which made a single pane test take 20 s.
// jsdom does no layout, so the only declarations that change anything under it are the ones those
// libraries read: display and visibility (accessibility tree, accessible names — Fluent's Tab hides
// its bold-width copy with visibility) and pointer-events (user-event refuses clicks). Keep exactly
// those rules and drop the rest at insertion.
const Sheet = (globalThis as { CSSStyleSheet?: { prototype: CSSStyleSheet } }).CSSStyleSheet;
if (typeof document !== "undefined" && Sheet) {
  const insertRule = Sheet.prototype.insertRule;
  const observable = /(?:^|[;{\s])(?:display|visibility|pointer-events)\s*:/;
  Sheet.prototype.insertRule = function (this: CSSStyleSheet, rule: string, index?: number): number {
    if (!observable.test(rule)) return index ?? 0;
    return insertRule.call(this, rule, index);
  };
}

// Testing Library's waitFor/findBy give up after 1 s by default: under load (2 cores, load 14) the
// first check of a workbook alone can take longer, and a test failed that way says nothing about the
// code. The waits are on state, so let them wait: 10 minutes (below jest's hang detector in
// jest.config.js, so a condition that never comes true still fails with waitFor's own message).
if (typeof document !== "undefined") {
  // Loaded only in jsdom files: the node-environment files never use it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configure } = require("@testing-library/dom") as typeof import("@testing-library/dom");
  configure({ asyncUtilTimeout: 10 * 60 * 1000 });
}
