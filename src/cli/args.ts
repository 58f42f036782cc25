/** A small option parser with Chinese messages (node:util's parseArgs speaks English only). */
import { closest } from "../core/closest";
import { Message } from "../core/rules/types";

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
  return new UsageError(
    near ? { zh: `未知选项 ${arg},您是不是要用 --${near}?`, en: `Unknown option ${arg}. Did you mean --${near}?` } : { zh: `未知选项 ${arg}`, en: `Unknown option ${arg}` },
  );
}

export function parseArgs(args: string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, flags: new Set() };
  const short = new Map(Object.entries(spec.flags).filter(([, s]) => s).map(([long, s]) => [s as string, long]));
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
          throw new UsageError({ zh: `选项 --${name} 需要一个值`, en: `Option --${name} needs a value` });
        }
        out.values[name] = v;
      } else if (name in spec.flags && eq < 0) {
        out.flags.add(name);
      } else if (name in spec.flags) {
        throw new UsageError({ zh: `选项 --${name} 不带值`, en: `Option --${name} takes no value` });
      } else {
        throw unknownOption(a, name, spec);
      }
    } else if (a.startsWith("-") && a.length > 1) {
      const long = short.get(a.slice(1));
      if (!long) throw new UsageError({ zh: `未知选项 ${a}`, en: `Unknown option ${a}` });
      out.flags.add(long);
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}
