/**
 * Recognition of every layout variant from real .xlsx files (read with the file host), compared
 * with what the TSV sources say the form holds.
 */
import { recognizeWorkbook } from "../../src/core/form/recognize";
import { AmountKey, FormModel } from "../../src/core/form/model";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { cleanRows, cleanSheet, seedSheet, workbook } from "../helpers/forms";
import { readExample, readFixture } from "../helpers/xlsx";

const AMOUNT_LABELS: Record<AmountKey, string> = {
  basic: "基本支出",
  project: "项目支出",
  total: "部门预算支出合计",
  incomeTotal: "收入合计",
  fiscal: "财政拨款",
  otherFunds: "其他资金",
  special: "财政专项资金",
  otherDevelopment: "其他事业发展性支出",
  local: "区本级使用资金",
  transfer: "拟用于对下转移支付资金",
};

/** Amounts as the corrected TSV prints them: the cell right after the label's (merged) cell. */
function tsvAmounts(): Partial<Record<AmountKey, number>> {
  const out: Partial<Record<AmountKey, number>> = {};
  for (const row of cleanRows()) {
    for (const [key, label] of Object.entries(AMOUNT_LABELS) as [AmountKey, string][]) {
      const i = row.indexOf(label);
      if (i < 0) continue;
      const v = row.slice(i + 1).find((c) => c.trim() !== "");
      if (v !== undefined) out[key] = Number(v);
    }
  }
  return out;
}

const TSV = {
  department: cleanRows().find((r) => r[0] === "部门名称")![1],
  tasks: (() => {
    const rows = cleanRows();
    const start = rows.findIndex((r) => r[0] === "年度重点工作任务");
    let n = 0;
    for (let i = start + 1; i < rows.length && rows[i][0] === "" && rows[i][1] !== ""; i++) n++;
    return n;
  })(),
  indicatorRows: (() => {
    const rows = cleanRows();
    return rows.length - 1 - rows.findIndex((r) => r.includes("一级指标"));
  })(),
};

function onlyForm(snap: WorkbookSnapshot): FormModel {
  const forms = recognizeWorkbook(snap).flatMap((r) => r.forms);
  expect(forms).toHaveLength(1);
  return forms[0].model;
}

function amountsOf(m: FormModel): Partial<Record<AmountKey, number | null>> {
  return Object.fromEntries(Object.entries(m.amounts).map(([k, f]) => [k, f!.amount.value]));
}

test("the TSV facts the assertions below rely on", () => {
  expect(TSV.department).toBe("广州市白云区科学技术协会(部门)");
  expect(TSV.tasks).toBe(4);
  expect(TSV.indicatorRows).toBe(18);
  expect(tsvAmounts().basic).toBe(326.6);
});

/**
 * The model without what a file adds over its TSV layout: the text a number format shows ("0.00"
 * shows 326.6 as 326.60). Everything else must be equal.
 */
function withoutShown<T>(m: T): T {
  return JSON.parse(JSON.stringify(m), (_k, v: unknown) => {
    if (v && typeof v === "object" && "shown" in v) {
      const { shown: _shown, ...rest } = v as { shown: string; value: unknown; text: string };
      return { ...rest, text: typeof rest.value === "number" ? String(rest.value) : rest.text };
    }
    return v;
  }) as T;
}

describe("the examples read from .xlsx recognise exactly as their TSV layouts", () => {
  test("corrected form", async () => {
    const fromFile = onlyForm((await readExample("corrected-form.xlsx")).snapshot);
    expect(withoutShown(fromFile)).toEqual(onlyForm(workbook(cleanSheet())));
    expect(fromFile.amounts.basic?.value?.shown).toBe("326.60");
    expect(fromFile.department?.value?.text).toBe(TSV.department);
    expect(amountsOf(fromFile)).toEqual(tsvAmounts());
    expect(fromFile.tasks).toHaveLength(TSV.tasks);
    expect(fromFile.indicators?.rows).toHaveLength(TSV.indicatorRows);
    expect(fromFile.indicators?.layout).toBe("two-values");
    expect(fromFile.indicators?.costIsLevel1).toBe(false);
  });

  test("seed form: its slid rows are found", async () => {
    const fromFile = onlyForm((await readExample("seed-form.xlsx")).snapshot);
    expect(withoutShown(fromFile)).toEqual(onlyForm(workbook(seedSheet())));
    const slid = fromFile.indicators!.rows.filter((r) => r.shift !== 0).map((r) => [r.row + 1, r.shift]);
    expect(slid).toEqual([
      [43, -1],
      [44, -1],
      [49, -1],
      [50, -1],
    ]);
  });
});

