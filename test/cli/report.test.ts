/** The text report's grouping of repeated tips, on the seed's real result with one tip repeated. */
import { formatRef } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { FormEntry, entriesFor, isChecked, toText } from "../../src/cli/report";
import { readExample } from "../helpers/xlsx";

async function seedEntry() {
  const result = checkWorkbook((await readExample("seed-form.xlsx")).snapshot);
  const [read] = entriesFor("seed-form.xlsx", result, "申报表");
  if (!isChecked(read)) throw new Error("the seed's form was not read");
  const entry: FormEntry = read;
  const tip = entry.findings.find((f) => f.severity === "info")!;
  // The same tip on eleven more rows, as a rule that reports per row would give it.
  const copies = Array.from({ length: 11 }, (_, i) => ({ ...tip, cells: [{ sheet: "申报表", row: 59 + i, col: 4 }] }));
  return { entry: { ...entry, findings: [...entry.findings, ...copies] }, tip };
}

test.each([
  ["zh", "      同类提示另有 11 处:E60、E61、E62、E63、E64、E65、E66、E67 …"],
  ["en", "      11 more like this: E60, E61, E62, E63, E64, E65, E66, E67 …"],
] as const)("a tip repeated on many rows is listed once, then its other cells (%s)", async (lang, more) => {
  const { entry, tip } = await seedEntry();
  const lines = toText([entry], 1, lang).split("\n");
  const first = lines.indexOf(
    `    ${formatRef(tip.cells[0])}${tip.cells.length > 1 ? (lang === "zh" ? ` 等 ${tip.cells.length} 处` : ` and ${tip.cells.length - 1} more`) : ""}  ${tip.rule}  ${tip.message[lang]}`,
  );
  expect(first).toBeGreaterThan(0);
  expect(lines[first + 1]).toBe(more);
  expect(lines.filter((l) => l.includes(tip.rule))).toHaveLength(1);
});

test("errors and warnings are never grouped: each keeps its own line", async () => {
  const { entry } = await seedEntry();
  const lines = toText([entry], 1, "zh").split("\n");
  for (const f of entry.findings.filter((f) => f.severity !== "info"))
    expect(lines).toContain(
      `    ${formatRef(f.cells[0])}${f.cells.length > 1 ? ` 等 ${f.cells.length} 处` : ""}  ${f.rule}  ${f.message.zh}`,
    );
});
