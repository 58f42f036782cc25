/**
 * Template insertion into every printed form of the corpus (issue #19): for each form the checker
 * reads as a target form, one template is inserted into each of its groups the way `budget-form add`
 * does it (planInsertion, then applyVerified on the file host), each on a fresh copy of the workbook.
 * An insertion either lands in its group with verification passing, or is refused with a sentence.
 */
import { checkWorkbook } from "../../src/core/engine";
import { Level1, Level2 } from "../../src/core/form/model";
import { nameKey } from "../../src/core/indicators/name";
import { CATALOGUE } from "../../src/core/templates/catalogue";
import { isInsertError, planInsertion } from "../../src/core/templates/insert";
import { IndicatorTemplate, placementFor } from "../../src/core/templates/types";
import { readXlsx } from "../../src/hosts/file/read";
import { applyVerified } from "../../src/hosts/file/apply";
import { loadPrinted, printedWorkbook } from "./printedCorpus";

export interface GroupInsertion {
  id: string;
  sheet: string;
  /** Which form of the workbook (0-based), for workbooks holding several. */
  form: number;
  level1: Level1;
  /** null: the table does not tell the 二级 (a two-level table). */
  level2: Level2 | null;
  template: string;
  /** Landed in its group, verified; or refused, with the sentence the user gets. */
  outcome: "inserted" | "refused";
  row?: number;
  reason?: string;
  /** What was found after a successful insertion (so a test can assert it independently of verifyPlan). */
  after?: { level1: Level1 | null; level2: Level2 | null; name: string; errorsBefore: number; errorsAfter: number };
}

function absentGroups(
  rows: { level1: Level1 | null; level2: Level2 | null }[],
  costIsLevel1: boolean,
  printed: Map<string, unknown>,
): { level1: Level1; level2: Level2 }[] {
  const out = new Map<string, { level1: Level1; level2: Level2 }>();
  for (const t of CATALOGUE) {
    const p = placementFor(t, costIsLevel1);
    // A 一级 printed without any 二级 takes rows as they are (the printed groups cover it).
    if (rows.some((r) => r.level1 === p.level1 && r.level2 === null)) continue;
    const key = `${p.level1}/${p.level2}`;
    if (!printed.has(key)) out.set(key, { level1: p.level1, level2: p.level2 });
  }
  return [...out.values()];
}

/** A template of the group whose name is not on the form yet (a duplicate would be refused for that reason alone). */
function templateFor(level1: Level1, level2: Level2 | null, costIsLevel1: boolean, names: Set<string>): IndicatorTemplate | null {
  const fits = CATALOGUE.filter((t) => {
    const p = placementFor(t, costIsLevel1);
    return p.level1 === level1 && (level2 === null || p.level2 === level2);
  });
  return fits.find((t) => !names.has(nameKey(t.name))) ?? fits[0] ?? null;
}

/**
 * `absent`: instead of the groups the form prints, the 二级 groups of the catalogue it does not print
 * (under a 一级 it prints with 二级, or a 一级 it lacks): the new-group and new-一级 insertions.
 */
export async function insertEveryGroup(id: string, absent = false): Promise<GroupInsertion[]> {
  const { form } = loadPrinted(id);
  const bytes = await printedWorkbook(form);
  const first = await readXlsx(bytes, `${id}.xlsx`);
  const forms = checkWorkbook(first.snapshot).recognitions.flatMap((r) => r.forms);
  const out: GroupInsertion[] = [];
  for (let f = 0; f < forms.length; f++) {
    const t = forms[f].model.indicators;
    if (!t) continue;
    const names = new Set(t.rows.map((r) => nameKey(r.name.text)));
    // A group is what the table prints under one category; a 一级 whose 二级 is not told (a
    // two-level table) is one group too, and gets the first template of that 一级.
    const groups = new Map<string, { level1: Level1; level2: Level2 | null }>();
    for (const r of t.rows) {
      const onlyLevel1 = t.rows.every((x) => x.level1 !== r.level1 || x.level2 === null);
      if (r.level1 && (r.level2 || onlyLevel1)) groups.set(`${r.level1}/${r.level2}`, { level1: r.level1, level2: r.level2 });
    }
    const tried = absent ? absentGroups(t.rows, t.costIsLevel1, groups) : [...groups.values()];
    for (const g of tried) {
      const template = templateFor(g.level1, g.level2, t.costIsLevel1, names);
      const base = { id, sheet: forms[f].model.sheet, form: f, ...g, template: template?.id ?? "" };
      if (!template) {
        out.push({ ...base, outcome: "refused", reason: "模板库里没有这一分组的模板" });
        continue;
      }
      // A fresh copy for each insertion: each is judged on the form as printed.
      const read = await readXlsx(bytes, `${id}.xlsx`);
      const check = checkWorkbook(read.snapshot);
      const model = check.recognitions.flatMap((r) => r.forms)[f];
      const plan = planInsertion(model.model, model.grid, template);
      if (isInsertError(plan)) {
        out.push({ ...base, outcome: "refused", reason: plan.error.zh });
        continue;
      }
      const applied = await applyVerified(read.workbook, plan, { snapshot: read.snapshot, check });
      if (!applied.ok) {
        out.push({ ...base, outcome: "refused", reason: applied.reason.zh });
        continue;
      }
      const now = applied.after.check.recognitions.flatMap((r) => r.forms)[f]?.model.indicators;
      const row = now?.rows.find((r) => r.row === plan.target.row);
      const errors = (c: typeof check) => c.findings.filter((x) => x.severity === "error").length;
      out.push({
        ...base,
        outcome: "inserted",
        row: plan.target.row,
        after: {
          level1: row?.level1 ?? null,
          level2: row?.level2 ?? null,
          name: row?.name.text ?? "",
          errorsBefore: errors(check),
          errorsAfter: errors(applied.after.check),
        },
      });
    }
  }
  return out;
}
