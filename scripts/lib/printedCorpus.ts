/**
 * The corpus of real forms laid out as their offices printed them (test/corpus/printed/, format in
 * docs/corpus.md): each <id>.json holds the sheets cell by cell with their merged areas, each
 * <id>.expected.json what a reviewer read on it before any checker was run. This module turns a
 * form into the .xlsx a user would have, checks it the way the CLI does, and scores the result.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, readdirSync } from "fs";
import { join } from "path";
import { formatRef, parseRange, splitQualified } from "../../src/core/a1";
import { CheckResult, checkWorkbook } from "../../src/core/engine";
import { FormKind } from "../../src/core/form/model";
import { Finding } from "../../src/core/rules/types";
import { readXlsx } from "../../src/hosts/file/read";
import { Verdict, entriesFor, verdictOf } from "../../src/cli/report";
import { FormScore, NotScored, Problem, scoreForm } from "./corpusScore";

const ROOT = join(__dirname, "../..");
export const PRINTED_DIR = join(ROOT, "test/corpus/printed");

/** A number the source prints with a format (8,827,620.53 → #,##0.00). */
export interface PrintedNumber {
  n: number;
  fmt: string;
}
export type PrintedCell = string | PrintedNumber;

/** What the source is: the kinds of corpus-format.md. `other` is not a target form at all. */
export type PrintedKind = "department" | "project" | "self-evaluation-project" | "self-evaluation-department" | "other";
export const PRINTED_KINDS: readonly PrintedKind[] = [
  "department",
  "project",
  "self-evaluation-project",
  "self-evaluation-department",
  "other",
];

export interface PrintedSheet {
  name: string;
  rows: PrintedCell[][];
  merges?: string[];
}

export interface PrintedForm {
  id: string;
  kind: PrintedKind;
  title: string;
  source: string;
  published: string;
  province: string;
  year: number;
  seen: string;
  layout: string;
  sheets: PrintedSheet[];
}

export interface PrintedExpectation {
  kind: PrintedKind;
  read?: { sheet?: string; indicatorHeaderRow?: number | null; valueColumns?: string[]; notes?: string };
  problems: Problem[];
  fine?: string[];
  /** Findings that depend on a part the source does not show: counted apart, never true or false. */
  notScored?: NotScored[];
  unchecked?: string[];
  /** Corrections of provable transcription slips, each with its reason. */
  revisions?: unknown[];
}

/** The checker's kind for a corpus kind; null for a source that is no target form. */
export function modelKind(kind: PrintedKind): FormKind | null {
  if (kind === "other") return null;
  return kind.startsWith("self-evaluation") ? "self-evaluation" : (kind as FormKind);
}

const isNumber = (c: PrintedCell): c is PrintedNumber => typeof c === "object" && c !== null;

export function printedIds(dir = PRINTED_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json") && f !== "baseline.json")
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function loadPrinted(id: string, dir = PRINTED_DIR): { form: PrintedForm; expected: PrintedExpectation } {
  const form = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as PrintedForm;
  const expected = JSON.parse(readFileSync(join(dir, `${id}.expected.json`), "utf8")) as PrintedExpectation;
  return { form, expected };
}

/**
 * A text that is a plain decimal number ("814", "4.00", "-3.5") is what Excel stores as a number when
 * it is typed, so it is written as one, keeping its decimals on screen. Anything else (≥95%, 250万,
 * 2023.07-2024.01, 01) stays text exactly as printed.
 */
function typed(text: string): { value: string | number; fmt?: string } {
  const t = text.trim();
  if (!/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(t)) return { value: text };
  const decimals = t.includes(".") ? t.split(".")[1].length : 0;
  return { value: Number(t), ...(decimals > 0 ? { fmt: `0.${"0".repeat(decimals)}` } : {}) };
}

const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The form as the .xlsx its office would have: values where printed, merged areas, number formats. */
export async function printedWorkbook(form: PrintedForm): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效表助手 corpus";
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  for (const sheet of form.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const width = Math.max(1, ...sheet.rows.map((r) => r.length));
    for (let c = 1; c <= width; c++) ws.getColumn(c).width = 18;
    sheet.rows.forEach((row, i) =>
      row.forEach((cell, j) => {
        const target = ws.getCell(i + 1, j + 1);
        target.border = BORDER;
        target.alignment = { wrapText: true, vertical: "middle" };
        if (isNumber(cell)) {
          target.value = cell.n;
          target.numFmt = cell.fmt;
        } else if (cell !== "") {
          const t = typed(cell);
          target.value = t.value;
          if (t.fmt) target.numFmt = t.fmt;
        }
      }),
    );
    for (const m of sheet.merges ?? []) {
      const r = parseRange(m);
      ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface PrintedResult {
  id: string;
  form: PrintedForm;
  expected: PrintedExpectation;
  check: CheckResult;
  /** The kinds of the forms the checker read, in order (empty: nothing read). */
  kindsRead: FormKind[];
  /** The verdicts the CLI gives, one per entry. */
  verdicts: Verdict[];
  score: FormScore;
}

/**
 * Where an expected problem points: "E14" is on the sheet the reviewer read (read.sheet, else the
 * first), "Sheet2!E14" on the one named.
 */
function problemSheet(p: Problem, form: PrintedForm, exp: PrintedExpectation): string {
  const { sheet } = splitQualified(p.at);
  return sheet || exp.read?.sheet || form.sheets[0]?.name || "";
}

/** Scores on sheet and row: a finding matches a problem of the same rule and severity on the same row of the same sheet. */
export function scorePrinted(form: PrintedForm, exp: PrintedExpectation, findings: Finding[]): FormScore {
  const bySheet = new Map<string, Problem[]>();
  for (const p of exp.problems) {
    const sheet = problemSheet(p, form, exp);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), { ...p, at: splitQualified(p.at).address }]);
  }
  // One scoring per sheet, so a row number never matches a finding on another sheet.
  const sheets = new Set([...bySheet.keys(), ...findings.map((f) => f.cells[0]?.sheet ?? "")]);
  const total: FormScore = { id: form.id, truePositives: [], falsePositives: [], missed: [], notScored: [], info: [] };
  for (const sheet of sheets) {
    const here = findings.filter((f) => (f.cells[0]?.sheet ?? "") === sheet);
    const s = scoreForm(form.id, here, { problems: bySheet.get(sheet) ?? [], notScored: exp.notScored }, []);
    total.truePositives.push(...s.truePositives);
    total.falsePositives.push(...s.falsePositives);
    total.missed.push(...s.missed);
    total.notScored.push(...s.notScored);
    total.info.push(...s.info);
  }
  return total;
}

