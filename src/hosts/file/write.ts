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

/** The workbook as .xlsx bytes, with what exceljs drops carried over from its origin. */
export async function writeXlsx(wb: Workbook): Promise<Uint8Array> {
  let written: Uint8Array;
  try {
    prepareForWrite(wb);
    written = new Uint8Array(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new WorkbookWriteError(
      {
        zh: "无法生成工作簿:其中有本工具无法写出的内容,未写出任何文件。请在 Excel 中打开该文件、另存为 .xlsx 后再试",
        en: "The workbook could not be generated: it holds content this tool cannot write; nothing was written. Open it in Excel, save it as .xlsx and try again",
      },
      errorMessage(e),
    );
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
