/**
 * The rule catalogue, sorted by id. Ids are public and stable: a removed rule stays here as a
 * comment so its id is never reused (markdownlint's practice).
 */
import formNotFound from "./layout/form-not-found";
import misalignedRow from "./layout/misaligned-row";
import { Rule } from "./types";

export const RULES: Rule[] = [
  formNotFound,
  misalignedRow,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
