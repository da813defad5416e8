// "Did you mean": how close a written word is to a known one (used for names and enum values).

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Orders candidates by closeness to `written`: the same letters in another case first, then by
 * edit distance (ignoring case). Stable for ties, so the documented order decides among equals.
 */
export function rankByCloseness<T>(written: string, candidates: readonly T[], label: (c: T) => string = String): T[] {
  const lower = written.toLowerCase();
  const score = (c: T) => {
    const l = label(c);
    if (l !== written && l.toLowerCase() === lower) return -1;
    return editDistance(lower, l.toLowerCase(), 64);
  };
  return candidates
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((x, y) => x.s - y.s || x.i - y.i)
    .map((x) => x.c);
}

/** Close enough to offer as the preferred fix: same letters in another case, distance <= 2, or a prefix. */
export function isClose(written: string, candidate: string): boolean {
  const a = written.toLowerCase();
  const b = candidate.toLowerCase();
  if (a.length === 0) return false;
  if (a === b) return true;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  return editDistance(a, b, 2) <= 2;
}

/** The closest candidate when it is close enough, else undefined. */
export function suggest(written: string, candidates: readonly string[]): string | undefined {
  if (written.length > 256) return undefined;
  const best = rankByCloseness(written, candidates)[0];
  return best !== undefined && best !== written && isClose(written, best) ? best : undefined;
}
