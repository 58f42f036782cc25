/** Loads --config: a JSON file of rule overrides, checked strictly against the rule catalogue. */
import { readFileSync } from "fs";
import { resolve } from "path";
import { Config, validateConfig } from "../core/config";
import { parseJson } from "../core/json";
import { RULES } from "../core/rules/registry";
import { Message } from "../core/rules/types";
import { CliContext } from "./io";

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: Message[] };

export function loadConfig(file: string, cwd: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? { zh: "文件不存在", en: "file not found" } : code === "EISDIR" ? { zh: "这是一个文件夹", en: "it is a folder" } : { zh: "无法打开", en: "cannot open it" };
    return { ok: false, problems: [{ zh: `无法读取配置文件「${file}」:${why.zh}`, en: `Cannot read config file "${file}": ${why.en}` }] };
  }
  const json = parseJson(text);
  if (!json.ok) {
    return { ok: false, problems: [{ zh: `配置文件「${file}」不是有效的 JSON,${json.error.zh}`, en: `Config file "${file}" is not valid JSON: ${json.error.en}` }] };
  }
  const problems = validateConfig(json.value, RULES);
  if (problems.length > 0) {
    return { ok: false, problems: problems.map((p) => ({ zh: `配置文件「${file}」:${p.zh}`, en: `Config file "${file}": ${p.en}` })) };
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
  for (const p of c.problems) ctx.io.stderr.write(`${p[ctx.lang]}\n`);
  return null;
}
