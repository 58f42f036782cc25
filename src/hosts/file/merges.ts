/** The merged areas of an exceljs worksheet, as 0-based ranges. */
import type { Worksheet } from "exceljs";
import { RangePos, parseRange } from "../../core/a1";

interface MergeDims {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * exceljs keeps merges in a private map; its public route (`worksheet.model.merges`) rebuilds the
 * model of every row, which costs seconds on a 50,000-row sheet. Fall back to it if the map moves.
 */
export function mergeRanges(ws: Worksheet): RangePos[] {
  const priv = (ws as unknown as { _merges?: Record<string, MergeDims | undefined> })._merges;
  if (priv && typeof priv === "object") {
    return Object.values(priv)
      .filter((m): m is MergeDims => !!m)
      .map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  }
  return ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange);
}

type Style = Record<string, unknown>;

/**
 * Unmerges an area keeping each cell's own style: exceljs resets the covered cells to the row's
 * style, which drops the borders Excel draws along the area's edges. Returns the saved styles
 * (1-based row, col, style) so a caller that moves rows can put them back elsewhere.
 */
export function unmergeKeepingStyles(ws: Worksheet, m: RangePos, restore = true): [number, number, Style][] {
  const saved: [number, number, Style][] = [];
  for (let r = m.top + 1; r <= m.bottom + 1; r++) {
    for (let c = m.left + 1; c <= m.right + 1; c++) saved.push([r, c, JSON.parse(JSON.stringify(ws.getCell(r, c).style ?? {})) as Style]);
  }
  ws.unMergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  if (restore) for (const [r, c, s] of saved) ws.getCell(r, c).style = s as never;
  return saved;
}
