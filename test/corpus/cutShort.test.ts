/**
 * Bad input as it comes from real sources: a form cut short after any row, a half-filled template (the
 * labels kept, every value emptied), a sheet that only looks like a form (the indicator header and
 * nothing else). Each gets a clear outcome: read as its kind, or 未检查 with one plain Chinese sentence;
 * never a crash, and never 需修改 for a workbook in which no form was read.
 */
import { checkWorkbook } from "../../src/core/engine";
import { entriesFor, isNotChecked, verdictOf } from "../../src/cli/report";
import { readXlsx } from "../../src/hosts/file/read";
import { PrintedCell, PrintedForm, loadPrinted, printedWorkbook } from "../../scripts/lib/printedCorpus";

const { form } = loadPrinted("c2-hunan-xiangtan-huanwei-2023-project-wupaoche");
const sheet = form.sheets[0];

function withRows(rows: PrintedCell[][], merges: string[]): PrintedForm {
  return { ...form, sheets: [{ name: sheet.name, rows, merges }] };
}

/** Merged areas that still fit in the first `n` rows. */
const mergesWithin = (n: number) => (sheet.merges ?? []).filter((m) => Number(/\d+$/.exec(m)![0]) <= n);

async function outcome(f: PrintedForm) {
  const { snapshot } = await readXlsx(await printedWorkbook(f), "cut.xlsx", { readOnly: true });
  const result = checkWorkbook(snapshot);
  const entries = entriesFor("cut.xlsx", result, sheet.name);
  return { result, entries, verdicts: entries.map(verdictOf) };
}

test.each(Array.from({ length: sheet.rows.length }, (_, i) => i + 1))(
  "cut after row %i: read as a project form, or 未检查 with a sentence",
  async (n) => {
    const { result, entries, verdicts } = await outcome(withRows(sheet.rows.slice(0, n), mergesWithin(n)));
    if (result.forms.length === 0) {
      expect(verdicts).toEqual(["unchecked"]);
      const e = entries[0];
      expect(isNotChecked(e) && /[\u4e00-\u9fff]/.test(e.notChecked.zh) && e.notChecked.en.length > 0).toBe(true);
    } else expect(result.forms.map((f) => f.model.kind)).toEqual(["project"]);
  },
);

test("a half-filled template (labels kept, values emptied) is read as the project form it is", async () => {
  const labels = /指标|名称|部门|金额|资金|目标|实施期|审核|填表|单位/;
  const rows = sheet.rows.map((r, i) => (i === 0 ? r : r.map((c) => (typeof c === "string" && labels.test(c) ? c : ""))));
  const { result, verdicts } = await outcome(withRows(rows, sheet.merges ?? []));
  expect(result.forms.map((f) => f.model.kind)).toEqual(["project"]);
  // Empty targets are real problems a reviewer sends back: the verdict comes from errors found, not from the layout.
  expect(verdicts).toHaveLength(1);
});

test("a sheet that only looks like a form (the indicator header alone) is not checked, with a sentence", async () => {
  const header = sheet.rows.find((r) => r.includes("一级指标"))!;
  const { result, verdicts, entries } = await outcome(withRows([header], []));
  // Shown with what was read and found, so a failure says why the sheet was taken for a form.
  expect({ verdicts, read: result.forms.map((f) => [f.model.kind, f.findings.map((x) => x.rule)]) }).toEqual({
    verdicts: ["unchecked"],
    read: [],
  });
  expect(isNotChecked(entries[0]) && entries[0].notChecked.zh.length).toBeGreaterThan(5);
});
