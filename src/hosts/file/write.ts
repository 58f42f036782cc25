/**
 * Writing a user's workbook back to .xlsx bytes: the one path every copy takes (add, fix, check
 * --annotate, the preview's download). exceljs writes its model; what it cannot model is then carried
 * over from the package it was read from (carryOver.ts), moved with any inserted rows. A failure is a
 * WorkbookWriteError with a Chinese reason, never exceljs's own English message.
 */
import type { Workbook } from "exceljs";
import { errorMessage } from "../../core/errors";
import { Message } from "../../core/rules/types";
import { carryOver } from "./carryOver";
import { RowShift } from "./formulaShift";

/** The package a workbook was read from and the rows inserted since, in order. */
export interface Origin {
  bytes: Uint8Array;
  shifts: RowShift[];
}

const origins = new WeakMap<Workbook, Origin>();

/** Remembers the package `wb` was loaded from, so a written copy can carry over what exceljs drops. */
export function rememberOrigin(wb: Workbook, bytes: Uint8Array): void {
  origins.set(wb, { bytes, shifts: [] });
}

/** Called by the insertRows step: what the carried-over parts must move by. */
export function recordRowShift(wb: Workbook, shift: RowShift): void {
  origins.get(wb)?.shifts.push({ ...shift });
}

/** The origin as it is now, to hand to a workbook restored from a backup taken at this moment. */
export function originOf(wb: Workbook): Origin | undefined {
  const o = origins.get(wb);
  return o && { bytes: o.bytes, shifts: o.shifts.slice() };
}

export function adoptOrigin(wb: Workbook, origin: Origin | undefined): void {
  if (origin) origins.set(wb, { bytes: origin.bytes, shifts: origin.shifts.slice() });
}

export class WorkbookWriteError extends Error {
  constructor(
    readonly reason: Message,
    /** exceljs's message, for diagnostics; never shown by default. */
    readonly detail: string,
  ) {
    super(reason.zh);
    this.name = "WorkbookWriteError";
  }
}

interface TableModel {
  style?: unknown;
}
type WithTables = { tables?: Record<string, { table?: TableModel }> };

/**
 * Repairs in exceljs's model what would make its writer throw. A table without `<tableStyleInfo>`
 * (openpyxl writes none unless asked; ECMA-376 Part 1 §18.5.1.2 makes it optional) is read with a
 * null style, on which the writer fails; an unnamed style with every option off is the same look.
 */
export function prepareForWrite(wb: Workbook): void {
  for (const ws of wb.worksheets) {
    for (const t of Object.values((ws as unknown as WithTables).tables ?? {})) {
      if (t.table && !t.table.style)
        t.table.style = { showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}

/**
 * Characters a text cell cannot hold in XML as they are, and text that reads as an escape: a carriage
 * return (an XML reader turns CR LF into LF), control characters (not allowed in XML 1.0; exceljs's
 * writer silently drops them) and a literal `_xHHHH_` (which a reader decodes into one character).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be found
const TO_ESCAPE = /[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f]|_(?=x[0-9a-fA-F]{4}_)/g;
/** The same pattern without the global flag, whose `test` keeps no position between calls. */
const NEEDS_ESCAPE = new RegExp(TO_ESCAPE.source);

/**
 * Text as OOXML stores it (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): such a character as `_xHHHH_`, and
 * the `_` of a literal escape as `_x005F_`, the way Excel writes them. exceljs decodes these on
 * reading (so "a\r\nb" from Excel's `a_x000D_\nb` arrives intact) but writes the characters raw, so
 * without this a round trip turns CR LF into LF and loses control characters.
 */
function xstring(text: string): string {
  return text.replace(TO_ESCAPE, (c) => (c === "_" ? "_x005F_" : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
}

type RichText = { richText: { text: string }[] };
type LinkText = { text: string; hyperlink: string };

/**
 * Escapes, in the model, every text exceljs writes through a `<t>` element (cell strings, rich-text
 * runs, hyperlink texts, notes) that needs it, and returns how to put the model back exactly: the
 * workbook in memory keeps the user's text, only the bytes carry the escapes.
 */
function escapeTexts(wb: Workbook): () => void {
  const undo: (() => void)[] = [];
  const escapeRuns = (runs: { text: string }[]) =>
    runs.some((r) => NEEDS_ESCAPE.test(r.text)) && runs.map((r) => ({ ...r, text: xstring(r.text) }));
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.master !== cell) return; // a merged cell reads its master's value; the master is escaped
        const v = cell.value;
        let escaped: typeof v | null = null;
        if (typeof v === "string") {
          if (NEEDS_ESCAPE.test(v)) escaped = xstring(v);
        } else if (v && typeof v === "object" && "richText" in v) {
          const runs = escapeRuns((v as RichText).richText);
          if (runs) escaped = { ...v, richText: runs } as typeof v;
        } else if (v && typeof v === "object" && "hyperlink" in v && typeof (v as LinkText).text === "string") {
          if (NEEDS_ESCAPE.test((v as LinkText).text)) escaped = { ...v, text: xstring((v as LinkText).text) } as typeof v;
        }
        if (escaped !== null) {
          cell.value = escaped;
          undo.push(() => (cell.value = v));
        }
        const note = cell.note;
        if (note && typeof note === "object" && Array.isArray(note.texts)) {
          const runs = escapeRuns(note.texts);
          if (runs) {
            const texts = note.texts;
            note.texts = runs as typeof texts;
            undo.push(() => (note.texts = texts));
          }
        } else if (typeof note === "string" && NEEDS_ESCAPE.test(note)) {
          cell.note = xstring(note);
          undo.push(() => (cell.note = note));
        }
      }),
    );
  }
  return () => undo.reverse().forEach((f) => f());
}

/** The workbook as .xlsx bytes, with what exceljs drops carried over from its origin. */
export async function writeXlsx(wb: Workbook): Promise<Uint8Array> {
  let written: Uint8Array;
  let restore: (() => void) | null = null;
  try {
    prepareForWrite(wb);
    restore = escapeTexts(wb);
    written = new Uint8Array(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new WorkbookWriteError(
      {
        zh: "无法生成工作簿:其中有本工具无法写出的内容,未写出任何文件。请在 Excel 中打开该文件、另存为 .xlsx 后再试",
        en: "The workbook could not be generated: it holds content this tool cannot write; nothing was written. Open it in Excel, save it as .xlsx and try again",
      },
      errorMessage(e),
    );
  } finally {
    restore?.();
  }
  const origin = origins.get(wb);
  if (!origin) return written;
  try {
    return await carryOver(origin.bytes, written, origin.shifts);
  } catch (e) {
    throw new WorkbookWriteError(
      {
        zh: "无法把原文件中的表格、超链接、保护等设置带入新文件,未写出任何文件。请在 Excel 中打开该文件、另存为 .xlsx 后再试",
        en: "The tables, hyperlinks, protection and other settings of the original could not be carried into the new file; nothing was written. Open it in Excel, save it as .xlsx and try again",
      },
      errorMessage(e),
    );
  }
}
