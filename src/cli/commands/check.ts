/**
 * budget-form check <files…>: reads each workbook, checks every form in it, prints the findings and
 * optionally writes annotated copies. One workbook is held in memory at a time.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { basename, dirname, extname, join, relative, resolve } from "path";
import { inflateRawSync } from "zlib";
import { CheckPort, validate } from "../../app/validate";
import { Config } from "../../core/config";
import { Finding, Message } from "../../core/rules/types";
import { fixJson } from "../fixJson";
import { draftIds } from "../drafts";
import { CopyRefused, annotatedCopy } from "../../hosts/file/patchMarks";
import { lossDecision } from "./rewrite";
import { FileReadError } from "../../hosts/file/errors";
import { WorkbookSnapshot } from "../../core/snapshot";
import { readSnapshotFast } from "../../hosts/file/fastRead";
import { UsageError, parseArgs } from "../args";
import { configOption } from "../config";
import { Input, MissingInput, expandInputs } from "../inputs";
import { CliContext, Command, EXIT } from "../io";
import { Entry, entriesFor, isChecked, isNotChecked, isUnreadable, toJson, toText, withIgnoredCounts } from "../report";
import { HTML_MARK, SUMMARY_NAME, buildSummary, buildSummaryHtml } from "../summary";
import { errorMessage } from "../../core/errors";
import { pathKey, sameFile, writeFailure, writeFileAtomic } from "../files";
import { bilingual, pick } from "../../core/i18n";
import { CLI } from "../messages";
import { tableWidth, wantsColour } from "../table";

const HELP = {
  zh: `用法: budget-form check <文件、文件夹或通配符…> [选项]

检查一个或多个 .xlsx 文件中的绩效目标表(部门整体、项目)和绩效自评表。

选项:
  --format text|table|json  输出格式(默认 text;table 只输出结论表)
  --lang zh|en         输出语言(默认 zh)
  --config <文件>       规则配置(JSON),例如 {"rules": {"indicators/vague-wording": "off"}}
  --annotate <文件夹>   在该文件夹写出带标注的副本(问题单元格加底色和批注),原文件不会被修改;
                       同名文件已存在时另起新名(如 申报表-2.xlsx),不覆盖任何文件
  --allow-loss         文件无法按原文件包修补、重写副本会丢失内容(图表、数据透视表、宏等)时仍写出该副本
                       (默认不写出该文件的副本并说明会丢失什么,退出码 2)
  --summary <文件>      写出汇总工作簿(.xlsx):「汇总」表每个文件一行(结论、问题数、主要问题、文件链接),「明细」表列出每个问题;
                       以 .html 结尾时写出内容相同的网页
  --quiet              只列出错误(警告和提示仍然计数)
  --max-warnings <数>  警告总数超过该数时退出码为 1
  --include-ignored    也报告填表人在加载项中「忽略」的问题(默认不报告,只计数)
  -h, --help           显示本帮助

退出码: 0 未发现错误;1 发现至少一个错误(或警告超过 --max-warnings);2 有文件无法读取或其中没有可检查的表(未检查)、用法或配置有误
示例: budget-form check 收到的申报表 --summary 汇总.xlsx
`,
  en: `Usage: budget-form check <files, folders or globs…> [options]

Checks the performance-target forms (department-wide, project) and self-evaluation tables in one or more .xlsx files.

Options:
  --format text|table|json  output format (default text; table prints only the verdict table)
  --lang zh|en         output language (default zh)
  --config <file>      rule configuration (JSON), e.g. {"rules": {"indicators/vague-wording": "off"}}
  --annotate <folder>  write annotated copies there (problem cells filled and noted); inputs are never modified;
                       an existing file of that name is kept and the copy gets a new name (form-2.xlsx)
  --allow-loss         write an annotated copy even when the file cannot be patched in place and the rewritten copy
                       would lose content (charts, pivot tables, macros …); by default that copy is refused (exit 2)
  --summary <file>     write a summary workbook (.xlsx): one row per file (verdict, counts, main problems, a link)
                       on sheet Summary, every finding on sheet Findings; a name ending in .html writes the same as a web page
  --quiet              list errors only (warnings and tips are still counted)
  --max-warnings <n>   exit 1 when there are more than n warnings in all
  --include-ignored    also report findings the form's authors ignored in the add-in (by default only counted)
  -h, --help           show this help

Exit codes: 0 no error found; 1 at least one error (or more warnings than --max-warnings); 2 a file could not be read or held no form to check (not checked), bad usage or bad config
Example: budget-form check received-forms --summary summary.xlsx
`,
};

interface CheckOptions {
  /** Compute fixes and suggestions (for --format json). */
  fixes?: boolean;
  config: Config | undefined;
  annotateDir: string | null;
  includeIgnored: boolean;
  /** --allow-loss: an annotated copy the patcher cannot make may be rewritten even if that loses content. */
  allowLoss?: boolean;
}

