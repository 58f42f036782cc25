/**
 * Reading rule options that came from a user's JSON config: a wrong type falls back to the default
 * instead of crashing the check (bad input never crashes).
 */
import { OptionValue } from "../types";

export function numberOption(v: OptionValue | undefined, fallback: number): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

export function choiceOption<T extends string>(v: OptionValue | undefined, choices: readonly T[], fallback: T): T {
  return typeof v === "string" && (choices as readonly string[]).includes(v) ? (v as T) : fallback;
}
