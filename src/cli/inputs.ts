/** Turns the command line's files, folders and globs into the list of workbooks to check. */
import { existsSync, statSync } from "fs";
import { isAbsolute, relative, resolve } from "path";
import { globSync } from "tinyglobby";
import { Message, bilingual } from "../core/i18n";
import { CLI } from "./messages";

export interface Input {
  /** As shown to the user (relative to the working directory unless given absolute). */
  display: string;
  path: string;
}

export interface MissingInput {
  display: string;
  error: Message;
}

const MAGIC = /[*?[\]{}]/;

/**
 * Parentheses are ordinary characters in Windows and Chinese file names ("预算(2024)", "申报表 (2)"),
 * but the glob library reads them as pattern groups, so such a folder would match nothing.
 */
export function toGlobPattern(arg: string): string {
  return arg.replace(/\\/g, "/").replace(/[()]/g, "\\$&");
}

/** Excel's lock files (~$name.xlsx) are not workbooks. */
const isLockFile = (p: string) => /(^|[\\/])~\$[^\\/]*$/.test(p);

export function expandInputs(args: string[], cwd: string): (Input | MissingInput)[] {
  const out: (Input | MissingInput)[] = [];
  const seen = new Set<string>();
  const add = (abs: string, given: string) => {
    if (seen.has(abs) || isLockFile(abs)) return;
    seen.add(abs);
    out.push({ path: abs, display: isAbsolute(given) ? abs : relative(cwd, abs) || abs });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    if (existsSync(abs)) {
      if (statSync(abs).isDirectory()) {
        const found = globSync("**/*.xlsx", { cwd: abs, absolute: true, caseSensitiveMatch: false }).sort();
        if (found.length === 0) out.push({ display: arg, error: bilingual(CLI.noXlsxInFolder, arg) });
        for (const f of found) add(resolve(f), arg);
      } else add(abs, arg);
      continue;
    }
    if (MAGIC.test(arg)) {
      const found = globSync(toGlobPattern(arg), { cwd, absolute: true, onlyFiles: true }).sort();
      if (found.length === 0) out.push({ display: arg, error: bilingual(CLI.noMatch, arg) });
      for (const f of found) add(resolve(f), arg);
      continue;
    }
    out.push({ display: arg, error: bilingual(CLI.fileNotFound, arg) });
  }
  return out;
}
