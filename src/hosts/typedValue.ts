/**
 * A value as a spreadsheet application should get it when a step writes it, shared by the hosts that
 * type values into a live application (Excel's Range.values, ET's Value2 parse text as input).
 */
import { CellValue, isCellError } from "../core/snapshot";

/**
 * Text Excel would not keep as typed: `Range.values`/`formulas` parse a string like keyboard input, so
 * "=…", "+…", "-…", "@…" become formulas, "95%" 0.95, "100" a number, "2025-12-31" or "12/31" a date,
 * "TRUE" a boolean, "#N/A" an error (Range.values; support "Stop automatically changing numbers to
 * dates"). Anything starting with a digit, a sign, a currency sign or a decimal point, every boolean
 * and error literal, an English month followed by a number ("Dec 31", a date in an English-locale Excel),
 * and an apostrophe that would itself be eaten, counts.
 */
const PARSED_AS_INPUT =
  /^\s*([=+\-@'#$¥￥€£.(]|[0-9０-９]|(true|false)\s*$|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d)/i;

/** A string as Excel (and ET) should store it: text stays text (the leading apostrophe is not part of the value). */
export function asText(s: string): string {
  return PARSED_AS_INPUT.test(s) ? `'${s}` : s;
}

/** A step's value for Range.values / Value2: text kept as text, an error constant typed as itself. */
export function typedValue(v: CellValue | string): string | number | boolean {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return typeof v === "string" ? asText(v) : v;
}
