// Include globs, matched without regular expressions. minimatch turns a glob into a regular
// expression that backtracks: `*a*a*a…*c` against a long name never finishes, and a 64 KB glob
// throws. Here a glob is compiled once into path segments, and a path is matched by a simulation
// whose state is bounded by the glob (which segments may come next), each name by a left-to-right
// scan between stars that never goes back: time linear in the path for any glob. What a glob may
// cost to compile is bounded too (length, stars, brace alternatives); one past a bound is refused.
//
// The semantics are minimatch's with { dot: true, matchBase }, which the project used before:
// `**` (a whole segment: any number of folders), `*`, `?`, `[...]`, `{a,b}` and `{1..3}` braces,
// `\` escapes, names starting with a dot matched, a glob without `/` matched against the file's
// name alone, a leading `!` negating, a leading `#` matching nothing. Wildcards never match a
// `.` or `..` segment. Extended globs (`+(a|b)` and the like) are refused.
import { expandBraces } from './glob-braces';
import { inClass, readClass, type CharClass } from './glob-class';

export const MAX_GLOB_LENGTH = 1024;
export const MAX_GLOB_STARS = 64;
export const MAX_GLOB_ALTERNATIVES = 64;

const ANY = 0;
/** One character of a name: that character, any character (`?`), or one of a class. */
type Atom = string | typeof ANY | CharClass;

/** A run of atoms between stars, with its text when it holds characters only (found with indexOf). */
interface Part {
  atoms: Atom[];
  text: string | undefined;
}

/** What one segment of a glob (between slashes) matches. */
interface Name {
  /** The segment when it holds no wildcard. */
  literal: string | undefined;
  /** Without stars one part; with stars the first starts the name, the last ends it, the others float between. */
  parts: Part[];
  stars: boolean;
  /** Holds a class that matches no character (`[b-a]`). */
  never: boolean;
  minLength: number;
}

const GLOBSTAR = null;
type Segment = Name | typeof GLOBSTAR;

export interface CompiledGlob {
  /** Why the glob is not used (a bound it exceeds, an unsupported form); it then matches nothing. */
  problem: string | undefined;
  /** `path` uses forward slashes. */
  matches(path: string): boolean;
}

const EXTGLOB_STARTS = '+@!*?';

function part(atoms: Atom[]): Part {
  return { atoms, text: atoms.every((a) => typeof a === 'string') ? atoms.join('') : undefined };
}

/** One segment's pattern, or the problem that makes the glob unusable. */
function readName(segment: string): Name | string {
  const runs: Atom[][] = [[]];
  let stars = false;
  let wildcard = false;
  let never = false;
  let afterStar = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (EXTGLOB_STARTS.includes(c) && segment[i + 1] === '(') return extglobProblem(c);
    const atoms = runs[runs.length - 1];
    if (c === '*') {
      if (!afterStar) runs.push([]);
      stars = wildcard = afterStar = true;
      continue;
    }
    afterStar = false;
    if (c === '\\') atoms.push(i + 1 < segment.length ? segment[++i] : '\\');
    else if (c === '?') {
      atoms.push(ANY);
      wildcard = true;
    } else if (c === '[') {
      const read = readClass(segment, i);
      if (read === undefined) atoms.push('[');
      else if (read.kind === 'never') {
        never = true;
        break;
      } else {
        i += read.consumed - 1;
        if (read.kind === 'literal') atoms.push(read.char);
        else {
          atoms.push(read.charClass);
          wildcard = true;
        }
      }
    } else atoms.push(c);
  }
  const parts = runs.map(part);
  const minLength = runs.reduce((sum, atoms) => sum + atoms.length, 0);
  return { literal: wildcard ? undefined : parts[0].text, parts, stars, never, minLength };
}

function atomsAt(atoms: readonly Atom[], name: string, at: number): boolean {
  for (let k = 0; k < atoms.length; k++) {
    const atom = atoms[k];
    const c = name[at + k];
    if (atom === ANY) continue;
    if (typeof atom === 'string' ? atom !== c : !inClass(atom, c)) return false;
  }
  return true;
}

