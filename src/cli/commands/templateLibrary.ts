/** The catalogue plus a custom library file given with --templates, for the template commands. */
import { readFileSync } from "fs";
import { resolve } from "path";
import { mergeLibraries, parseLibrary } from "../../core/templates/library";
import { CATALOGUE } from "../../core/templates/catalogue";
import { IndicatorTemplate } from "../../core/templates/types";
import { CliContext } from "../io";
import { errorMessage } from "../../core/errors";
import { pick } from "../../core/i18n";
import { CLI } from "../messages";

/** Null (after saying why on stderr) when the library cannot be read or is invalid. */
export function loadTemplates(file: string | undefined, ctx: CliContext): IndicatorTemplate[] | null {
  if (file === undefined) return [...CATALOGUE];
  const { io, lang } = ctx;
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? pick(CLI.libraryMissing, lang) : errorMessage(e);
    io.stderr.write(`${pick(CLI.libraryUnreadable, lang, file, why)}\n`);
    return null;
  }
  const lib = parseLibrary(text);
  if (!lib.ok) {
    io.stderr.write(`${pick(CLI.libraryInvalid, lang, file)}\n`);
    for (const e of lib.errors) io.stderr.write(`  ${pick(e, lang)}\n`);
    return null;
  }
  return mergeLibraries(lib.library.templates);
}
