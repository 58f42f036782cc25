/** The example forms as snapshots, and small edits on them, for rule and recognition tests. */
import { readFileSync } from "fs";
import { join } from "path";
import { parseA1 } from "../../src/core/a1";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { LayoutOptions, layoutFromTsv, parseTsv, layoutFromRows } from "../../scripts/lib/tsvLayout";

const SOURCE = join(__dirname, "../../examples/source");

export const seedTsv = (): string => readFileSync(join(SOURCE, "seed.tsv"), "utf8");
export const cleanTsv = (): string => readFileSync(join(SOURCE, "corrected.tsv"), "utf8");

export function seedSheet(opts?: LayoutOptions): SheetSnapshot {
  return layoutFromTsv(seedTsv(), opts);
}

/** The corrected example: a form every rule accepts. */
export function cleanSheet(opts?: LayoutOptions): SheetSnapshot {
  return layoutFromTsv(cleanTsv(), opts);
}

export function cleanRows(): string[][] {
  return parseTsv(cleanTsv());
}

export { layoutFromRows };

/** Sets a cell (A1 on the sheet) keeping merges as laid out; grows the value grid as needed. */
export function setCell(sheet: SheetSnapshot, a1: string, value: CellValue): SheetSnapshot {
  const { row, col } = parseA1(a1);
  const r = row - sheet.originRow;
  const c = col - sheet.originCol;
  const values = sheet.values.map((x) => x.slice());
  while (values.length <= r) values.push([]);
  while (values[r].length <= c) values[r].push(null);
  values[r][c] = value;
  return { ...sheet, values };
}

export function setCells(sheet: SheetSnapshot, edits: Record<string, CellValue>): SheetSnapshot {
  return Object.entries(edits).reduce((s, [a1, v]) => setCell(s, a1, v), sheet);
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { source: "test.xlsx", sheets };
}

/** A real published form of the corpus (test/corpus/forms/<id>.json) laid out as its workbook is,
 * for rule cases taken from real forms. Formatted numbers become plain numbers here. */
export function corpusSheet(id: string, edits: Record<string, CellValue> = {}): SheetSnapshot {
  const form = JSON.parse(readFileSync(join(__dirname, "../corpus/forms", `${id}.json`), "utf8")) as { rows: (string | { n: number })[][] };
  const rows = form.rows.map((r) => r.map((c) => (typeof c === "string" ? c : String(c.n))));
  return setCells(layoutFromRows(rows), edits);
}
