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

/**
 * The records as last read or saved in this doc (one synchronous host call, in which only our code
 * writes the marks sheet): an insertion asks whether there are marks, clears and puts them back, and
 * each of those would otherwise read the sheet again.
 */
const known = new WeakMap<EtDoc, MarkRecord[]>();

export function loadRecords(doc: EtDoc): MarkRecord[] {
  const had = known.get(doc);
  if (had) return had;
  const records = parseRecords(readText(doc, MARKS_SHEET));
  known.set(doc, records);
  return records;
}

function parseRecords(text: string | null): MarkRecord[] {
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
  known.delete(doc);
  const saved = writeTextVerified(doc, MARKS_SHEET, JSON.stringify({ version: 1, cells: records }));
  if (saved) known.set(doc, records);
  return saved;
}

const keyOf = (sheet: string, address: string) => `${sheet}!${address.toUpperCase()}`;

type Lookup = ReturnType<typeof sheetLookup>;

/** Puts a recorded cell's fill back, unless the user re-filled it since. Returns false when skipped. */
function restore(sheet: Lookup, r: MarkRecord): boolean {
  const it = sheet(r.sheet)?.Range(r.address).Interior;
  if (!it || it.Color !== r.ours) return false;
  putBack(it, r);
  return true;
}

function putBack(it: Et.Interior, r: MarkRecord): void {
  if (r.index === XL.none) it.ColorIndex = XL.none;
  else {
    it.Color = r.color;
    if (r.pattern !== XL.solid && r.pattern !== XL.none) it.Pattern = r.pattern;
  }
}

/** A range reference may hold at most 255 characters (Worksheet.Range): union references under it. */
const MAX_REF = 255;

function chunks<T>(items: T[], address: (t: T) => string): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let len = 0;
  for (const it of items) {
    const a = address(it).length;
    if (cur.length && len + 1 + a > MAX_REF) {
      out.push(cur);
      cur = [];
      len = 0;
    }
    len += (cur.length ? 1 : 0) + a;
    cur.push(it);
  }
  if (cur.length) out.push(cur);
  return out;
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(it);
  }
  return [...m.values()];
}

/**
 * Puts back the fills of many records with one union range per original fill (chunked): when the
 * union still reads our colour throughout, one write restores all of it; when it reads mixed
 * (null: some cell was re-filled by the user), cell by cell. Returns how many were put back.
 */
function restoreAll(sheet: Lookup, records: MarkRecord[]): number {
  let n = 0;
  const groups = groupBy(records, (r) => JSON.stringify([r.sheet, r.index, r.color, r.pattern, r.ours]));
  for (const group of groups) {
    const ws = sheet(group[0].sheet);
    if (!ws) continue;
    for (const chunk of chunks(group, (r) => r.address)) {
      const it = ws.Range(chunk.map((r) => r.address).join(",")).Interior;
      const now = it.Color;
      if (now === chunk[0].ours) {
        putBack(it, chunk[0]);
        n += chunk.length;
      } else if (now === null && chunk.length > 1) for (const r of chunk) if (restore(sheet, r)) n++;
    }
  }
  return n;
}

/**
 * Replaces the marks: cells no longer flagged get their fill back, flagged ones take their
 * severity's colour (recording their fill the first time). One union range per severity and sheet
 * (chunked) is read and written, not each cell: each call crosses into the native office. The
 * caller suspends screen updates.
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
  const gone: MarkRecord[] = [];
  for (const r of records) {
    if (want.has(keyOf(r.sheet, r.address))) continue;
    // A protected sheet cannot be written: its record stays, so the mark can be cleared later.
    if (isLocked(r.sheet)) next.push(r);
    else gone.push(r);
  }
  restoreAll(sheet, gone);
  let marked = 0;
  let unmarked = 0;
  const cells = wanted.map((m) => ({ ...m, address: toA1(m.row, m.col) }));
  for (const group of groupBy(cells, (m) => `${m.sheet}\u0000${m.severity}`)) {
    const name = group[0].sheet;
    const ws = sheet(name);
    if (!ws) continue;
    if (isLocked(name)) {
      for (const m of group) {
        const prev = old.get(keyOf(name, m.address));
        if (prev) next.push(prev);
      }
      if (!warnings.some((w) => w.zh.includes(`「${name}」`))) {
        warnings.push({
          zh: `工作表「${name}」受保护,未能标记其中的单元格。`,
          en: `Sheet "${name}" is protected; its cells were not marked.`,
        });
      }
      continue;
    }
    const colour = bgr(MARK_COLORS[group[0].severity]);
    for (const chunk of chunks(group, (m) => m.address)) {
      const it = ws.Range(chunk.map((m) => m.address).join(",")).Interior;
      const now = it.Color as number | null;
      // What each cell had: the union's fill when its cells agree, else each cell's own.
      let index: number | null = null;
      let pattern: number | null = null;
      const fresh = chunk.filter((m) => {
        const prev = old.get(keyOf(name, m.address));
        return !(prev && now === prev.ours);
      });
      if (fresh.length && now !== null) {
        index = it.ColorIndex as number | null;
        pattern = it.Pattern as number | null;
      }
      for (const m of chunk) {
        const prev = old.get(keyOf(name, m.address));
        if (prev && now === prev.ours) {
          next.push({ ...prev, ours: colour });
          continue;
        }
        if (now !== null && index !== null && pattern !== null) {
          next.push({ sheet: name, address: m.address, index, color: now, pattern, ours: colour });
          continue;
        }
        const own = ws.Range(m.address).Interior;
        const c = own.Color as number;
        next.push(
          prev && c === prev.ours
            ? { ...prev, ours: colour }
            : { sheet: name, address: m.address, index: own.ColorIndex as number, color: c, pattern: own.Pattern as number, ours: colour },
        );
      }
      if (now !== colour) it.Color = colour;
      // Read back: the cells count as marked only when they show our colour.
      if (now === colour || it.Color === colour) marked += chunk.length;
      else unmarked += chunk.length;
    }
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
    restoreAll(
      sheet,
      next.filter((r) => !old.has(keyOf(r.sheet, r.address))),
    );
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
  const free: MarkRecord[] = [];
  // A sheet protected since it was marked cannot be written: keep its record for a later clear.
  for (const r of records) (sheet(r.sheet)?.ProtectContents ? kept : free).push(r);
  const n = restoreAll(sheet, free);
  saveRecords(doc, kept);
  return n;
}
