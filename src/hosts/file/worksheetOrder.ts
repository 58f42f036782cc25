/**
 * CT_Worksheet's children in the order the schema requires (ECMA-376 Part 1 §18.3.1.99): an element
 * added to a sheet part goes before the first later one present, or Excel repairs the file.
 */
const WORKSHEET_CHILDREN = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_CHILDREN)[number];

/** The children that must follow `tag` in a worksheet part. */
export function childrenAfter(tag: WorksheetChild): string[] {
  return WORKSHEET_CHILDREN.slice(WORKSHEET_CHILDREN.indexOf(tag) + 1);
}
