import { readFileSync } from "fs";
import { join } from "path";
import { recognizeSheet } from "../../src/core/form/recognize";
import { layoutFromTsv } from "../../scripts/lib/tsvLayout";

const seed = readFileSync(join(__dirname, "../../examples/source/seed.tsv"), "utf8");

test("dump", () => {
  const snap = layoutFromTsv(seed);
  console.log(snap.merges.join(" "));
  const rec = recognizeSheet(snap);
  const m = rec.forms[0].model;
  console.log(JSON.stringify({ ...m, indicators: undefined, tasks: m.tasks.map((t) => [t.row, t.name.text, t.parsedAmount.value]) }, null, 0).slice(0, 3000));
  for (const r of m.indicators!.rows) console.log(r.row + 1, r.level1, r.level2, r.shift, r.emptyGroup, r.name.text.slice(0, 12), "|", r.period?.text.slice(0, 10), "|", r.annual.text.slice(0, 10));
});
