/**
 * The corpus of real forms laid out as their offices printed them (test/corpus/printed/, see
 * docs/corpus.md): each is built as an .xlsx, read through the file host as the CLI reads it, and
 * checked. The reviewer's expectations were written before any checker was run on the form.
 *
 * Until the checker reads project forms and 自评表 at all, what can be asserted of them is that they
 * are never sent back: a form that is not read gets 未检查, never a false error or 需修改. Once it
 * reads any of them (the recognition of issue #19), every threshold below holds for every form.
 * Both branches assert; neither skips.
 */
import { RULES } from "../../src/core/rules/registry";
import { parseRange, splitQualified } from "../../src/core/a1";
import {
  PRINTED_KINDS,
  PrintedMeasure,
  PrintedResult,
  checkAllPrinted,
  loadPrinted,
  measurePrinted,
  printedIds,
  recallOf,
} from "../../scripts/lib/printedCorpus";

const ids = printedIds();

/**
 * Printed layouts the recogniser does not read yet, each with why. They are 未检查 (asserted above:
 * never 需修改) and their problems count as missed in the recall below. The list may only shrink: a
 * listed form that becomes read fails the test until it is taken off.
 */
const NOT_READ_YET: Record<string, string> = {};
let results: PrintedResult[] = [];
let m: PrintedMeasure;

beforeAll(async () => {
  results = await checkAllPrinted();
  m = measurePrinted(results);
});

describe("printed corpus: the files", () => {
  const rules = new Set(RULES.map((r) => r.meta.id));
  it.each(ids)("%s: a form as printed with its source, and the reviewer's expectations in the rules' terms", (id) => {
    const { form, expected } = loadPrinted(id);
    expect(form.id).toBe(id);
    expect(PRINTED_KINDS).toContain(form.kind);
    expect(expected.kind).toBe(form.kind);
    expect(form.source).toMatch(/^https?:\/\//);
    expect(form.seen.trim()).not.toBe("");
    expect(form.sheets.length).toBeGreaterThan(0);
    for (const sheet of form.sheets) {
      const width = Math.max(...sheet.rows.map((r) => r.length));
      for (const ref of sheet.merges ?? []) {
        const r = parseRange(ref);
        expect([ref, r.bottom < sheet.rows.length && r.right < width]).toEqual([ref, true]);
      }
    }
    for (const p of expected.problems) {
      expect([p.rule, rules.has(p.rule)]).toEqual([p.rule, true]);
      expect(["error", "warning"]).toContain(p.severity);
      expect(() => parseRange(splitQualified(p.at).address)).not.toThrow();
    }
  });
});

describe("printed corpus: what the checker makes of it", () => {
  it("a form that is not read, or is no target form, is 未检查, never 需修改", () => {
    expect(m.falseVerdicts).toEqual([]);
  });

  it("raises no false error", () => {
    expect(m.falseErrors).toEqual([]);
  });

  it("at most 0.3 false warnings per form", () => {
    const perForm = m.falseWarnings.length / m.forms;
    // The list goes into the comparison so a failure shows which warnings were false.
    expect({ within: perForm <= 0.3, perForm, falseWarnings: m.falseWarnings }).toMatchObject({ within: true });
  });

  it("every form is read as its kind (but the few listed as not read yet), and no source that is not a form is read as one", () => {
    const listed = (w: string) => Object.keys(NOT_READ_YET).some((id) => w.startsWith(`${id}:`));
    expect(m.wrongKind.filter((w) => !listed(w))).toEqual([]);
    // Each listed form is still unread: when one is read, take it off the list.
    for (const id of Object.keys(NOT_READ_YET))
      expect([id, m.wrongKind.some((w) => w.startsWith(`${id}:`) && /read \[\]$/.test(w))]).toEqual([id, true]);
  });

  it("finds at least 90% of the problems the reviewers expected", () => {
    const reads = results.filter((r) => m.readsEveryKind || r.kindsRead.length > 0);
    const measured = m.readsEveryKind ? m : measurePrinted(reads);
    const recall = recallOf(measured);
    expect({ atLeast90: recall >= 0.9, recall, missed: measured.missed }).toMatchObject({ atLeast90: true });
  });
});
