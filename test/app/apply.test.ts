/**
 * The one edit transaction (src/app/apply.ts, issue #21) on primitives over a snapshot: what each host
 * failure turns into, independent of any host. The hosts themselves run test/hosts/contract.
 */
import { EditPrimitives, EditRead, EditRefusal, applyEdit } from "../../src/app/apply";
import { Config } from "../../src/core/config";
import { parseRange } from "../../src/core/a1";
import { EditPlan, setValue } from "../../src/core/plan/editPlan";
import { runStep } from "../../src/core/plan/steps";
import { WorkbookSnapshot, cellValue } from "../../src/core/snapshot";
import { cellAt } from "../helpers/cells";
import { cleanSheet, workbook } from "../helpers/forms";
import { undoStep } from "../ui/fakeHost";
import * as engine from "../../src/core/engine";

/** A document held as a snapshot, with one switch per failure a host can report. */
class Doc implements EditPrimitives {
  wb: WorkbookSnapshot = workbook(cleanSheet());
  refuse: EditRefusal | null = null;
  mergesUnknown = false;
  failAtStep: number | null = null;
  /** The n-th re-read from now is refused (1 = the next). */
  refuseReread: number | null = null;
  undoThrows = false;
  stepsRun = 0;
  undone = 0;

  private sheet = (name: string) => this.wb.sheets.find((s) => s.name === name)!;
  private put(s: WorkbookSnapshot["sheets"][number]) {
    this.wb = { ...this.wb, sheets: this.wb.sheets.map((x) => (x.name === s.name ? s : x)) };
  }
  /** What the host can see: without a merged-area API (Excel before 1.13, past 512), no merges. */
  private seen(): WorkbookSnapshot {
    return this.mergesUnknown ? { ...this.wb, sheets: this.wb.sheets.map((s) => ({ ...s, merges: [] })) } : this.wb;
  }
  async readForEdit(): Promise<EditRead | EditRefusal> {
    if (this.refuse) return this.refuse;
    return { before: this.seen(), mergesUnknown: this.mergesUnknown };
  }
  async runSteps(_b: WorkbookSnapshot, steps: Parameters<EditPrimitives["runSteps"]>[1]) {
    let ran = 0;
    for (const s of steps) {
      if (this.failAtStep !== null && --this.failAtStep <= 0) return { error: new Error("refused by the host"), ran };
      this.put(runStep(this.sheet(s.sheet), s));
      ran++;
      this.stepsRun++;
    }
    return { ran };
  }
  async reread(): Promise<WorkbookSnapshot | null> {
    if (this.refuseReread !== null && --this.refuseReread <= 0) {
      this.refuseReread = null;
      return null;
    }
    return this.seen();
  }
  async runUndo(undo: Parameters<EditPrimitives["runUndo"]>[0]) {
    if (this.undoThrows) throw new Error("undo refused");
    for (const u of undo) this.put(undoStep(this.sheet(u.sheet), u));
    this.undone++;
  }
}

const plan = (...edits: EditPlan["edits"]): EditPlan => ({ title: { zh: "改金额", en: "fix amount" }, edits });
// D8 = 300 breaks income = expenditure (an error by default) and the levels' sum (a warning).
const d8 = () => plan(setValue(cellAt("申报表", "D8"), 300, 326.6));
const D8 = (doc: Doc) => cellValue(doc.wb.sheets[0], 7, 3);
const OFF: Config = { rules: { "budget/income-matches-expenditure": "off" } };

