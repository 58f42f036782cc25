import { checkWorkbook } from "../../../src/core/engine";
import { cellValue } from "../../../src/core/snapshot";
import { applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { checkDraft, draftChoices, draftFields, draftValues } from "../../../src/core/templates/drafts";
import { findTemplate } from "../../../src/core/templates/catalogue";
import { cleanSheet, seedSheet, setCells, workbook } from "../../helpers/forms";

/** The corrected example with a key task (row 18) that no indicator measures, as the rule's own test has it. */
const taskForm = () => workbook(setCells(cleanSheet(), { B18: "机关党建", C18: "组织党员集中学习活动12次,开展主题党日。", D18: 3.5 }));
const choicesOf = (wb: ReturnType<typeof workbook>) => draftChoices(checkWorkbook(wb, undefined, undefined, { fixes: true }).findings);

describe("draftChoices: every drafted row a check offers, under an id a reviewer can type", () => {
  test("a task's drafts are numbered at the task's cell", () => {
    const ds = choicesOf(taskForm());
    expect(ds.map((d) => [d.id, d.sheet, d.template.name, d.template.annual])).toEqual([
      ["B18-1", "申报表", "党员集中学习活动次数(次)", "≥12次"],
      ["B18-2", "申报表", "机关党建成本(万元)", "≤3.5万元"],
    ]);
    expect(ds.every((d) => d.finding.rule === "tasks/no-matching-indicator")).toBe(true);
  });

  test("the seed's empty printed rows: the templates offered for each, numbered per cell; the same file gives the same ids", () => {
    const ids = choicesOf(workbook(seedSheet())).map((d) => `${d.id} ${d.template.id}`);
    expect(ids.map((x) => x.split(" ")[0])).toEqual(["B43-1", "B43-2", "B43-3", "C47-1", "C48-1", "C48-2", "C48-3"]);
    expect(choicesOf(workbook(seedSheet())).map((d) => `${d.id} ${d.template.id}`)).toEqual(ids);
    // The removal choice of an empty row is a suggestion but not a draft.
    const c47 = checkWorkbook(workbook(seedSheet()), undefined, undefined, { fixes: true }).findings.find(
      (f) => f.cells[0]?.row === 46 && f.rule === "indicators/missing-category",
    )!;
    expect(c47.suggestions!.length).toBe(2);
    expect(c47.suggestions!.filter((s) => s.draft).length).toBe(1);
  });

  test("no fixes asked for, no drafts", () => {
    expect(draftChoices(checkWorkbook(taskForm()).findings)).toEqual([]);
  });
});

describe("checkDraft: the checker's verdict on a draft as edited", () => {
  test("every draft of the task form and of the seed passes as drafted, and its plan is the rule's suggestion", () => {
    for (const wb of [taskForm(), workbook(seedSheet())]) {
      for (const d of choicesOf(wb)) {
        const v = checkDraft(wb, d.template, {});
        if (!v.ok) throw new Error(`${d.id}: ${v.error.zh}`);
        expect([d.id, v.blocking, v.findings]).toEqual([d.id, false, []]);
        expect(v.plan.edits).toEqual(d.suggestion.plan.edits);
      }
    }
  });

  test("the row as the form prints it: the edited values, normalised, at the plan's target row", () => {
    const wb = taskForm();
    const [count] = choicesOf(wb);
    const v = checkDraft(wb, count.template, { name: "党员学习次数(次)", period: ">=10次", annual: ">=5次" });
    if (!v.ok) throw new Error(v.error.zh);
    expect(v.row).toEqual({ name: "党员学习次数(次)", period: "≥10次", annual: "≥5次" });
    const after = applyToWorkbook(wb, v.plan);
    if (!after.ok) throw new Error(after.reason.zh);
    const s = after.value.sheets[0];
    expect([3, 4, 5].map((c) => cellValue(s, v.plan.target.row, c))).toEqual(["党员学习次数(次)", "≥10次", "≥5次"]);
  });

  test("an invalid edit: the rules' own messages, on the new row, and it blocks", () => {
    const wb = taskForm();
    const [count] = choicesOf(wb);
    const vague = checkDraft(wb, count.template, { period: "约2次", annual: "约2次" });
    if (!vague.ok) throw new Error(vague.error.zh);
    expect(vague.blocking).toBe(true);
    expect(vague.findings.map((f) => f.rule)).toContain("indicators/vague-wording");
    expect(vague.findings.every((f) => f.cells.some((c) => c.row === vague.plan.target.row) || f.severity === "error")).toBe(true);

    const over = checkDraft(wb, count.template, { period: "≥120%", annual: "≥120%" });
    if (!over.ok) throw new Error(over.error.zh);
    expect(over.findings.find((f) => f.rule === "indicators/impossible-target")?.severity).toBe("error");
    expect(over.blocking).toBe(true);

    // A bare number is only a tip (missing operator): shown, not blocking.
    const bare = checkDraft(wb, count.template, { period: "2", annual: "2" });
    if (!bare.ok) throw new Error(bare.error.zh);
    expect(bare.findings.map((f) => [f.rule, f.severity])).toEqual([["indicators/missing-operator", "info"]]);
    expect(bare.blocking).toBe(false);
  });

  test("what cannot be planned says why: an empty name, an empty value, a name already on the form", () => {
    const wb = taskForm();
    const [count] = choicesOf(wb);
    const empty = checkDraft(wb, count.template, { name: " " });
    expect(empty.ok ? null : empty.code).toBe("empty-name");
    const noValue = checkDraft(wb, count.template, { annual: "", period: "" });
    expect(noValue.ok ? null : noValue.code).toBe("empty-value");
    const dup = checkDraft(wb, count.template, { name: "重点工作任务按时完成率(%)" });
    expect(dup.ok ? null : dup.code).toBe("duplicate");
    const noSheet = checkDraft(wb, count.template, {}, "没有这张表");
    expect(noSheet.ok ? null : noSheet.code).toBe("no-form");
  });

  test("a finding the row had before is not the draft's (the seed's row 43 label stays misaligned)", () => {
    const wb = workbook(seedSheet());
    const before = checkWorkbook(wb);
    expect(before.findings.some((f) => f.rule === "layout/misaligned-row" && f.cells[0].row === 42)).toBe(true);
    const v = checkDraft(wb, findTemplate("timeliness.project-on-schedule")!, {}, "申报表", { before });
    if (!v.ok) throw new Error(v.error.zh);
    expect(v.plan.target).toMatchObject({ row: 42, mode: "fill" });
    expect(v.findings).toEqual([]);
  });
});

describe("draftFields / draftValues: the parts a person edits", () => {
  test("a number target splits into name, unit, operator and numbers, and composes back", () => {
    const t = findTemplate("satisfaction.service-recipients")!;
    const f = draftFields(t, { period: t.period, annual: t.annual });
    expect(f).toEqual({ mode: "number", name: "服务对象满意度", unit: "%", operator: "≥", period: "95", annual: "95" });
    expect(draftValues(f)).toEqual({ name: "服务对象满意度(%)", period: "≥95%", annual: "≥95%" });
    if (f.mode !== "number") throw new Error("number mode");
    expect(draftValues({ ...f, unit: "分", operator: "＝", annual: "90", period: "" })).toEqual({
      name: "服务对象满意度(分)",
      period: "",
      annual: "＝90分",
    });
  });

  test("a graded or dated target is edited as text", () => {
    const t = choicesOf(workbook(seedSheet())).find((d) => d.id === "C48-1")!.template;
    expect(t.annual).toBe("优");
    expect(draftFields(t, { period: t.period, annual: t.annual }).mode).toBe("text");
    const mixed = draftFields(findTemplate("satisfaction.service-recipients")!, { period: "≥95%", annual: "≤95%" });
    expect(mixed.mode).toBe("text");
  });
});
