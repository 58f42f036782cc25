/**
 * What the add-in's pages need from the web view WPS runs them in, checked once on the background
 * page so that an old web view is told in a plain sentence instead of failing later in the pane.
 * Each API is listed with the first Chromium that has it (MDN browser-compat-data); the build test
 * (test/build/wpsBuild.test.ts) fails when the built scripts use an API newer than MIN_CHROMIUM.
 */

/**
 * The oldest web view the build is for: Chromium 103, the version reported for WPS 加载项 (README
 * history, webpack.wps.config.js). The bundles need Array.prototype.findLast (97) through React and
 * Fluent UI; older web views (reported for early WPS 2019 builds on Linux) are not supported.
 */
export const MIN_CHROMIUM = 103;

export interface RuntimeApi {
  name: string;
  /** First Chromium version with it (MDN browser-compat-data). */
  chromium: number;
  /** How a built script uses it (for the build test). */
  used: RegExp;
  /** Whether this page's window has it. */
  present(w: ProbeWindow): boolean;
}

export interface ProbeWindow {
  navigator?: { userAgent?: string };
  Element?: { prototype: object };
  Array: { prototype: object };
  Object: object;
  String: { prototype: object };
  Promise?: object;
  globalThis?: unknown;
  queueMicrotask?: unknown;
  structuredClone?: unknown;
}

const has = (o: object | undefined, k: string) => !!o && k in o;

export const RUNTIME_APIS: RuntimeApi[] = [
  { name: "globalThis", chromium: 71, used: /\bglobalThis\b/, present: (w) => w.globalThis !== undefined },
  { name: "queueMicrotask", chromium: 71, used: /\bqueueMicrotask\b/, present: (w) => typeof w.queueMicrotask === "function" },
  { name: "Object.fromEntries", chromium: 73, used: /Object\.fromEntries\b/, present: (w) => has(w.Object, "fromEntries") },
  { name: "Promise.allSettled", chromium: 76, used: /\.allSettled\b/, present: (w) => has(w.Promise, "allSettled") },
  { name: "String.prototype.replaceAll", chromium: 85, used: /\.replaceAll\(/, present: (w) => has(w.String.prototype, "replaceAll") },
  {
    name: "Element.prototype.replaceChildren",
    chromium: 86,
    used: /\.replaceChildren\(/,
    present: (w) => has(w.Element?.prototype, "replaceChildren"),
  },
  { name: "Array.prototype.findLast", chromium: 97, used: /\.findLast(Index)?\(/, present: (w) => has(w.Array.prototype, "findLast") },
  { name: "Object.hasOwn", chromium: 93, used: /Object\.hasOwn\(/, present: (w) => has(w.Object, "hasOwn") },
  { name: "structuredClone", chromium: 98, used: /\bstructuredClone\(/, present: (w) => typeof w.structuredClone === "function" },
  { name: "Array.prototype.toSorted", chromium: 110, used: /\.toSorted\(/, present: (w) => has(w.Array.prototype, "toSorted") },
  { name: "Object.groupBy", chromium: 117, used: /Object\.groupBy\(/, present: (w) => has(w.Object, "groupBy") },
];

export interface ProbeResult {
  /** Chromium's major version from the user agent, when it says. */
  chromium: number | null;
  /** APIs the pages need (those up to MIN_CHROMIUM) that this web view lacks. */
  missing: string[];
  /** A plain sentence for the user, or null when nothing is missing. */
  message: { zh: string; en: string } | null;
}

export function probeRuntime(w: ProbeWindow): ProbeResult {
  const m = /Chrom(?:e|ium)\/(\d+)/.exec(w.navigator?.userAgent ?? "");
  const chromium = m ? Number(m[1]) : null;
  const missing = RUNTIME_APIS.filter((a) => a.chromium <= MIN_CHROMIUM && !a.present(w)).map((a) => a.name);
  if (!missing.length) return { chromium, missing, message: null };
  const seen = chromium === null ? "版本未知" : `Chromium ${chromium}`;
  const seenEn = chromium === null ? "of unknown version" : `Chromium ${chromium}`;
  return {
    chromium,
    missing,
    message: {
      zh: `这个 WPS 的网页内核(${seen})太旧,缺少 ${missing.join("、")},绩效表助手无法运行;需要 Chromium ${MIN_CHROMIUM} 以上的内核(请升级 WPS)。`,
      en: `This WPS's web view (${seenEn}) is too old: it lacks ${missing.join(", ")}, so Budget Form Assistant cannot run; it needs Chromium ${MIN_CHROMIUM} or later (please update WPS).`,
    },
  };
}
