/** Reading through ET's object model gives the core the same picture as the file host does. */
import fc from "fast-check";
import { parseRange, rangeToA1 } from "../../../src/core/a1";
import { checkWorkbook } from "../../../src/core/engine";
import { SheetSnapshot } from "../../../src/core/snapshot";
import { formattedNumber } from "../../../src/hosts/file/cellValue";
import { EtApp, activeDoc, grid, toCellValue } from "../../../src/hosts/wps/et";
import { readWorkbook } from "../../../src/hosts/wps/read";
import { FakeEtApp } from "./fakeEt";
import { fixtureFake, hostOn, seedFake } from "./helpers";

const cells = (s: SheetSnapshot) => {
  const out: Record<string, unknown> = {};
  s.values.forEach((row, i) => row.forEach((v, j) => v !== null && (out[`${s.originRow + i},${s.originCol + j}`] = v)));
  return out;
};
const merges = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();

test("the seed form reads as the file host reads it: values, formulas, merges, hidden rows, shown text", async () => {
  const { app, read } = await seedFake();
  const host = hostOn(app);
  const { snapshot: snap, warnings } = await host.read();
  expect(warnings).toEqual([]);
  expect(snap.source).toBe("seed-form.xlsx");
  expect(snap.sheets.map((s) => s.name)).toEqual(read.snapshot.sheets.map((s) => s.name));
  for (const [i, s] of snap.sheets.entries()) {
    const f = read.snapshot.sheets[i];
    expect(cells(s)).toEqual(cells(f));
    expect(cells({ ...s, values: s.texts ?? [] })).toEqual(cells({ ...f, values: f.texts ?? [] }));
    expect(merges(s)).toEqual(merges(f));
    expect(s.hiddenRows).toEqual(f.hiddenRows);
  }
  // The same findings, so the pane in WPS shows what the command line shows.
  const ids = (w: typeof snap) =>
    checkWorkbook(w)
      .findings.map((x) => `${x.rule}@${x.cells.join(",")}`)
      .sort();
  expect(ids(snap)).toEqual(ids(read.snapshot));
  expect(ids(snap).length).toBeGreaterThan(0);
});

test("reading costs one Value2 and one Formula call per sheet, not one per cell", async () => {
  const { app } = await seedFake();
  readWorkbook(activeDoc(app as unknown as EtApp));
  const n = (what: string) => app.log.filter((l) => l === what).length;
  expect(n("Range.Value2")).toBe(app.ActiveWorkbook.sheets.length);
  expect(n("Range.Formula")).toBe(app.ActiveWorkbook.sheets.length);
  // The shown text is formatted here from the number formats, never asked of a cell.
  expect(n("Range.Text")).toBe(0);
});

test("shown text comes from Value2 and the number format as the file host formats it, not Range.Text (#### in a narrow column)", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = "金额";
  Object.assign(ws.cell(1, 0), { v: 1234.5, fmt: "#,##0.00" });
  Object.assign(ws.cell(2, 0), { v: 0.955, fmt: "0.0%" });
  Object.assign(ws.cell(3, 0), { v: 12, fmt: "0.00" });
  ws.widths.set(0, 4);
  // The fake shows what WPS would: a row of # where the number does not fit.
  expect(ws.Range("A2").Text).toBe("####");
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  const want = [null, formattedNumber(1234.5, "#,##0.00"), formattedNumber(0.955, "0.0%"), formattedNumber(12, "0.00")];
  expect(want).toEqual([null, "1,234.50", "95.5%", "12.00"]);
  expect(s.texts?.map((r) => r[0])).toEqual(want);
});

test("a date is its serial in Value2 and reads as the file host reads a date: ISO text", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = "填报日期";
  Object.assign(ws.cell(0, 1), { v: 45292, fmt: "yyyy-mm-dd" });
  Object.assign(ws.cell(0, 2), { v: 45292.5, fmt: 'yyyy"年"m"月"d"日" hh:mm' });
  Object.assign(ws.cell(0, 3), { v: 45292, fmt: "0" });
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s.values[0]).toEqual(["填报日期", "2024-01-01", "2024-01-01T12:00:00", 45292]);
});

test("a formula error arrives as WPS's error code and becomes an error; the same number typed in stays a number", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = { err: 2007 };
  ws.cell(0, 0).f = "=1/0";
  ws.cell(0, 1).v = { err: 2029 };
  ws.cell(0, 1).f = "=金额合计";
  ws.cell(0, 2).v = { err: 2042 };
  ws.cell(0, 3).v = -2146826281;
  ws.cell(0, 4).v = 2007;
  ws.cell(1, 0).v = "x";
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s.values[0]).toEqual([{ error: "#DIV/0!" }, { error: "#NAME?" }, { error: "#N/A" }, -2146826281, 2007]);
  expect(s.formulas?.[0][0]).toBe("=1/0");
});

