/** Cells for hand-made findings, written as people read them ("申报表!D5", "申报表!C24:E24" for every cell of a range). */
import { CellRef, parseA1, parseRange, splitQualified } from "../../src/core/a1";

export function cellsOf(...refs: string[]): CellRef[] {
  return refs.flatMap((ref) => {
    const { sheet, address } = splitQualified(ref);
    const r = parseRange(address);
    const out: CellRef[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ sheet, row, col });
    return out;
  });
}

/** A plan's cell written as people read it: cellAt("申报表", "D5") is { sheet: "申报表", row: 4, col: 3 }. */
export function cellAt(sheet: string, a1: string): CellRef {
  return { sheet, ...parseA1(a1) };
}
