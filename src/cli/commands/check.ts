/**
 * budget-form check <files…>: reads each workbook, checks every form in it, prints the findings and
 * optionally writes annotated copies. One workbook is held in memory at a time.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { basename, join, resolve } from "path";
import { Config } from "../../core/config";
import { checkWorkbook } from "../../core/engine";
import { Message } from "../../core/rules/types";
import { annotate } from "../../hosts/file/annotate";
import { FileReadError } from "../../hosts/file/errors";
import { openXlsx } from "../../hosts/file/open";
import { UsageError, parseArgs } from "../args";
import { configOption } from "../config";
import { Input, MissingInput, expandInputs } from "../inputs";
import { CliContext, Command, EXIT } from "../io";
import { Entry, entriesFor, isUnreadable, toJson, toText } from "../report";
import { errorMessage } from "../../core/errors";
import { pathKey, sameFile, writeFailure, writeFileAtomic } from "../files";

const HELP = {
  zh: `用法: budget-form check <文件、文件夹或通配符…> [选项]

检查一个或多个 .xlsx 文件中的部门整体预算绩效目标申报表。

选项:
  --format text|json   输出格式(默认 text)
  --lang zh|en         输出语言(默认 zh)
  --config <文件>       规则配置(JSON),例如 {"rules": {"indicators/vague-wording": "off"}}
  --annotate <文件夹>   在该文件夹写出带标注的副本(问题单元格加底色和批注),原文件不会被修改;
                       同名文件已存在时另起新名(如 申报表-2.xlsx),不覆盖任何文件
  -h, --help           显示本帮助

退出码: 0 未发现错误;1 发现至少一个错误;2 有文件无法读取、用法或配置有误
示例: budget-form check "申报表/*.xlsx" --annotate 已标注
`,
  en: `Usage: budget-form check <files, folders or globs…> [options]

Checks the department budget performance-target form in one or more .xlsx files.

Options:
  --format text|json   output format (default text)
  --lang zh|en         output language (default zh)
  --config <file>      rule configuration (JSON), e.g. {"rules": {"indicators/vague-wording": "off"}}
  --annotate <folder>  write annotated copies there (problem cells filled and noted); inputs are never modified;
                       an existing file of that name is kept and the copy gets a new name (form-2.xlsx)
  -h, --help           show this help

Exit codes: 0 no error found; 1 at least one error; 2 a file could not be read, bad usage or bad config
Example: budget-form check "forms/*.xlsx" --annotate reviewed
`,
};

interface CheckOptions {
  format: "text" | "json";
  config: Config | undefined;
  annotateDir: string | null;
}

function readFailure(e: unknown, file: string): Message {
  if (e instanceof FileReadError) return e.reason;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return { zh: `无法读取「${file}」:没有读取权限`, en: `Cannot read "${file}": permission denied` };
  if (code === "EBUSY") return { zh: `无法读取「${file}」:文件被其他程序占用,请关闭后重试`, en: `Cannot read "${file}": the file is locked by another program; close it and retry` };
  return { zh: `无法读取「${file}」:${errorMessage(e)}`, en: `Cannot read "${file}": ${errorMessage(e)}` };
}

function progress(ctx: CliContext, i: number, n: number, name: string): void {
  if (!ctx.io.isTTY) return;
  const label = ctx.lang === "zh" ? "检查中" : "Checking";
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

async function checkOne(input: Input, opts: CheckOptions, ctx: CliContext, used: Set<string>, inputs: Input[]): Promise<{ entries: Entry[]; failed: boolean }> {
  let read;
  try {
    // Without --annotate nothing is written, so the read can skip what only a writer needs.
    read = await openXlsx(readFileSync(input.path), input.display, { readOnly: !opts.annotateDir });
  } catch (e) {
    return { entries: [{ file: input.display, error: readFailure(e, input.display) }], failed: true };
  }
  const result = checkWorkbook(read.snapshot, opts.config);
  const entries = entriesFor(input.display, result, read.snapshot.sheets[0]?.name ?? "");
  if (!opts.annotateDir) return { entries, failed: false };

  // Start on a clean line when a progress line is showing.
  const clear = ctx.io.isTTY ? "\r\x1b[K" : "";
  for (const w of read.warnings) {
    ctx.io.stderr.write(clear + (ctx.lang === "zh" ? `注意:「${input.display}」${w.message.zh}。\n` : `Note: "${input.display}": ${w.message.en}.\n`));
  }
  try {
    annotate(read.workbook, result.findings, ctx.lang);
    const out = writeAnnotated(opts.annotateDir, input, used, inputs, new Uint8Array(await read.workbook.xlsx.writeBuffer()), ctx);
    ctx.io.stderr.write(clear + (ctx.lang === "zh" ? `已写出「${input.display}」的标注副本:${out}\n` : `Wrote the annotated copy of "${input.display}": ${out}\n`));
    return { entries, failed: false };
  } catch (e) {
    const target = (e as { target?: string }).target ?? join(opts.annotateDir, basename(input.path));
    ctx.io.stderr.write(clear + (ctx.lang === "zh" ? "标注副本:" : "Annotated copy: ") + writeFailure(e, target)[ctx.lang] + "\n");
    return { entries, failed: true };
  }
}

export const check: Command = {
  name: "check",
  summary: { zh: "检查一个或多个 .xlsx 文件中的申报表", en: "check the form in one or more .xlsx files" },
  help: HELP,
  async run(args, ctx) {
    const { io, lang } = ctx;
    const parsed = parseArgs(args, { values: ["format", "config", "annotate", "lang"], flags: { help: "h" } });
    if (parsed.flags.has("help")) {
      io.stdout.write(HELP[lang]);
      return EXIT.ok;
    }
    const format = parsed.values.format ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError({ zh: `--format 只能是 text 或 json,收到「${format}」`, en: `--format must be text or json, got "${format}"` });
    if (parsed.positionals.length === 0) throw new UsageError({ zh: "请给出要检查的 .xlsx 文件", en: "Name the .xlsx files to check" });

    const configured = configOption(parsed.values.config, ctx);
    if (!configured) return EXIT.failure;
    const { config } = configured;
    let annotateDir: string | null = null;
    if (parsed.values.annotate !== undefined) {
      annotateDir = resolve(io.cwd, parsed.values.annotate);
      try {
        mkdirSync(annotateDir, { recursive: true });
      } catch (e) {
        io.stderr.write(lang === "zh" ? `无法创建文件夹「${parsed.values.annotate}」:${errorMessage(e)}\n` : `Cannot create folder "${parsed.values.annotate}": ${errorMessage(e)}\n`);
        return EXIT.failure;
      }
    }

    const inputs = expandInputs(parsed.positionals, io.cwd);
    const files = inputs.filter((i): i is Input => !("error" in i));
    const entries: Entry[] = [];
    let failed = false;
    // Seeded with every input, so no annotated copy is ever written over one.
    const used = new Set<string>(files.map((f) => pathKey(resolve(f.path))));
    let n = 0;
    for (const input of inputs) {
      if ("error" in input) {
        const missing = input as MissingInput;
        entries.push({ file: missing.display, error: missing.error });
        failed = true;
        continue;
      }
      progress(ctx, ++n, files.length, input.display);
      const r = await checkOne(input, { format, config, annotateDir }, ctx, used, files);
      entries.push(...r.entries);
      failed ||= r.failed;
    }
    if (io.isTTY && files.length > 0) io.stderr.write("\r\x1b[K");

    io.stdout.write(format === "json" ? toJson(entries, lang) : toText(entries, inputs.length, lang));
    if (failed || entries.some(isUnreadable)) return EXIT.failure;
    return entries.some((e) => !isUnreadable(e) && e.summary.error > 0) ? EXIT.findings : EXIT.ok;
  },
};
