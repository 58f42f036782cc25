/**
 * Property: every insertion into every supported layout keeps the form intact (issue #7). Forms are
 * generated — 成本 as 二级 or 一级, one value column or two, at an offset, on two printed pages,
 * with hidden rows, a value merged down a group, groups of one to three rows, empty printed groups,
 * any group missing — then a template of a random group is inserted (fill / append / create,
 * whichever the form calls for) through the same path as `budget-form add`, the file is written,
 * and the post-conditions are proved on the written bytes by an independent read — a raw OOXML reader
 * that shares no code with the writer (exceljs) — with which exceljs's own read of the same bytes must
 * agree, cell by cell and merge by merge; the file must also equal the core's reference run of the same
 * plan (one edit engine).
 * Fixed seed and bounded runs: deterministic and a few seconds on one core.
 */
import { CellRef, formatRef } from "../../src/core/a1";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { CATALOGUE } from "../../src/core/templates/catalogue";
import { Level1, Level2 } from "../../src/core/form/model";
import { readXlsx } from "../../src/hosts/file";
import { parseRange, rangeToA1 } from "../../src/core/a1";
import { applyToWorkbook } from "../../src/core/plan/applyToSnapshot";
import { SheetSnapshot, WorkbookSnapshot, cellValue, sheetExtent } from "../../src/core/snapshot";
import { CLASSIC_GROUPS, COST101_GROUPS, GenSpec, Seen, buildForm, disagreements, exceljsRead, independentRead } from "../helpers/genForm";
import { insertIntoFile } from "../helpers/insertFile";
import { brokenConditions } from "../helpers/postConditions";

const bare = (label: string) => label.replace(/指标$/, "");

/** A catalogue template of the group, as the layout places it. */
function templateOf(level1: string, level2: string, cost101: boolean) {
  return CATALOGUE.find((t) => {
    const p = cost101 ? t.placement101 : t.placement;
    return p.level1 === (bare(level1) as Level1) && p.level2 === (bare(level2) as Level2) && !t.capByProjectAmount;
  })!;
}

const spec = fc
  .record({
    cost101: fc.boolean(),
    singleValue: fc.boolean(),
    offset: fc.boolean(),
    sizes: fc.array(fc.constantFrom<number | "empty">(0, 0, 1, 1, 2, 3, "empty"), { minLength: 11, maxLength: 11 }),
    target: fc.nat(),
    merged: fc.option(fc.nat(), { nil: undefined }),
    hidden: fc.option(fc.nat(), { nil: undefined }),
    pageBreak: fc.option(fc.nat(), { nil: undefined }),
  })
  .map((x) => {
    const table = x.cost101 ? COST101_GROUPS : CLASSIC_GROUPS;
    const groups = table.map(([level1, level2], i) => ({ level1, level2, rows: x.sizes[i] }));
    // The recognizer needs an indicator table to find: keep 数量 printed.
    if (groups[0].rows === 0) groups[0].rows = 1;
    const multi = groups.map((g, i) => (typeof g.rows === "number" && g.rows >= 2 ? i : -1)).filter((i) => i >= 0);
    const pick = (n: number | undefined, from: number[]) => (n === undefined || from.length === 0 ? undefined : from[n % from.length]);
    const present = groups.map((g, i) => (g.rows !== 0 && i > 0 ? i : -1)).filter((i) => i >= 0);
    const s: GenSpec = {
      groups,
      singleValue: x.singleValue,
      rowOffset: x.offset ? 2 : 0,
      colOffset: x.offset ? 1 : 0,
      mergedValueGroup: pick(x.merged, multi),
      hiddenGroup: pick(x.hidden, multi),
      pageBreakGroup: pick(x.pageBreak, present),
    };
    const [level1, level2] = table[x.target % table.length];
    return { spec: s, template: templateOf(level1, level2, x.cost101) };
  });

const errorsOf = (wb: WorkbookSnapshot) => checkWorkbook(wb).findings.filter((f) => f.severity === "error");
const merges = (s: SheetSnapshot) => s.merges.map((m) => rangeToA1(parseRange(m))).sort();

test("every insertion keeps every value, group and merge, and adds no error", async () => {
  const modes = new Set<string>();
  let cases = 0;
  let compared = 0;
  /** The raw read, proved to agree with exceljs's read of the same bytes. */
  const read = async (bytes: Uint8Array, which: string, broken: string[]): Promise<Seen> => {
    const raw = await independentRead(bytes);
    const d = disagreements(raw, await exceljsRead(bytes));
    compared += d.compared;
    broken.push(...d.diffs.map((x) => `${which} file, raw and exceljs reads differ: ${x}`));
    return raw;
  };
  await fc.assert(
    fc.asyncProperty(spec, async ({ spec, template }) => {
      const form = await buildForm(spec);
      const r = await insertIntoFile(form.bytes, template);
      if ("error" in r) throw new Error(`refused ${template.id}: ${r.error}`);
      modes.add(r.inserted.mode);
      cases++;
      const agree: string[] = [];
      const broken = brokenConditions(await read(form.bytes, "generated", agree), await read(r.bytes, "written", agree), r.inserted);
      broken.push(...agree);
      // Re-checking finds no new error (rows below the new one moved down by one).
      const shift = (c: CellRef): CellRef => (r.inserted.mode === "fill" || c.row < r.inserted.row ? c : { ...c, row: c.row + 1 });
      const written = (await readXlsx(r.bytes, "gen.xlsx")).snapshot;
      const before = new Set(errorsOf(r.before).map((f) => `${f.rule} ${f.cells.map(shift).map(formatRef).join(",")}`));
      for (const f of errorsOf(written)) {
        const k = `${f.rule} ${f.cells.map(formatRef).join(",")}`;
        if (!before.has(k)) broken.push(`new error ${k}: ${f.message.zh}`);
      }
      // One edit engine: the file host made exactly the workbook the core's reference run of the same steps makes.
      const reference = applyToWorkbook(r.before, r.plan);
      if (!reference.ok) broken.push(`reference refused: ${reference.reason.en}`);
      else {
        const [x, y] = [written.sheets[0], reference.value.sheets[0]];
        if (JSON.stringify(merges(x)) !== JSON.stringify(merges(y)))
          broken.push(`merges differ from the reference: ${merges(x)} vs ${merges(y)}`);
        const ext = sheetExtent(y);
        for (let row = 0; row <= ext.lastRow + 1; row++) {
          for (let col = 0; col <= ext.lastCol + 1; col++) {
            if (JSON.stringify(cellValue(x, row, col)) !== JSON.stringify(cellValue(y, row, col)))
              broken.push(`r${row + 1}c${col + 1} differs from the reference`);
          }
        }
      }
      if (broken.length) throw new Error(`${template.id} (${r.inserted.mode}) into ${JSON.stringify(spec)}:\n${broken.join("\n")}`);
    }),
    { seed: 7, numRuns: 50 },
  );
  // The generator reaches every kind of insertion.
  expect([...modes].sort()).toEqual(["append", "fill", "new-group", "new-level1"]);
  // Both readers were compared on every case, on every cell either of them saw.
  expect(cases).toBe(50);
  expect(compared).toBeGreaterThan(100 * cases);
});
