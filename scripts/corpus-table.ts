/** Prints the corpus precision/recall table (per rule) and the noise counts for the README. */
import { formatRef } from "../src/core/a1";
import { FormScore, markdownTable, scoreCorpus } from "./lib/corpusScore";

async function main(): Promise<void> {
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
  if (process.argv.includes("--all"))
    for (const s of scores)
      for (const f of [...s.notScored, ...s.info])
        console.log(
          `${s.notScored.includes(f) ? "NOTSCORED" : "INFO"} ${s.id} ${f.rule} ${f.cells.map(formatRef).join(",")} ${f.messageId} ${f.message.zh}`,
        );
}

void main();