describe("applyEdit", () => {
  test.each<[EditRefusal, RegExp]>([
    [{ refused: "missing" }, /找不到修改涉及的工作表/],
    [{ refused: "tooLarge" }, /太大,无法一次读出,未做任何修改/],
    [{ refused: "protected", sheet: "申报表" }, /工作表「申报表」受保护/],
  ])("a refusal before the first write (%j) writes nothing", async (refusal, says) => {
    const doc = new Doc();
    doc.refuse = refusal;
    const r = await applyEdit(doc, d8(), OFF);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(says);
    expect(doc.stepsRun).toBe(0);
  });

  test("the user's settings judge the result: a rule they switched off is no new error, one they made an error is", async () => {
    const off = new Doc();
    expect(await applyEdit(off, d8(), OFF)).toMatchObject({ ok: true, after: { snapshot: expect.anything() } });
    expect(D8(off)).toBe(300);

    const strict = new Doc();
    const r = await applyEdit(strict, d8(), { rules: { ...OFF.rules, "budget/levels-match-expenditure": "error" } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.zh).toMatch(/出现新的错误:/);
    expect(strict.undone).toBe(1);
    expect(D8(strict)).toBe(326.6);
  });

  test("a complete write whose re-read the host refuses is a success with a warning, never a failure", async () => {
    const doc = new Doc();
    doc.refuseReread = 1;
    const r = await applyEdit(doc, d8(), OFF);
    // The steps that ran come back too: the file host patches the user's package from them.
    expect(r).toEqual({
      ok: true,
      warning: expect.objectContaining({ zh: expect.stringContaining("修改已写入") }),
      steps: [{ op: "write", sheet: "申报表", row: 7, col: 3, value: 300 }],
    });
    expect(D8(doc)).toBe(300);
  });

  test("a step refused midway is undone and proved: 'not applied, the sheet is as it was'", async () => {
    const doc = new Doc();
    const before = JSON.stringify(doc.wb);
    doc.failAtStep = 2;
    const r = await applyEdit(doc, plan(setValue(cellAt("申报表", "D8"), 300, 326.6), setValue(cellAt("申报表", "D9"), 66.64, 40.64)), OFF);
    expect(r).toEqual({
      ok: false,
      reason: {
        zh: "“改金额”未应用:修改未能全部完成:refused by the host。表格已恢复原状。",
        en: '"fix amount" was not applied: the change could not be completed: refused by the host. The sheet is as it was.',
      },
    });
    expect(JSON.stringify(doc.wb)).toBe(before);
  });

  test("an undo the host refuses, or a failure it cannot re-read, is said to be not fully undone", async () => {
    const refused = new Doc();
    refused.failAtStep = 1;
    refused.undoThrows = true;
    const a = await applyEdit(refused, d8(), OFF);
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason.zh).toMatch(/未能完全恢复原状.*Ctrl\+Z/);

    const blind = new Doc();
    blind.failAtStep = 1;
    blind.refuseReread = 1;
    const b = await applyEdit(blind, d8(), OFF);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason.zh).toMatch(/未能完全恢复原状/);
  });

  test("where the host cannot list merges, the plan's own unmerge is trusted rather than refused", async () => {
    const doc = new Doc();
    const merged = doc.wb.sheets[0].merges[0];
    doc.mergesUnknown = true;
    const r = await applyEdit(doc, plan({ op: "unmerge", sheet: "申报表", range: parseRange(merged) }), OFF);
    // Compiled and run (not refused as "not merged"): the merge is gone from the document.
    expect(doc.stepsRun).toBe(1);
    expect(r.ok).toBe(true);
    expect(doc.wb.sheets[0].merges).not.toContain(merged);
  });

  describe("the caller's own check of the workbook (basis)", () => {
    const STRICT: Config = { rules: { ...OFF.rules, "budget/levels-match-expenditure": "error" } };
    afterEach(() => jest.restoreAllMocks());

    test("stands for the check of the read when the read is that workbook: the workbook is checked once, after the edit", async () => {
      const doc = new Doc();
      const basis = { snapshot: doc.wb, check: engine.checkWorkbook(doc.wb, OFF) };
      const spy = jest.spyOn(engine, "checkWorkbook");
      expect(await applyEdit(doc, d8(), OFF, { basis })).toMatchObject({ ok: true });
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockClear();
      expect(await applyEdit(new Doc(), d8(), OFF)).toMatchObject({ ok: true });
      expect(spy).toHaveBeenCalledTimes(2);
    });

    test("is not trusted when the read differs from it in any field a rule sees: the verdict is the read's own", async () => {
      // The basis is the workbook before D8 and D9 were given values that already break the levels'
      // sum: with it, the levels error d8 leaves would look new and the edit would be refused.
      const doc = new Doc();
      doc.wb = await (async () => {
        const d = new Doc();
        await applyEdit(d, plan(setValue(cellAt("申报表", "D9"), 99, 40.64)), OFF);
        return d.wb;
      })();
      const stale = new Doc().wb;
      const alone = await applyEdit(Object.assign(new Doc(), { wb: doc.wb }), d8(), STRICT);
      const r = await applyEdit(doc, d8(), STRICT, { basis: { snapshot: stale, check: engine.checkWorkbook(stale, STRICT) } });
      expect(alone.ok).toBe(true);
      expect(r.ok).toBe(true);
      // Only a displayed text differs: still not the same workbook.
      const texts = new Doc();
      const shown = { ...texts.wb, sheets: texts.wb.sheets.map((s) => ({ ...s, texts: s.values.map((l) => l.map(() => "x")) })) };
      const spy = jest.spyOn(engine, "checkWorkbook");
      await applyEdit(texts, d8(), OFF, { basis: { snapshot: shown, check: engine.checkWorkbook(shown, OFF) } });
      expect(spy).toHaveBeenCalledTimes(3);
    });
  });

  test("a verified edit reports its phases' timings once; a refused one reports none", async () => {
    const seen: object[] = [];
    expect(await applyEdit(new Doc(), d8(), OFF, { timings: (t) => seen.push(t) })).toMatchObject({ ok: true });
    expect(seen).toHaveLength(1);
    const t = seen[0] as Record<string, number>;
    expect(Object.keys(t).sort()).toEqual(["checkAfter", "prepare", "reread", "run", "verify"]);
    for (const ms of Object.values(t)) expect(ms).toBeGreaterThanOrEqual(0);
    const strict = await applyEdit(
      new Doc(),
      d8(),
      { rules: { ...OFF.rules, "budget/levels-match-expenditure": "error" } },
      {
        timings: (x) => seen.push(x),
      },
    );
    expect(strict.ok).toBe(false);
    expect(seen).toHaveLength(1);
  });
});
