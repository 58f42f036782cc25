/**
 * The rule catalogue, sorted by id. Ids are public and stable: a removed rule stays here as a
 * comment so its id is never reused (markdownlint's practice).
 */
import amountInvalid from "./budget/amount-invalid";
import amountNotNumber from "./budget/amount-not-number";
import developmentWithinProject from "./budget/development-within-project";
import headcountInvalid from "./budget/headcount-invalid";
import incomeMatchesExpenditure from "./budget/income-matches-expenditure";
import levelsMatchExpenditure from "./budget/levels-match-expenditure";
import tasksCoverProject from "./budget/tasks-cover-project";
import tasksWithinBudget from "./budget/tasks-within-budget";
import formNotFound from "./layout/form-not-found";
import misalignedRow from "./layout/misaligned-row";
import fieldEmpty from "./required/field-empty";
import incompleteRow from "./tasks/incomplete-row";
import { Rule } from "./types";

export const RULES: Rule[] = [
  amountInvalid,
  amountNotNumber,
  developmentWithinProject,
  headcountInvalid,
  incomeMatchesExpenditure,
  levelsMatchExpenditure,
  tasksCoverProject,
  tasksWithinBudget,
  formNotFound,
  misalignedRow,
  fieldEmpty,
  incompleteRow,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
