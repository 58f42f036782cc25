/**
 * Just enough of a formula engine for the package patcher (patch.ts) to keep cached results true
 * after it changes a value: which cells a formula reads, and the result of the simple formulas a
 * form's totals use (SUM, AVERAGE, MIN, MAX, COUNT, ROUND over cells and + - * /). Anything else
 * is reported as not computable, and the patcher then asks Excel to recalculate on open
 * (calcPr fullCalcOnLoad, ECMA-376 Part 1 §18.2.2) rather than leave a stale result unmarked.
 */
import { columnIndex } from "../../core/a1";

export interface Area {
  /** null: the sheet the formula is on. */
  sheet: string | null;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

type Token =
  | { k: "num"; v: number }
  | { k: "ref"; area: Area; absR1: boolean; absC1: boolean; absR2: boolean; absC2: boolean }
  | { k: "fn"; name: string }
  | { k: "op"; v: string }
  | { k: "bool"; v: boolean }
  /** Text, a name, a structured or external reference, an array constant: read as "unknown". */
  | { k: "other"; v: string };

export interface ParsedFormula {
  tokens: Token[];
  /** Every cell it can read is in `tokens`' refs (no names, INDIRECT, OFFSET, external or whole-column refs). */
  refsKnown: boolean;
}

const VOLATILE_OR_INDIRECT = new Set(["INDIRECT", "OFFSET", "INDEX", "CELL", "INFO", "NOW", "TODAY", "RAND", "RANDBETWEEN"]);

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;

/** Tokens of a formula (without its leading "="); never throws — what it does not know is "other". */
export function parseFormula(text: string): ParsedFormula {
  const tokens: Token[] = [];
  let refsKnown = true;
  let i = 0;
  const s = text;
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const m = /^"(?:[^"]|"")*"/.exec(s.slice(i));
      const len = m ? m[0].length : s.length - i;
      tokens.push({ k: "other", v: s.slice(i, i + len) });
      i += len;
      continue;
    }
    if (ch === "[" || ch === "{" || ch === "#") {
      // Structured or external references, array constants, error literals.
      refsKnown = refsKnown && ch !== "[";
      const close = ch === "[" ? "]" : ch === "{" ? "}" : "";
      let j = i + 1;
      if (close) {
        let depth = 1;
        while (j < s.length && depth > 0) {
          if (s[j] === ch) depth++;
          else if (s[j] === close) depth--;
          j++;
        }
      } else while (j < s.length && /[A-Za-z0-9/!?]/.test(s[j])) j++;
      tokens.push({ k: "other", v: s.slice(i, j) });
      i = j;
      continue;
    }
    // An optional sheet prefix, then a cell or an area.
    const sheetM = /^('(?:[^']|'')+'|[\p{L}\p{N}_.]+)!/u.exec(s.slice(i));
    const at = sheetM ? i + sheetM[0].length : i;
    const c1 = CELL_RE.exec(s.slice(at));
    if ((c1 && !/^[\p{L}\p{N}_(.]/u.test(s.slice(at + c1[0].length))) || (c1 && s[at + c1[0].length] === ":")) {
      let end = at + c1[0].length;
      let c2 = c1;
      if (s[end] === ":") {
        const m2 = CELL_RE.exec(s.slice(end + 1));
        if (m2) {
          c2 = m2;
          end += 1 + m2[0].length;
        }
      }
      if (!/^[\p{L}\p{N}_(]/u.test(s.slice(end))) {
        const r1 = Number(c1[4]) - 1,
          col1 = columnIndex(c1[2].toUpperCase()),
          r2 = Number(c2[4]) - 1,
          col2 = columnIndex(c2[2].toUpperCase());
        tokens.push({
          k: "ref",
          area: {
            sheet: sheetM ? unquote(sheetM[1]) : null,
            r1: Math.min(r1, r2),
            c1: Math.min(col1, col2),
            r2: Math.max(r1, r2),
            c2: Math.max(col1, col2),
          },
          absR1: c1[3] === "$",
          absC1: c1[1] === "$",
          absR2: c2[3] === "$",
          absC2: c2[1] === "$",
        });
        i = end;
        continue;
      }
    }
    if (sheetM) {
      // A sheet prefix before something that is not a cell (a whole column, a name): unknown cells.
      refsKnown = false;
      tokens.push({ k: "other", v: sheetM[0] });
      i += sheetM[0].length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
    if (num) {
      // "1:1" is a whole row.
      if (s[i + num[0].length] === ":") refsKnown = false;
      tokens.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[\p{L}_\\][\p{L}\p{N}_.]*/u.exec(s.slice(i));
    if (word) {
      const w = word[0];
      const upper = w.toUpperCase().replace(/^_XLFN\./, "");
      if (s[i + w.length] === "(") {
        if (VOLATILE_OR_INDIRECT.has(upper)) refsKnown = false;
        tokens.push({ k: "fn", name: upper });
        i += w.length + 1;
        continue;
      }
      if (upper === "TRUE" || upper === "FALSE") tokens.push({ k: "bool", v: upper === "TRUE" });
      else {
        // A defined name (or a whole column "D:D"): what it reads is not known here.
        refsKnown = false;
        tokens.push({ k: "other", v: w });
      }
      i += w.length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>,():%;])/.exec(s.slice(i));
    if (op) {
      if (op[0] === ":") refsKnown = false;
      tokens.push({ k: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    tokens.push({ k: "other", v: ch });
    refsKnown = false;
    i++;
  }
  return { tokens, refsKnown };
}

/** The areas a formula reads, moved by (dr, dc) for a shared formula's follower (relative parts only). */
export function areasOf(f: ParsedFormula, dr = 0, dc = 0): Area[] {
  return f.tokens.flatMap((t) => (t.k === "ref" ? [moved(t, dr, dc)] : []));
}

function moved(t: Extract<Token, { k: "ref" }>, dr: number, dc: number): Area {
  const a = t.area;
  const r1 = t.absR1 ? a.r1 : a.r1 + dr,
    r2 = t.absR2 ? a.r2 : a.r2 + dr,
    c1 = t.absC1 ? a.c1 : a.c1 + dc,
    c2 = t.absC2 ? a.c2 : a.c2 + dc;
  return { sheet: a.sheet, r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
}

export type Scalar = number | string | boolean | null | { error: string };

/** Thrown inside evaluate for anything outside the simple subset. */
class NotSimple extends Error {}

/**
 * The formula's result, or undefined when it is not one of the simple kinds. `value(sheet, r, c)`
 * gives a cell's current value (sheet null = the formula's own sheet).
 */
export function evaluate(
  f: ParsedFormula,
  value: (sheet: string | null, r: number, c: number) => Scalar,
  dr = 0,
  dc = 0,
): number | undefined {
  const ts = f.tokens;
  let p = 0;
  const peek = () => ts[p];
  const isOp = (v: string) => ts[p]?.k === "op" && (ts[p] as { v: string }).v === v;
  const scalarNumber = (v: Scalar): number => {
    if (v === null) return 0;
    if (typeof v === "number") return v;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    throw new NotSimple();
  };
  const cellsOf = (a: Area): Scalar[] => {
    if ((a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1) > 100000) throw new NotSimple();
    const out: Scalar[] = [];
    for (let r = a.r1; r <= a.r2; r++) for (let c = a.c1; c <= a.c2; c++) out.push(value(a.sheet, r, c));
    return out;
  };
  const expr = (): number => {
    let v = term();
    while (isOp("+") || isOp("-")) {
      const op = (ts[p++] as { v: string }).v;
      const w = term();
      v = op === "+" ? v + w : v - w;
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    while (isOp("*") || isOp("/")) {
      const op = (ts[p++] as { v: string }).v;
      const w = unary();
      if (op === "/" && w === 0) throw new NotSimple();
      v = op === "*" ? v * w : v / w;
    }
    return v;
  };
  const unary = (): number => {
    if (isOp("-")) {
      p++;
      return -unary();
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return primary();
  };
  /** Function arguments: each a list of numbers (ranges give their numbers only, as SUM reads them). */
  const args = (): { nums: number[]; single: number | null }[] => {
    const out: { nums: number[]; single: number | null }[] = [];
    if (isOp(")")) {
      p++;
      return out;
    }
    for (;;) {
      const t = peek();
      const next = ts[p + 1];
      if (t?.k === "ref" && next?.k === "op" && (next.v === "," || next.v === ")")) {
        p++;
        const vals = cellsOf(moved(t, dr, dc));
        if (vals.some((v) => typeof v === "object" && v !== null)) throw new NotSimple(); // an error propagates
        const nums = vals.filter((v): v is number => typeof v === "number");
        out.push({ nums, single: null });
      } else {
        const v = expr();
        out.push({ nums: [v], single: v });
      }
      if (isOp(",")) {
        p++;
        continue;
      }
      if (isOp(")")) {
        p++;
        return out;
      }
      throw new NotSimple();
    }
  };
  const primary = (): number => {
    const t = ts[p++];
    if (!t) throw new NotSimple();
    if (t.k === "num") return t.v;
    if (t.k === "bool") return t.v ? 1 : 0;
    if (t.k === "ref") {
      const a = moved(t, dr, dc);
      if (a.r1 !== a.r2 || a.c1 !== a.c2) throw new NotSimple();
      return scalarNumber(value(a.sheet, a.r1, a.c1));
    }
    if (t.k === "op" && t.v === "(") {
      const v = expr();
      if (!isOp(")")) throw new NotSimple();
      p++;
      return v;
    }
    if (t.k === "fn") {
      const a = args();
      const all = a.flatMap((x) => x.nums);
      switch (t.name) {
        case "SUM":
          return all.reduce((x, y) => x + y, 0);
        case "AVERAGE":
          if (all.length === 0) throw new NotSimple();
          return all.reduce((x, y) => x + y, 0) / all.length;
        case "MIN":
          return all.length ? Math.min(...all) : 0;
        case "MAX":
          return all.length ? Math.max(...all) : 0;
        case "COUNT":
          return all.length;
        case "ROUND": {
          if (a.length !== 2 || a[0].single === null || a[1].single === null) throw new NotSimple();
          const k = 10 ** Math.trunc(a[1].single);
          const x = a[0].single;
          // Excel rounds half away from zero.
          return (Math.sign(x) * Math.round(Number((Math.abs(x) * k).toFixed(9)))) / k;
        }
      }
    }
    throw new NotSimple();
  };
  try {
    const v = expr();
    if (p !== ts.length || !Number.isFinite(v)) return undefined;
    // Excel keeps 15 significant digits: 326.6 + 40.64 is stored as 367.24, not 367.24000000000001.
    return Number(v.toPrecision(15));
  } catch (e) {
    if (e instanceof NotSimple) return undefined;
    throw e;
  }
}
