/** Formula references after rows are inserted: this sheet's rows move, other sheets' and other workbooks' do not. */
import { shiftFormula } from "../../../src/hosts/file/formulaShift";

const shift = { sheet: "申报表", at: 30, count: 1 };

test.each([
  ["SUM(D30:D35)", "申报表", "SUM(D31:D36)"],
  ["D29+D30", "申报表", "D29+D31"],
  ["申报表!D37*2", "其他", "申报表!D38*2"],
  ["'申报表'!$D$37", "其他", "'申报表'!$D$38"],
  ["其他!D37", "申报表", "其他!D37"],
  // Another workbook's sheet of the same name (issue #7: it used to be shifted).
  ["[1]申报表!D37", "申报表", "[1]申报表!D37"],
  ["'[预算.xlsx]申报表'!D37+[2]申报表!$D$40", "申报表", "'[预算.xlsx]申报表'!D37+[2]申报表!$D$40"],
  ['"D37"&D37', "申报表", '"D37"&D38'],
  ["LOG10(D40)", "申报表", "LOG10(D41)"],
])("%s on %s → %s", (formula, on, expected) => {
  expect(shiftFormula(formula, on, shift)).toBe(expected);
});

// A defined name's relative rows are offsets from the cell using it (MS-XLS §2.5.198.85): they stay.
test.each([
  ["申报表!$D$30", "申报表!$D$31"],
  ["申报表!$D30", "申报表!$D30"],
  ["申报表!D1048576", "申报表!D1048576"],
  ["申报表!$D$21:$D30", "申报表!$D$21:$D30"],
  ["申报表!$D$30:D40", "申报表!$D$31:D40"],
  ["申报表!$30:$32", "申报表!$31:$33"],
  ["申报表!30:32", "申报表!30:32"],
])("name %s → %s", (formula, expected) => {
  expect(shiftFormula(formula, "\u0000", shift, { relativeRowsStay: true })).toBe(expected);
});

// The grid ends at row 1048576: ends stop there, cells pushed past it are gone (#REF!), as Excel does.
test.each([
  ["SUM(A2:A1048576)", "SUM(A2:A1048576)"],
  ["申报表!$D$30:$D$1048576", "申报表!$D$31:$D$1048576"],
  ["SUM(30:1048576)", "SUM(31:1048576)"],
  ["A1048576+1", "#REF!+1"],
  ["SUM(A1048576:A1048576)", "SUM(#REF!)"],
])("%s → %s at the sheet's end", (formula, expected) => {
  expect(shiftFormula(formula, "申报表", shift)).toBe(expected);
});
