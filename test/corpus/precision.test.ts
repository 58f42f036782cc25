/**
 * Precision on real published forms (test/corpus): each form is laid out as an .xlsx, read through
 * the file host like the CLI reads it, and checked. Every error and warning must be a problem the
 * reviewer expected (expectations.json, written before the checker was run), and every expected
 * problem must be found. `npx tsx scripts/corpus-table.ts` prints the per-rule table for the README.
 */
import { formatRef } from "../../src/core/a1";
import { corpusForms } from "../../scripts/build-corpus";
import { FormScore, loadExpectations, perRule, scoreCorpus } from "../../scripts/lib/corpusScore";

const expectations = loadExpectations();
const forms = corpusForms();
const scores = new Map<string, FormScore>();

beforeAll(async () => {
  for (const s of await scoreCorpus(expectations)) scores.set(s.id, s);
});

const show = (s: FormScore) => ({
  false: s.falsePositives.map((f) => `${f.severity} ${f.rule} ${f.cells.map(formatRef).join(",")} ${f.message}`),
  missed: s.missed.map((p) => `${p.severity} ${p.rule} ${p.at} (${p.why})`),
});

describe("corpus of real published forms", () => {
  it("holds real forms from several provinces and years, each with its source and expectations", () => {
    expect(forms.length).toBeGreaterThanOrEqual(15);
    expect(new Set(forms.map((f) => f.province.split(" ")[0])).size).toBeGreaterThanOrEqual(8);
    expect(new Set(forms.map((f) => f.year)).size).toBeGreaterThanOrEqual(5);
    for (const f of forms) {
      expect(f.source).toMatch(/^(https?:\/\/|GitHub code index)/);
      expect(expectations.forms[f.id]).toBeDefined();
    }
  });

  it.each(forms.map((f) => f.id))("%s: every error and warning is expected and every expected problem is found", (id) => {
    const s = scores.get(id)!;
    expect(s).toBeDefined();
    expect(show(s)).toEqual({ false: [], missed: [] });
  });

  it("raises no false error and at most 0.3 false warnings per form", () => {
    const all = [...scores.values()];
    const falses = all.flatMap((s) => s.falsePositives);
    expect(falses.filter((f) => f.severity === "error")).toEqual([]);
    expect(falses.filter((f) => f.severity === "warning").length / all.length).toBeLessThanOrEqual(0.3);
    // The table in the README comes from the same scores; a rule that found nothing it should have is visible there.
    expect(perRule(all).every((r) => r.fn === 0)).toBe(true);
  });
});
