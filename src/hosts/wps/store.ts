/**
 * Text kept inside the workbook in a very hidden sheet of our own, column A, split into cells of at
 * most 30,000 characters (a cell holds 32,767). A very hidden sheet is saved in .xlsx and .et alike,
 * is not listed under 取消隐藏, and travels with the file to a colleague — which is why the state and
 * the record of marks live there rather than in PluginStorage (per add-in, lost on restart) or in the
 * document properties (a string property holds 255 characters).
 */
import { EtDoc, XL, addSheet, areaOf, sheetNamed } from "./et";

const CHUNK = 30000;

export function readText(doc: EtDoc, sheetName: string): string | null {
  const ws = sheetNamed(doc, sheetName);
  if (!ws) return null;
  const rows = textRows(ws);
  return rows === null ? null : joined(ws.Range(`A1:A${rows}`).Value2);
}

/**
 * How many rows of column A our text may reach: the used range's height when it starts at A1, else
 * null (not our layout). One Address tells both (VBA Range.Address), not Row, Column and Rows.Count.
 */
function textRows(ws: Et.Worksheet): number | null {
  const used = areaOf(ws.UsedRange.Address(false, false));
  return used.top === 0 && used.left === 0 ? used.bottom + 1 : null;
}

/** Column A's Value2 as the text it holds: its string cells up to the first that is not one. */
function joined(v: unknown): string {
  const cells = Array.isArray(v) ? (v as unknown[]).map((x) => (Array.isArray(x) ? x[0] : x)) : [v];
  let text = "";
  for (const c of cells) {
    if (typeof c !== "string") break;
    text += c;
  }
  return text;
}

/**
 * Writes `text` into the sheet (created very hidden when missing), leaving the active sheet as it
 * was; returns the sheet and how many cells of column A hold the text.
 */
function writeText(doc: EtDoc, sheetName: string, text: string): { ws: Et.Worksheet; cells: number } {
  let ws = sheetNamed(doc, sheetName);
  const created = !ws;
  if (!ws) {
    const active = doc.wb.ActiveSheet as Et.Worksheet;
    ws = addSheet(doc, sheetName);
    ws.Visible = XL.veryHidden as Et.XlSheetVisibility;
    // Adding a sheet activates it; the user stays where they were.
    active.Activate();
  }
  const chunks: string[] = [];
  for (let i = 0; i < text.length || chunks.length === 0; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
  // A sheet just added holds nothing: no need to ask how far its old text reached.
  const before = created ? 0 : (textRows(ws) ?? 0);
  // A leading apostrophe keeps JSON text as text, whatever it starts with.
  ws.Range(`A1:A${chunks.length}`).Value2 = chunks.map((c) => [`'${c}`]);
  if (before > chunks.length)
    ws.Range(`A${chunks.length + 1}:A${before}`).Value2 = Array.from({ length: before - chunks.length }, () => [""]);
  return { ws, cells: chunks.length };
}

/** Writes and reads back: true only when the workbook now holds exactly `text`. */
export function writeTextVerified(doc: EtDoc, sheetName: string, text: string): boolean {
  const { ws, cells } = writeText(doc, sheetName, text);
  // The cells written and the one after (empty: a longer old text was cleared), in one read.
  return joined(ws.Range(`A1:A${cells + 1}`).Value2) === text;
}
