/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// exceljs (via the preview's file host) needs uuid's Node build; jsdom would otherwise pick its ESM browser build.
/**
 * The drafted-indicator editor (issue #20): the draft shown as the form will print it, edits change
 * what is planned, an edit the rules reject shows their message and disables 插入, and 插入 writes
 * exactly the edited row through the host's one apply. Through the pane too: 建议 opens it.
 */
import * as React from "react";
import { readFileSync } from "fs";
import { join } from "path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { checkWorkbook } from "../../src/core/engine";
import { cellValue } from "../../src/core/snapshot";
import { SetValueEdit } from "../../src/core/plan/editPlan";
import { draftChoices } from "../../src/core/templates/drafts";
import { isInsertError, planInsertion } from "../../src/core/templates/insert";
import { App, preloadTabs } from "../../src/taskpane/components/App";
import { DraftEditor } from "../../src/taskpane/components/DraftEditor";
import { FileHost } from "../../src/hosts/file/fileHost";
import { FakeHost } from "../ui/fakeHost";
import { fakeFrom, hostOn } from "../hosts/wps/load";
import { cleanSheet, seedSheet, setCells, workbook } from "../helpers/forms";

beforeAll(preloadTabs);

/** The corrected example with a key task (row 18) no indicator measures: drafts B18-1 (a count) and B18-2 (a cost). */
const taskBook = () => workbook(setCells(cleanSheet(), { B18: "机关党建", C18: "组织党员集中学习活动12次,开展主题党日。", D18: 3.5 }));
const draftsOf = (host: FakeHost) => draftChoices(checkWorkbook(host.snapshot, undefined, undefined, { fixes: true }).findings);

async function open(host: FakeHost | FileHost, id = "B18-1", snapshot = (host as FakeHost).snapshot) {
  const choice = draftChoices(checkWorkbook(snapshot, undefined, undefined, { fixes: true }).findings).find((c) => c.id === id)!;
  const onClose = jest.fn();
  const onInserted = jest.fn();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <DraftEditor host={host} lang="zh" template={choice.template} sheet={choice.sheet} onClose={onClose} onInserted={onInserted} />
    </FluentProvider>,
  );
  const dialog = await screen.findByRole("dialog");
  await within(dialog).findByTestId("draft-row");
  return { user, dialog, onClose, onInserted, choice };
}

const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(label) as HTMLInputElement;
const insertButton = (dialog: HTMLElement) => within(dialog).getByRole("button", { name: "插入" });
const rowCells = (dialog: HTMLElement) =>
  within(within(dialog).getByTestId("draft-row"))
    .getAllByRole("cell")
    .map((c) => c.textContent);

