/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs (via the file host) needs uuid's Node build; jsdom would otherwise pick its ESM browser build.
import * as React from "react";
import { readFileSync } from "fs";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { PreviewApp } from "../../src/taskpane/preview/PreviewApp";
import { examplePath } from "../helpers/xlsx";
import { markCss } from "../../src/core/marks";
import { LANG_KEY } from "../../src/taskpane/state/langStore";
import JSZip from "jszip";
import { withArray, withChart } from "../helpers/lossyForms";

function respond(bytes: Buffer | null): void {
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async () =>
    bytes
      ? { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }
      : { ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) },
  );
}

function pane(): HTMLElement {
  return document.querySelector("[data-check-seq]") as HTMLElement;
}

async function checked(n: number): Promise<void> {
  await waitFor(() => expect(Number(pane()?.dataset.checkSeq)).toBeGreaterThanOrEqual(n));
  await waitFor(() => expect(pane().dataset.busy).toBe("false"));
}

beforeAll(async () => {
  // The preview loads the file host (and exceljs) on first use; load it here so no test races that.
  await import("../../src/hosts/file");
});

describe("browser preview (jsdom)", () => {
  test("opens the bundled example, marks the grid on the first check, and selects a finding's cell", async () => {
    respond(readFileSync(examplePath("seed-form.xlsx")));
    const user = userEvent.setup();
    render(<PreviewApp theme={webLightTheme} />);
    await checked(1);
    expect((globalThis as unknown as { fetch: jest.Mock }).fetch).toHaveBeenCalledWith("./seed-form.xlsx");
    expect(screen.getByTestId("file-name").textContent).toBe("seed-form.xlsx");
    const grid = screen.getByTestId("sheet-grid");
    // The first automatic check already coloured the cells, so the download can carry the marks.
    expect(grid.querySelectorAll("td[data-mark]").length).toBeGreaterThan(0);
    expect(screen.queryByTestId("marks-off")).toBeNull();
    expect((screen.getByRole("checkbox", { name: "附带标记和批注" }) as HTMLInputElement).disabled).toBe(false);
    // Amounts show with their number format: 326.6 formatted 0.00.
    expect(grid.querySelector('td[data-address="D8"]')?.textContent).toBe("326.60");

    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    await checked(2);
    const marked = Array.from(grid.querySelectorAll<HTMLElement>("td[data-mark]"));
    expect(marked.length).toBeGreaterThan(0);
    const err = grid.querySelector<HTMLElement>("td[data-mark=error]")!;
    expect(err.style.backgroundColor).toBe("rgb(255, 199, 206)");
    expect(markCss("error")).toBe("#FFC7CE");

    const row = document.querySelector<HTMLElement>("[data-rule-id]")!;
    await user.click(within(row).getAllByRole("button")[0]);
    await waitFor(() => expect(grid.querySelector("td[data-selected=true]")).not.toBeNull());

    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(grid.querySelectorAll("td[data-mark]")).toHaveLength(0));
    // Nothing marked: the download checkbox is greyed out and the page says why.
    expect(screen.getByTestId("marks-off").textContent).toContain("一键校验");
    expect((screen.getByRole("checkbox", { name: "附带标记和批注" }) as HTMLInputElement).disabled).toBe(true);
  });

  test("the language chosen last time is kept across reloads (the example workbook cannot keep it)", async () => {
    respond(readFileSync(examplePath("seed-form.xlsx")));
    localStorage.setItem(LANG_KEY, "en");
    try {
      render(<PreviewApp theme={webLightTheme} />);
      await checked(1);
      expect(screen.getByRole("tab", { name: "Issues" })).toBeTruthy();
      expect(screen.getByRole("button", { name: "Open .xlsx" })).toBeTruthy();
      expect(localStorage.getItem(LANG_KEY)).toBe("en");
    } finally {
      localStorage.removeItem(LANG_KEY);
    }
  });

  test("without the example it asks the user to open a file", async () => {
    respond(null);
    render(<PreviewApp theme={webLightTheme} />);
    expect(await screen.findByText(/未找到示例文件/)).toBeTruthy();
    expect(screen.queryByTestId("sheet-grid")).toBeNull();
  });

  test("a download the patcher cannot make, whose rewrite would drop a chart, waits for the user to accept the loss", async () => {
    // The example with F24:F25 as one array formula (so 修复全部's fix of F25 changes part of an array,
    // which the patcher refuses as Excel does: test/cli/allowLoss.test.ts) and a chart part, which an
    // exceljs rewrite does not keep.
    const zip = await JSZip.loadAsync(readFileSync(examplePath("seed-form.xlsx")));
    await withArray(zip);
    withChart(zip);
    respond(Buffer.from(await zip.generateAsync({ type: "uint8array" })));
    const saved: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (saved.push(b), "blob:x"), revokeObjectURL: () => undefined });
    // jsdom does not navigate: the anchor's click is all a download is here.
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const user = userEvent.setup();
    render(<PreviewApp theme={webLightTheme} />);
    await checked(1);
    await user.click(screen.getByRole("button", { name: /^修复全部/ }));
    // 修复全部 has said what it did, and the check after it is done: the edits are all in the host.
    await screen.findByText(/^已修复 \d+ 处/);
    await checked(2);
    await user.click(screen.getByRole("button", { name: "下载修改后的文件" }));
    const loss = await screen.findByTestId("download-loss");
    expect(loss.textContent).toContain("无法按原文件包修补:要修改的单元格 F25 位于数组公式或模拟运算表 F24:F25 之内");
    expect(loss.textContent).toContain("图表");
    expect(saved).toHaveLength(0);
    await user.click(within(loss).getByRole("button", { name: "不下载" }));
    await waitFor(() => expect(screen.queryByTestId("download-loss")).toBeNull());
    expect(saved).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "下载修改后的文件" }));
    await user.click(within(await screen.findByTestId("download-loss")).getByRole("button", { name: "仍然下载(接受丢失)" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    // What the user accepted: the copy is exceljs's, without the chart.
    const bytes = await new Promise<ArrayBuffer>((done) => {
      const r = new FileReader();
      r.onload = () => done(r.result as ArrayBuffer);
      r.readAsArrayBuffer(saved[0]);
    });
    const copy = await JSZip.loadAsync(bytes);
    expect(copy.file("xl/charts/chart1.xml")).toBeNull();
    jest.restoreAllMocks();
  });
});
