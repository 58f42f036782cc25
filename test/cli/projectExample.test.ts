/**
 * examples/project-form.xlsx: a real published project form, built by `npm run examples` from its
 * source in the printed corpus's format, and checked with the findings its reviewer expected.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { printedXlsx } from "../../scripts/build-examples";
import { PrintedExpectation, PrintedForm, scorePrinted } from "../../scripts/lib/printedCorpus";
import { checkWorkbook } from "../../src/core/engine";
import { readExample } from "../helpers/xlsx";

const ROOT = join(__dirname, "../..");
const source = readFileSync(join(ROOT, "examples/source/project-form.json"), "utf8");
const form = JSON.parse(source) as PrintedForm;
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

test("is what `npm run examples` builds from its source today, and the source is the corpus form", async () => {
  expect(sha(await printedXlsx(source))).toBe(sha(readFileSync(join(ROOT, "examples/project-form.xlsx"))));
  expect(JSON.parse(readFileSync(join(ROOT, `test/corpus/printed/${form.id}.json`), "utf8"))).toEqual(form);
  expect(form.source).toMatch(/^https?:\/\//);
});

test("is read as a project form and checked with the findings its reviewer expected, no more", async () => {
  const expected = JSON.parse(readFileSync(join(ROOT, `test/corpus/printed/${form.id}.expected.json`), "utf8")) as PrintedExpectation;
  const result = checkWorkbook((await readExample("project-form.xlsx")).snapshot);
  expect(result.forms.map((f) => f.model.kind)).toEqual(["project"]);
  const score = scorePrinted(form, expected, result.findings);
  expect({ false: score.falsePositives.map((f) => `${f.rule} ${f.message.zh}`), missed: score.missed }).toEqual({ false: [], missed: [] });
  expect(score.truePositives.length).toBe(expected.problems.length);
});