/** Lays out one form, reads it through the file host as the CLI does, checks and scores it. */
export async function checkPrinted(id: string, dir = PRINTED_DIR): Promise<PrintedResult> {
  const { form, expected } = loadPrinted(id, dir);
  const { snapshot } = await readXlsx(await printedWorkbook(form), `${id}.xlsx`, { readOnly: true });
  const check = checkWorkbook(snapshot);
  const verdicts = entriesFor(`${id}.xlsx`, check, snapshot.sheets[0]?.name ?? "").map(verdictOf);
  // A workbook with no form yields only the form-not-found finding: nothing was checked, so
  // nothing to score (its verdict, 未检查, is asserted on its own).
  const findings = check.forms.length > 0 ? check.findings : [];
  return {
    id,
    form,
    expected,
    check,
    // A form recognised by its title and fields but without an indicator table is told as its kind
    // and reported 未检查 (recognize.ts, seenKind): it counts as read as that kind, with no findings.
    kindsRead:
      check.forms.length > 0 ? check.forms.map((f) => f.model.kind) : check.recognitions.flatMap((r) => (r.seenKind ? [r.seenKind] : [])),
    verdicts,
    score: scorePrinted(form, expected, findings),
  };
}

export async function checkAllPrinted(dir = PRINTED_DIR): Promise<PrintedResult[]> {
  const out: PrintedResult[] = [];
  for (const id of printedIds(dir)) out.push(await checkPrinted(id, dir));
  return out;
}

/** What the printed corpus measures: the numbers the precision test asserts and docs/corpus.md shows. */
export interface PrintedMeasure {
  forms: number;
  /** The checker reads some project form or 自评表 (the recognition of issue #19 is in). */
  readsEveryKind: boolean;
  /** Forms not read as their kind: "id: expected project, read [department]". */
  wrongKind: string[];
  /** Forms that are no target form, or were not read, yet got a verdict other than 未检查. */
  falseVerdicts: string[];
  falseErrors: string[];
  falseWarnings: string[];
  expectedProblems: number;
  found: number;
  missed: string[];
}

const where = (f: Finding) => f.cells.map(formatRef).join(",");

export function measurePrinted(results: PrintedResult[]): PrintedMeasure {
  const m: PrintedMeasure = {
    forms: results.length,
    readsEveryKind: results.some((r) => r.kindsRead.some((k) => k !== "department")),
    wrongKind: [],
    falseVerdicts: [],
    falseErrors: [],
    falseWarnings: [],
    expectedProblems: 0,
    found: 0,
    missed: [],
  };
  for (const r of results) {
    const want = modelKind(r.expected.kind);
    const got = r.kindsRead;
    if (want === null ? got.length > 0 : got.length === 0 || got.some((k) => k !== want))
      m.wrongKind.push(`${r.id}: expected ${want ?? "no form"}, read [${got.join(", ")}]`);
    if (got.length === 0 && r.verdicts.some((v) => v !== "unchecked")) m.falseVerdicts.push(`${r.id}: ${r.verdicts.join(", ")}`);
    for (const f of r.score.falsePositives) {
      const line = `${r.id} ${f.rule} ${where(f)} ${f.message.zh}`;
      (f.severity === "error" ? m.falseErrors : m.falseWarnings).push(line);
    }
    m.expectedProblems += r.score.truePositives.length + r.score.missed.length;
    m.found += r.score.truePositives.length;
    for (const p of r.score.missed) m.missed.push(`${r.id} ${p.severity} ${p.rule} ${p.at} (${p.why})`);
  }
  return m;
}

export const recallOf = (m: PrintedMeasure) => (m.expectedProblems === 0 ? 1 : m.found / m.expectedProblems);
