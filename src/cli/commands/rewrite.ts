/**
 * What the commands that write a changed copy (add, fix) share: read the input, make sure the output
 * is a different file, tell the user what the copy cannot keep, and write it.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import type { Workbook } from "exceljs";
import { FileReadError } from "../../hosts/file/errors";
import { ReadResult } from "../../hosts/file/read";
import { openXlsx } from "../../hosts/file/open";
import { UsageError } from "../args";
import { CliContext } from "../io";
import { errorMessage } from "../../core/errors";

/** Resolved input and output paths; refuses a missing --out and an output that is the input. */
export function inputAndOutput(positionals: string[], out: string | undefined, ctx: CliContext, command: string): { input: string; output: string; display: string } {
  if (positionals.length !== 1) {
    throw new UsageError({ zh: `请给出一个要修改的 .xlsx 文件(budget-form ${command} <文件> --out <新文件>)`, en: `Name one .xlsx file (budget-form ${command} <file> --out <new file>)` });
  }
  if (out === undefined || out.trim() === "") {
    throw new UsageError({ zh: "请用 --out 指定新文件;原文件不会被修改", en: "Give the new file with --out; the input is never modified" });
  }
  const input = resolve(ctx.io.cwd, positionals[0]);
  const output = resolve(ctx.io.cwd, out);
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(existsSync(dirname(p)) ? realpathSync(dirname(p)) : dirname(p), p.slice(dirname(p).length + 1)));
  if (input === output || real(input) === real(output)) {
    throw new UsageError({ zh: `--out 不能是原文件「${positionals[0]}」:请另存为新文件,原文件不会被修改`, en: `--out must not be the input "${positionals[0]}": write a new file; the input is never modified` });
  }
  return { input, output, display: positionals[0] };
}

/** Reads the workbook; null (after saying why) when it cannot be read. */
export async function readInput(path: string, display: string, ctx: CliContext): Promise<ReadResult | null> {
  const { io, lang } = ctx;
  try {
    return await openXlsx(readFileSync(path), display);
  } catch (e) {
    if (e instanceof FileReadError) io.stderr.write(`${e.reason[lang]}\n`);
    else if ((e as NodeJS.ErrnoException).code === "ENOENT") io.stderr.write(lang === "zh" ? `找不到文件「${display}」\n` : `File not found: "${display}"\n`);
    else io.stderr.write(lang === "zh" ? `无法读取「${display}」:${errorMessage(e)}\n` : `Cannot read "${display}": ${errorMessage(e)}\n`);
    return null;
  }
}

/** Writes the copy, first saying what it cannot keep (notes, charts …). False when writing failed. */
export async function writeCopy(read: ReadResult, workbook: Workbook, output: string, outDisplay: string, ctx: CliContext): Promise<boolean> {
  const { io, lang } = ctx;
  for (const w of read.warnings) io.stderr.write(lang === "zh" ? `注意:${w.message.zh}。\n` : `Note: ${w.message.en}.\n`);
  try {
    writeFileSync(output, new Uint8Array(await workbook.xlsx.writeBuffer()));
    return true;
  } catch (e) {
    io.stderr.write(lang === "zh" ? `无法写出「${outDisplay}」:${errorMessage(e)}\n` : `Cannot write "${outDisplay}": ${errorMessage(e)}\n`);
    return false;
  }
}
