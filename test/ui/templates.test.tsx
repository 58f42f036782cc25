/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/core/engine";
import { cellValue } from "../../src/core/snapshot";
import { CATALOGUE } from "../../src/core/templates/catalogue";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { TemplatesTab } from "../../src/taskpane/components/TemplatesTab";
import { STORAGE_KEY } from "../../src/taskpane/templates/customStore";
import { orderForForm } from "../../src/taskpane/templates/fit";
import { FakeHost } from "./fakeHost";
import { cleanSheet, workbook } from "../helpers/forms";
import { sheetFrom, withoutGroup } from "../core/templates/support";

// The lazy tabs are loaded before any test opens one, so no test races their loading.
beforeAll(preloadTabs);

/** FakeHost applies whole plans (row insertion and merges too) through the core's edit engine, like the real hosts. */
class PlanHost extends FakeHost {}

const value = (host: FakeHost, a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return cellValue(host.snapshot.sheets[0], Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
};

/** Renders the tab and waits until it has read the workbook's own library (its list is then final). */
async function renderTab(host: PlanHost, extra: Partial<React.ComponentProps<typeof TemplatesTab>> = {}) {
  const onApplied = jest.fn();
  const result = checkWorkbook(host.snapshot);
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <TemplatesTab host={host} lang="zh" result={result} onApplied={onApplied} {...extra} />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("templates-tab").getAttribute("aria-busy")).toBe("false"));
  return { user, onApplied, view };
}

const items = () => Array.from(document.querySelectorAll<HTMLElement>("li[data-template-id]")).map((li) => li.dataset.templateId!);

beforeEach(() => localStorage.clear());

/** A template in the list, by the name it starts with (its button is named by everything it shows). */
function templateButton(name: string): HTMLElement {
  const b = Array.from(document.querySelectorAll<HTMLElement>("li[data-template-id] > button")).find((x) =>
    x.textContent?.startsWith(name),
  );
  if (!b) throw new Error(`no template ${name}`);
  return b;
}

