/** budget-form: the command-line checker. Commands are a table; each lives in src/cli/commands. */
import { readFileSync } from "fs";
import { join } from "path";
import { Lang } from "../hosts/host";
import { UsageError } from "./args";
import { add } from "./commands/add";
import { check } from "./commands/check";
import { fix } from "./commands/fix";
import { templates } from "./commands/templates";
import { CliContext, CliIO, Command, EXIT } from "./io";
import { closest } from "../core/closest";
import { errorMessage } from "../core/errors";

export type { CliIO } from "./io";

/** Add a subcommand by listing it here. */
export const COMMANDS: Command[] = [check, templates, add, fix];

function version(): string {
  try {
    // lib/cli/main.js and src/cli/main.ts both sit two folders below package.json.
    return (JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function help(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary[lang]}`).join("\n");
  return lang === "zh"
    ? `绩效表助手 ${version()} — 部门整体预算绩效目标申报表检查工具

用法: budget-form <命令> [参数…]

命令:
${list}

通用选项:
  --lang zh|en    输出语言(默认 zh)
  -h, --help      显示帮助(budget-form <命令> --help 查看命令的用法)
  -v, --version   显示版本
`
    : `Budget Form Assistant ${version()} — checks the department budget performance-target form

Usage: budget-form <command> [arguments…]

Commands:
${list}

Common options:
  --lang zh|en    output language (default zh)
  -h, --help      show help (budget-form <command> --help for a command's usage)
  -v, --version   show the version
`;
}

/** Takes --lang out of the arguments (it may come anywhere) so even usage errors speak the right language. */
function takeLang(argv: string[]): { lang: Lang | string; rest: string[] } {
  const rest: string[] = [];
  let lang: string = "zh";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === "--lang") lang = argv[++i] ?? "";
    else if (a.startsWith("--lang=")) lang = a.slice(7);
    else rest.push(a);
  }
  return { lang, rest };
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const { lang: asked, rest } = takeLang(argv);
  const lang: Lang = asked === "en" ? "en" : "zh";
  const usage = (m: { zh: string; en: string }) => {
    io.stderr.write(`${m[lang]}\n${lang === "zh" ? "运行 budget-form --help 查看用法。" : "Run budget-form --help for usage."}\n`);
    return EXIT.failure;
  };
  if (asked !== "zh" && asked !== "en") return usage({ zh: `--lang 只能是 zh 或 en,收到「${asked}」`, en: `--lang must be zh or en, got "${asked}"` });

  const [first, ...args] = rest;
  if (first === undefined) {
    io.stderr.write(help(lang));
    return EXIT.failure;
  }
  if (first === "-h" || first === "--help" || first === "help") {
    io.stdout.write(help(lang));
    return EXIT.ok;
  }
  if (first === "-v" || first === "--version") {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const near = closest(first, COMMANDS.map((c) => c.name));
    return usage(
      near
        ? { zh: `未知命令「${first}」,您是不是要用「${near}」?`, en: `Unknown command "${first}". Did you mean "${near}"?` }
        : { zh: `未知命令「${first}」;可用的命令:${COMMANDS.map((c) => c.name).join("、")}`, en: `Unknown command "${first}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}` },
    );
  }

  const ctx: CliContext = { io, lang };
  try {
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.reason);
    // A bug of ours: say so in one line, without a stack trace.
    const msg = errorMessage(e);
    io.stderr.write(lang === "zh" ? `内部错误:${msg}。请将此信息和出错的文件反馈给维护者。\n` : `Internal error: ${msg}. Please report it with the file that caused it.\n`);
    return EXIT.failure;
  }
}