interface Checked {
  entries: Entry[];
  /** Each finding's fix and suggestions as JSON, when asked for. */
  fixes?: Map<Finding, object>;
  failed: boolean;
  /** A summary workbook written by an earlier run, left out of this one. */
  skipped?: boolean;
  /** Where its annotated copy went. */
  annotated?: string;
}

function readFailure(e: unknown, file: string): Message {
  if (e instanceof FileReadError) return e.reason;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return bilingual(CLI.readDenied, file);
  if (code === "EBUSY") return bilingual(CLI.readLocked, file);
  return bilingual(CLI.cannotRead, file, errorMessage(e));
}

function progress(ctx: CliContext, i: number, n: number, name: string): void {
  if (!ctx.io.isTTY) return;
  const label = pick(CLI.checking, ctx.lang);
  ctx.io.stderr.write(`\r\x1b[K${label} [${i}/${n}] ${name}`);
}

/**
 * Writes the annotated copy under the input's name, or the first free "-2", "-3" … variant. Never
 * over an existing file: not an input of this run (annotating a folder into itself must not
 * overwrite "二科/申报表.xlsx"'s namesake before it is read), not one reached through a symlinked
 * folder or a hard link (compared by inode), not a copy from an earlier run. Returns the path written.
 */
function writeAnnotated(dir: string, input: Input, used: Set<string>, inputs: Input[], bytes: Uint8Array, ctx: CliContext): string {
  const base = basename(input.path);
  for (let k = 1; ; k++) {
    const out = resolve(dir, k === 1 ? base : base.replace(/(\.xlsx)?$/i, `-${k}$1`));
    if (used.has(pathKey(out)) || existsSync(out) || inputs.some((i) => sameFile(i.path, out))) continue;
    try {
      writeFileAtomic(out, bytes, "refuse", ctx.io.writeOps);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") continue; // created meanwhile
      throw Object.assign(e as Error, { target: out });
    }
    used.add(pathKey(out));
    return out;
  }
}

interface CheckRead {
  snapshot: WorkbookSnapshot;
  /** What the one check flow reads the workbook through. */
  port: CheckPort;
  isSummary: boolean;
  /** The file's bytes: an annotated copy is this package with fills and notes patched in. */
  bytes: Uint8Array;
}

/**
 * Every check reads the workbook with the check-only reader (no exceljs object model), behind a
 * read-only port — with --annotate too, so a file gets the same verdict either way (issue #25): the
 * annotated copy is the original package with fills and notes patched in (patchMarks.ts).
 */
async function readForCheck(input: Input): Promise<CheckRead> {
  const bytes = new Uint8Array(readFileSync(input.path));
  const r = await readSnapshotFast(bytes, input.display, { inflateRaw: inflateRawSync });
  const port: CheckPort = { read: async () => ({ snapshot: r.snapshot, warnings: [] }), loadState: async () => r.state };
  return { snapshot: r.snapshot, port, isSummary: r.rangeNames.includes(SUMMARY_NAME), bytes };
}