describe("指标模板 tab", () => {
  test("lists the catalogue; search, category and tag narrow it", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    const { user } = await renderTab(host);
    // The whole catalogue, best fit to the form's tasks and department first (templateFit.test.ts).
    const form = checkWorkbook(host.snapshot).forms[0].model;
    expect(items()).toEqual(orderForForm(CATALOGUE, form).map((t) => t.id));
    expect(items()).not.toEqual(CATALOGUE.map((t) => t.id));
    // 我的模板 comes before the catalogue, not below its cards.
    const mine = screen.getByRole("region", { name: "我的模板" });
    const firstCard = document.querySelector("li[data-template-id]")!;
    expect(mine.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText(`${CATALOGUE.length} 个模板`)).toBeTruthy();

    await user.type(screen.getByRole("searchbox"), "满意度");
    expect(items().length).toBeGreaterThan(1);
    expect(items().every((id) => id.startsWith("satisfaction."))).toBe(true);

    await user.click(screen.getByRole("combobox", { name: "标签" }));
    await user.click(screen.getByRole("option", { name: "会议培训" }));
    expect(items()).toEqual(["satisfaction.trainees"]);

    await user.clear(screen.getByRole("searchbox"));
    await user.click(screen.getByRole("combobox", { name: "标签" }));
    await user.click(screen.getByRole("option", { name: "全部标签" }));
    await user.click(screen.getByRole("combobox", { name: "分类" }));
    await user.click(screen.getByRole("option", { name: "· 时效指标" }));
    expect(items().length).toBeGreaterThan(2);
    expect(items().every((id) => id.startsWith("timeliness."))).toBe(true);
  });

  test("edit the values, insert: the row lands in its group and the pane is told", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    const { user, onApplied } = await renderTab(host);
    await user.click(templateButton("群众满意度(%)"));
    const editor = screen.getByTestId("template-editor");
    expect(editor.textContent).toContain("将插入:满意度指标 / 服务对象满意度指标");
    const annual = within(editor).getByRole("textbox", { name: "年度指标值" });
    await user.clear(annual);
    await user.type(annual, ">=96%");
    await user.click(within(editor).getByRole("button", { name: "插入" }));
    expect(await screen.findByText("已插入「群众满意度(%)」(第 39 行)")).toBeTruthy();
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect([value(host, "D39"), value(host, "E39"), value(host, "F39")]).toEqual(["群众满意度(%)", "≥95%", "≥96%"]);
    expect(host.snapshot.sheets[0].merges).toEqual(expect.arrayContaining(["B37:B39", "C37:C39"]));
    expect(checkWorkbook(host.snapshot).findings).toEqual([]);
    expect(screen.queryByTestId("template-editor")).toBeNull();
  });

  test("a duplicate is refused with the row it is on; 仍然插入 inserts it", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    const { user } = await renderTab(host);
    await user.click(templateButton("资金支付及时率(%)"));
    await user.click(within(screen.getByTestId("template-editor")).getByRole("button", { name: "插入" }));
    const notice = await screen.findByTestId("templates-notice");
    expect(notice.textContent).toContain("「资金支付及时率(%)」已在第 32 行");
    expect(host.calls.apply).toHaveLength(0);
    await user.click(within(notice).getByRole("button", { name: "仍然插入" }));
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    expect(value(host, "D33")).toBe("资金支付及时率(%)");
  });

  test("a host refusal is shown and nothing else happens", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    host.refuse = { zh: "工作表受保护,无法插入行", en: "The sheet is protected" };
    const { user, onApplied } = await renderTab(host);
    await user.click(templateButton("群众满意度(%)"));
    await user.click(within(screen.getByTestId("template-editor")).getByRole("button", { name: "插入" }));
    expect((await screen.findByTestId("templates-notice")).textContent).toBe("工作表受保护,无法插入行");
    expect(onApplied).not.toHaveBeenCalled();
  });

  test("a preselected template opens in the editor, with the hint when the number is the department's own", async () => {
    await renderTab(new PlanHost(workbook(cleanSheet())), { preselect: { id: "quantity.training-sessions", seq: 1 } });
    const editor = await screen.findByTestId("template-editor");
    expect(within(editor).getByRole("textbox", { name: "三级指标" })).toHaveProperty("value", "举办培训班次(次)");
    expect(editor.textContent).toContain("示例数值,请按本部门实际填写");
  });

  test("save a row as a template, export it, import a library, delete a custom template", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    const { user } = await renderTab(host);
    const select = screen.getByRole("combobox", { name: "将表中一行保存为模板" });
    await user.selectOptions(select, "28"); // 0-based: row 29, 会议代表出席率
    await user.click(screen.getByRole("button", { name: "保存为模板" }));
    await waitFor(() => expect(screen.getByTestId("custom-notice").textContent).toBe("已保存为模板「会议代表出席率(%)」"));
    const customId = items().find((id) => id.startsWith("custom."))!;
    expect(customId).toBeDefined();
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY)!);
    expect(stored.templates).toEqual([expect.objectContaining({ id: customId, name: "会议代表出席率(%)", annual: "≥95%" })]);

    await user.click(screen.getByRole("button", { name: "导出 JSON" }));
    const exported = screen.getByRole("textbox", { name: "模板库 JSON" }) as HTMLTextAreaElement;
    expect(JSON.parse(exported.value).templates[0].name).toBe("会议代表出席率(%)");

    const good = new File(
      [JSON.stringify({ templates: [{ id: "custom.digital", name: "档案数字化率(%)", level2: "质量", value: "≥80%" }] })],
      "lib.json",
      { type: "application/json" },
    );
    await user.upload(screen.getByTestId("template-import"), good);
    expect(await screen.findByText("已导入 1 个模板")).toBeTruthy();
    expect(items()).toContain("custom.digital");

    const bad = new File(["{ nope"], "bad.json", { type: "application/json" });
    await user.upload(screen.getByTestId("template-import"), bad);
    // The previous notice is still on screen until the file has been read: wait for the new one.
    await waitFor(() => expect(screen.getByTestId("custom-notice").textContent).toMatch(/^导入失败模板库不是有效的 JSON/));

    await user.click(screen.getByRole("button", { name: "删除:档案数字化率(%)" }));
    expect(items()).not.toContain("custom.digital");
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).templates.map((t: { id: string }) => t.id)).toEqual([customId]);
  });

  test("custom templates survive a remount (kept per user)", async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ templates: [{ id: "custom.kept", name: "留存指标(个)", level2: "数量", value: "≥1个" }] }),
    );
    await renderTab(new PlanHost(workbook(cleanSheet())));
    expect(items()).toContain("custom.kept");
  });
});

describe("插入模板 on a finding", () => {
  test("a missing 时效 group offers its templates; one click inserts it and the finding goes", async () => {
    const host = new PlanHost(workbook(sheetFrom(withoutGroup("时效指标"))));
    const user = userEvent.setup();
    render(<App host={host} />);
    const row = await waitFor(() => {
      const r = document.querySelector<HTMLElement>('[data-rule-id="indicators/missing-category"]');
      expect(r).not.toBeNull();
      return r!;
    });
    const buttons = within(row).getAllByRole("button", { name: /^插入模板:/ });
    expect(buttons.length).toBeGreaterThan(0);
    const id = buttons[0].dataset.templateId!;
    expect(id.startsWith("timeliness.")).toBe(true);
    await user.click(buttons[0]);
    await waitFor(() => expect(host.calls.apply).toHaveLength(1));
    await waitFor(() => expect(document.querySelector('[data-rule-id="indicators/missing-category"]')).toBeNull());
    expect(value(host, "C31")).toBe("时效指标");
    expect((await screen.findAllByText(/^已插入「/)).length).toBeGreaterThan(0);
  });

  test("the 指标模板 tab is wired into the pane", async () => {
    const host = new PlanHost(workbook(cleanSheet()));
    const user = userEvent.setup();
    render(<App host={host} />);
    await user.click(screen.getByRole("tab", { name: "指标模板" }));
    expect(await screen.findByRole("searchbox")).toBeTruthy();
    await act(async () => {
      fireEvent.click(templateButton("服务对象满意度(%)"));
    });
    expect(screen.getByTestId("template-editor")).toBeTruthy();
  });
});
