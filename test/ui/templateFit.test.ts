/** The 指标模板 list's order: own templates first, then the catalogue by fit to the form's tasks and department. */
import { checkWorkbook } from "../../src/core/engine";
import { CATALOGUE } from "../../src/core/templates/catalogue";
import { mergeLibraries } from "../../src/core/templates/library";
import { IndicatorTemplate } from "../../src/core/templates/types";
import { fitScore, formWords, orderForForm } from "../../src/taskpane/templates/fit";
import { readExample } from "../helpers/xlsx";

async function seedForm() {
  return checkWorkbook((await readExample("seed-form.xlsx")).snapshot).forms[0].model;
}

const own: IndicatorTemplate = { ...CATALOGUE[CATALOGUE.length - 1], id: "custom.mine", name: "我的指标(个)", tags: [] };

test("the form's words are its department and its tasks", async () => {
  const words = formWords(await seedForm());
  expect(words).toContain("科学技术协会");
  expect(words).toContain("科普");
  expect(formWords(null)).toBe("");
});

test("own templates come first, then the catalogue by fit; ties keep the catalogue's order", async () => {
  const form = await seedForm();
  const words = formWords(form);
  const list = mergeLibraries([own]);
  expect(list.at(-1)!.id).toBe("custom.mine"); // the library puts it last …
  const ordered = orderForForm(list, form);
  expect(ordered[0].id).toBe("custom.mine"); // … the pane shows it first
  const scores = ordered.slice(1).map((t) => fitScore(t, words));
  // Best fit first, never a better one after a worse one.
  for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
  expect(scores[0]).toBeGreaterThan(0);
  expect(scores.at(-1)).toBe(0);
  // The same score keeps the catalogue's order.
  const zero = ordered.slice(1).filter((t) => fitScore(t, words) === 0);
  expect(zero.map((t) => t.id)).toEqual(CATALOGUE.filter((t) => fitScore(t, words) === 0).map((t) => t.id));
  // Nothing lost, nothing added.
  expect([...ordered].map((t) => t.id).sort()).toEqual(list.map((t) => t.id).sort());
});

test("a form about training puts the training templates on top", () => {
  const training = CATALOGUE.filter((t) => t.tags.includes("会议培训"));
  expect(training.length).toBeGreaterThan(0);
  const words = "区财政局\n业务培训\n举办财务人员培训班3期";
  expect(training.every((t) => fitScore(t, words) > 0)).toBe(true);
  const best = Math.max(...CATALOGUE.map((t) => fitScore(t, words)));
  expect(training.some((t) => fitScore(t, words) === best)).toBe(true);
});

test("without a form the catalogue keeps its order (own templates still first)", () => {
  const ordered = orderForForm(mergeLibraries([own]), null);
  expect(ordered.map((t) => t.id)).toEqual(["custom.mine", ...CATALOGUE.map((t) => t.id)]);
});
