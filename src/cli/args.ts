/** A small option parser with Chinese messages (node:util's parseArgs speaks English only). */
import { closest } from "../core/closest";
import { Message, bilingual } from "../core/i18n";
import { CLI } from "./messages";

export interface ArgSpec {
  /** Options taking a value: --format json, --format=json. */
  values: string[];
  /** Boolean options, with short aliases: { help: "h" }. */
  flags: Record<string, string | null>;
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

export class UsageError extends Error {
  constructor(readonly reason: Message) {
    super(reason.zh);
  }
}

function unknownOption(arg: string, name: string, spec: ArgSpec): UsageError {
  const near = closest(name, [...spec.values, ...Object.keys(spec.flags)]);
  return new UsageError(near ? bilingual(CLI.unknownOptionNear, arg, near) : bilingual(CLI.unknownOption, arg));
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, flags: new Set() };
  const short = new Map(
    Object.entries(spec.flags)
      .filter(([, s]) => s)
      .map(([long, s]) => [s as string, long]),
  );
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (spec.values.includes(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined || (eq < 0 && v.startsWith("--"))) {
          throw new UsageError(bilingual(CLI.needsValue, name));
        }
        out.values[name] = v;
      } else if (name in spec.flags && eq < 0) {
        out.flags.add(name);
      } else if (name in spec.flags) {
        throw new UsageError(bilingual(CLI.takesNoValue, name));
      } else {
        throw unknownOption(a, name, spec);
      }
    } else if (a.startsWith("-") && a.length > 1) {
      const long = short.get(a.slice(1));
      if (!long) throw new UsageError(bilingual(CLI.unknownOption, a));
      out.flags.add(long);
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}
