/** @jest-environment jsdom */
/**
 * Issue #21 in the WPS pane, on the ET fake with two copies of one form: after a window switch a fix
 * is refused (and written nowhere), the pane says why and starts over on the workbook in front; the
 * ribbon's 一键校验 is served by the pane (the one page that writes), for the workbook it was clicked in.
 */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CHECK_REQUEST_KEY, requestCheck } from "../../src/app/lastResult";
import { MARK_COLORS } from "../../src/core/marks";
import { EtApp, bgr } from "../../src/hosts/wps/et";
import { WpsPane } from "../../src/wps/WpsPane";
import { preloadTabs } from "../../src/taskpane/components/App";
import { cleanSheet, workbook } from "../helpers/forms";
import { fakeFrom, loadSheet } from "../hosts/wps/load";
import { FakeEtWorkbook } from "../hosts/wps/fakeEt";

beforeAll(preloadTabs);
beforeEach(() => localStorage.clear());

const pane = () => document.querySelector("[data-check-seq]") as HTMLElement;
const rows = () => Array.from(document.querySelectorAll<HTMLElement>("[data-rule-id]"));
const colours = new Set(Object.values(MARK_COLORS).map(bgr));
const marked = (wb: FakeEtWorkbook) => wb.sheets.some((s) => [...s.cells.values()].some((c) => c.fill && colours.has(c.fill.color)));
const content = (wb: FakeEtWorkbook) => JSON.stringify(wb.sheets.map((s) => [s.name, [...s.cells]]));
async function idle(): Promise<void> {
  await waitFor(() => expect(Number(pane()?.dataset.checkSeq)).toBeGreaterThanOrEqual(1));
  await waitFor(() => expect(pane().dataset.busy).toBe("false"));
}

function twoCopies() {
  const snap = workbook(cleanSheet({ numbersAsText: true }));
  const app = fakeFrom(snap);
  const a = app.books[0];
  const b = app.open("乙单位.xlsx");
  for (const s of snap.sheets) loadSheet(app, s);
  app.activate(a);
  return { app, a, b, et: app as unknown as EtApp };
}

/** What the background page does on 一键校验, and the storage event the pane's page then receives. */
function ribbonClick(doc: string): void {
  requestCheck({ at: Date.now(), doc });
  window.dispatchEvent(new StorageEvent("storage", { key: CHECK_REQUEST_KEY, newValue: localStorage.getItem(CHECK_REQUEST_KEY) }));
}

test("修复 after a window switch writes into neither workbook; the pane says why and checks the one in front", async () => {
  const { app, a, b, et } = twoCopies();
  const user = userEvent.setup();
  render(<WpsPane app={et} />);
  await idle();
  const row = rows().find((r) => within(r).queryByRole("button", { name: /修复/ }))!;
  expect(row).toBeDefined();
  const before = { a: content(a), b: content(b) };
  app.activate(b);
  await user.click(within(row).getByRole("button", { name: /修复/ }));
  // 修复 first shows the change; the write is attempted on 应用修复 (#20).
  await user.click(await screen.findByTestId("fix-apply"));
  await waitFor(() => expect(screen.getByTestId("document-changed").textContent).toContain("乙单位.xlsx"));
  await idle();
  expect(content(a)).toBe(before.a);
  expect(content(b)).toBe(before.b);
  // The pane now works on B: the same fix lands in B, and A stays as it was.
  const again = rows().find((r) => within(r).queryByRole("button", { name: /修复/ }))!;
  await user.click(within(again).getByRole("button", { name: /修复/ }));
  await user.click(await screen.findByTestId("fix-apply"));
  await waitFor(() => expect(content(b)).not.toBe(before.b));
  expect(content(a)).toBe(before.a);
});

test("一键校验 is served by the pane for the workbook it was clicked in; the other workbook is not marked", async () => {
  const { app, a, b, et } = twoCopies();
  render(<WpsPane app={et} />);
  await idle();
  expect(marked(a)).toBe(false);
  // Clicked in A: the pane (bound to A) checks and marks A.
  act(() => ribbonClick(`wps:${a.FullName}`));
  await waitFor(() => expect(marked(a)).toBe(true));
  expect(marked(b)).toBe(false);
  // Clicked in B: the pane starts over on B and marks it; A keeps its own marks, B gets only its own.
  app.activate(b);
  act(() => ribbonClick(`wps:${b.FullName}`));
  await waitFor(() => expect(marked(b)).toBe(true));
  expect(localStorage.getItem(CHECK_REQUEST_KEY)).toBeNull();
});

test("a pane opened by 一键校验 marks on its first check; a request left from another window does not", async () => {
  const { app, a, b, et } = twoCopies();
  requestCheck({ at: 1, doc: `wps:${a.FullName}` });
  const { unmount } = render(<WpsPane app={et} />);
  await waitFor(() => expect(marked(a)).toBe(true));
  unmount();
  app.activate(b);
  requestCheck({ at: 2, doc: `wps:${a.FullName}` });
  render(<WpsPane app={et} />);
  await idle();
  expect(marked(b)).toBe(false);
});
