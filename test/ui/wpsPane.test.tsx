/** @jest-environment jsdom */
/**
 * The same React pane on the WPS host, over the ET fake: the pane's 一键校验 marks the cells with
 * BGR fills, clicking a finding selects its cell in WPS, 修复 writes through the one edit engine, and
 * 清除标记 puts the fills back.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { formatRef, parseRef, toA1 } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { MARK_COLORS } from "../../src/core/marks";
import { bgr } from "../../src/hosts/wps/et";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { cleanSheet, seedSheet, setCells, workbook } from "../helpers/forms";
import { fakeFrom, hostOn } from "../hosts/wps/load";

beforeAll(preloadTabs);

const rows = () => Array.from(document.querySelectorAll<HTMLElement>("[data-rule-id]"));
const pane = () => document.querySelector("[data-check-seq]") as HTMLElement;
async function checked(n = 1): Promise<void> {
  await waitFor(() => expect(Number(pane()?.dataset.checkSeq)).toBeGreaterThanOrEqual(n));
  await waitFor(() => expect(pane().dataset.busy).toBe("false"));
}

test("一键校验 in the pane marks the sheet, a finding selects its cell, 清除标记 restores the fills", async () => {
  const app = fakeFrom(workbook(setCells(seedSheet({ numbersAsText: true }), { F8: 357.24 })));
  const ws = app.ActiveWorkbook.sheets[0];
  const user = userEvent.setup();
  render(<App host={hostOn(app)} />);
  await checked();
  await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
  await checked(2);
  const errorFill = bgr(MARK_COLORS.error);
  expect([...ws.cells.values()].filter((c) => c.fill?.color === errorFill).length).toBeGreaterThan(0);

  const first = rows()[0];
  await user.click(within(first).getAllByRole("button")[0]);
  const ref = parseRef(first.dataset.cell!);
  await waitFor(() =>
    expect(app.selection).toEqual({ sheet: ref.sheet, area: { top: ref.row, bottom: ref.row, left: ref.col, right: ref.col } }),
  );

  await user.click(screen.getByRole("button", { name: "清除标记" }));
  await waitFor(() => expect([...ws.cells.values()].some((c) => c.fill)).toBe(false));
});

test("修复 in the pane writes the fix into the sheet through the WPS host", async () => {
  const app = fakeFrom(workbook(cleanSheet({ numbersAsText: true })));
  const host = hostOn(app);
  const user = userEvent.setup();
  render(<App host={host} />);
  await checked();
  const target = checkWorkbook((await host.read()).snapshot).findings.find((f) => f.fix)!;
  const edit = target.fix!.edits[0];
  if (edit.op !== "setValue") throw new Error("a setValue fix");
  const row = rows().find((r) => r.dataset.ruleId === target.rule && r.dataset.cell === formatRef(target.cells[0]))!;
  await user.click(within(row).getByRole("button", { name: /修复/ }));
  await user.click(await screen.findByTestId("fix-apply"));
  await checked(2);
  expect(app.ActiveWorkbook.sheet(edit.sheet)!.valueAt(toA1(edit.row, edit.col))).toBe(edit.value);
});
