/** Reading an .xlsx (bytes, no file system: the browser preview uses this too). */
import ExcelJS from "exceljs";
import { WorkbookSnapshot } from "../../core/snapshot";
import { fileReadError } from "./errors";
import { PackageWarning, inspectPackage, notesLostWarning, toBytes } from "./package";
import { snapshotWorkbook } from "./snapshot";
import { isStateSheet } from "./state";

export interface ReadResult {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** What a copy written from this workbook would lose; tell the user before writing one. */
  warnings: PackageWarning[];
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array, sourceName: string): Promise<{ workbook: ExcelJS.Workbook; warnings: PackageWarning[] }> {
  const bytes = toBytes(data);
  const pkg = await inspectPackage(bytes, sourceName);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; it hands the bytes to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw fileReadError("corrupt", sourceName, (e as Error).message);
  }
  const sheets = workbook.worksheets.filter((ws) => !isStateSheet(ws));
  if (sheets.length === 0) throw fileReadError("no-sheets", sourceName);
  const warnings = [...pkg.warnings];
  if (pkg.noteCount > 0) {
    let loaded = 0;
    // A note may sit on an empty cell of an otherwise empty row, so look at every existing row and cell.
    for (const ws of sheets) {
      for (let r = 1; r <= ws.rowCount; r++) {
        ws.findRow(r)?.eachCell({ includeEmpty: true }, (c) => {
          if (c.note) loaded++;
        });
      }
    }
    if (loaded < pkg.noteCount) warnings.unshift(notesLostWarning(pkg.noteCount - loaded));
  }
  return { workbook, warnings };
}

/** Reads an .xlsx into an exceljs workbook and the core's snapshot; bad input throws FileReadError. */
export async function readXlsx(data: ArrayBuffer | Uint8Array, sourceName: string): Promise<ReadResult> {
  const { workbook, warnings } = await loadWorkbook(data, sourceName);
  return { workbook, snapshot: snapshotWorkbook(workbook, sourceName), warnings };
}
