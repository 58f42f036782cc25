/** The rule contract, ESLint-style: metadata with bilingual messages, and a check that reports. */
import { CellRef } from "../a1";
import { Grid } from "../form/grid";
import { FormKind, FormModel } from "../form/model";
import { SheetRecognition } from "../form/recognize";
import { EditPlan } from "../plan/editPlan";
import type { IndicatorTemplate } from "../templates/types";

export type Severity = "error" | "warning" | "info";
export type Category = "layout" | "budget" | "required" | "tasks" | "indicators";

export interface Message {
  zh: string;
  en: string;
}

export type OptionValue = number | boolean | string;
export type RuleOptions = Record<string, OptionValue>;

/**
 * What a user's config may set an option to, beyond the type of its default (which is implied):
 * the allowed words of a choice, a number's range. Checked by validateConfig, ESLint-schema style.
 */
export interface OptionSpec {
  choices?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
}

export interface RuleMeta<M extends string, O extends RuleOptions> {
  /** Stable id, never reused once published ("budget/income-matches-expenditure"). */
  id: string;
  category: Category;
  severity: Severity;
  docs: Message;
  /** Messages with {{placeholders}}, by message id. */
  messages: Record<M, Message>;
  /** Option defaults; a JSON config can override them. */
  defaultOptions: O;
  /** One line per option, for the README and the settings pane. */
  optionDocs?: Partial<Record<keyof O, Message>>;
  /** Limits on the options' values; each option's type is that of its default. */
  optionSchema?: Partial<Record<keyof O, OptionSpec>>;
  /** Whether findings may carry a fix. */
  fixable?: boolean;
  /** Whether findings may carry suggestions (choices the user picks; never applied by 修复全部 / `fix`). */
  hasSuggestions?: boolean;
  /** The kinds of form the rule checks (default: every kind): the budget block and key tasks are
   * printed only on the department form, the funds block only on a project's. */
  kinds?: FormKind[];
}

/**
 * One choice offered for a finding, ESLint-style: a description of what it does and the plan that
 * does it. Applied only when the user picks it, through the same edit engine and verification as a fix.
 */
export interface Suggestion {
  desc: Message;
  plan: EditPlan;
  /**
   * A drafted indicator row (指标推荐): the plan inserts this template with its own values. Lets the
   * pane open it for editing before insertion and the CLI insert it by id (core/templates/drafts.ts).
   */
  draft?: IndicatorTemplate;
}

/** A fix or suggestions may be given as a thunk: computed only when the caller asks for them
 * (checkWorkbook's `fixes` option), so the first check does no work for a button nobody pressed. */
export type Lazy<T> = T | (() => T);

/** Where a finding points: a cell on the form's sheet (0-based). */
export interface CellLoc {
  row: number;
  col: number;
}

export interface Report<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  /** The first cell is where the user is taken. */
  cells: CellLoc[];
  /** Overrides the rule's default severity for this one finding (unless the config overrides the rule). */
  severity?: Severity;
  fix?: Lazy<EditPlan | undefined>;
  suggestions?: Lazy<Suggestion[]>;
  /** Ids of indicator templates that would resolve the finding. */
  templates?: string[];
}

export interface RuleContext<M extends string, O extends RuleOptions> {
  form: FormModel;
  grid: Grid;
  options: O;
  report(r: Report<M>): void;
}

export interface WorkbookContext<M extends string, O extends RuleOptions> {
  source: string;
  recognitions: SheetRecognition[];
  options: O;
  /** Cells here are on the named sheet. */
  report(r: Report<M> & { sheet: string }): void;
}

export interface Rule<M extends string = string, O extends RuleOptions = RuleOptions> {
  meta: RuleMeta<M, O>;
  /** Runs once per recognised form. */
  check?(ctx: RuleContext<M, O>): void;
  /** Runs once per workbook (for rules about the workbook as a whole). */
  checkWorkbook?(ctx: WorkbookContext<M, O>): void;
}

export function defineRule<M extends string, O extends RuleOptions = Record<string, never>>(rule: Rule<M, O>): Rule<M, O> {
  return rule;
}

export interface Finding {
  rule: string;
  severity: Severity;
  category: Category;
  messageId: string;
  data: Record<string, string | number>;
  message: Message;
  /** The cells it points at (0-based); the first is where the user is taken. Formatted as A1 only for people and Excel. */
  cells: CellRef[];
  fix?: EditPlan;
  /** Choices for the user; present only when the check was asked for fixes. */
  suggestions?: Suggestion[];
  templates?: string[];
}