async function checkOne(input: Input, opts: CheckOptions, ctx: CliContext, used: Set<string>, inputs: Input[]): Promise<Checked> {
  let read: CheckRead;
  try {
    read = await readForCheck(input);
  } catch (e) {
    return { entries: [{ file: input.display, error: readFailure(e, input.display) }], failed: true };
  }
  if (read.isSummary) return { entries: [], failed: false, skipped: true };
  const firstSheet = read.snapshot.sheets[0]?.name ?? "";
  // The pane's own flow: what the form's authors chose to ignore in the add-in is saved in the
  // workbook and left out here too, so the reviewer sees what the authors saw. The rules are the
  // reviewer's (--config), never the ones the authors saved in the workbook.
  const result = await validate(read.port, {
    config: opts.config ?? {},
    includeIgnored: opts.includeIgnored,
    mark: false,
    fixes: opts.fixes,
  });
  // Draft ids are numbered over every finding, ignored ones too, as `templates --drafts` and `add --draft` number them.
  const ids = opts.fixes ? draftIds(result.all.findings) : undefined;
  const fixes = opts.fixes ? new Map(result.findings.map((f) => [f, fixJson(result.snapshot, f, ctx.lang, ids)])) : undefined;
  const entries =
    result.ignored === 0
      ? entriesFor(input.display, result, firstSheet)
      : withIgnoredCounts(entriesFor(input.display, result.all, firstSheet), entriesFor(input.display, result, firstSheet));
  if (!opts.annotateDir) return { entries, failed: false, fixes };

  // Start on a clean line when a progress line is showing.
  const clear = ctx.io.isTTY ? "\r\x1b[K" : "";
  try {
    // Only a copy written the old way (a package the patcher does not handle) loses anything: the
    // one decision (rewrite.ts) says what, and refuses it unless --allow-loss.
    const copy = await annotatedCopy(read.bytes, result.findings, ctx.lang, input.display, {
      inflateRaw: inflateRawSync,
      mayRewrite: (warnings, why) => {
        if (clear && warnings.length > 0) ctx.io.stderr.write(clear);
        return lossDecision(warnings, why, !!opts.allowLoss, ctx, input.display);
      },
    });
    const out = writeAnnotated(opts.annotateDir, input, used, inputs, copy.bytes, ctx);
    return { entries, failed: false, annotated: out, fixes };
  } catch (e) {
    if (e instanceof CopyRefused) return { entries, failed: true };
    const target = (e as { target?: string }).target ?? join(opts.annotateDir, basename(input.path));
    ctx.io.stderr.write(clear + pick(CLI.annotatedCopy, ctx.lang) + pick(writeFailure(e, target), ctx.lang) + "\n");
    return { entries, failed: true };
  }
}

/** --max-warnings: a whole number ≥ 0, as in ESLint (which also takes -1 for "no limit"). */
function maxWarningsOption(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "-1") return null;
  if (!/^\d+$/.test(v.trim())) throw new UsageError(bilingual(CLI.badMaxWarnings, v));
  return Number(v);
}

const isHtml = (p: string) => /\.html?$/i.test(p);

/** Whether the file is a summary workbook of ours (so replacing it loses nothing of the user's). */
async function isSummaryFile(path: string): Promise<boolean> {
  try {
    if (isHtml(path)) return readFileSync(path, "utf8").includes(HTML_MARK);
    return (await readSnapshotFast(readFileSync(path), path, { inflateRaw: inflateRawSync })).rangeNames.includes(SUMMARY_NAME);
  } catch {
    return false;
  }
}

/** The summary's absolute path; refuses what cannot be right before any file is read. */
function summaryOption(v: string | undefined, cwd: string): string | null {
  if (v === undefined) return null;
  if (v.trim() === "") throw new UsageError(CLI.summaryNeedsName);
  if (extname(v).toLowerCase() !== ".xlsx" && !isHtml(v)) {
    throw new UsageError(bilingual(CLI.summaryBadExtension, v));
  }
  return resolve(cwd, v);
}