test("an amount that is #DIV/0! in WPS raises the error finding, never −2,146,826,281 万元", async () => {
  const { app, read } = await seedFake();
  const { checkWorkbook: check } = await import("../../../src/core/engine");
  // The first numeric cell the file host reads: make it a formula that divides by zero, in both.
  const sheet = read.snapshot.sheets[0];
  let at: [number, number] | null = null;
  sheet.values.forEach((row, i) => row.forEach((v, j) => !at && typeof v === "number" && (at = [i, j])));
  const [i, j] = at!;
  const fake = app.ActiveWorkbook.sheets[0].cell(sheet.originRow + i, sheet.originCol + j);
  fake.v = { err: 2007 };
  fake.f = "=1/0";
  const snap = (await hostOn(app).read()).snapshot;
  expect(snap.sheets[0].values[i][j]).toEqual({ error: "#DIV/0!" });
  const want = structuredClone(read.snapshot);
  want.sheets[0].values[i][j] = { error: "#DIV/0!" };
  const rules = (w: typeof snap) =>
    check(w)
      .findings.map((x) => `${x.rule}@${x.cells.join(",")}`)
      .sort();
  expect(rules(snap)).toEqual(rules(want));
  expect(JSON.stringify(snap)).not.toContain("-2146826281");
});

test("Value2 shapes: a scalar for one cell, a 2-D array for a block, a flat array for one row on some builds", () => {
  expect(grid(5, 1, 1)).toEqual([[5]]);
  expect(
    grid(
      [
        [1, 2],
        [3, undefined],
      ],
      2,
      2,
    ),
  ).toEqual([
    [1, 2],
    [3, undefined],
  ]);
  expect(grid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
  expect(grid([1, 2, 3], 3, 1)).toEqual([[1], [2], [3]]);
  expect([undefined, null, ""].map((v) => toCellValue(v))).toEqual([null, null, null]);

  const app = new FakeEtApp();
  app.oneDimRows = true;
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(2, 1).v = "项目名称";
  ws.cell(2, 2).v = 12;
  ws.cell(2, 3).v = true;
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s).toMatchObject({ originRow: 2, originCol: 1, values: [["项目名称", 12, true]] });
});

test("a number shown through its format keeps the shown text; hidden rows are 0-based like every snapshot position", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = 0.95;
  ws.cell(0, 0).fmt = "0%";
  ws.cell(1, 0).v = 3;
  ws.hidden.add(1);
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s.texts?.[0][0]).toBe("95%");
  expect(s.texts?.[1][0]).toBeNull();
  expect(s.hiddenRows).toEqual([1]);
});

test("our own hidden sheets are not part of the snapshot", async () => {
  const { app } = await seedFake();
  const host = hostOn(app);
  await host.saveState({ ignored: ["x@A1"], settings: { lang: "en", liveCheck: false, config: {} } });
  const snap = (await host.read()).snapshot;
  expect(snap.sheets.map((s) => s.name)).not.toContain("_BudgetFormState");
});

test("a form with hidden rows: the same 0-based hidden rows as the file host reads", async () => {
  const { app, read } = await fixtureFake("hidden-rows.xlsx");
  const { snapshot } = await hostOn(app).read();
  const want = read.snapshot.sheets.map((s) => s.hiddenRows);
  expect(want.flat().length).toBeGreaterThan(0);
  expect(snapshot.sheets.map((s) => s.hiddenRows)).toEqual(want);
});

test("a template formatted down to row 65,536 is checked: the used range is trimmed to its last content", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = "项目名称";
  ws.cell(1, 0).v = "年度金额";
  Object.assign(ws.cell(1, 1), { v: 12.5, fmt: "0.00" });
  // Borders and number formats a template carries to the sheet's end: formatted, empty.
  for (let r = 2; r < 65536; r++) for (let c = 0; c < 4; c++) ws.cell(r, c).fmt = "@";
  expect(ws.UsedRange.Rows.Count).toBe(65536);
  const { snapshot, warnings } = readWorkbook(activeDoc(app as unknown as EtApp));
  expect(warnings).toEqual([]);
  expect(snapshot.sheets[0].values).toEqual([
    ["项目名称", null],
    ["年度金额", 12.5],
  ]);
  expect(snapshot.sheets[0].texts?.[1][1]).toBe("12.50");
});

test("a sheet without merges or hidden rows costs the same few calls at 10 rows or 5,000: no per-row loop", () => {
  const cost = (rows: number) => {
    const app = new FakeEtApp();
    const ws = app.ActiveWorkbook.addSheet("表");
    for (let r = 0; r < rows; r++) {
      ws.cell(r, 0).v = `指标${r}`;
      Object.assign(ws.cell(r, 1), { v: r, fmt: "0.00" });
    }
    app.calls = 0;
    const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
    expect(s.values.length).toBe(rows);
    return app.calls;
  };
  expect(cost(5000)).toBe(cost(10));
  expect(cost(10)).toBeLessThan(25);
});

