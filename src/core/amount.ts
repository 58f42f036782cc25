/** Reading an amount cell (万元) that may hold a number, text that looks like a number, or junk. */
import { CellValue, isCellError } from "./snapshot";
import { fold } from "./text";

export type AmountState =
  | "empty"
  | "number" // a real number cell
  | "text-number" // text that parses as a number ("326.60", "40.64万元", "３２６.６")
  | "error" // #REF!, #VALUE! …
  | "invalid"; // text that is not a number at all

export interface ParsedAmount {
  state: AmountState;
  /** The number used for arithmetic, when one could be read. */
  value: number | null;
  /** The text as written, for messages. */
  raw: string;
  /** Digits after the decimal point as written (a number cell: of its shortest representation). */
  decimals: number;
  /** The text carried a unit; "元" without 万 suggests the wrong unit. */
  unit: "万元" | "元" | null;
}

const NUMBER_TEXT = /^([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

function decimalsOf(n: number): number {
  const s = String(n);
  if (/e-/i.test(s)) return Number(s.split(/e-/i)[1]);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

export function parseAmount(v: CellValue): ParsedAmount {
  if (v === null || (typeof v === "string" && v.trim() === "")) {
    return { state: "empty", value: null, raw: "", decimals: 0, unit: null };
  }
  if (isCellError(v)) return { state: "error", value: null, raw: v.error, decimals: 0, unit: null };
  if (typeof v === "number") {
    return { state: "number", value: v, raw: String(v), decimals: decimalsOf(v), unit: null };
  }
  if (typeof v === "boolean") return { state: "invalid", value: null, raw: String(v), decimals: 0, unit: null };
  const raw = v;
  let s = fold(v).replace(/\s+/g, "");
  let unit: ParsedAmount["unit"] = null;
  if (/万元$/.test(s)) {
    unit = "万元";
    s = s.slice(0, -2);
  } else if (/元$/.test(s)) {
    unit = "元";
    s = s.slice(0, -1);
  } else if (/万$/.test(s)) {
    unit = "万元";
    s = s.slice(0, -1);
  }
  const m = NUMBER_TEXT.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    return { state: "invalid", value: null, raw, decimals: 0, unit };
  }
  const value = Number(s.replace(/,/g, ""));
  const decimals = m[3] ? m[3].length : 0;
  return { state: "text-number", value, raw, decimals, unit };
}

/** 万元 with two decimals, the way the form prints amounts. */
export function formatWan(n: number): string {
  return n.toFixed(2);
}
