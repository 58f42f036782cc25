/**
 * "Did you mean": the known word nearest to a mistyped one (a config key, a rule id, a command).
 * Optimal-string-alignment distance, so a swapped pair ("florr", "fomrat") costs one edit, like a
 * dropped or doubled letter does.
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a typo: at most a
 * third of the word's length in edits (one edit for short words), case ignored. A rule id given
 * without its category ("vague-wording") finds "indicators/vague-wording".
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  const bySuffix = candidates.filter((c) => c.toLowerCase().endsWith(`/${w}`));
  if (bySuffix.length === 1) return bySuffix[0];
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = distance(w, c.toLowerCase());
    if (dist <= limit && dist < bestD) [best, bestD] = [c, dist];
  }
  return best;
}
