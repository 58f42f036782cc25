/** Reading an .xlsx (bytes, no file system: the browser preview uses this too). */
import type { Workbook } from "exceljs";
import { WorkbookSnapshot } from "../../core/snapshot";
import { fileReadError } from "./errors";
import { PackageWarning, inspectPackage, notesLostWarning, sniff, toBytes } from "./package";
import { snapshotWorkbook } from "./snapshot";
import { isStateSheet } from "./state";
import { errorMessage } from "../../core/errors";

export interface ReadResult {
  workbook: Workbook;
  snapshot: WorkbookSnapshot;
  /** What a copy written from this workbook would lose; tell the user before writing one. */
  warnings: PackageWarning[];
}

export interface ReadOptions {
  /** Only check, never write back: skip the worksheet parts the snapshot does not use. Such a
   * workbook must not be written (it lacks validations, conditional formats, page setup …). */
  readOnly?: boolean;
}

/** Worksheet XML parts the snapshot never looks at; skipping them makes a check-only read ~20% faster. */
const NOT_NEEDED_FOR_CHECKING = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "picture",
  "drawing",
  "rowBreaks",
  "autoFilter",
  "sheetProtection",
  "tableParts",
  "pageMargins",
  "sheetViews",
  "cols",
  "sheetFormatPr",
  "sheetPr",
  "dimension",
];

export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  sourceName: string,
  opts: ReadOptions = {},
): Promise<{ workbook: Workbook; warnings: PackageWarning[] }> {
  const bytes = toBytes(data);
  // A check-only read needs no package inventory (its warnings are about writing a copy), so it
  // looks at the package only to explain a failure precisely: the inventory re-reads the zip.
  const pkg = opts.readOnly ? (sniff(bytes, sourceName), null) : await inspectPackage(bytes, sourceName);
  const explain = async (): Promise<void> => {
    if (!pkg) await inspectPackage(bytes, sourceName);
  };
  // Loaded here, not with the module: exceljs takes about 240 ms to load, and `check` reads without it
  // (fastRead.ts) though its imports reach this module.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings ask for a Node Buffer; it hands the bytes to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(
      bytes as unknown as ArrayBuffer,
      opts.readOnly ? ({ ignoreNodes: NOT_NEEDED_FOR_CHECKING } as object) : undefined,
    );
  } catch (e) {
    await explain();
    throw fileReadError("corrupt", sourceName, errorMessage(e));
  }
  const sheets = workbook.worksheets.filter((ws) => !isStateSheet(ws));
  if (sheets.length === 0) {
    await explain();
    throw fileReadError("no-sheets", sourceName);
  }
  if (!pkg) return { workbook, warnings: [] };
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
export async function readXlsx(data: ArrayBuffer | Uint8Array, sourceName: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const { workbook, warnings } = await loadWorkbook(data, sourceName, opts);
  return { workbook, snapshot: snapshotWorkbook(workbook, sourceName), warnings };
}
