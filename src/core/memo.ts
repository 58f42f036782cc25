/**
 * Memoisation for pure functions of a string. A form repeats the same texts across rules (every
 * indicator rule reads the same names and values), and a batch or a live re-check repeats whole
 * forms; caching keeps the engine cheap. Bounded: the cache is dropped when it grows past `limit`.
 * Results are shared between callers, so they must be treated as read-only.
 */
const caches = new Set<Map<string, unknown>>();

/** Forgets every memoised result: benchmarks use it to measure a first (cold) check. */
export function clearMemoCaches(): void {
  for (const c of caches) c.clear();
}

/** Stands for a result of undefined, so a miss costs one lookup, not a second to tell "undefined" from "absent". */
const UNDEFINED = Symbol("undefined");

export function memoize<T>(fn: (s: string) => T, limit = 100000): (s: string) => T {
  const cache = new Map<string, T | typeof UNDEFINED>();
  caches.add(cache as Map<string, unknown>);
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as T;
    if (cache.size >= limit) cache.clear();
    const v = fn(s);
    cache.set(s, v === undefined ? UNDEFINED : v);
    return v;
  };
}