describe("layout variants from real files", () => {
  test("offset: the form starts at C4", async () => {
    const m = onlyForm((await readFixture("offset.xlsx")).snapshot);
    expect(withoutShown(m)).toEqual(onlyForm(workbook(cleanSheet({ rowOffset: 1, colOffset: 2 }))));
    expect([m.top, m.left]).toEqual([3, 2]);
    expect(m.department?.value?.text).toBe(TSV.department);
    expect(amountsOf(m)).toEqual(tsvAmounts());
  });

  test("second sheet: the first, unrelated sheet is not a form", async () => {
    const recs = recognizeWorkbook((await readFixture("second-sheet.xlsx")).snapshot);
    expect(recs.map((r) => [r.sheet, r.forms.length])).toEqual([
      ["填报说明", 0],
      ["申报表", 1],
    ]);
    expect(recs[1].forms[0].model.tasks).toHaveLength(TSV.tasks);
  });

  test("two forms on two sheets", async () => {
    const recs = recognizeWorkbook((await readFixture("two-forms.xlsx")).snapshot);
    expect(recs.map((r) => r.forms.map((f) => [f.model.sheet, f.model.department?.value?.text]))).toEqual([
      [["科协", TSV.department]],
      [["文化馆", "广州市白云区文化馆"]],
    ]);
  });

  test("full-width labels: （万元）, trailing ：, spaces inside 部 门 名 称", async () => {
    const m = onlyForm((await readFixture("full-width-labels.xlsx")).snapshot);
    expect(m.department?.label.text).toBe("部 门 名 称:");
    expect(m.department?.value?.text).toBe(TSV.department);
    expect(amountsOf(m)).toEqual(tsvAmounts());
    expect(m.headcount?.value?.value).toBe(5);
    expect(m.tasks).toHaveLength(TSV.tasks);
    expect(m.tasks.map((t) => t.parsedAmount.value)).toEqual([16.2, 4, 9.8, 2.5]);
    expect(m.indicators?.rows).toHaveLength(TSV.indicatorRows);
  });

  test("two-page indicator table: the repeated header is skipped", async () => {
    const m = onlyForm((await readFixture("two-page-indicators.xlsx")).snapshot);
    expect(m.indicators?.repeatedHeaderRows).toHaveLength(1);
    expect(m.indicators?.rows).toHaveLength(TSV.indicatorRows);
    const quality = m.indicators!.rows.filter((r) => r.level2 === "质量");
    expect(quality.map((r) => r.level1)).toEqual(["产出", "产出", "产出"]);
  });

  test("single 指标值 column", async () => {
    const m = onlyForm((await readFixture("single-value.xlsx")).snapshot);
    expect(m.indicators?.layout).toBe("single-value");
    expect(m.indicators?.columns.period).toBeNull();
    expect(m.indicators?.rows).toHaveLength(TSV.indicatorRows);
    expect(m.indicators?.rows[0].annual.text).toBe("≥2次");
  });

  test("成本 as 一级 with 经济成本指标 / 社会成本指标", async () => {
    const m = onlyForm((await readFixture("cost-level1.xlsx")).snapshot);
    expect(m.indicators?.costIsLevel1).toBe(true);
    const cost = m.indicators!.rows.filter((r) => r.level1 === "成本");
    expect(cost.map((r) => r.level2)).toEqual(["经济成本", "社会成本"]);
    expect(m.indicators?.rows).toHaveLength(TSV.indicatorRows - 1 + 2);
  });

  test("hidden rows are flagged on their indicator", async () => {
    const m = onlyForm((await readFixture("hidden-rows.xlsx")).snapshot);
    expect(m.indicators!.rows.filter((r) => r.hidden).map((r) => r.name.text)).toEqual(["召开换届会议次数(次)"]);
  });

  test("amounts typed as text are read as text that holds a number", async () => {
    const m = onlyForm((await readFixture("text-amounts.xlsx")).snapshot);
    expect(m.amounts.basic?.amount).toMatchObject({ state: "text-number", value: 326.6, raw: "326.60" });
    expect(Object.values(m.amounts).every((a) => a!.amount.state === "text-number")).toBe(true);
  });

  test("an error value in an amount (#REF! from a formula)", async () => {
    const m = onlyForm((await readFixture("error-amount.xlsx")).snapshot);
    expect(m.amounts.basic?.amount).toMatchObject({ state: "error", raw: "#REF!" });
    expect(m.amounts.project?.amount.value).toBe(40.64);
  });

  test("rich text, hyperlinks and dates read as the text a user sees", async () => {
    const m = onlyForm((await readFixture("rich-text-and-links.xlsx")).snapshot);
    expect(m.department?.value?.text).toBe(TSV.department);
    expect(m.overallGoal?.value?.text).toBe(cleanRows().find((r) => r[0] === "总体绩效目标")![1]);
    expect(m.indicators!.rows.find((r) => r.name.text === "重点工作任务按时完成率(%)")?.period?.text).toBe("2025-12-31");
  });
});

describe("files without a form", () => {
  test("an unrelated sheet", async () => {
    const recs = recognizeWorkbook((await readFixture("not-the-form.xlsx")).snapshot);
    expect(recs.map((r) => [r.sheet, r.forms.length, r.found.length < 3])).toEqual([["工资表", 0, true]]);
  });

  test("a 50,000-row sheet is scanned without blowing up", async () => {
    const { snapshot } = await readFixture("rows-50000.xlsx");
    const t0 = performance.now();
    const recs = recognizeWorkbook(snapshot);
    console.log(`recognise rows-50000.xlsx: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(recs[0].forms).toEqual([]);
  });
});
