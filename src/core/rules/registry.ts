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
import projectFunds from "./budget/project-funds";
import tasksCoverProject from "./budget/tasks-cover-project";
import tasksWithinBudget from "./budget/tasks-within-budget";
import annualExceedsPeriod from "./indicators/annual-exceeds-period";
import categoryMismatch from "./indicators/category-mismatch";
import costWithinFunds from "./indicators/cost-within-funds";
import duplicateIndicator from "./indicators/duplicate";
import impossibleTarget from "./indicators/impossible-target";
import missingCategory from "./indicators/missing-category";
import missingOperator from "./indicators/missing-operator";
import missingValue from "./indicators/missing-value";
import notQuantified from "./indicators/not-quantified";
import operatorStyle from "./indicators/operator-style";
import satisfactionBelowFloor from "./indicators/satisfaction-below-floor";
import timelinessDeadline from "./indicators/timeliness-deadline";
import unitMismatch from "./indicators/unit-mismatch";
import vagueWording from "./indicators/vague-wording";
import barePercent from "./indicators/bare-percent";
import complaintsAsSatisfaction from "./indicators/complaints-as-satisfaction";
import compoundTarget from "./indicators/compound-target";
import identicalTargets from "./indicators/identical-targets";
import inputAsOutput from "./indicators/input-as-output";
import nameContradictsTarget from "./indicators/name-contradicts-target";
import nameRepeatsCategory from "./indicators/name-repeats-category";
import placeholderLeft from "./indicators/placeholder-left";
import positiveZero from "./indicators/positive-zero";
import formNotFound from "./layout/form-not-found";
import misalignedRow from "./layout/misaligned-row";
import fieldEmpty from "./required/field-empty";
import incompleteRow from "./tasks/incomplete-row";
import noMatchingIndicator from "./tasks/no-matching-indicator";
import { Rule } from "./types";

export const RULES: Rule[] = [
  amountInvalid,
  amountNotNumber,
  developmentWithinProject,
  headcountInvalid,
  incomeMatchesExpenditure,
  levelsMatchExpenditure,
  projectFunds,
  tasksCoverProject,
  tasksWithinBudget,
  annualExceedsPeriod,
  barePercent,
  categoryMismatch,
  complaintsAsSatisfaction,
  compoundTarget,
  costWithinFunds,
  duplicateIndicator,
  identicalTargets,
  impossibleTarget,
  inputAsOutput,
  missingCategory,
  missingOperator,
  missingValue,
  nameContradictsTarget,
  nameRepeatsCategory,
  notQuantified,
  operatorStyle,
  placeholderLeft,
  positiveZero,
  satisfactionBelowFloor,
  timelinessDeadline,
  unitMismatch,
  vagueWording,
  formNotFound,
  misalignedRow,
  fieldEmpty,
  incompleteRow,
  noMatchingIndicator,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
