/**
 * Scores the checker's findings on the corpus against the reviewer's expectations
 * (test/corpus/expectations.json): every error and warning is a true finding (it matches an expected
 * problem: same rule, same row, same severity), a false one, or not scored (it depends on a part the
 * source does not show, or on a block its template does not print). Info findings are tips and are
 * only counted.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseA1 } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/rules/types";
import { readXlsx } from "../../src/hosts/file/read";
import { CORPUS_DIR, corpusForms, corpusWorkbook } from "../build-corpus";

export interface Problem {
  rule: string;
  at: string;
  severity: "error" | "warning";
  why: string;
}

export interface NotScored {
  rule: string;
  messageId?: string;
  why: string;
}

export interface FormExpectation {
  problems: Problem[];
  fine?: string[];
  notScored?: NotScored[];
  unchecked?: string[];
}

export interface Expectations {
  notScoredByLevel: Record<string, NotScored[]>;
  forms: Record<string, FormExpectation>;
}

export interface FormScore {
  id: string;
  truePositives: { finding: Finding; problem: Problem }[];
  falsePositives: Finding[];
  missed: Problem[];
  notScored: Finding[];
  info: Finding[];
}


function ruleMatches(pattern: string, rule: string): boolean {
  return pattern.endsWith("/*") ? rule.startsWith(pattern.slice(0, -1)) : pattern === rule;
}

export function scoreForm(id: string, findings: Finding[], exp: FormExpectation, levelNotScored: NotScored[]): FormScore {
  const score: FormScore = { id, truePositives: [], falsePositives: [], missed: [], notScored: [], info: [] };
  const skip = [...levelNotScored, ...(exp.notScored ?? [])];
  const found = new Set<Problem>();
  for (const f of findings) {
    if (f.severity === "info") {
      score.info.push(f);
      continue;
    }
    // A second finding for a problem already found is noise (one finding per cell per cause): false.
    const problem = exp.problems.find(
      (p) => !found.has(p) && p.rule === f.rule && p.severity === f.severity && f.cells.some((c) => c.row === parseA1(p.at).row),
    );
    if (problem) {
      score.truePositives.push({ finding: f, problem });
      found.add(problem);
    } else if (skip.some((s) => ruleMatches(s.rule, f.rule) && (!s.messageId || s.messageId === f.messageId))) score.notScored.push(f);
    else score.falsePositives.push(f);
  }
  score.missed = exp.problems.filter((p) => !found.has(p));
  return score;
}

export interface RuleRow {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
}

/** Per rule: findings that matched a problem, false findings, expected problems not found. */
export function perRule(scores: FormScore[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  const row = (rule: string) => rows.get(rule) ?? rows.set(rule, { rule, tp: 0, fp: 0, fn: 0 }).get(rule)!;
  for (const s of scores) {
    for (const t of s.truePositives) row(t.problem.rule).tp++;
    for (const f of s.falsePositives) row(f.rule).fp++;
    for (const p of s.missed) row(p.rule).fn++;
  }
  return [...rows.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${Math.round((100 * n) / d)}%`);

export function markdownTable(scores: FormScore[]): string {
  const lines = ["| 规则 rule | 找到 found | 误报 false | 漏报 missed | 精确率 precision | 召回率 recall |", "|---|---|---|---|---|---|"];
  for (const r of perRule(scores)) lines.push(`| \`${r.rule}\` | ${r.tp} | ${r.fp} | ${r.fn} | ${pct(r.tp, r.tp + r.fp)} | ${pct(r.tp, r.tp + r.fn)} |`);
  return lines.join("\n");
}

export function loadExpectations(): Expectations {
  return JSON.parse(readFileSync(join(CORPUS_DIR, "expectations.json"), "utf8")) as Expectations;
}

/** Lays out every corpus form, reads it through the file host as the CLI does, checks and scores it. */
export async function scoreCorpus(exp: Expectations = loadExpectations()): Promise<FormScore[]> {
  const scores: FormScore[] = [];
  for (const form of corpusForms()) {
    const { snapshot } = await readXlsx(await corpusWorkbook(form), `${form.id}.xlsx`, { readOnly: true });
    scores.push(scoreForm(form.id, checkWorkbook(snapshot).findings, exp.forms[form.id], exp.notScoredByLevel[form.level] ?? []));
  }
  return scores;
}
