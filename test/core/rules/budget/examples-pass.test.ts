/** The corrected example passes every budget, required and tasks rule; the seed's figures reconcile too. */
import { formatRef } from "../../../../src/core/a1";
import { checkWorkbook } from "../../../../src/core/engine";
import { RULES } from "../../../../src/core/rules/registry";
import { cleanSheet, seedSheet, workbook } from "../../../helpers/forms";

const MINE = RULES.filter((r) => /^(budget|required|tasks)\//.test(r.meta.id));
const list = (sheet: ReturnType<typeof cleanSheet>) =>
  checkWorkbook(workbook(sheet), {}, MINE).findings.map((f) => `${f.rule} ${f.cells.map(formatRef).join(",")} ${f.message.zh}`);

test("the rules are registered", () => {
  expect(MINE.map((r) => r.meta.id)).toEqual(
    expect.arrayContaining([
      "budget/amount-invalid",
      "budget/amount-not-number",
      "budget/development-within-project",
      "budget/headcount-invalid",
      "budget/income-matches-expenditure",
      "budget/levels-match-expenditure",
      "budget/tasks-cover-project",
      "budget/tasks-within-budget",
      "required/field-empty",
      "tasks/incomplete-row",
    ]),
  );
});

test("the registry stays sorted by id, without duplicates", () => {
  const ids = RULES.map((r) => r.meta.id);
  expect(ids).toEqual([...ids].sort());
  expect(new Set(ids).size).toBe(ids.length);
});

test.each([
  ["the corrected example", () => cleanSheet()],
  ["the corrected example at an offset", () => cleanSheet({ rowOffset: 3, colOffset: 2 })],
  ["the seed", () => seedSheet()],
])("%s yields no budget, required or tasks finding", (_, sheet) => {
  expect(list(sheet())).toEqual([]);
});

test("with amounts stored as text only the text itself is reported, never a false difference", () => {
  const rules = new Set(checkWorkbook(workbook(cleanSheet({ numbersAsText: true })), {}, MINE).findings.map((f) => f.rule));
  expect([...rules].sort()).toEqual(["budget/amount-not-number", "budget/headcount-invalid"]);
});
