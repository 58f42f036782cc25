/**
 * budget-form fix: applies every automatic fix to a copy of the workbook, ESLint's `--fix`: fixes
 * only, never suggestions (those are choices for the user), and never for a finding the form's
 * authors ignored in the add-in. The form is checked again after each fix, so every fix is planned
 * from the values as they are by then (a fix computed before an earlier one changed its cell would
 * be refused by its `expected` value, never forced). `--dry-run` does the same in memory, prints
 * each change (cell, before → after) and writes nothing.
 */
import { formatRef } from "../../core/a1";
import { fixAll } from "../../app/fixAll";
import { checkWorkbook } from "../../core/engine";
import { EditPlan } from "../../core/plan/editPlan";
import { Message } from "../../core/rules/types";
import { readState } from "../../hosts/file/state";
import { resolve } from "path";
import { UsageError } from "../args";
import { bilingual } from "../../core/i18n";
import type { Workbook } from "exceljs";
import { Lang, PUNCTUATION, pick } from "../../core/i18n";
import { CellValue, isCellError } from "../../core/snapshot";
import { applyVerified } from "../../hosts/file/apply";
import { plainValue } from "../../hosts/file/cellValue";
import { snapshotWorkbook } from "../../hosts/file/snapshot";
import { parseArgs } from "../args";
import { configOption } from "../config";
import { Command, EXIT } from "../io";
import { inputAndOutput, protectionAllows, readInput, writeEditedCopy } from "./rewrite";
import { EditLog } from "../../hosts/file/patchWrite";
import { CLI } from "../messages";

const HELP = {
  zh: `用法: budget-form fix <文件> --out <新文件> [选项]
      budget-form fix <文件> --dry-run

自动修复可安全修复的问题(如「约3000人次」改为「≥3000人次」、错位的行移回对应列、文本型数字改为数字、
统一运算符),写出新文件,原文件不会被修改。每修复一处都重新检查并核对一次;不插入行。
只应用「修复」,不应用「建议」(建议需要您在加载项中选择);填表人忽略的问题不修复。

选项:
  --out <新文件>        写出的新文件,不能与原文件相同;已存在时不覆盖
  --dry-run            只列出将要做的每处修改(单元格、修改前 → 修改后),不写出任何文件
  --force              --out 已存在时覆盖它(原文件仍不会被修改)
  --write-protected    修改的工作表受保护时仍写出副本(默认拒绝)
  --allow-loss         无法按原文件包修补、重写的副本会丢失内容(图表、数据透视表、宏等)时仍写出
                       (默认不写出,说明会丢失什么,退出码 2)
  --config <文件>       规则配置(JSON),关闭的规则不会修复
  -h, --help           显示本帮助

退出码: 0 修复后没有错误;1 修复后仍有错误;2 文件无法读取或写出、用法有误
`,
  en: `Usage: budget-form fix <file> --out <new file> [options]
       budget-form fix <file> --dry-run

Applies every automatic fix (e.g. 约3000人次 → ≥3000人次, slid rows moved back, numbers stored as text,
operator style) and writes a new file; the input is never modified. The form is checked and the edit
verified after each fix; no row is inserted. Fixes only, never suggestions (you pick those in the
add-in); findings the form's authors ignored are not fixed.

Options:
  --out <new file>     the file to write; must differ from the input; an existing file is not replaced
  --dry-run            list every change it would make (cell, before → after) and write nothing
  --force              replace --out if it exists (the input is still never modified)
  --write-protected    write the copy even when a changed sheet is protected (refused by default)
  --allow-loss         write the copy even when it cannot be patched in place and the rewritten copy would lose
                       content (charts, pivot tables, macros …); by default nothing is written (exit 2)
  --config <file>      rule configuration (JSON); rules turned off are not fixed
  -h, --help           show this help

Exit codes: 0 no error left; 1 errors remain; 2 a file could not be read or written, or bad usage
`,
};

/** The cells a plan sets, with their values as the workbook holds them now. */
function valuesOf(wb: Workbook, plan: EditPlan): { cell: string; value: CellValue }[] {
  return plan.edits.flatMap((e) =>
    e.op === "setValue" ? [{ cell: formatRef(e), value: plainValue(wb.getWorksheet(e.sheet)?.getCell(e.row + 1, e.col + 1).value) }] : [],
  );
}

/** Text in quotes, so a number stored as text ("326.60") is told from the number (326.6). */
function show(v: CellValue, lang: Lang): string {
  if (v === null) return pick(CLI.emptyCell, lang);
  if (typeof v === "string") return `"${v}"`;
  if (isCellError(v)) return v.error;
  return String(v);
}

/** --dry-run needs no --out: it writes nothing. */
function dryRunInput(positionals: string[], cwd: string): { input: string; output: string; display: string; force: boolean } {
  if (positionals.length !== 1) throw new UsageError(bilingual(CLI.nameOneFile, "fix"));
  return { input: resolve(cwd, positionals[0]), output: "", display: positionals[0], force: false };
}

