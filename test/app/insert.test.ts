/** The one rule for which form a template goes into (src/app/insert.ts), shared by the pane and `add`. */
import { chooseForm, insertTemplate, planTemplate } from "../../src/app/insert";
import { recognizeWorkbook } from "../../src/core/form/recognize";
import { findTemplate } from "../../src/core/templates/catalogue";
import { SheetSnapshot } from "../../src/core/snapshot";
import { FakeHost } from "../ui/fakeHost";
import { seedSheet, workbook } from "../helpers/forms";

const named = (name: string): SheetSnapshot => ({ ...seedSheet(), name });
const twoForms = () => workbook(named("甲单位"), named("乙单位"));
const template = findTemplate("quantity.training-sessions")!;

class CursorHost extends FakeHost {
  cursor: string | null = null;
  async activeSheet(): Promise<string | null> {
    return this.cursor;
  }
}

describe("chooseForm", () => {
  const forms = recognizeWorkbook(twoForms()).flatMap((r) => r.forms);

  test("the user's choice wins, the cursor's sheet comes next, else it asks naming the forms", () => {
    expect(forms.map((f) => f.model.sheet)).toEqual(["甲单位", "乙单位"]);
    const chosen = chooseForm(forms, { chosen: "乙单位", cursor: "甲单位" });
    expect(chosen.ok && chosen.form.model.sheet).toBe("乙单位");
    const cursor = chooseForm(forms, { cursor: "乙单位" });
    expect(cursor.ok && cursor.form.model.sheet).toBe("乙单位");
    const ask = chooseForm(forms, { cursor: "说明" });
    expect(ask.ok).toBe(false);
    if (!ask.ok) {
      expect(ask.candidates).toEqual(["甲单位", "乙单位"]);
      expect(ask.reason.zh).toContain("「甲单位」、「乙单位」");
      expect(ask.reason.en).toContain("--sheet");
    }
  });

  test("a chosen sheet without a form is refused, never replaced by the first form", () => {
    const r = chooseForm(forms, { chosen: "说明" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toContain("「说明」");
  });

  test("one form needs no choice; none says so", () => {
    const one = recognizeWorkbook(workbook(named("申报表"))).flatMap((r) => r.forms);
    const r = chooseForm(one, {});
    expect(r.ok && r.form.model.sheet).toBe("申报表");
    expect(chooseForm([], {}).ok).toBe(false);
  });
});

describe("insertTemplate", () => {
  test("with several forms it inserts into the cursor's form, asking the host where the cursor is", async () => {
    const host = new CursorHost(twoForms());
    host.cursor = "乙单位";
    const r = await insertTemplate(host, template, {});
    expect(r.ok).toBe(true);
    expect(host.calls.apply).toHaveLength(1);
    expect(new Set(host.calls.apply[0].edits.map((e) => e.sheet))).toEqual(new Set(["乙单位"]));
  });

  test("with several forms and no cursor it writes nothing and asks", async () => {
    const host = new FakeHost(twoForms());
    const r = await insertTemplate(host, template, {});
    expect(r.ok).toBe(false);
    expect(host.calls.apply).toHaveLength(0);
  });

  test("planTemplate (the CLI's add) follows the same rule", () => {
    const planned = planTemplate(twoForms(), template, {}, { chosen: "乙单位" });
    expect(planned.ok && planned.form.model.sheet).toBe("乙单位");
    expect(planTemplate(twoForms(), template, {}, {}).ok).toBe(false);
  });
});
