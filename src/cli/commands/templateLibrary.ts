/** The catalogue plus a custom library file given with --templates, for the template commands. */
import { readFileSync } from "fs";
import { resolve } from "path";
import { mergeLibraries, parseLibrary } from "../../core/templates/library";
import { CATALOGUE } from "../../core/templates/catalogue";
import { IndicatorTemplate } from "../../core/templates/types";
import { CliContext } from "../io";
import { errorMessage } from "../../core/errors";

/** Null (after saying why on stderr) when the library cannot be read or is invalid. */
export function loadTemplates(file: string | undefined, ctx: CliContext): IndicatorTemplate[] | null {
  if (file === undefined) return [...CATALOGUE];
  const { io, lang } = ctx;
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? (lang === "zh" ? "文件不存在" : "no such file") : errorMessage(e);
    io.stderr.write(lang === "zh" ? `无法读取模板库「${file}」:${why}\n` : `Cannot read the template library "${file}": ${why}\n`);
    return null;
  }
  const lib = parseLibrary(text);
  if (!lib.ok) {
    io.stderr.write(lang === "zh" ? `模板库「${file}」有误:\n` : `The template library "${file}" is invalid:\n`);
    for (const e of lib.errors) io.stderr.write(`  ${e[lang]}\n`);
    return null;
  }
  return mergeLibraries(lib.library.templates);
}
