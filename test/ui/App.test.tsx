/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CellRef, formatRef, parseRef } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { RULES } from "../../src/core/rules/registry";
import { Finding, Severity } from "../../src/core/rules/types";
import { SheetSnapshot } from "../../src/core/snapshot";
import { ignoreKey } from "../../src/hosts/host";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { FakeHost, ReportingFakeHost } from "./fakeHost";
import { cleanSheet, seedSheet, setCells, workbook } from "../helpers/forms";

// The lazy tabs are loaded before any test opens one, so no test races their loading.
beforeAll(preloadTabs);

/** The seed with its income pushed 10.00 off expenditure, so every severity group has something. */
function flawedSheet(): SheetSnapshot {
  return setCells(seedSheet({ numbersAsText: true }), { F8: 357.24 });
}

function rows(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>("[data-rule-id]"));
}

function rowKeys(): string[] {
  return rows().map((r) => `${r.dataset.ruleId}@${r.dataset.cell}`);
}

/** The list shows a finding's cell as A1 text (data-cell). */
function rowFor(rule: string, cell: CellRef): HTMLElement | undefined {
  return rows().find((r) => r.dataset.ruleId === rule && r.dataset.cell === formatRef(cell));
}

function pane(): HTMLElement {
  return document.querySelector("[data-check-seq]") as HTMLElement;
}

async function checked(n = 1): Promise<void> {
  await waitFor(() => expect(Number(pane()?.dataset.checkSeq)).toBeGreaterThanOrEqual(n));
  await waitFor(() => expect(pane().dataset.busy).toBe("false"));
}

async function mount(host: FakeHost): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<App host={host} />);
  await checked();
  return user;
}

const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

function groupHeader(sev: Severity): HTMLElement {
  return document.querySelector(`[data-severity-group=${sev}] button[aria-expanded]`) as HTMLElement;
}

/** Tips start folded when errors or warnings are listed; unfold every group to see all rows. */
async function unfoldAll(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  for (const sev of ["error", "warning", "info"] as Severity[]) {
    const h = groupHeader(sev);
    if (h && h.getAttribute("aria-expanded") === "false") await user.click(h);
  }
}

