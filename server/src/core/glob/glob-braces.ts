// Brace expansion of an include glob (`{a,b}`, `{1..3}`, `{a..e}`, nested), as the shell and
// minimatch do it, with the number of alternatives counted before any is built: `{a,b}` written
// forty times is 2^40 globs, which must be refused, never expanded.
//
// A `{` without its `}` is a character, as is a group with no comma that is no sequence (`{a}`);
// a `\` keeps the next character from being read as a brace or a comma (and is kept for the glob).

/** A parsed piece: text, or a group of alternatives (each a list of pieces). */
type Piece = string | Piece[][];

const NUMERIC_SEQUENCE = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/;
const ALPHA_SEQUENCE = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/;

/** For each `{` that has a matching `}`, the offset of that `}` (escaped characters skipped). */
function matchingBraces(glob: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) pairs.set(open.pop()!, i);
  }
  return pairs;
}

/** The values of a sequence body (`1..10..2`, `a..e`), or undefined when it is none; `limit` caps how many are made. */
function sequence(body: string, limit: number): { count: number; values: () => string[] } | undefined {
  const numeric = NUMERIC_SEQUENCE.exec(body);
  const alpha = numeric ? undefined : ALPHA_SEQUENCE.exec(body);
  const match = numeric ?? alpha;
  if (!match) return undefined;
  const from = numeric ? parseInt(match[1], 10) : match[1].charCodeAt(0);
  const to = numeric ? parseInt(match[2], 10) : match[2].charCodeAt(0);
  const step = Math.max(Math.abs(match[3] === undefined ? 1 : parseInt(match[3], 10)), 1);
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  const width = /^-?0\d/.test(match[1]) || /^-?0\d/.test(match[2]) ? Math.max(match[1].length, match[2].length) : 0;
  const values = () => {
    const out: string[] = [];
    const direction = to < from ? -1 : 1;
    for (let n = 0, v = from; n < Math.min(count, limit); n++, v += direction * step) {
      // A backslash between the letters (`{Z..a}`) is left out, as the shell does.
      if (!numeric) out.push(v === 92 ? '' : String.fromCharCode(v));
      else {
        const digits = String(Math.abs(v)).padStart(v < 0 ? width - 1 : width, '0');
        out.push(v < 0 ? `-${digits}` : digits);
      }
    }
    return out;
  };
  return { count: Number.isFinite(count) ? count : Infinity, values };
}

/** Adds text to the pieces, joined to the text before it. */
function addText(pieces: Piece[], text: string): void {
  const last = pieces.length - 1;
  if (last >= 0 && typeof pieces[last] === 'string') pieces[last] += text;
  else pieces.push(text);
}

/** Splits glob[start, end) into pieces, added to `pieces`. */
function parse(glob: string, start: number, end: number, pairs: Map<number, number>, limit: number, pieces: Piece[] = []): Piece[] {
  for (let i = start; i < end; i++) {
    const c = glob[i];
    const close = c === '{' ? pairs.get(i) : undefined;
    if (c === '\\') {
      addText(pieces, glob.slice(i, i + 2));
      i++;
      continue;
    }
    if (close === undefined) {
      addText(pieces, c);
      continue;
    }
    // The body's own commas, outside nested groups.
    const commas: number[] = [];
    for (let j = i + 1; j < close; j++) {
      if (glob[j] === '\\') j++;
      else if (glob[j] === '{' && pairs.has(j)) j = pairs.get(j)!;
      else if (glob[j] === ',') commas.push(j);
    }
    const seq = commas.length === 0 ? sequence(glob.slice(i + 1, close), limit) : undefined;
    if (seq) {
      // A sequence too long to make stands as limit + 1 empty alternatives, so that it counts as too many.
      pieces.push(seq.count > limit ? Array.from({ length: limit + 1 }, () => []) : seq.values().map((v) => [v]));
    } else if (commas.length > 0) {
      const bounds = [i, ...commas, close];
      pieces.push(bounds.slice(1).map((to, k) => parse(glob, bounds[k] + 1, to, pairs, limit)));
    } else {
      // `{a}`: the braces are characters; groups inside still expand.
      addText(pieces, '{');
      parse(glob, i + 1, close, pairs, limit, pieces);
      addText(pieces, '}');
    }
    i = close;
  }
  return pieces;
}

/** How many globs the pieces expand to, counted up to `limit + 1`. */
function count(pieces: readonly Piece[], limit: number): number {
  let product = 1;
  for (const piece of pieces) {
    if (typeof piece === 'string') continue;
    let sum = 0;
    for (const alternative of piece) sum = Math.min(limit + 1, sum + count(alternative, limit));
    product = Math.min(limit + 1, product * sum);
  }
  return product;
}

function expandPieces(pieces: readonly Piece[]): string[] {
  let results = [''];
  for (const piece of pieces) {
    if (typeof piece === 'string') results = results.map((r) => r + piece);
    else {
      const values = piece.flatMap(expandPieces);
      results = results.flatMap((r) => values.map((v) => r + v));
    }
  }
  return results;
}

/**
 * The globs `glob` stands for, in order, without repeats (and without empty ones made by braces); undefined when the
 * braces would make more than `limit` (counted before any is made).
 */
export function expandBraces(glob: string, limit: number): string[] | undefined {
  if (!glob.includes('{')) return [glob];
  const pieces = parse(glob, 0, glob.length, matchingBraces(glob), limit);
  if (count(pieces, limit) > limit) return undefined;
  return [...new Set(expandPieces(pieces))].filter((g) => g !== '');
}
