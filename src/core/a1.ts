/** A1 addresses: parsing, formatting and sheet qualification. 0-based coordinates inside the core. */

export interface CellPos {
  row: number;
  col: number;
}

/** A cell on a named sheet, 0-based like CellLoc: how positions travel between core, app and hosts. */
export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  // By char code, lower case folded: merges and findings parse thousands of addresses per check.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    n = n * 26 + ((c >= 97 ? c - 32 : c) - 64);
  }
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function parseA1(a1: string): CellPos {
  // By char code first: the merges and findings of a check are thousands of plain "D21"s.
  let i = 0,
    col = 0,
    row = 0;
  const n = a1.length;
  if (a1.charCodeAt(i) === 36) i++; // $
  const c0 = i;
  for (let c = a1.charCodeAt(i); i < n && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)); c = a1.charCodeAt(++i))
    col = col * 26 + ((c >= 97 ? c - 32 : c) - 64);
  const letters = i - c0;
  if (a1.charCodeAt(i) === 36) i++;
  const r0 = i;
  for (let c = a1.charCodeAt(i); i < n && c >= 48 && c <= 57; c = a1.charCodeAt(++i)) row = row * 10 + (c - 48);
  if (letters >= 1 && letters <= 3 && i > r0 && i === n) return { row: row - 1, col: col - 1 };
  // Anything else (spaces around it, or not an address): the pattern decides, as it always did.
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(ref: string): RangePos {
  const [a, b] = ref.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: RangePos): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}

/** Excel quotes sheet names that are not plain identifiers; CJK letters count as plain. */
export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) && !/^\d/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualify(sheet: string, a1: string): string {
  return `${quoteSheet(sheet)}!${a1}`;
}

/** Splits "申报表!D5" or "'预算 表'!D5:E6" into sheet and address. */
export function splitQualified(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf("!");
  if (i < 0) return { sheet: "", address: ref };
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}

/** "申报表!D5": for people, reports and Excel addresses only; positions travel as CellRef. */
export function formatRef(c: CellRef): string {
  return qualify(c.sheet, toA1(c.row, c.col));
}

/**
 * "申报表!D5" (or "'预算 表'!$D$5:$F$5", whose first cell is taken) as a CellRef; for text a person
 * typed or a stored key, never for positions the app made itself. Throws on a malformed address.
 */
export function parseRef(ref: string): CellRef {
  const { sheet, address } = splitQualified(ref);
  const { row, col } = parseA1(address.split(":")[0]);
  return { sheet, row, col };
}