describe("DraftEditor", () => {
  test("shows the draft: its parts to edit, the row as the form prints it, where it goes, and that it passes", async () => {
    const host = new FakeHost(taskBook());
    const { dialog } = await open(host);
    expect(field(dialog, "三级指标名称").value).toBe("党员集中学习活动次数");
    expect(field(dialog, "单位").value).toBe("次");
    expect((within(dialog).getByLabelText("运算符") as HTMLSelectElement).value).toBe("≥");
    expect(field(dialog, "实施周期指标值").value).toBe("12");
    expect(field(dialog, "年度指标值").value).toBe("12");
    expect(rowCells(dialog)).toEqual(["党员集中学习活动次数(次)", "≥12次", "≥12次"]);
    expect(within(dialog).getByTestId("draft-where").textContent).toBe("将插入为第 28 行(产出指标 / 数量指标)");
    expect(within(dialog).getByTestId("draft-verdict").textContent).toBe("通过检查:这一行没有错误或警告。");
    expect(insertButton(dialog).hasAttribute("disabled")).toBe(false);
    expect(host.calls.apply).toEqual([]);
  });

  test("editing changes the planned values; 插入 writes exactly the edited row through host.apply", async () => {
    const host = new FakeHost(taskBook());
    const before = host.snapshot;
    const { user, dialog, onInserted, onClose } = await open(host);
    await user.clear(field(dialog, "三级指标名称"));
    await user.type(field(dialog, "三级指标名称"), "党员学习次数");
    await user.selectOptions(within(dialog).getByLabelText("运算符"), "＝");
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "10");
    await user.clear(field(dialog, "单位"));
    await user.type(field(dialog, "单位"), "期");
    await waitFor(() => expect(rowCells(dialog)).toEqual(["党员学习次数(期)", "＝12期", "＝10期"]));
    await user.click(insertButton(dialog));
    await waitFor(() => expect(onInserted).toHaveBeenCalled());
    expect(onClose).toHaveBeenCalled();

    // The plan applied is the core's insertion plan for exactly these values, planned on a fresh read.
    const form = checkWorkbook(before).recognitions[0].forms[0];
    const template = draftsOf(new FakeHost(before))[0].template;
    const expected = planInsertion(form.model, form.grid, template, { name: "党员学习次数(期)", period: "＝12期", annual: "＝10期" });
    if (isInsertError(expected)) throw new Error(expected.error.zh);
    expect(host.calls.apply).toEqual([expected]);
    const row = expected.target.row;
    expect(
      host.calls.apply[0].edits.filter((e): e is SetValueEdit => e.op === "setValue" && e.row === row).map((e) => [e.col, e.value]),
    ).toEqual([
      [3, "党员学习次数(期)"],
      [4, "＝12期"],
      [5, "＝10期"],
    ]);
    const sheet = host.snapshot.sheets[0];
    expect([3, 4, 5].map((c) => cellValue(sheet, row, c))).toEqual(["党员学习次数(期)", "＝12期", "＝10期"]);
    expect(onInserted.mock.calls[0][0]).toEqual(expected);
    expect(host.calls.goTo).toEqual([{ sheet: "申报表", row, col: 3 }]);
  });

  test("an edit the rules reject shows the rule's message and disables 插入; correcting it enables 插入 again", async () => {
    const host = new FakeHost(taskBook());
    const { user, dialog } = await open(host);
    await user.clear(field(dialog, "单位"));
    await user.type(field(dialog, "单位"), "%");
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "120");
    const verdict = within(dialog).getByTestId("draft-verdict");
    await waitFor(() => expect(verdict.querySelector('[data-rule-id="indicators/impossible-target"]')).not.toBeNull());
    const after = checkWorkbook(host.snapshot);
    expect(after.findings.some((f) => f.rule === "indicators/impossible-target")).toBe(false);
    expect(verdict.textContent).toContain("「≥120%」超过 100%:「党员集中学习活动次数(%)」不可能超过 100%");
    expect(verdict.textContent).toContain("请先改正以下问题再插入");
    expect(insertButton(dialog).hasAttribute("disabled")).toBe(true);

    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "90");
    await waitFor(() => expect(insertButton(dialog).hasAttribute("disabled")).toBe(false));

    // An empty value cannot be planned at all: the inserter's own message.
    await user.clear(field(dialog, "年度指标值"));
    await waitFor(() => expect(verdict.textContent).toContain("的指标值不能为空,请填写后再插入"));
    expect(insertButton(dialog).hasAttribute("disabled")).toBe(true);
    // A name already on the form.
    await user.type(field(dialog, "年度指标值"), "90");
    await user.clear(field(dialog, "三级指标名称"));
    await user.type(field(dialog, "三级指标名称"), "重点工作任务按时完成率");
    await waitFor(() => expect(verdict.textContent).toMatch(/「重点工作任务按时完成率\(%\)」已在第 \d+ 行/));
    expect(insertButton(dialog).hasAttribute("disabled")).toBe(true);
    expect(host.calls.apply).toEqual([]);
  });

  test("取消 writes nothing", async () => {
    const host = new FakeHost(taskBook());
    const before = JSON.stringify(host.snapshot);
    const { user, dialog, onClose, onInserted } = await open(host);
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "3");
    await user.click(within(dialog).getByRole("button", { name: "取消" }));
    expect(onClose).toHaveBeenCalled();
    expect(onInserted).not.toHaveBeenCalled();
    expect(host.calls.apply).toEqual([]);
    expect(JSON.stringify(host.snapshot)).toBe(before);
  });

  test("a host that refuses the plan: its reason is shown, the dialog stays, nothing is reported inserted", async () => {
    const host = new FakeHost(taskBook());
    host.refuse = { zh: "核对未通过:单元格已被修改", en: "Verification failed" };
    const { user, dialog, onInserted, onClose } = await open(host);
    await user.click(insertButton(dialog));
    expect((await within(dialog).findByTestId("draft-failure")).textContent).toBe("核对未通过:单元格已被修改");
    expect(host.calls.apply).toHaveLength(1);
    expect(onInserted).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  test("a graded draft (优) of the seed's empty row, in the preview's FileHost: edited as text, filled in place, verified", async () => {
    const host = await FileHost.fromData(readFileSync(join(__dirname, "../../examples/seed-form.xlsx")), "seed-form.xlsx");
    const { snapshot } = await host.read();
    const { user, dialog, onInserted } = await open(host, "C48-1", snapshot);
    expect(within(dialog).queryByLabelText("运算符")).toBeNull();
    expect(field(dialog, "年度指标值").value).toBe("优");
    expect(within(dialog).getByTestId("draft-where").textContent).toBe("将填入第 48 行(效益指标 / 可持续影响指标)");
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "良");
    await waitFor(() => expect(rowCells(dialog)).toEqual(["管理机制健全性", "优", "良"]));
    await user.click(insertButton(dialog));
    await waitFor(() => expect(onInserted).toHaveBeenCalled());
    const after = (await host.read()).snapshot.sheets.find((s) => s.name === "申报表")!;
    expect([3, 4, 5].map((c) => cellValue(after, 47, c))).toEqual(["管理机制健全性", "优", "良"]);
  });
});

