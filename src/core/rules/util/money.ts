/**
 * Amount arithmetic in 万元, rounded to cents: 0.1 + 0.2 must compare equal to 0.3, and a figure
 * typed with a stray third decimal must not make two printed totals disagree by 0.001.
 */
import { ParsedAmount, formatWan } from "../../amount";

/** Rounds to 2 decimals, half away from zero. toFixed(6) first strips float noise such as
 * 1.005 * 100 = 100.49999999999999, which Math.round alone would round down. */
export function roundCents(n: number): number {
  const scaled = Number((Math.abs(n) * 100).toFixed(6));
  const r = (Math.sign(n) * Math.round(scaled)) / 100;
  return r === 0 ? 0 : r; // no "-0.00" in messages
}

/** The sum of amounts, rounded to cents. */
export function sumCents(values: number[]): number {
  return roundCents(values.reduce((a, b) => a + b, 0));
}

/** The number a rule may compute with: a number cell, or text that parses as one. Null for an
 * empty, error or unreadable cell, which other rules report. */
export function usableValue(a: ParsedAmount): number | null {
  return a.state === "number" || a.state === "text-number" ? a.value : null;
}

/** Whether two sums differ by more than the tolerance once both are rounded to cents. */
export function differs(a: number, b: number, tolerance: number): boolean {
  return Math.abs(roundCents(a - b)) > tolerance + 1e-9;
}

/** Whether the amount has digits beyond the cent (float noise from a formula does not count). */
export function hasSubCents(n: number): boolean {
  return Math.abs(n - roundCents(n)) > 1e-9;
}

/** 2 decimals like the form prints, unless that would hide digits the user typed (724.2318). */
export function showWan(n: number): string {
  return hasSubCents(n) ? String(n) : formatWan(n);
}
