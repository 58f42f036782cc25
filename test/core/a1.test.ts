/**
 * A1 addresses (src/core/a1.ts): the fast path by char code must read exactly what the pattern
 * reads — column letters of either case, optional "$" before each part, spaces around only — and
 * refuse the rest, since merges, findings and every host's ranges go through it.
 */
import { columnIndex, columnName, parseA1, parseRange } from "../../src/core/a1";

describe("parseA1", () => {
  test.each([
    ["A1", 0, 0],
    ["$A$1", 0, 0],
    ["d21", 20, 3],
    ["AB$12", 11, 27],
    ["XFD1048576", 1048575, 16383],
    ["A01", 0, 0],
    [" A1 ", 0, 0],
    ["zz9", 8, 701],
  ])("%j is row %i, column %i", (a1, row, col) => {
    expect(parseA1(a1)).toEqual({ row, col });
  });

  test.each(["", "A", "1", "$", "A$", "ABCD1", "A1B", "$$A1", "A$$1", "中1", "A-1", "1A"])("%j is not an address", (a1) => {
    expect(() => parseA1(a1)).toThrow("not an A1 cell address");
  });

  test("column letters and names agree both ways, over the whole sheet width", () => {
    for (let c = 0; c < 16384; c++) {
      expect(columnIndex(columnName(c))).toBe(c);
      expect(columnIndex(columnName(c).toLowerCase())).toBe(c);
    }
  });

  test("a range is ordered whichever corner comes first", () => {
    expect(parseRange("F38:B20")).toEqual({ top: 19, left: 1, bottom: 37, right: 5 });
    expect(parseRange("$b$20")).toEqual({ top: 19, left: 1, bottom: 19, right: 1 });
  });
});