describe("in the pane", () => {
  test("建议 on a task without an indicator opens the editor; 插入 adds the row and the finding goes", async () => {
    const host = new FakeHost(taskBook());
    const user = userEvent.setup();
    render(<App host={host} />);
    const pane = () => document.querySelector("[data-check-seq]") as HTMLElement;
    await waitFor(() => expect(Number(pane()?.dataset.checkSeq)).toBeGreaterThanOrEqual(1));
    const row = () => document.querySelector<HTMLElement>('[data-rule-id="tasks/no-matching-indicator"]');
    await waitFor(() => expect(row()).not.toBeNull());
    await user.click(within(row()!).getByTestId("suggestions"));
    const items = await screen.findAllByTestId("suggestion");
    expect(items.map((i) => i.textContent)).toEqual([
      "增加指标「党员集中学习活动次数(次)」≥12次(据任务内容拟定)…",
      "增加指标「机关党建成本(万元)」≤3.5万元(据任务内容拟定)…",
    ]);
    await user.click(items[1]);
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByTestId("draft-row");
    expect(host.calls.apply).toEqual([]);
    expect(rowCells(dialog)).toEqual(["机关党建成本(万元)", "≤3.5万元", "≤3.5万元"]);
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "3.2");
    await waitFor(() => expect(rowCells(dialog)).toEqual(["机关党建成本(万元)", "≤3.5万元", "≤3.2万元"]));
    const seq = Number(pane().dataset.checkSeq);
    await user.click(insertButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(Number(pane().dataset.checkSeq)).toBeGreaterThan(seq));
    expect(host.calls.apply).toHaveLength(1);
    expect(row()).toBeNull();
    expect((await screen.findAllByText(/^已插入「机关党建成本\(万元\)」\(第 \d+ 行\)$/)).length).toBeGreaterThan(0);
  });

  test("on the WPS host (ET fake): the same editor, and the edited row is written into the sheet through the host's apply", async () => {
    const app = fakeFrom(taskBook());
    const host = hostOn(app);
    const user = userEvent.setup();
    render(<App host={host} />);
    const row = () => document.querySelector<HTMLElement>('[data-rule-id="tasks/no-matching-indicator"]');
    await waitFor(() => expect(row()).not.toBeNull());
    await user.click(within(row()!).getByTestId("suggestions"));
    await user.click((await screen.findAllByTestId("suggestion"))[0]);
    const dialog = await screen.findByRole("dialog");
    await within(dialog).findByTestId("draft-row");
    await user.clear(field(dialog, "年度指标值"));
    await user.type(field(dialog, "年度指标值"), "8");
    await waitFor(() => expect(rowCells(dialog)).toEqual(["党员集中学习活动次数(次)", "≥12次", "≥8次"]));
    await user.click(insertButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(row()).toBeNull());
    const sheet = (await host.read()).snapshot.sheets[0];
    expect([3, 4, 5].map((c) => cellValue(sheet, 27, c))).toEqual(["党员集中学习活动次数(次)", "≥12次", "≥8次"]);
  });

  test("a suggestion that is not a draft is still applied at once", async () => {
    const host = new FakeHost(workbook(seedSheet()));
    const user = userEvent.setup();
    render(<App host={host} />);
    const target = checkWorkbook(host.snapshot, undefined, undefined, { fixes: true }).findings.find(
      (f) => f.rule === "indicators/missing-category" && f.cells[0].row === 46,
    )!;
    const removal = target.suggestions!.find((s) => !s.draft)!;
    await waitFor(() => expect(document.querySelector('[data-cell="申报表!C47"]')).not.toBeNull());
    const li = document.querySelector<HTMLElement>('[data-rule-id="indicators/missing-category"][data-cell="申报表!C47"]')!;
    await user.click(within(li).getByTestId("suggestions"));
    const items = await screen.findAllByTestId("suggestion");
    await user.click(items.find((i) => i.textContent === removal.desc.zh)!);
    await waitFor(() => expect(host.calls.apply).toEqual([removal.plan]));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
