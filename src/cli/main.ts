/** budget-form: the command-line checker. Commands are a table; each lives in src/cli/commands. */
import { readFileSync } from "fs";
import { join } from "path";
import { Lang, Message, bilingual, isLang, pick } from "../core/i18n";
import { UsageError } from "./args";
import { add } from "./commands/add";
import { check } from "./commands/check";
import { fix } from "./commands/fix";
import { templates } from "./commands/templates";
import { CliContext, CliIO, Command, EXIT } from "./io";
import { closest } from "../core/closest";
import { errorMessage } from "../core/errors";
import { CLI } from "./messages";

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
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${pick(c.summary, lang)}`).join("\n");
  return pick(CLI.help, lang, version(), list);
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
  const lang: Lang = isLang(asked) ? asked : "zh";
  const usage = (m: Message) => {
    io.stderr.write(`${pick(m, lang)}\n${pick(CLI.seeHelp, lang)}\n`);
    return EXIT.failure;
  };
  if (!isLang(asked)) return usage(bilingual(CLI.badLang, asked));

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
    const near = closest(
      first,
      COMMANDS.map((c) => c.name),
    );
    return usage(
      near
        ? bilingual(CLI.unknownCommandNear, first, near)
        : bilingual(
            CLI.unknownCommand,
            first,
            COMMANDS.map((c) => c.name),
          ),
    );
  }

  const ctx: CliContext = { io, lang };
  try {
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.reason);
    // A bug of ours: say so in one line, without a stack trace.
    const msg = errorMessage(e);
    io.stderr.write(`${pick(CLI.internalError, lang, msg)}\n`);
    return EXIT.failure;
  }
}
