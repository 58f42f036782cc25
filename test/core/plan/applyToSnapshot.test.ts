import { applyToSnapshot, applyToWorkbook } from "../../../src/core/plan/applyToSnapshot";
import { EditPlan, setValue } from "../../../src/core/plan/editPlan";
import { SheetSnapshot, cellValue } from "../../../src/core/snapshot";
import { cellAt } from "../../helpers/cells";
import { parseRange } from "../../../src/core/a1";

const S = "表";
const base = (): SheetSnapshot => ({
  name: S,
  originRow: 1, // values start at row 2
  originCol: 0,
  values: [
    ["a2", "b2"],
    ["a3", "b3"],
    ["a4", "b4"],
    ["a5", "b5"],
  ],
  formulas: [
    [null, null],
    [null, "=A3"],
    [null, null],
    [null, null],
  ],
  merges: ["A2:A3", "B3:B5", "A5:B5"],
  hiddenRows: [3], // row 4
});
const plan = (...edits: EditPlan["edits"]): EditPlan => ({ title: { zh: "测试", en: "test" }, edits });
const get = (s: SheetSnapshot, a1: string) => {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return cellValue(s, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
};
const applied = (s: SheetSnapshot, p: EditPlan) => {
  const r = applyToSnapshot(s, p);
  if (!r.ok) throw new Error(r.reason.zh);
  return r.value;
};

describe("applyToSnapshot", () => {
  test("insertRows moves values, formulas and hidden rows; merges shift, grow or stay like Excel's", () => {
    const s = applied(base(), plan({ op: "insertRows", sheet: S, row: 3, count: 1, formatFrom: 2 }));
    expect(get(s, "A3")).toBe("a3");
    expect(get(s, "A4")).toBeNull();
    expect(get(s, "B4")).toBeNull();
    expect(get(s, "A5")).toBe("a4");
    expect(get(s, "B6")).toBe("b5");
    expect(s.formulas![1][1]).toBe("=A3");
    expect(s.merges).toEqual(["A2:A3", "B3:B6", "A6:B6"]);
    expect(s.hiddenRows).toEqual([4]); // row 4 moved to row 5
    expect(s.originRow).toBe(1);
    // The input is untouched.
    expect(base().merges).toEqual(["A2:A3", "B3:B5", "A5:B5"]);
  });

  test("inserting above the used range moves the origin only", () => {
    const s = applied(base(), plan({ op: "insertRows", sheet: S, row: 0, count: 2, formatFrom: 1 }));
    expect(s.originRow).toBe(3);
    expect(get(s, "A4")).toBe("a2");
    expect(s.merges).toEqual(["A4:A5", "B5:B7", "A7:B7"]);
  });

  test("insertRows counts rows from 0 and refuses a position no row has", () => {
    // Row 0 is Excel's row 1: inserting there is valid.
    expect(applyToSnapshot(base(), plan({ op: "insertRows", sheet: S, row: 0, count: 1, formatFrom: 0 })).ok).toBe(true);
    for (const bad of [
      { row: -1, count: 1, formatFrom: 0 },
      { row: 1.5, count: 1, formatFrom: 0 },
      { row: 1, count: 0, formatFrom: 0 },
      { row: 1, count: 1, formatFrom: -1 },
    ]) {
      const r = applyToSnapshot(base(), plan({ op: "insertRows", sheet: S, ...bad }));
      expect(r.ok || r.reason.zh).toBe("“测试”中的插入行参数无效");
    }
  });

  test("setValue writes, grows the grid, writes a merge's top-left cell, refuses a formula cell, honours expected", () => {
    let s = applied(base(), plan(setValue(cellAt(S, "D9"), "x"), setValue(cellAt(S, "A1"), "top", null)));
    expect(get(s, "D9")).toBe("x");
    expect(get(s, "A1")).toBe("top");
    expect(get(s, "A2")).toBe("a2");
    s = applied(s, plan(setValue(cellAt(S, "D9"), "", "x")));
    expect(get(s, "D9")).toBeNull();
    // A3 is covered by the merge A2:A3: the value goes where it shows, and is compared with what shows.
    s = applied(base(), plan(setValue(cellAt(S, "A3"), "new", "a2")));
    expect([get(s, "A2"), get(s, "A3")]).toEqual(["new", "a3"]);
    // B3 holds a formula: writing a constant over it would lose it.
    const formula = applyToSnapshot(base(), plan(setValue(cellAt(S, "B3"), 7, "b3")));
    expect(!formula.ok && formula.reason.zh).toBe(
      "单元格 表!B3 是公式(=A3),自动修改会把公式替换为固定值,未做任何更改。请直接修改公式或它引用的单元格。",
    );
    const stale = applyToSnapshot(base(), plan(setValue(cellAt(S, "A2"), "new", "old")));
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.reason.zh).toBe("单元格 表!A2 已被修改(现在是“a2”,修复是按“old”计算的),未做任何更改。请重新检查后再修复。");
    // Blank text and null are the same to a user.
    expect(applyToSnapshot({ ...base(), values: [["  "]] }, plan(setValue(cellAt(S, "A2"), "v", null))).ok).toBe(true);
  });

  test("merge refuses overlaps and lost content; unmerge refuses an area that is not merged", () => {
    const lose = applyToSnapshot(
      base(),
      plan({ op: "unmerge", sheet: S, range: parseRange("B3:B5") }, { op: "merge", sheet: S, range: parseRange("B3:B4") }),
    );
    expect(!lose.ok && lose.reason.zh).toBe("无法合并 表!B3:B4:表!B4 有内容,合并会丢失它");
    expect(
      applied(
        base(),
        plan({ op: "unmerge", sheet: S, range: parseRange("B3:B5") }, setValue(cellAt(S, "B4"), null, "b4"), {
          op: "merge",
          sheet: S,
          range: parseRange("B3:B4"),
        }),
      ).merges,
    ).toEqual(["A2:A3", "A5:B5", "B3:B4"]);
    const overlap = applyToSnapshot(base(), plan({ op: "merge", sheet: S, range: parseRange("A3:A4") }));
    expect(!overlap.ok && overlap.reason.zh).toBe("无法合并 表!A3:A4:与已合并的 A2:A3 重叠");
    const missing = applyToSnapshot(base(), plan({ op: "unmerge", sheet: S, range: parseRange("C1:C2") }));
    expect(!missing.ok && missing.reason.zh).toBe("无法取消合并 表!C1:C2:该区域未合并");
    // An area no cells make is an invalid address; corners given the other way round are the same area.
    const bad = applyToSnapshot(base(), plan({ op: "merge", sheet: S, range: { top: -1, left: 2, bottom: 3, right: 2 } }));
    expect(!bad.ok && bad.reason.zh).toBe("“测试”中的单元格地址无效");
    const flipped = { top: 5, left: 3, bottom: 4, right: 2 }; // D6 to C5
    expect(applied(base(), plan({ op: "merge", sheet: S, range: flipped })).merges).toContain("C5:D6");
  });

  test("a workbook plan is all or nothing and names a missing sheet", () => {
    const wb = { source: "x.xlsx", sheets: [base()] };
    const r = applyToWorkbook(wb, plan(setValue(cellAt(S, "A2"), "changed"), setValue(cellAt("别的表", "A1"), 1)));
    expect(!r.ok && r.reason.zh).toBe("找不到工作表「别的表」,无法应用“测试”");
    expect(get(wb.sheets[0], "A2")).toBe("a2");
  });
});
