/**
 * What the commands that write a changed copy (add, fix) share: read the input, make sure the output
 * is a different file and not an existing one (unless --force), tell the user what the copy cannot
 * keep, and write it atomically.
 */
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import type { Workbook } from "exceljs";
import { FileReadError } from "../../hosts/file/errors";
import { ReadResult } from "../../hosts/file/read";
import { openXlsx } from "../../hosts/file/open";
import { writeXlsx } from "../../hosts/file/write";
import { UsageError } from "../args";
import { CliContext } from "../io";
import { errorMessage } from "../../core/errors";
import { sameFile, writeFailure, writeFileAtomic } from "../files";
import { bilingual, pick } from "../../core/i18n";
import { CLI } from "../messages";

/**
 * Resolved input and output paths. Refuses a missing --out; an output that reaches the input by any
 * path (another spelling, a symlink, a hard link: compared by device and inode); and, unless
 * `force`, an output that already exists — a user's other file is never replaced silently.
 */
export function inputAndOutput(
  positionals: string[],
  out: string | undefined,
  ctx: CliContext,
  command: string,
  force = false,
): { input: string; output: string; display: string; force: boolean } {
  if (positionals.length !== 1) {
    throw new UsageError(bilingual(CLI.nameOneFile, command));
  }
  if (out === undefined || out.trim() === "") {
    throw new UsageError(CLI.needOut);
  }
  const input = resolve(ctx.io.cwd, positionals[0]);
  const output = resolve(ctx.io.cwd, out);
  if (input === output || sameFile(input, output)) {
    throw new UsageError(bilingual(CLI.outIsInput, positionals[0]));
  }
  if (!force && existsSync(output)) {
    throw new UsageError(bilingual(CLI.outExists, out));
  }
  return { input, output, display: positionals[0], force };
}

/** Reads the workbook; null (after saying why) when it cannot be read. */
export async function readInput(path: string, display: string, ctx: CliContext): Promise<ReadResult | null> {
  const { io, lang } = ctx;
  try {
    return await openXlsx(readFileSync(path), display);
  } catch (e) {
    if (e instanceof FileReadError) io.stderr.write(`${pick(e.reason, lang)}\n`);
    else if ((e as NodeJS.ErrnoException).code === "ENOENT") io.stderr.write(`${pick(CLI.fileNotFound, lang, display)}\n`);
    else io.stderr.write(`${pick(CLI.cannotRead, lang, display, errorMessage(e))}\n`);
    return null;
  }
}

/**
 * Writes the copy, first saying what it cannot keep (notes, charts …). False when writing failed;
 * then no file is left behind and an existing one (with --force) is unchanged.
 */
export async function writeCopy(
  read: Pick<ReadResult, "warnings">,
  workbook: Workbook,
  target: { output: string; force: boolean },
  outDisplay: string,
  ctx: CliContext,
): Promise<boolean> {
  const { io, lang } = ctx;
  for (const w of read.warnings) io.stderr.write(`${pick(CLI.note, lang, w.message)}\n`);
  try {
    writeFileAtomic(target.output, await writeXlsx(workbook), target.force ? "replace" : "refuse", ctx.io.writeOps);
    return true;
  } catch (e) {
    io.stderr.write(`${pick(writeFailure(e, outDisplay), lang)}\n`);
    return false;
  }
}
