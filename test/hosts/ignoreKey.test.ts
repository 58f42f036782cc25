/**
 * ignoreKey() texts are stored in workbooks (the 忽略 list in _BudgetFormState): a workbook saved
 * before positions became {sheet,row,col} must keep its ignored findings ignored, so the keys are
 * pinned here as literal text, not recomputed.
 */
import { checkWorkbook } from "../../src/core/engine";
import { ignoreKey } from "../../src/hosts/host";
import { seedSheet, workbook } from "../helpers/forms";

describe("ignoreKey", () => {
  test("matches keys workbooks already store, byte for byte", () => {
    const keys = checkWorkbook(workbook(seedSheet())).findings.map(ignoreKey);
    // Keys as saved by the pane before this change (seed form, sheet 申报表).
    expect(keys).toEqual(
      expect.arrayContaining([
        "indicators/not-quantified@申报表!E41",
        "indicators/missing-category@申报表!B43",
        "layout/misaligned-row@申报表!C44",
      ]),
    );
  });

  test("quotes a sheet name as Excel does, and uses the first cell only", () => {
    const f = {
      rule: "indicators/unit-mismatch",
      cells: [
        { sheet: "预算 表", row: 24, col: 4 },
        { sheet: "预算 表", row: 24, col: 5 },
      ],
    };
    expect(ignoreKey(f)).toBe("indicators/unit-mismatch@'预算 表'!E25");
    expect(ignoreKey({ rule: "layout/form-not-found", cells: [] })).toBe("layout/form-not-found@");
    expect(ignoreKey({ rule: "r", cells: [{ sheet: "O'Brien", row: 0, col: 27 }] })).toBe("r@'O''Brien'!AB1");
  });
});
