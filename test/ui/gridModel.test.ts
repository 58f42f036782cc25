import { anchorOf, buildGrid, displayText } from "../../src/taskpane/preview/gridModel";
import { parseA1 } from "../../src/core/a1";
import { SheetSnapshot } from "../../src/core/snapshot";
import { seedSheet } from "../helpers/forms";

function sheet(values: SheetSnapshot["values"], merges: string[] = [], origin = { row: 0, col: 0 }): SheetSnapshot {
  return { name: "S", originRow: origin.row, originCol: origin.col, values, merges, hiddenRows: [] };
}

describe("preview grid layout", () => {
  test("a merge is drawn once at its anchor with its spans; covered cells are left out", () => {
    const g = buildGrid(
      sheet(
        [
          ["a", null, "c"],
          [null, null, "f"],
        ],
        ["A1:B2"],
      ),
    );
    expect(g.rowCount).toBe(2);
    expect(g.colCount).toBe(3);
    expect(g.rows[0].map((c) => [c.address, c.rowSpan, c.colSpan, c.text])).toEqual([
      ["A1", 2, 2, "a"],
      ["C1", 1, 1, "c"],
    ]);
    expect(g.rows[1].map((c) => c.address)).toEqual(["C2"]);
  });

  test("starts at A1 even when the used range starts lower, so headers match Excel", () => {
    const g = buildGrid(sheet([["x"]], [], { row: 4, col: 3 }));
    expect(g.rowCount).toBe(5);
    expect(g.colCount).toBe(4);
    expect(g.rows[4].find((c) => c.text === "x")?.address).toBe("D5");
  });

  test("numbers show their format's decimals; errors and booleans show like Excel", () => {
    expect(displayText(326.6, 2)).toBe("326.60");
    expect(displayText(0.1 + 0.2)).toBe("0.3");
    expect(displayText({ error: "#REF!" })).toBe("#REF!");
    expect(displayText(true)).toBe("TRUE");
    const g = buildGrid(sheet([[326.6, 40.64]]), { A1: 2 });
    expect(g.rows[0].map((c) => c.text)).toEqual(["326.60", "40.64"]);
    expect(g.rows[0][0].numeric).toBe(true);
  });

  test("a sheet larger than the limits is cut and says so; merges crossing the edge are clipped", () => {
    const g = buildGrid(
      sheet(
        [
          ["a", "b", "c"],
          ["d", "e", "f"],
          ["g", "h", "i"],
        ],
        ["B2:C3"],
      ),
      {},
      { rows: 2, cols: 2 },
    );
    expect(g.truncated).toBe(true);
    expect(g.rows[1].find((c) => c.address === "B2")).toMatchObject({ rowSpan: 1, colSpan: 1 });
  });

  test("a cell inside a merge selects the merge's anchor", () => {
    const s = seedSheet();
    const merge = s.merges.find((m) => m.includes(":"))!;
    const [a, b] = merge.split(":");
    expect(anchorOf(s, parseA1(b))).toBe(a);
    expect(anchorOf(s, parseA1(a))).toBe(a);
    expect(anchorOf(s, { row: 98, col: 25 })).toBe("Z99");
  });

  test("the example form lays out with every value cell present exactly once", () => {
    const s = seedSheet();
    const g = buildGrid(s);
    const seen = new Set<string>();
    for (const line of g.rows)
      for (const c of line) {
        expect(seen.has(c.address)).toBe(false);
        seen.add(c.address);
      }
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const addr = String.fromCharCode(65 + c + s.originCol) + (r + s.originRow + 1);
        expect(seen.has(addr)).toBe(true);
      }),
    );
  });
});
