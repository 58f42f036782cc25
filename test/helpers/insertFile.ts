/** `budget-form add` without the file system: read the bytes, plan, apply and verify with the file host, write. */
import { checkWorkbook } from "../../src/core/engine";
import { level1Label, level2Label } from "../../src/core/form/labels";
import { IndicatorTemplate } from "../../src/core/templates/types";
import { defaultValues, isInsertError, planInsertion } from "../../src/core/templates/insert";
import { readXlsx } from "../../src/hosts/file";
import { applyVerified } from "../../src/hosts/file/apply";
import { writeXlsx } from "../../src/hosts/file/write";
import { Inserted } from "./postConditions";
import { EditPlan } from "../../src/core/plan/editPlan";
import { WorkbookSnapshot } from "../../src/core/snapshot";

export interface InsertedFile {
  bytes: Uint8Array;
  inserted: Inserted;
  /** The plan and the snapshot it was made from, to replay it on the core's reference engine. */
  plan: EditPlan;
  before: WorkbookSnapshot;
}

export async function insertIntoFile(bytes: Uint8Array, template: IndicatorTemplate): Promise<InsertedFile | { error: string }> {
  const read = await readXlsx(bytes, "gen.xlsx");
  const check = checkWorkbook(read.snapshot);
  const form = check.recognitions.flatMap((r) => r.forms)[0];
  if (!form) return { error: "no form" };
  const plan = planInsertion(form.model, form.grid, template);
  if (isInsertError(plan)) return { error: plan.error.zh };
  // As `add` does: applied, then proved on the re-read workbook (a false refusal fails the property too).
  const applied = await applyVerified(read.workbook, plan, { snapshot: read.snapshot, check });
  if (!applied.ok) return { error: applied.reason.zh };
  const { period, annual } = defaultValues(form.model, template);
  const p = plan.target.placement;
  const twoValues = form.model.indicators!.columns.period !== null;
  return {
    bytes: await writeXlsx(read.workbook), // the one write path `add` takes
    plan,
    before: read.snapshot,
    inserted: {
      row: plan.target.row,
      mode: plan.target.mode,
      level1: level1Label(p.level1),
      level2: level2Label(p.level2),
      name: template.name,
      values: twoValues ? [period, annual] : [annual],
    },
  };
}
