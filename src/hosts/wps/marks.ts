/**
 * Marks findings by filling their cells, and puts back exactly the fill each cell had. WPS has no
 * conditional formats of ours to remove as Excel does, so every fill we change is recorded first —
 * the cell, its original fill and the colour we gave it — in a very hidden sheet that is saved with
 * the workbook: the marks can be cleared after a restart, or by a colleague who opens the file.
 *
 * "No fill" and white both read Interior.Color 16777215; only Interior.ColorIndex (xlNone = -4142)
 * tells them apart, so both are recorded and "no fill" is restored through ColorIndex. A cell whose
 * fill the user changed after we marked it is theirs now: it is neither restored nor re-recorded.
 */
import { toA1 } from "../../core/a1";
import { MARK_COLORS, marksByCell } from "../../core/marks";
import { Finding, Message } from "../../core/rules/types";
import { MarkOutcome } from "../host";
import { EtDoc, XL, bgr, sheetLookup, sheetNamed } from "./et";
import { MARKS_SHEET } from "./read";
import { readText, writeTextVerified } from "./store";

/** One marked cell: where, what it had, what we gave it. */
interface MarkRecord {
  sheet: string;
  /** "D5". */
  address: string;
  /** Interior.ColorIndex before: XL.none for no fill. */
  index: number;
  /** Interior.Color before (BGR). */
  color: number;
  /** Interior.Pattern before. */
  pattern: number;
  /** The BGR colour we set. */
  ours: number;
}

export function loadRecords(doc: EtDoc): MarkRecord[] {
  const text = readText(doc, MARKS_SHEET);
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as { cells?: unknown };
    if (!Array.isArray(parsed.cells)) return [];
    return parsed.cells.filter(
      (c): c is MarkRecord =>
        typeof c === "object" &&
        c !== null &&
        typeof c.sheet === "string" &&
        typeof c.address === "string" &&
        [c.index, c.color, c.pattern, c.ours].every((n) => typeof n === "number"),
    );
  } catch {
    // A damaged record: nothing we can restore from it, and nothing to overwrite blindly.
    return [];
  }
}

/** Saves the record and reads it back; false when the workbook does not hold it. */
function saveRecords(doc: EtDoc, records: MarkRecord[]): boolean {
  if (!records.length && !sheetNamed(doc, MARKS_SHEET)) return true;
  return writeTextVerified(doc, MARKS_SHEET, JSON.stringify({ version: 1, cells: records }));
}

const keyOf = (sheet: string, address: string) => `${sheet}!${address.toUpperCase()}`;

type Lookup = ReturnType<typeof sheetLookup>;

/** Puts a recorded cell's fill back, unless the user re-filled it since. Returns false when skipped. */
function restore(sheet: Lookup, r: MarkRecord): boolean {
  const it = sheet(r.sheet)?.Range(r.address).Interior;
  if (!it || it.Color !== r.ours) return false;
  if (r.index === XL.none) it.ColorIndex = XL.none;
  else {
    it.Color = r.color;
    if (r.pattern !== XL.solid && r.pattern !== XL.none) it.Pattern = r.pattern;
  }
  return true;
}

/**
 * Replaces the marks: cells no longer flagged get their fill back, flagged ones take their
 * severity's colour (recording their fill the first time). The caller suspends screen updates.
 */
export function replaceMarks(doc: EtDoc, findings: Finding[], records = loadRecords(doc)): MarkOutcome {
  const warnings: Message[] = [];
  const old = new Map(records.map((r) => [keyOf(r.sheet, r.address), r]));
  const wanted = marksByCell(findings);
  const want = new Set(wanted.map((m) => keyOf(m.sheet, toA1(m.row, m.col))));
  const next: MarkRecord[] = [];
  const sheet = sheetLookup(doc);
  const locked = new Map<string, boolean>();
  const isLocked = (name: string) => {
    if (!locked.has(name)) locked.set(name, sheet(name)?.ProtectContents === true);
    return locked.get(name)!;
  };
  for (const r of records) {
    if (want.has(keyOf(r.sheet, r.address))) continue;
    // A protected sheet cannot be written: its record stays, so the mark can be cleared later.
    if (isLocked(r.sheet)) next.push(r);
    else restore(sheet, r);
  }
  let marked = 0;
  let unmarked = 0;
  for (const m of wanted) {
    const ws = sheet(m.sheet);
    const address = toA1(m.row, m.col);
    const prev = old.get(keyOf(m.sheet, address));
    if (!ws) continue;
    if (isLocked(m.sheet)) {
      if (prev) next.push(prev);
      if (!warnings.some((w) => w.zh.includes(`「${m.sheet}」`))) {
        warnings.push({
          zh: `工作表「${m.sheet}」受保护,未能标记其中的单元格。`,
          en: `Sheet "${m.sheet}" is protected; its cells were not marked.`,
        });
      }
      continue;
    }
    const colour = bgr(MARK_COLORS[m.severity]);
    const it = ws.Range(address).Interior;
    const now = it.Color as number;
    const rec: MarkRecord =
      prev && now === prev.ours
        ? { ...prev, ours: colour }
        : { sheet: m.sheet, address, index: it.ColorIndex as number, color: now, pattern: it.Pattern as number, ours: colour };
    if (now !== colour) it.Color = colour;
    next.push(rec);
    // Read back: a cell counts as marked only when it shows our colour.
    if (now === colour || it.Color === colour) marked++;
    else unmarked++;
  }
  if (unmarked) warnings.push({ zh: `有 ${unmarked} 个单元格未能标记颜色。`, en: `${unmarked} cell(s) could not be coloured.` });
  let saved: boolean;
  try {
    // Unchanged marks write nothing: a live re-check after each edit must not dirty the workbook.
    saved = JSON.stringify(next) === JSON.stringify(records) || saveRecords(doc, next);
  } catch {
    saved = false;
  }
  if (!saved) {
    // A fill without its record could never be cleared: take back the fills just given.
    for (const r of next) if (!old.has(keyOf(r.sheet, r.address))) restore(sheet, r);
    return {
      marked: 0,
      warnings: [
        {
          zh: "无法在工作簿中保存标记记录,已撤销本次标记以免留下无法清除的颜色。",
          en: "The record of marks could not be saved in the workbook; the marks were taken back so none is left that cannot be cleared.",
        },
      ],
    };
  }
  return { marked, warnings };
}

/** Clears every mark we made (and only those); returns how many fills were put back. */
export function clearMarks(doc: EtDoc): number {
  const records = loadRecords(doc);
  const sheet = sheetLookup(doc);
  const kept: MarkRecord[] = [];
  let n = 0;
  for (const r of records) {
    // A sheet protected since it was marked cannot be written: keep its record for a later clear.
    if (sheet(r.sheet)?.ProtectContents) kept.push(r);
    else if (restore(sheet, r)) n++;
  }
  saveRecords(doc, kept);
  return n;
}