test("merges are found without walking every cell: MergeArea is asked of at most two cells per merge on the seed form", async () => {
  const { app } = await seedFake();
  const merges = app.ActiveWorkbook.sheets[0].merges.length;
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s.merges.length).toBe(merges);
  const asked = app.log.filter((l) => l === "Range.MergeArea").length;
  expect(asked).toBeLessThanOrEqual(2 * merges);
  // The old walk asked every cell of every row holding a merge.
  expect(asked).toBeLessThan(s.values.length * s.values[0].length);
});

test("an empty merged block (no value in any of its cells) is still found", () => {
  const app = new FakeEtApp();
  const ws = app.ActiveWorkbook.addSheet("表");
  ws.cell(0, 0).v = "绩效目标";
  ws.cell(0, 1).v = "说明";
  ws.cell(3, 3).v = "末";
  ws.merges.push(parseRange("A2:C3"));
  const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
  expect(s.merges).toEqual(["A2:C3"]);
});

describe("merges and formats in bulk (issue #22: ≤ 150 bridge calls to read the example)", () => {
  test("the seed form reads in ≤ 150 bridge calls, MergeArea asked of at most 1.4 cells per merge", async () => {
    const { app } = await seedFake();
    // Test access (app.books), not a bridge call.
    const merges = app.books[0].sheets[0].merges.length;
    const host = hostOn(app);
    await host.read();
    expect(app.calls).toBeLessThanOrEqual(150);
    expect(app.log.filter((l) => l === "Range.MergeArea").length).toBeLessThanOrEqual(Math.ceil(1.4 * merges));
    // The used range's size comes from its one Address, not Row, Column and the two Counts.
    expect(app.log.filter((l) => l === "Rows.Count" || l === "Columns.Count")).toEqual([]);
  });

  test("a merge without a value beside a cell with content, and a label above a merge of the next row, are found", () => {
    const app = new FakeEtApp();
    const ws = app.ActiveWorkbook.addSheet("表");
    // A19-style: a label in A, a merge B:F with no value right of it; the row above has content.
    ["序号", "指标", "值", "单位"].forEach((v, c) => (ws.cell(0, c).v = v));
    ws.cell(1, 0).v = "备注";
    ws.merges.push(parseRange("B2:D2"));
    // A vertical merge whose top-left holds the value, next to a merge of the next row only.
    ws.cell(2, 0).v = "产出";
    ws.cell(2, 1).v = "数量";
    ws.cell(3, 2).v = "质量";
    ws.merges.push(parseRange("A3:A5"), parseRange("C4:D4"));
    ws.cell(5, 3).v = "末";
    const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
    expect([...s.merges].sort()).toEqual(ws.mergeList());
  });

  test("any layout of merges and values reads back its merges exactly (property, on the fake)", () => {
    const cell = fc.record({ r: fc.nat(7), c: fc.nat(5), h: fc.nat(2), w: fc.nat(3), value: fc.boolean() });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.array(fc.tuple(fc.nat(9), fc.nat(7)), { maxLength: 25 }), (blocks, filled) => {
        const app = new FakeEtApp();
        const ws = app.ActiveWorkbook.addSheet("表");
        const taken = new Set<string>();
        for (const b of blocks) {
          const m = { top: b.r, left: b.c, bottom: b.r + b.h, right: b.c + b.w };
          const keys: string[] = [];
          for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) keys.push(`${r},${c}`);
          if (keys.length < 2 || keys.some((k) => taken.has(k))) continue;
          keys.forEach((k) => taken.add(k));
          ws.merges.push(m);
          // Only a merge's top-left cell holds a value (VBA Range.Merge).
          if (b.value) ws.cell(m.top, m.left).v = `合并${m.top}`;
        }
        for (const [r, c] of filled) if (!taken.has(`${r},${c}`)) ws.cell(r, c).v = r * 10 + c;
        const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
        expect([...s.merges].sort()).toEqual(ws.mergeList());
      }),
      { numRuns: 300 },
    );
  });

  test("number formats: one call when the whole area shares one, one per run of numbers down a column otherwise", () => {
    const build = (mixed: boolean) => {
      const app = new FakeEtApp();
      const ws = app.ActiveWorkbook.addSheet("表");
      for (let r = 0; r < 40; r++) {
        ws.cell(r, 0).v = `指标${r}`;
        // Unformatted (General, like the labels) or, from row 21 on, two decimals.
        ws.cell(r, 1).v = r + 0.5;
        if (mixed && r >= 20) ws.cell(r, 1).fmt = "0.00";
      }
      app.calls = 0;
      const s = readWorkbook(activeDoc(app as unknown as EtApp)).snapshot.sheets[0];
      return { app, s };
    };
    const same = build(false);
    expect(same.app.log.filter((l) => l === "Range.NumberFormat").length).toBe(1);
    expect(same.s.values[25][1]).toBe(25.5);
    const mixed = build(true);
    // The area (mixed: text is General), the column's run (mixed) and its two halves.
    expect(mixed.app.log.filter((l) => l === "Range.NumberFormat").length).toBeLessThanOrEqual(4);
    expect(mixed.s.texts?.[19]?.[1] ?? null).toBe(formattedNumber(19.5, undefined));
    expect(mixed.s.texts?.[20][1]).toBe("20.50");
  });
});
