/**
 * Marks findings in a workbook that will be written as a reviewed copy: the cell gets its severity's
 * fill and a note listing every finding on it. A note the user already had is kept above ours.
 */
import type { Cell, Workbook } from "exceljs";
import { CellMark, markArgb, marksByCell } from "../../core/marks";
import { SEVERITY_NAMES } from "../../core/i18n";
import { Finding } from "../../core/rules/types";
import { Lang } from "../host";
import { VT } from "./cellValue";

const HEADING: Record<Lang, string> = { zh: "绩效表助手", en: "Budget Form Assistant" };

function noteText(existing: unknown): string {
  if (typeof existing === "string") return existing;
  const texts = (existing as { texts?: { text?: string }[] } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : "";
}

export function markNote(mark: CellMark, lang: Lang): string {
  const lines = mark.findings.map((f) => `【${SEVERITY_NAMES[f.severity][lang]}】${f.message[lang]}(${f.rule})`);
  return [`${HEADING[lang]}:`, ...lines].join("\n");
}

/** Returns how many cells were marked (findings on sheets the workbook lacks are skipped). */
export function annotate(wb: Workbook, findings: Finding[], lang: Lang): number {
  let marked = 0;
  for (const mark of marksByCell(findings)) {
    const ws = wb.getWorksheet(mark.sheet);
    if (!ws) continue;
    // exceljs counts rows and columns from 1.
    let cell: Cell = ws.getCell(mark.row + 1, mark.col + 1);
    if (cell.type === VT.Merge && cell.master) cell = cell.master;
    // Loaded cells share style objects per style id: assigning cell.fill would recolour every cell of
    // that style, so give this cell its own style object.
    cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: markArgb(mark.severity) } } };
    const before = noteText(cell.note);
    const ours = markNote(mark, lang);
    cell.note = before ? `${before}\n\n${ours}` : ours;
    marked++;
  }
  return marked;
}