export const check: Command = {
  name: "check",
  summary: { zh: "检查一个或多个 .xlsx 文件中的申报表", en: "check the form in one or more .xlsx files" },
  help: HELP,
  async run(args, ctx) {
    const { io, lang } = ctx;
    const parsed = parseArgs(args, {
      values: ["format", "config", "annotate", "summary", "max-warnings", "lang"],
      flags: { help: "h", quiet: "q", "include-ignored": null, "allow-loss": null },
    });
    if (parsed.flags.has("help")) {
      io.stdout.write(pick(HELP, lang));
      return EXIT.ok;
    }
    const format = parsed.values.format ?? "text";
    if (format !== "text" && format !== "table" && format !== "json") throw new UsageError(bilingual(CLI.badCheckFormat, format));
    if (parsed.positionals.length === 0) throw new UsageError(CLI.nameFiles);
    const maxWarnings = maxWarningsOption(parsed.values["max-warnings"]);
    const summaryPath = summaryOption(parsed.values.summary, io.cwd);
    const quiet = parsed.flags.has("quiet");

    const configured = configOption(parsed.values.config, ctx);
    if (!configured) return EXIT.failure;
    const { config } = configured;
    let annotateDir: string | null = null;
    if (parsed.values.annotate !== undefined) {
      annotateDir = resolve(io.cwd, parsed.values.annotate);
      try {
        mkdirSync(annotateDir, { recursive: true });
      } catch (e) {
        io.stderr.write(`${pick(CLI.cannotCreateFolder, lang, parsed.values.annotate, errorMessage(e))}\n`);
        return EXIT.failure;
      }
    }

    // Only an earlier summary may be replaced: never a form, an input, or any other workbook.
    if (summaryPath && existsSync(summaryPath) && !(await isSummaryFile(summaryPath))) {
      const shown = parsed.values.summary;
      throw new UsageError(bilingual(CLI.summaryNotOurs, shown!));
    }
    if (summaryPath) {
      try {
        mkdirSync(dirname(summaryPath), { recursive: true });
      } catch (e) {
        io.stderr.write(`${pick(CLI.cannotCreateSummaryFolder, lang, errorMessage(e))}\n`);
        return EXIT.failure;
      }
    }
    const inputs = expandInputs(parsed.positionals, io.cwd);
    const files = inputs.filter((i): i is Input => !("error" in i));
    const entries: Entry[] = [];
    let failed = false;
    // Seeded with every input (and the summary), so no annotated copy is ever written over one.
    const used = new Set<string>(files.map((f) => pathKey(resolve(f.path))));
    if (summaryPath) used.add(pathKey(summaryPath));
    const annotated: { input: Input; out: string }[] = [];
    let skipped = 0;
    let n = 0;
    const fixes = new Map<Finding, object>();
    for (const input of inputs) {
      if ("error" in input) {
        const missing = input as MissingInput;
        entries.push({ file: missing.display, error: missing.error });
        failed = true;
        continue;
      }
      progress(ctx, ++n, files.length, input.display);
      const r = await checkOne(
        input,
        {
          config,
          annotateDir,
          includeIgnored: parsed.flags.has("include-ignored"),
          fixes: format === "json",
          allowLoss: parsed.flags.has("allow-loss"),
        },
        ctx,
        used,
        files,
      );
      entries.push(...r.entries);
      for (const [f, j] of r.fixes ?? []) fixes.set(f, j);
      failed ||= r.failed;
      if (r.annotated) annotated.push({ input, out: r.annotated });
      if (r.skipped) skipped++;
    }
    if (io.isTTY && files.length > 0) io.stderr.write("\r\x1b[K");

    const fileCount = inputs.length - skipped;
    const terminal = { width: tableWidth(io.terminal ?? {}), colour: wantsColour(io.terminal ?? {}, io.env ?? {}) };
    const tableOnly = format === "table";
    io.stdout.write(
      format === "json"
        ? toJson(entries, lang, { quiet }, (f) => fixes.get(f) ?? {})
        : toText(entries, fileCount, lang, { quiet, tableOnly, terminal }),
    );
    if (skipped > 0) {
      io.stderr.write(`${pick(CLI.skippedSummaries, lang, skipped)}\n`);
    }
    if (annotateDir) reportAnnotated(annotated, annotateDir, ctx);
    if (summaryPath) {
      const opts = { lang, cwd: io.cwd, path: summaryPath };
      const bytes = isHtml(summaryPath) ? buildSummaryHtml(entries, opts) : await buildSummary(entries, opts);
      const shown = parsed.values.summary!;
      // Atomic like every other output; replacing is safe here, as only an earlier summary of ours
      // can be at this path (checked above, before any form was read).
      try {
        writeFileAtomic(summaryPath, bytes, "replace", io.writeOps);
        io.stderr.write(`${pick(CLI.wroteSummary, lang, shown)}\n`);
      } catch (e) {
        io.stderr.write(`${pick(writeFailure(e, shown), lang)}\n`);
        failed = true;
      }
    }

    const warnings = entries.reduce((k, e) => k + (isChecked(e) ? e.summary.warning : 0), 0);
    const tooManyWarnings = maxWarnings !== null && warnings > maxWarnings;
    if (tooManyWarnings) {
      io.stderr.write(`${pick(CLI.tooManyWarnings, lang, warnings, maxWarnings)}\n`);
    }
    // A workbook holding no form was not checked: like an unreadable file, the run cannot vouch for it.
    if (failed || entries.some((e) => isUnreadable(e) || isNotChecked(e))) return EXIT.failure;
    return tooManyWarnings || entries.some((e) => isChecked(e) && e.summary.error > 0) ? EXIT.findings : EXIT.ok;
  },
};

/** Where the marked copies went, naming the ones that had to take another name. */
function reportAnnotated(list: { input: Input; out: string }[], dir: string, ctx: CliContext): void {
  const { io, lang } = ctx;
  const shown = relative(io.cwd, dir) || ".";
  io.stderr.write(`${pick(CLI.wroteAnnotated, lang, list.length, shown)}\n`);
  for (const { input, out } of list) {
    if (basename(out) === basename(input.path)) continue;
    io.stderr.write(`${pick(CLI.copyRenamed, lang, input.display, basename(out))}\n`);
  }
}
