/** @jest-environment jsdom */
import { parseRef } from "../../src/core/a1";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { validateLibrary } from "../../src/core/templates/library";
import { IndicatorTemplate } from "../../src/core/templates/types";
import { DEFAULT_SETTINGS, WorkbookState, ignoreKey } from "../../src/hosts/host";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { STORAGE_KEY } from "../../src/taskpane/templates/customStore";
import { FakeHost } from "./fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

// The lazy tabs are loaded before any test opens one, so no test races their loading.
beforeAll(preloadTabs);

function library(raw: unknown[]): IndicatorTemplate[] {
  const r = validateLibrary(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.library.templates;
}

const DIGITAL = { id: "custom.digital", name: "档案数字化率(%)", level2: "质量", value: "≥80%" };
const saved: Omit<WorkbookState, "templates"> = {
  ignored: ["budget/earlier@申报表!D8"],
  settings: { ...DEFAULT_SETTINGS, liveCheck: false, config: { rules: { "indicators/vague-wording": "off" } } },
};

const items = () => Array.from(document.querySelectorAll<HTMLElement>("li[data-template-id]"));
const item = (id: string) => items().find((li) => li.dataset.templateId === id);
const badgeOf = (id: string) => item(id)?.querySelector('[data-testid="workbook-badge"]')?.textContent ?? null;

/** A pane on `host`, switched to the 指标模板 tab once the first check is done. */
async function templatesPane(host: FakeHost) {
  const user = userEvent.setup();
  const view = render(<App host={host} />);
  await waitFor(() => expect(document.querySelector('[data-check-seq="1"]')).not.toBeNull());
  await user.click(screen.getByRole("tab", { name: "指标模板" }));
  await screen.findByRole("searchbox");
  return { user, view };
}

beforeEach(() => localStorage.clear());

describe("custom templates saved in the workbook", () => {
  test("保存到工作簿 keeps the state's other parts; a colleague's fresh pane lists the library; 从工作簿移除 takes it out", async () => {
    const host = new FakeHost(workbook(seedSheet({ numbersAsText: true })), saved);
    const first = await templatesPane(host);
    expect(screen.queryByRole("button", { name: "从工作簿移除" })).toBeNull();
    await first.user.upload(
      screen.getByTestId("template-import"),
      new File([JSON.stringify([DIGITAL])], "lib.json", { type: "application/json" }),
    );
    await screen.findAllByText("已导入 1 个模板");
    expect(badgeOf("custom.digital")).toBeNull();

    await first.user.click(screen.getByRole("button", { name: "保存到工作簿" }));
    expect((await screen.findAllByText(/^已将 1 个模板保存到工作簿。/)).length).toBeGreaterThan(0);
    expect(host.state).toEqual({ ...saved, templates: library([DIGITAL]) });
    expect(badgeOf("custom.digital")).toBe("工作簿");

    // Ignoring a finding afterwards saves the state again: the library must stay in it.
    await first.user.click(screen.getByRole("tab", { name: /^问题/ }));
    const row = await waitFor(() => {
      const r = document.querySelector<HTMLElement>("[data-rule-id]");
      expect(r).not.toBeNull();
      return r!;
    });
    const key = ignoreKey({ rule: row.dataset.ruleId!, cells: [parseRef(row.dataset.cell!)] });
    await first.user.click(within(row).getByRole("button", { name: /^忽略/ }));
    await waitFor(() => expect(host.state.ignored).toEqual([...saved.ignored, key]));
    expect(host.state.templates).toEqual(library([DIGITAL]));
    first.view.unmount();

    // The department that receives the workbook has no templates of its own.
    localStorage.clear();
    const second = await templatesPane(host);
    await waitFor(() => expect(item("custom.digital")).toBeDefined());
    expect(badgeOf("custom.digital")).toBe("工作簿");
    expect(within(item("custom.digital")!).getByRole("button", { name: /^档案数字化率/ })).toBeTruthy();
    expect(screen.getByText("本工作簿带有 1 个模板,已列在上方(标有「工作簿」)。")).toBeTruthy();
    // Not the user's own, so nothing to delete from their library.
    expect(screen.queryByRole("button", { name: "删除:档案数字化率(%)" })).toBeNull();

    await second.user.click(screen.getByRole("button", { name: "从工作簿移除" }));
    expect((await screen.findAllByText(/^已从工作簿移除 1 个模板/)).length).toBeGreaterThan(0);
    expect(host.state).toEqual({ ...saved, ignored: [...saved.ignored, key] });
    expect(item("custom.digital")).toBeUndefined();
    expect(screen.queryByRole("button", { name: "从工作簿移除" })).toBeNull();
  });

  test("the workbook's and the user's templates are listed once per id, the user's copy first", async () => {
    const mine = [
      { id: "custom.shared", name: "我的版本(个)", level2: "数量", value: "≥2个" },
      { id: "custom.mine", name: "只在本机(个)", level2: "数量", value: "≥1个" },
    ];
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ templates: mine }));
    const fromBureau = library([
      { id: "custom.shared", name: "财政局版本(个)", level2: "数量", value: "≥3个" },
      { id: "custom.bureau", name: "财政局指标(%)", level2: "质量", value: "≥90%" },
    ]);
    const host = new FakeHost(workbook(seedSheet({ numbersAsText: true })), { ...saved, templates: fromBureau });
    const { user } = await templatesPane(host);
    await waitFor(() => expect(item("custom.bureau")).toBeDefined());
    const custom = items()
      .map((li) => li.dataset.templateId!)
      .filter((id) => id.startsWith("custom."));
    expect(custom.sort()).toEqual(["custom.bureau", "custom.mine", "custom.shared"]);
    expect(item("custom.shared")!.textContent).toContain("我的版本(个)");
    expect([badgeOf("custom.shared"), badgeOf("custom.bureau"), badgeOf("custom.mine")]).toEqual(["工作簿", "工作簿", null]);

    // Saving writes the merged library, so the bureau's own template is not lost.
    await user.click(screen.getByRole("button", { name: "保存到工作簿" }));
    await screen.findAllByText(/^已将 3 个模板保存到工作簿。/);
    expect(host.state.templates!.map((t) => [t.id, t.name]).sort()).toEqual([
      ["custom.bureau", "财政局指标(%)"],
      ["custom.mine", "只在本机(个)"],
      ["custom.shared", "我的版本(个)"],
    ]);
    expect(badgeOf("custom.mine")).toBe("工作簿");
  });

  test("a failed save says so, and the user's templates stay", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ templates: [DIGITAL] }));
    const host = new FakeHost(workbook(seedSheet({ numbersAsText: true })), saved);
    host.saveState = () => Promise.reject(new Error("工作簿为只读"));
    const { user } = await templatesPane(host);
    await user.click(screen.getByRole("button", { name: "保存到工作簿" }));
    const notice = await screen.findByTestId("custom-notice");
    expect(notice.textContent).toContain("保存到工作簿失败");
    expect(notice.textContent).toContain("工作簿为只读");
    expect(host.state).toEqual(saved);
    expect(item("custom.digital")).toBeDefined();
    expect(badgeOf("custom.digital")).toBeNull();
  });

  test("a malformed library in the workbook is ignored; the pane still works", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ templates: [DIGITAL] }));
    const host = new FakeHost(workbook(seedSheet({ numbersAsText: true })), {
      ...saved,
      templates: "junk" as unknown as IndicatorTemplate[],
    });
    await templatesPane(host);
    await waitFor(() => expect(item("custom.digital")).toBeDefined());
    expect(badgeOf("custom.digital")).toBeNull();
    expect(screen.queryByRole("button", { name: "从工作簿移除" })).toBeNull();
  });
});
