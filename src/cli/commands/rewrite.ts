/**
 * What the commands that write a changed copy (add, fix, and check --annotate for the decision) share:
 * read the input, make sure the output is a different file and not an existing one (unless --force),
 * patch the user's own package, decide (lossDecision) whether a copy the patcher cannot make may be
 * rewritten by exceljs, and write it atomically.
 */
import { existsSync, readFileSync } from "fs";
import { resolve } from "path";
import type { Workbook } from "exceljs";
import { FileReadError } from "../../hosts/file/errors";
import { ReadResult } from "../../hosts/file/read";
import { openXlsx } from "../../hosts/file/open";
import { WorkbookWriteError, writeXlsx } from "../../hosts/file/write";
import { EditLog, protectedMessage, protectedSheets, writePatched } from "../../hosts/file/patchWrite";
import { PatchUnsupported } from "../../hosts/file/patch";
import { WorkbookSnapshot } from "../../core/snapshot";
import { PackageWarning } from "../../hosts/file/package";
import { lossOf } from "../../hosts/file/loss";
import { Message } from "../../core/rules/types";
import { inflateRawSync } from "zlib";
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

/** The workbook as read, with the bytes of the file itself (the package a patched copy is made from). */
export type Input = ReadResult & { bytes: Uint8Array };

/** Reads the workbook; null (after saying why) when it cannot be read. */
export async function readInput(path: string, display: string, ctx: CliContext): Promise<Input | null> {
  const { io, lang } = ctx;
  try {
    const bytes = new Uint8Array(readFileSync(path));
    return { ...(await openXlsx(bytes, display)), bytes };
  } catch (e) {
    if (e instanceof FileReadError) io.stderr.write(`${pick(e.reason, lang)}\n`);
    else if ((e as NodeJS.ErrnoException).code === "ENOENT") io.stderr.write(`${pick(CLI.fileNotFound, lang, display)}\n`);
    else io.stderr.write(`${pick(CLI.cannotRead, lang, display, errorMessage(e))}\n`);
    return null;
  }
}

/**
 * Writes the copy with exceljs. The caller has already decided (lossDecision) that what it loses may
 * be lost, and said so. False when writing failed; then no file is left behind and an existing one
 * (with --force) is unchanged.
 */
export async function writeCopy(
  workbook: Workbook,
  target: { output: string; force: boolean },
  outDisplay: string,
  ctx: CliContext,
): Promise<boolean> {
  const { io, lang } = ctx;
  try {
    writeFileAtomic(target.output, await writeXlsx(workbook), target.force ? "replace" : "refuse", ctx.io.writeOps);
    return true;
  } catch (e) {
    io.stderr.write(`${pick(writeFailure(e, outDisplay), lang)}\n`);
    return false;
  }
}

const LOSS_REFUSED: Message = {
  zh: "未写出任何文件。如确实接受上述丢失,请加 --allow-loss 重新运行",
  en: "Nothing was written. To accept that loss, run again with --allow-loss",
};

/**
 * The one decision (src/hosts/file/loss.ts), for fix, add and check --annotate, on a copy the
 * patcher could not make (`why`): the user is told why and what a rewrite would lose, and the copy
 * is refused (nothing written; the caller exits 2) unless `allowLoss` (--allow-loss). `file` names
 * the input when the command reads several. True when the exceljs copy may be written.
 */
export function lossDecision(
  warnings: readonly PackageWarning[],
  why: PatchUnsupported,
  allowLoss: boolean,
  ctx: CliContext,
  file?: string,
): boolean {
  const { io, lang } = ctx;
  const loss = lossOf(warnings, why, file);
  io.stderr.write(`${pick(loss.head, lang)}\n`);
  for (const m of loss.lost) io.stderr.write(`  - ${pick(m, lang)}\n`);
  if (allowLoss) return true;
  io.stderr.write(`${pick(LOSS_REFUSED, lang)}\n`);
  return false;
}

/**
 * Refuses (after saying so) when an edited sheet is protected, as the WPS host refuses to write one;
 * `allowed` is the command's --write-protected. True when writing may go on.
 */
export function protectionAllows(workbook: Workbook, sheets: string[], allowed: boolean, ctx: CliContext): boolean {
  if (allowed) return true;
  const locked = protectedSheets(workbook, [...new Set(sheets)]);
  for (const s of locked) ctx.io.stderr.write(`${pick(protectedMessage(s), ctx.lang)}\n`);
  return locked.length === 0;
}

/**
 * Writes a copy holding value edits by patching the input's own package (patch.ts): every part the
 * edits do not touch keeps its bytes, so nothing is lost and no warning is due. A package or a value
 * the patcher does not handle is written by exceljs only when lossDecision lets it (`allowLoss`:
 * --allow-loss); a refused copy writes nothing and returns false.
 */
export async function writeEditedCopy(
  read: Input,
  log: EditLog,
  /** The edited workbook as the last edit's proof re-read it: what the copy must read as. */
  model: WorkbookSnapshot,
  target: { output: string; force: boolean },
  outDisplay: string,
  ctx: CliContext,
  allowLoss = false,
): Promise<boolean> {
  const { io, lang } = ctx;
  let bytes: Uint8Array;
  try {
    const steps = log.structuralSteps();
    const edits = steps ? { steps } : log.edits(read.workbook);
    // The snapshot of the input as read lets the read-back of a large sheet parse only the rows the patch rewrote.
    const written = await writePatched(read.bytes, edits, model, {
      inflateRaw: inflateRawSync,
      before: read.snapshot,
    });
    if (written.fullCalcOnLoad)
      io.stderr.write(
        `${pick(CLI.note, lang, {
          zh: "部分公式依赖修改过的单元格且无法在此计算,已设置为在 Excel 打开时重新计算",
          en: "Some formulas read the changed cells and cannot be computed here; Excel will recalculate them when the file is opened",
        })}\n`,
      );
    bytes = written.bytes;
  } catch (e) {
    if (e instanceof PatchUnsupported)
      return lossDecision(read.warnings, e, allowLoss, ctx) && writeCopy(read.workbook, target, outDisplay, ctx);
    if (!(e instanceof WorkbookWriteError)) throw e;
    io.stderr.write(`${pick(writeFailure(e, outDisplay), lang)}\n`);
    return false;
  }
  try {
    writeFileAtomic(target.output, bytes, target.force ? "replace" : "refuse", ctx.io.writeOps);
    return true;
  } catch (e) {
    io.stderr.write(`${pick(writeFailure(e, outDisplay), lang)}\n`);
    return false;
  }
}
