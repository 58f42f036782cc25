/** Loads --config: a JSON file of rule overrides, checked strictly against the rule catalogue. */
import { readFileSync } from "fs";
import { resolve } from "path";
import { validateSettings } from "../app/validate";
import { Config } from "../core/config";
import { parseJson } from "../core/json";
import { Message, bilingual, pick } from "../core/i18n";
import { CliContext } from "./io";
import { CLI } from "./messages";

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Message[] };

export function loadConfig(file: string, cwd: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? CLI.configMissing : code === "EISDIR" ? CLI.configIsFolder : CLI.configUnopenable;
    return { ok: false, problems: [bilingual(CLI.configUnreadable, file, why)] };
  }
  const json = parseJson(text);
  if (!json.ok) {
    return { ok: false, problems: [bilingual(CLI.configNotJson, file, json.error)] };
  }
  const { problems } = validateSettings(json.value);
  if (problems.length > 0) {
    return { ok: false, problems: problems.map((p) => bilingual(CLI.configProblem, file, p)) };
  }
  return { ok: true, config: json.value as Config };
}

/**
 * The --config option of a command: no option → no config; a bad file → its problems are printed
 * and null is returned, so the command exits with EXIT.failure.
 */
export function configOption(file: string | undefined, ctx: CliContext): { config: Config | undefined } | null {
  if (file === undefined) return { config: undefined };
  const c = loadConfig(file, ctx.io.cwd);
  if (c.ok) return { config: c.config };
  for (const p of c.problems) ctx.io.stderr.write(`${pick(p, ctx.lang)}\n`);
  return null;
}
