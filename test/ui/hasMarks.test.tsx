/** @jest-environment jsdom */
/**
 * Issue #21: marks already in the file (an earlier session, the ribbon, a colleague) are known to a
 * pane opened later: it keeps them in step from its first check instead of leaving them stale.
 */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/engine";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { seedSheet, workbook } from "../helpers/forms";
import { fakeWith, hostFor } from "../hosts/excel/helpers";

beforeAll(preloadTabs);

test("a pane opened on a workbook that carries marks re-marks on its first check and says so", async () => {
  const excel = fakeWith(20, seedSheet());
  const findings = checkWorkbook(workbook(seedSheet())).findings;
  // An earlier session marked one stale cell only.
  const earlier = hostFor(excel).host;
  await earlier.mark(findings.filter((f) => f.cells.length).slice(0, 1));
  const stale = excel.find("申报表")!.cfs.length;
  expect(stale).toBeGreaterThan(0);
  const { host } = hostFor(excel);
  render(<App host={host} />);
  await waitFor(() => expect(screen.getByTestId("marks-note")).toBeTruthy());
  expect(excel.find("申报表")!.cfs.length).toBeGreaterThan(stale);
});

test("a pane opened on a workbook without marks leaves the cells alone", async () => {
  const excel = fakeWith(20, seedSheet());
  const { host } = hostFor(excel);
  render(<App host={host} />);
  await waitFor(() => expect(Number(document.querySelector<HTMLElement>("[data-check-seq]")?.dataset.checkSeq)).toBeGreaterThan(0));
  expect(excel.find("申报表")!.cfs.length).toBe(0);
  expect(screen.queryByTestId("marks-note")).toBeNull();
});
