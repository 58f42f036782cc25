/**
 * Reading a head count (财政供养人员数, 下属二级单位数): a whole number, perhaps typed as text with a
 * counting unit ("5人", "１个").
 */
import { CellValue, isCellError } from "../../snapshot";
import { fold } from "../../text";

export type CountState = "empty" | "number" | "text-number" | "error" | "invalid";

export interface ParsedCount {
  state: CountState;
  /** The number read, integer or not (null when none). */
  value: number | null;
  raw: string;
}

const COUNT_TEXT = /^([+-]?\d+(?:\.\d+)?)(?:人|个|名|家|位|户|所)?$/;

export function parseCount(v: CellValue): ParsedCount {
  if (v === null || (typeof v === "string" && v.trim() === "")) return { state: "empty", value: null, raw: "" };
  if (isCellError(v)) return { state: "error", value: null, raw: v.error };
  if (typeof v === "number") return { state: "number", value: v, raw: String(v) };
  if (typeof v === "boolean") return { state: "invalid", value: null, raw: String(v) };
  const m = COUNT_TEXT.exec(fold(v).replace(/\s+/g, ""));
  return m ? { state: "text-number", value: Number(m[1]), raw: v } : { state: "invalid", value: null, raw: v };
}