/** The first offset in [from, to - length] where the part matches, or -1. */
function find(p: Part, name: string, from: number, to: number): number {
  const last = to - p.atoms.length;
  if (p.text !== undefined) {
    const at = name.indexOf(p.text, from);
    return at >= 0 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (atomsAt(p.atoms, name, at)) return at;
  return -1;
}

/**
 * Whether one name (a path segment) matches. Between stars, taking each part at its leftmost place
 * is never wrong (a star takes whatever a later place would leave), so nothing is tried twice.
 */
function nameMatches(pattern: Name, name: string): boolean {
  if (pattern.never) return false;
  if (pattern.literal !== undefined) return name === pattern.literal;
  if (name === '.' || name === '..' || name.length < pattern.minLength) return false;
  const { parts } = pattern;
  if (!pattern.stars) return name.length === pattern.minLength && atomsAt(parts[0].atoms, name, 0);
  // A glob segment of stars alone needs a character.
  if (pattern.minLength === 0 && name === '') return false;
  const first = parts[0].atoms;
  const last = parts[parts.length - 1].atoms;
  const end = name.length - last.length;
  if (!atomsAt(first, name, 0) || !atomsAt(last, name, end)) return false;
  let at = first.length;
  for (let k = 1; k < parts.length - 1; k++) {
    const found = find(parts[k], name, at, end);
    if (found < 0) return false;
    at = found + parts[k].atoms.length;
  }
  return true;
}

/**
 * Whether the names match the segments: the set of segments that may come next, carried from name
 * to name. `**` takes zero or more names (one or more at the end of the glob), never `.` or `..`.
 */
/** A path's names as `path.split(/\/+/)` gives them (runs of slashes are one), without a regular expression. */
function pathNames(path: string): string[] {
  const names = path.split('/');
  if (names.length < 3 || !path.includes('//')) return names;
  return names.filter((name, i) => name !== '' || i === 0 || i === names.length - 1);
}

/** After a `**` that is reached, what follows it is reached too (it matches no name as well). */
function close(segments: readonly Segment[], states: Uint8Array): void {
  for (let i = 0; i < segments.length - 1; i++) if (states[i] && segments[i] === GLOBSTAR) states[i + 1] = 1;
}

/**
 * A matcher of names against the segments: the states reached after each name, in two arrays made
 * once and reused (a workspace's index matches every file's path: no garbage a path).
 */
function segmentsMatcher(segments: readonly Segment[]): (names: readonly string[]) => boolean {
  const m = segments.length;
  let states = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  return (names) => {
    states.fill(0);
    states[0] = 1;
    close(segments, states);
    for (const name of names) {
      next.fill(0);
      const dots = name === '.' || name === '..';
      let alive = false;
      for (let i = 0; i < m; i++) {
        if (!states[i]) continue;
        const segment = segments[i];
        if (segment === GLOBSTAR) {
          if (dots) continue;
          next[i] = 1;
          if (i === m - 1) next[m] = 1;
          alive = true;
        } else if (nameMatches(segment, name)) {
          next[i + 1] = 1;
          alive = true;
        }
      }
      if (!alive) return false;
      close(segments, next);
      const reached = next;
      next = states;
      states = reached;
    }
    return states[m] === 1;
  };
}

/** `**` repeated is one; `x/..` is nothing (as minimatch reads a glob). */
function simplify(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const previous = out[out.length - 1];
    if (segment === '**' && previous === '**') continue;
    if (segment === '..' && previous && previous !== '..' && previous !== '.' && previous !== '**') {
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out.length === 0 ? [''] : out;
}

function lengthProblem(length: number): string {
  return `A glob may be at most ${MAX_GLOB_LENGTH} characters long; this one has ${length}.`;
}

function starsProblem(stars: number): string {
  return `A glob may hold at most ${MAX_GLOB_STARS} '*'; this one has ${stars}.`;
}

function bracesProblem(): string {
  return `A glob's braces may stand for at most ${MAX_GLOB_ALTERNATIVES} globs; this one's stand for more.`;
}

function extglobProblem(c: string): string {
  return `Extended globs such as '${c}(' are not supported: write braces ({a,b}) for alternatives, or [${c}] for the character.`;
}

/** The `*` of a glob that are not escaped. */
function countStars(glob: string): number {
  let stars = 0;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '*') stars++;
  }
  return stars;
}

const NOTHING: CompiledGlob['matches'] = () => false;

export function compileGlob(glob: string): CompiledGlob {
  const refuse = (problem: string): CompiledGlob => ({ problem, matches: NOTHING });
  if (glob.length > MAX_GLOB_LENGTH) return refuse(lengthProblem(glob.length));
  const stars = countStars(glob);
  if (stars > MAX_GLOB_STARS) return refuse(starsProblem(stars));
  if (glob === '') return { problem: undefined, matches: (path) => path === '' };
  if (glob.startsWith('#')) return { problem: undefined, matches: NOTHING };
  let negate = false;
  let start = 0;
  for (; glob[start] === '!'; start++) negate = !negate;
  const expanded = expandBraces(glob.slice(start), MAX_GLOB_ALTERNATIVES);
  if (expanded === undefined) return refuse(bracesProblem());
  const alternatives: Array<(names: readonly string[]) => boolean> = [];
  for (const alternative of expanded) {
    const segments: Segment[] = [];
    for (const text of simplify(alternative.split(/\/+/))) {
      const read = text === '**' ? GLOBSTAR : readName(text);
      if (typeof read === 'string') return refuse(read);
      segments.push(read);
    }
    alternatives.push(segmentsMatcher(segments));
  }
  const baseName = !glob.includes('/');
  return {
    problem: undefined,
    matches(path) {
      let names = pathNames(path);
      if (baseName) {
        let name = '';
        for (let i = names.length - 1; i >= 0 && name === ''; i--) name = names[i];
        names = [name];
      }
      let matched = false;
      for (let i = 0; i < alternatives.length && !matched; i++) matched = alternatives[i](names);
      return matched !== negate;
    },
  };
}

/** Why a glob is not used (it exceeds a bound, or uses a form that is not supported), else undefined. */
export function globProblem(glob: string): string | undefined {
  return compileGlob(glob).problem;
}