export const fix: Command = {
  name: "fix",
  summary: { zh: "自动修复可安全修复的问题(写出新文件)", en: "apply the safe automatic fixes (writes a new file)" },
  help: HELP,
  async run(args, ctx) {
    const { io, lang } = ctx;
    const parsed = parseArgs(args, {
      values: ["out", "config", "lang"],
      flags: { help: "h", force: null, "dry-run": null, "write-protected": null, "allow-loss": null },
    });
    if (parsed.flags.has("help")) {
      io.stdout.write(pick(HELP, lang));
      return EXIT.ok;
    }
    const dryRun = parsed.flags.has("dry-run");
    const { input, output, display, force } = dryRun
      ? dryRunInput(parsed.positionals, ctx.io.cwd)
      : inputAndOutput(parsed.positionals, parsed.values.out, ctx, "fix", parsed.flags.has("force"));
    const configured = configOption(parsed.values.config, ctx);
    if (!configured) return EXIT.failure;
    const { config } = configured;
    const read = await readInput(input, display, ctx);
    if (!read) return EXIT.failure;

    const done: { title: Message; changes: string[] }[] = [];
    // The cells the applied fixes changed, with their formats as read: what the patched copy writes.
    const log = new EditLog();
    let snapshot = snapshotWorkbook(read.workbook, display);
    let check = checkWorkbook(snapshot, config, undefined, { fixes: true });
    // A protected form is refused before anything is fixed, as the WPS host refuses to write into one.
    const formSheets = check.recognitions.flatMap((r) => r.forms.map((f) => f.model.sheet));
    if (!protectionAllows(read.workbook, formSheets, parsed.flags.has("write-protected"), ctx)) return EXIT.failure;
    // The pane's 修复全部 loop (src/app/fixAll.ts). What the form's authors chose to ignore in the
    // add-in is theirs: not fixed behind their back.
    const report = await fixAll(
      {
        check: async () => check,
        async apply(plan) {
          const before = valuesOf(read.workbook, plan);
          const touched = new EditLog();
          for (const e of plan.edits) if (e.op === "setValue") touched.touch(read.workbook, e);
          // Each fix is proved on the re-read workbook (and undone if it fails) before the next one.
          const r = await applyVerified(read.workbook, plan, { snapshot, check }, config, { check: { fixes: true } });
          if (!r.ok) return r;
          // The steps that ran: a fix that moves merges is written into the package from them.
          touched.record(r.steps);
          // The values shown after the arrow are read back from the workbook, not taken from the plan.
          const after = valuesOf(read.workbook, plan);
          done.push({
            title: plan.title,
            changes: before.map((b, k) => `${b.cell}: ${show(b.value, lang)} → ${show(after[k].value, lang)}`),
          });
          snapshot = r.after.snapshot;
          log.merge(touched);
          // The verifier's check of the result, made with fixes: the next fix is planned from it.
          check = r.after.check;
          return { ok: true };
        },
      },
      { ignored: readState(read.workbook).ignored },
    );
    const findings = report.findings;
    const refused = report.skipped.filter((s) => s.why === "refused").map((s) => ({ title: s.finding.fix!.title, reason: s.reason }));
    const manual = new Set(
      report.skipped
        .filter((s) => s.why === "unsafe")
        .map((s) => `${pick(s.finding.fix!.title, lang)}(${s.finding.cells[0] ? formatRef(s.finding.cells[0]) : ""})`),
    );

    const label = pick(dryRun ? CLI.wouldFix : CLI.fixed, lang);
    for (const d of done) io.stdout.write(`${label}: ${pick(d.title, lang)}  ${d.changes.join(pick(PUNCTUATION.clauses, lang))}\n`);
    for (const s of refused) io.stdout.write(`${pick(CLI.notFixed, lang)}: ${pick(s.title, lang)} — ${pick(s.reason, lang)}\n`);
    for (const m of manual) io.stdout.write(`${pick(CLI.needsPerson, lang)}: ${m}\n`);
    const errors = findings.filter((f) => f.severity === "error").length;
    const warnings = findings.filter((f) => f.severity === "warning").length;
    const suggested = findings.filter((f) => !f.fix && f.suggestions?.length).length;
    if (suggested > 0) io.stdout.write(`${pick(CLI.withSuggestions, lang, suggested)}\n`);
    const skipped = report.ignoredCount;
    if (skipped > 0) io.stdout.write(`${pick(CLI.skippedIgnored, lang, skipped)}\n`);
    if (dryRun) {
      io.stdout.write(`${pick(CLI.dryRunDone, lang, done.length, errors, warnings)}\n`);
      return errors > 0 ? EXIT.findings : EXIT.ok;
    }
    if (done.length === 0) {
      io.stdout.write(`${pick(CLI.nothingToFix, lang, display, errors, warnings)}\n`);
      return errors > 0 ? EXIT.findings : EXIT.ok;
    }
    if (!protectionAllows(read.workbook, log.sheets(), parsed.flags.has("write-protected"), ctx)) return EXIT.failure;
    if (!(await writeEditedCopy(read, log, snapshot, { output, force }, parsed.values.out!, ctx, parsed.flags.has("allow-loss"))))
      return EXIT.failure;
    io.stdout.write(`${pick(CLI.fixedAndWrote, lang, done.length, parsed.values.out!, errors, warnings)}\n`);
    return errors > 0 ? EXIT.findings : EXIT.ok;
  },
};
