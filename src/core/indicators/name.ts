/**
 * Reading a 三级 indicator name: the units it asks for in brackets ("组织学术交流次数(次)",
 * "满意度（%）") and the name without them, which is what duplicates are compared on.
 */
import { fold, lowerCase } from "../text";
import { nameUnit } from "./units";
import { memoize } from "../memo";

export interface ParsedName {
  /** Folded name without its unit brackets and without white space. */
  core: string;
  /** Canonical units named in brackets, in order ("篇数(篇)、阅读量(人次)" → 篇, 人次). */
  units: string[];
  /** The last unit named, the one the value is expected in; null when the name gives none. */
  unit: string | null;
}

const BRACKET = /\(([^()]*)\)/g;

export const parseName: (name: string) => ParsedName = memoize(parseNameUncached);

// What parseName rewrites; a name holding none of it (most names of a long table) is its own core.
const SQUARE = /[【[】\]]/;
const SPACE = /\s/;
const TRAILING = /[,,、。;;::]+$/;

function parseNameUncached(name: string): ParsedName {
  let s = fold(name);
  if (SQUARE.test(s)) s = s.replace(/[【[]/g, "(").replace(/[】\]]/g, ")");
  const units: string[] = [];
  // Only brackets that hold a unit are dropped: "夏(冬)令营" keeps its "(冬)".
  let core = !s.includes("(")
    ? s
    : s.replace(BRACKET, (whole, content: string) => {
        const u = nameUnit(content);
        if (!u) return whole;
        units.push(u);
        return "";
      });
  if (SPACE.test(core)) core = core.replace(/\s+/g, "");
  if (TRAILING.test(core)) core = core.replace(TRAILING, "");
  return { core, units, unit: units.length ? units[units.length - 1] : null };
}

/** Key under which two names count as the same indicator. */
export function nameKey(name: string): string {
  return parsedNameKey(parseName(name));
}

/** nameKey of a name already parsed: the duplicate rule and the template inserter must agree on it. */
export function parsedNameKey(parsed: ParsedName): string {
  return lowerCase(parsed.core);
}
