/**
 * npx tsx scripts/corpus-table.ts: the measured tables for docs/corpus.md.
 *  1. The printed corpus (test/corpus/printed/): per kind and per rule, with the forms the checker
 *     did not read before issue #19 (baseline.json) counted separately.
 *  2. The mapped corpus (test/corpus/forms/): per rule, as before.
 * --all also lists the findings not scored and the tips; --baseline records which printed forms the
 * checker of this checkout reads (run once on the code before issue #19, see docs/corpus.md).
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { formatRef } from "../src/core/a1";
import { FormScore, markdownTable, scoreCorpus } from "./lib/corpusScore";
import { PRINTED_DIR, PRINTED_KINDS, PrintedResult, checkAllPrinted, measurePrinted, modelKind, recallOf } from "./lib/printedCorpus";

const BASELINE = join(PRINTED_DIR, "baseline.json");

interface Baseline {
  about: string;
  /** Form id → the kinds the checker before issue #19 read in it (empty: not read). */
  read: Record<string, string[]>;
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${Math.round((100 * n) / d)}%`);

function kindTable(results: PrintedResult[]): string {
  const lines = [
    "| 类型 kind | 表 forms | 按类型读到 read as kind | 预期问题 expected | 找到 found | 误报错误 false errors | 误报警告 false warnings (per form) | 召回率 recall |",
    "|---|---|---|---|---|---|---|---|",
  ];
  const row = (label: string, rs: PrintedResult[]) => {
    const m = measurePrinted(rs);
    const asKind = rs.filter((r) => !m.wrongKind.some((w) => w.startsWith(`${r.id}:`))).length;
    const fw = m.falseWarnings.length;
    lines.push(
      `| ${label} | ${rs.length} | ${asKind} | ${m.expectedProblems} | ${m.found} | ${m.falseErrors.length} | ${fw} (${rs.length ? (fw / rs.length).toFixed(2) : "—"}) | ${pct(m.found, m.expectedProblems)} |`,
    );
  };
  for (const k of PRINTED_KINDS) {
    const rs = results.filter((r) => r.expected.kind === k);
    if (rs.length > 0) row(`\`${k}\``, rs);
  }
  row("**all**", results);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const results = await checkAllPrinted();
  if (process.argv.includes("--baseline")) {
    const baseline: Baseline = {
      about:
        "Which printed forms the checker read before issue #19 (main at 95cba0f), by `npx tsx scripts/corpus-table.ts --baseline` on that code; docs/corpus.md counts the forms it did not read separately.",
      // The checker before issue #19 had no kinds: every form it read was a department form.
      read: Object.fromEntries(results.map((r) => [r.id, r.kindsRead.map((k) => k ?? "department")])),
    };
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 1)}\n`);
    console.log(`baseline: ${results.filter((r) => r.kindsRead.length > 0).length} of ${results.length} forms read`);
    return;
  }
  const baseline: Baseline | null = existsSync(BASELINE) ? (JSON.parse(readFileSync(BASELINE, "utf8")) as Baseline) : null;
  const m = measurePrinted(results);
  console.log(`## Printed corpus: ${results.length} forms\n`);
  console.log(kindTable(results));
  if (baseline) {
    const unread = results.filter((r) => modelKind(r.expected.kind) !== null && (baseline.read[r.id] ?? []).length === 0);
    const unknown = results.filter((r) => !(r.id in baseline.read)).map((r) => r.id);
    console.log(`\n### Forms the checker did not read before issue #19: ${unread.length}\n`);
    console.log(kindTable(unread));
    if (unknown.length) console.log(`\n(not in the baseline: ${unknown.join(", ")})`);
  }
  console.log(`\n### Per rule (printed corpus)\n`);
  console.log(markdownTable(results.map((r) => r.score)));
  console.log(
    `\n${m.forms} forms; false errors ${m.falseErrors.length}; false warnings ${m.falseWarnings.length} (${(m.falseWarnings.length / Math.max(1, m.forms)).toFixed(2)} per form); ` +
      `expected problems ${m.expectedProblems}, found ${m.found} (recall ${(100 * recallOf(m)).toFixed(1)}%); read as their kind ${m.forms - m.wrongKind.length}`,
  );
  for (const w of m.wrongKind) console.log(`WRONG KIND ${w}`);
  for (const v of m.falseVerdicts) console.log(`FALSE VERDICT ${v}`);
  for (const f of m.falseErrors) console.log(`FALSE error ${f}`);
  for (const f of m.falseWarnings) console.log(`FALSE warning ${f}`);
  for (const p of m.missed) console.log(`MISSED ${p}`);
  // What was read against what the reviewer read: header row and value columns.
  for (const r of results) {
    const want = r.expected.read;
    const got = r.check.forms[0]?.model.indicators;
    if (!want || !got || want.indicatorHeaderRow == null) continue;
    if (got.headerRow + 1 !== want.indicatorHeaderRow)
      console.log(`READ ${r.id}: indicator header row ${got.headerRow + 1}, reviewer ${want.indicatorHeaderRow}`);
  }

  console.log(`\n## Mapped corpus (test/corpus/forms/)\n`);
  const scores = await scoreCorpus();
  console.log(markdownTable(scores));
  const n = scores.length;
  const count = (sel: (s: FormScore) => number) => scores.reduce((a, s) => a + sel(s), 0);
  const falseErrors = count((s) => s.falsePositives.filter((f) => f.severity === "error").length);
  const falseWarnings = count((s) => s.falsePositives.filter((f) => f.severity === "warning").length);
  console.log(
    `\n${n} forms; false errors ${falseErrors}; false warnings ${falseWarnings} (${(falseWarnings / n).toFixed(2)} per form); ` +
      `expected problems ${count((s) => s.truePositives.length + s.missed.length)}, found ${count((s) => s.truePositives.length)}; ` +
      `not scored ${count((s) => s.notScored.length)}; tips (info) ${count((s) => s.info.length)} (${(count((s) => s.info.length) / n).toFixed(1)} per form)`,
  );
  for (const s of scores) {
    for (const f of s.falsePositives)
      console.log(`FALSE ${s.id} ${f.severity} ${f.rule} ${f.cells.map(formatRef).join(",")} ${f.messageId} ${f.message.zh}`);
    for (const p of s.missed) console.log(`MISSED ${s.id} ${p.severity} ${p.rule} ${p.at}`);
  }
  if (process.argv.includes("--all")) {
    const all = [...results.map((r) => r.score), ...scores];
    for (const s of all)
      for (const f of [...s.notScored, ...s.info])
        console.log(
          `${s.notScored.includes(f) ? "NOTSCORED" : "INFO"} ${s.id} ${f.rule} ${f.cells.map(formatRef).join(",")} ${f.messageId} ${f.message.zh}`,
        );
  }
}

void main();