describe("task pane", () => {
  test("groups findings by severity then category, with the engine's counts", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    const expected = checkWorkbook(host.snapshot).findings;
    expect(expected.some((f) => f.severity === "error")).toBe(true);
    // With errors to read first, the tips start folded; the serious groups are open.
    expect(groupHeader("error").getAttribute("aria-expanded")).toBe("true");
    expect(groupHeader("warning").getAttribute("aria-expanded")).toBe("true");
    expect(groupHeader("info").getAttribute("aria-expanded")).toBe("false");
    // The folded panel's rows leave the DOM once its collapse has run.
    await waitFor(() => expect(rows().some((r) => r.dataset.ruleId === "indicators/missing-operator")).toBe(false));
    await unfoldAll(user);

    // One row per finding, each pointing at its rule and first cell.
    expect(rowKeys().sort()).toEqual(expected.map((f) => ignoreKey(f)).sort());

    for (const sev of ["error", "warning", "info"] as Severity[]) {
      const list = expected.filter((f) => f.severity === sev);
      const group = document.querySelector<HTMLElement>(`[data-severity-group="${sev}"]`);
      if (list.length === 0) {
        expect(group).toBeNull();
        continue;
      }
      expect(group).not.toBeNull();
      const header = within(group!).getAllByRole("button")[0];
      expect(header.textContent).toContain(SEVERITY_ZH[sev]);
      expect(header.textContent).toContain(String(list.length));
      // Inside, one section per category with its own count, holding only that category's rows.
      const sections = Array.from(group!.querySelectorAll<HTMLElement>("section[data-category]"));
      expect(sections.map((x) => x.dataset.category).sort()).toEqual([...new Set(list.map((f) => f.category))].sort());
      for (const sec of sections) {
        const inCat = list.filter((f) => f.category === sec.dataset.category);
        expect(sec.querySelectorAll("[data-rule-id]").length).toBe(inCat.length);
        expect(sec.textContent).toContain(String(inCat.length));
      }
    }

    // The status says it cannot be sent yet and gives the counts.
    const status = screen.getByTestId("status");
    expect(status.textContent).toContain("请先改正错误再提交");
    const errors = expected.filter((f) => f.severity === "error").length;
    const warnings = expected.filter((f) => f.severity === "warning").length;
    expect(status.textContent).toContain(`${errors} 个错误`);
    if (warnings) expect(status.textContent).toContain(`${warnings} 个警告`);

    // Severity, message and cell are in each row's accessible name.
    const first = expected[0];
    const btn = within(rowFor(first.rule, first.cells[0])!).getAllByRole("button")[0];
    // Named by its content (no aria-label): the severity (read, not shown), the message and the cell.
    expect(btn.getAttribute("aria-label")).toBeNull();
    expect(btn.textContent).toContain(SEVERITY_ZH[first.severity]);
    expect(btn.textContent).toContain(first.message.zh);
    expect(btn.textContent).toContain(formatRef(first.cells[0]));
    // A finding on several cells names the first and how many: 「申报表!E41 等 2 处」, not 「+1」.
    const multi = expected.find((f) => f.cells.length > 1)!;
    const multiRow = rowFor(multi.rule, multi.cells[0])!;
    expect(multiRow.textContent).toContain(`${formatRef(multi.cells[0])} 等 ${multi.cells.length} 处`);
  });

  test("shows the form at a glance with 2-decimal amounts", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    await mount(host);
    const model = checkWorkbook(host.snapshot).forms[0].model;
    const basic = model.amounts.basic!.amount.value!;
    const project = model.amounts.project!.amount.value!;
    const summary = screen.getByTestId("form-summary");
    expect(summary.textContent).toContain(model.department!.value!.text);
    expect(summary.textContent).toContain((basic + project).toFixed(2));
    expect(summary.textContent).toContain(basic.toFixed(2));
    expect(summary.textContent).toContain(project.toFixed(2));
  });

  test("clicking a finding, or Enter on it, goes to its cell", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    const [a, b] = rows();
    await user.click(within(a).getAllByRole("button")[0]);
    await waitFor(() => expect(host.calls.goTo).toEqual([parseRef(a.dataset.cell!)]));
    within(b).getAllByRole("button")[0].focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.calls.goTo).toEqual([parseRef(a.dataset.cell!), parseRef(b.dataset.cell!)]));
  });

  test("修复 applies the plan, re-checks, and the finding drops off", async () => {
    const host = new FakeHost(workbook(cleanSheet({ numbersAsText: true })));
    const user = await mount(host);
    const target = checkWorkbook(host.snapshot).findings.find((f) => f.fix)!;
    expect(target).toBeDefined();
    const before = rows().length;
    const row = rowFor(target.rule, target.cells[0])!;
    await user.click(within(row).getByRole("button", { name: /修复/ }));
    // Nothing is applied until the change is seen and confirmed: cell, before → after.
    const edit = target.fix!.edits[0];
    if (edit.op !== "setValue") throw new Error("a setValue fix");
    const preview = await screen.findByTestId("fix-changes");
    expect(preview.textContent).toBe(`${formatRef(edit)}: 「${String(edit.expected)}」 → ${String(edit.value)}`);
    expect(host.calls.apply).toEqual([]);
    await user.click(screen.getByTestId("fix-apply"));
    await checked(2);
    expect(host.calls.apply).toEqual([target.fix]);
    expect(rowFor(target.rule, target.cells[0])).toBeUndefined();
    expect(rows().length).toBe(before - 1);
    // Toasts are also announced through an aria-live region, so the text may appear twice.
    expect((await screen.findAllByText(/已修复/)).length).toBeGreaterThan(0);
  });

  test("a refused fix shows the host's reason and keeps the finding", async () => {
    const host = new FakeHost(workbook(cleanSheet({ numbersAsText: true })));
    host.refuse = { zh: "单元格 D8 已被他人修改,请重新校验", en: "D8 changed" };
    const user = await mount(host);
    const target = checkWorkbook(host.snapshot).findings.find((f) => f.fix)!;
    await user.click(within(rowFor(target.rule, target.cells[0])!).getByRole("button", { name: /修复/ }));
    await user.click(await screen.findByTestId("fix-apply"));
    expect((await screen.findAllByText("单元格 D8 已被他人修改,请重新校验")).length).toBeGreaterThan(0);
    expect(screen.getAllByText("未能修复").length).toBeGreaterThan(0);
    expect(rowFor(target.rule, target.cells[0])).toBeDefined();
  });

  test("忽略 saves the key, hides the finding, and 显示已忽略 brings it back", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    const row = rows()[0];
    const rule = row.dataset.ruleId!;
    const cell = row.dataset.cell!;
    const key = ignoreKey({ rule, cells: [parseRef(cell)] });
    const before = rows().length;

    await user.click(within(row).getByRole("button", { name: /^忽略/ }));
    // The host call and the re-render are separate steps: wait for both, not for one and assume the other.
    await waitFor(() => {
      expect(host.calls.saveState.at(-1)?.ignored).toEqual([key]);
      expect(rowFor(rule, parseRef(cell))).toBeUndefined();
    });
    expect(rows().length).toBe(before - 1);
    expect(screen.getByText("已忽略 1 项")).toBeTruthy();

    await user.click(screen.getByRole("switch", { name: "显示已忽略" }));
    const back = rowFor(rule, parseRef(cell))!;
    expect(back).toBeDefined();
    expect(back.dataset.ignored).toBe("true");
    await user.click(within(back).getByRole("button", { name: /^取消忽略/ }));
    await waitFor(() => {
      expect(host.calls.saveState.at(-1)?.ignored).toEqual([]);
      expect(rowFor(rule, parseRef(cell))?.dataset.ignored).toBeUndefined();
    });
  });

  test("ignored findings saved in the workbook stay hidden when the pane opens, and are not marked", async () => {
    const base = workbook(flawedSheet());
    const f: Finding = checkWorkbook(base).findings[0];
    const host = new FakeHost(base, { ignored: [ignoreKey(f)] });
    const user = await mount(host);
    expect(rowFor(f.rule, f.cells[0])).toBeUndefined();
    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    await checked(2);
    const marked = host.calls.mark.at(-1)!;
    expect(marked.some((m) => ignoreKey(m) === ignoreKey(f))).toBe(false);
    expect(marked.length).toBe(checkWorkbook(base).findings.length - 1);
  });

  test("一键校验 marks the cells and says so; 清除标记 removes them", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    await unfoldAll(user);
    expect(host.calls.mark).toHaveLength(0);
    expect(screen.queryByTestId("marks-note")).toBeNull();
    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    await checked(2);
    expect(host.calls.mark).toHaveLength(1);
    expect(host.calls.mark[0].length).toBe(rows().length);
    const note = screen.getByTestId("marks-note");
    expect(note.textContent).toContain("随文件一起保存");
    expect(note.textContent).toContain("清除标记");
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => {
      expect(host.calls.clearMarks).toBe(1);
      expect(screen.queryByTestId("marks-note")).toBeNull();
    });
  });

  test("notices sit in the pane's 通知 region (not over it) and Escape closes them wherever focus is", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    const region = screen.getByRole("region", { name: "通知" });
    // Inside the pane's own landmark, not portalled to the end of <body>.
    expect(region.closest("main")).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "清除标记" }));
    await waitFor(() => expect(within(region).getByText("已清除标记")).toBeTruthy());
    // Focus on a finding, not on the notice: Escape still closes it.
    within(rows()[0]).getAllByRole("button")[0].focus();
    await user.keyboard("{Escape}");
    // At once, not by the notice's own 3 s timeout running out: no waitFor here.
    expect(within(region).queryByText("已清除标记")).toBeNull();
  });

  test("可以提交 on the corrected form, with the number of checks passed", async () => {
    const host = new FakeHost(workbook(cleanSheet()));
    await mount(host);
    const status = screen.getByTestId("status");
    expect(status.dataset.status).toBe("ok");
    expect(status.textContent).toContain("可以提交");
    expect(checkWorkbook(host.snapshot).findings).toHaveLength(0);
    expect(status.textContent).toContain(`已通过 ${RULES.length} 项检查`);
    expect(rows()).toHaveLength(0);
    expect(screen.getByText("没有发现问题。")).toBeTruthy();
  });

  test("switching to English relabels the pane and the findings, and is saved", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    await user.click(screen.getByRole("tab", { name: "设置" }));
    await user.click(await screen.findByRole("radio", { name: "English" }));
    await waitFor(() => {
      expect(host.calls.saveState.at(-1)?.settings.lang).toBe("en");
      expect(screen.getByRole("tab", { name: "Issues" })).toBeTruthy();
      expect(document.documentElement.lang).toBe("en-US");
    });
    await user.click(screen.getByRole("tab", { name: "Issues" }));
    const f = checkWorkbook(host.snapshot).findings[0];
    expect(rowFor(f.rule, f.cells[0])!.textContent).toContain(f.message.en);
    expect(screen.getByTestId("status").textContent).toContain("Fix the errors before submitting");
  });

  test("the tolerance setting is saved as a rule option and re-checks", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    const rule = "budget/income-matches-expenditure";
    expect(rows().some((r) => r.dataset.ruleId === rule)).toBe(true);
    await user.click(screen.getByRole("tab", { name: "设置" }));
    const input = await screen.findByRole("spinbutton", { name: /允许误差/ });
    await user.clear(input);
    await user.type(input, "20{Enter}");
    await waitFor(() => expect(host.calls.saveState.at(-1)?.settings.config.rules?.[rule]).toEqual({ options: { tolerance: 20 } }));
    await checked(2);
    await user.click(screen.getByRole("tab", { name: "问题" }));
    expect(rows().some((r) => r.dataset.ruleId === rule)).toBe(false);
  });

  test("live check re-reads after an edit and can be switched off", async () => {
    const host = new FakeHost(workbook(cleanSheet()));
    const user = await mount(host);
    expect(rows()).toHaveLength(0);
    expect(host.listenerCount).toBe(1);
    act(() => host.edit("申报表", "F8", 357.24));
    await checked(2);
    expect(rows().some((r) => r.dataset.ruleId === "budget/income-matches-expenditure")).toBe(true);
    await user.click(screen.getByRole("switch", { name: "实时校验" }));
    await waitFor(() => expect(host.listenerCount).toBe(0));
    expect(host.calls.saveState.at(-1)?.settings.liveCheck).toBe(false);
  });

  test("校验报告 appears only when the host can write one", async () => {
    const plain = new FakeHost(workbook(flawedSheet()));
    const { unmount } = render(<App host={plain} />);
    await checked();
    expect(screen.queryByRole("button", { name: "校验报告" })).toBeNull();
    unmount();

    const host = new ReportingFakeHost(workbook(flawedSheet()));
    const user = userEvent.setup();
    render(<App host={host} />);
    await checked();
    await unfoldAll(user);
    await user.click(screen.getByRole("button", { name: "校验报告" }));
    await waitFor(() => expect(host.calls.writeReport).toHaveLength(1));
    expect(host.calls.writeReport[0].lang).toBe("zh");
    expect(host.calls.writeReport[0].findings.length).toBe(rows().length);
  });

  test("a workbook that cannot be read says so instead of crashing", async () => {
    const host = new FakeHost(workbook(cleanSheet()));
    host.read = async () => {
      throw new Error("工作簿已损坏");
    };
    render(<App host={host} />);
    const status = await screen.findByTestId("status");
    await waitFor(() => expect(status.textContent).toContain("工作簿已损坏"));
    expect(status.textContent).toContain("读取表格失败");
  });

  test("what the host could not do (a protected sheet left unmarked) is shown after 一键校验", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const warn = { zh: "工作表「申报表」受保护,未能标记", en: "Sheet 申报表 is protected; it was not marked" };
    host.markWarnings = [warn];
    const user = await mount(host);
    expect(screen.queryByText(warn.zh)).toBeNull();
    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    expect(await screen.findByText(warn.zh)).toBeTruthy();
  });

  test("what the read had to skip (a sheet too large) is shown with the first check, without marking", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const warn = { zh: "工作表「流水」太大(1000 行 × 6000 列),未读取", en: 'Sheet "流水" is too large to read; it was skipped' };
    host.readWarnings = [warn];
    await mount(host);
    expect(await screen.findByText(warn.zh)).toBeTruthy();
    expect(host.calls.mark).toEqual([]);
  });

  test("when marking fails, the findings are still listed and the failure is said", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    host.mark = async () => {
      throw new Error("RichApi.Error: 请求的负载过大");
    };
    const user = await mount(host);
    const before = rowKeys();
    expect(before.length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    expect(await screen.findByText(/无法在表中标记问题单元格.*请求的负载过大.*问题列表仍然有效/)).toBeTruthy();
    expect(rowKeys()).toEqual(before);
    expect(screen.queryByTestId("marks-note")).toBeNull();
  });

  test("a check from the ribbon re-checks the pane and shows the marks", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    let ribbon: (() => void) | null = null;
    const subscribe = (l: () => void) => {
      ribbon = l;
      return () => (ribbon = null);
    };
    render(<App host={host} externalChecks={subscribe} />);
    await checked();
    expect(ribbon).not.toBeNull();
    act(() => ribbon!());
    await checked(2);
    expect(host.calls.mark).toHaveLength(1);
    expect(screen.getByTestId("marks-note")).toBeTruthy();
  });

  test("a re-check without an explicit mark keeps the sheet as it is", async () => {
    const host = new FakeHost(workbook(cleanSheet()));
    const user = await mount(host);
    act(() => host.edit("申报表", "F8", 357.24)); // live check, marks off
    await checked(2);
    expect(host.calls.mark).toHaveLength(0);
    await user.click(screen.getByRole("button", { name: /校验(?!报告)/ }));
    await checked(3);
    act(() => host.edit("申报表", "F8", 367.24)); // live check, marks on: re-marked, now with nothing
    await checked(4);
    expect(host.calls.mark).toHaveLength(2);
    expect(host.calls.mark[1]).toHaveLength(0);
  });

  test("a finding without a cell is listed but cannot be clicked to nowhere", async () => {
    const host = new FakeHost({ source: "empty.xlsx", sheets: [] });
    await mount(host);
    const [row] = rows();
    expect(row.dataset.ruleId).toBe("layout/form-not-found");
    expect(row.dataset.cell).toBe("");
    expect((within(row).getAllByRole("button")[0] as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("form-summary").textContent).toContain("未识别到申报表");
  });

  test("with markOnOpen (the preview) the first automatic check already colours the cells", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    render(<App host={host} markOnOpen />);
    await checked();
    expect(host.calls.mark).toHaveLength(1);
    expect(host.calls.mark[0].map(ignoreKey).sort()).toEqual(checkWorkbook(host.snapshot).findings.map(ignoreKey).sort());
    expect(screen.getByTestId("marks-note").textContent).toContain("清除标记");
  });

  test("修复全部 applies every safe fix, re-checks once, and says how many", async () => {
    const host = new FakeHost(workbook(cleanSheet({ numbersAsText: true })));
    const user = await mount(host);
    const safe = checkWorkbook(host.snapshot).findings.filter((f) => f.fix);
    expect(safe.length).toBeGreaterThan(1);
    const button = screen.getByTestId("fix-all");
    expect(button.textContent).toBe(`修复全部(${safe.length})`);
    await user.click(button);
    await checked(2);
    expect(host.calls.apply).toHaveLength(safe.length);
    // Read back: the workbook now checks clean and nothing fixable is listed.
    expect(checkWorkbook(host.snapshot).findings).toEqual([]);
    expect(rows()).toHaveLength(0);
    expect(screen.queryByTestId("fix-all")).toBeNull();
    expect((await screen.findAllByText(`已修复 ${safe.length} 处`)).length).toBeGreaterThan(0);
  });

  test("修复全部 tries each refused fix once and says which were refused", async () => {
    const host = new FakeHost(workbook(cleanSheet({ numbersAsText: true })));
    host.refuse = { zh: "单元格已被修改", en: "changed" };
    const user = await mount(host);
    const safe = checkWorkbook(host.snapshot).findings.filter((f) => f.fix);
    await user.click(screen.getByTestId("fix-all"));
    expect((await screen.findAllByText(`已修复 0 处,${safe.length} 处未能修复`)).length).toBeGreaterThan(0);
    expect(host.calls.apply).toHaveLength(safe.length);
    expect(screen.getAllByText(new RegExp(`${formatRef(safe[0].cells[0]).replace("!", "\\!")}.*单元格已被修改`)).length).toBeGreaterThan(0);
    expect(rows()).toHaveLength(safe.length);
  });

  test("建议 lists a finding's choices; the one picked is applied through the host, 修复全部 never applies one", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    const user = await mount(host);
    const target = checkWorkbook(host.snapshot, undefined, undefined, { fixes: true }).findings.find(
      (f) => f.rule === "indicators/unit-mismatch" && f.suggestions?.length === 2,
    )!;
    const row = rowFor(target.rule, target.cells[0])!;
    await user.click(within(row).getByRole("button", { name: /2 条修改建议/ }));
    const items = await screen.findAllByTestId("suggestion");
    expect(items.map((i) => i.textContent)).toEqual(target.suggestions!.map((sg) => sg.desc.zh));
    await user.click(items[1]);
    await checked(2);
    expect(host.calls.apply).toEqual([target.suggestions![1].plan]);
    expect(rowFor(target.rule, target.cells[0])).toBeUndefined();
  });

  test("修复 selects the changed cell afterwards", async () => {
    const host = new FakeHost(workbook(cleanSheet({ numbersAsText: true })));
    const user = await mount(host);
    const target = checkWorkbook(host.snapshot).findings.find((f) => f.fix)!;
    await user.click(within(rowFor(target.rule, target.cells[0])!).getByRole("button", { name: /修复/ }));
    await user.click(await screen.findByTestId("fix-apply"));
    await waitFor(() => expect(host.calls.goTo).toEqual([target.cells[0]]));
  });

  test("tips that can be fixed are not folded away", async () => {
    const sheet = setCells(cleanSheet(), { F8: 357.24, E21: ">=2次" });
    const findings = checkWorkbook(workbook(sheet)).findings;
    expect(findings.some((f) => f.severity === "error")).toBe(true);
    const tip = findings.find((f) => f.severity === "info" && f.fix)!;
    expect(tip).toBeDefined();
    const host = new FakeHost(workbook(sheet));
    await mount(host);
    expect(groupHeader("info").getAttribute("aria-expanded")).toBe("true");
    const row = rowFor(tip.rule, tip.cells[0])!;
    expect(within(row).getByRole("button", { name: /^修复/ })).toBeTruthy();
  });

  test("every button in the list has its own accessible name", async () => {
    const host = new FakeHost(workbook(flawedSheet()));
    const user = await mount(host);
    await unfoldAll(user);
    // (Queried directly: getByRole over ~130 buttons computes every name again and is slow in jsdom.)
    const buttons = rows().flatMap((r) => Array.from(r.querySelectorAll("button")));
    const names = buttons.map((b) => b.getAttribute("aria-label") ?? b.textContent ?? "");
    expect(buttons.length).toBeGreaterThan(rows().length * 2);
    expect(new Set(names).size).toBe(names.length);
    // The 忽略 buttons name their cell; the visible word stays at the front of the name (WCAG 2.5.3).
    for (const r of rows())
      expect(Array.from(r.querySelectorAll("button")).some((b) => b.getAttribute("aria-label")?.startsWith(`忽略 ${r.dataset.cell}`))).toBe(
        true,
      );
  });
});
