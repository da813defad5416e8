// A bracket expression of a glob (`[abc]`, `[a-z]`, `[!.]`, `[^x]`, `[[:alpha:]]`), read as
// minimatch reads it: `]` first is a character, `\` escapes, a range written backwards is left
// out, `x-]` is `x` and `-`, and a class without its `]` is no class (the `[` is a character).

/** A character class: ranges of UTF-16 code units, POSIX classes, and whether it is negated. */
export interface CharClass {
  ranges: Array<[string, string]>;
  /** POSIX classes that match what they name (`[:alpha:]`). */
  named: RegExp[];
  /** POSIX classes that match what they do not name (`[:graph:]`: not space, not control). */
  namedNot: RegExp[];
  negate: boolean;
}

export type ClassRead =
  /** `consumed` characters from the `[` form a class. */
  | { kind: 'class'; charClass: CharClass; consumed: number }
  /** One character only (`[*]`): a literal. */
  | { kind: 'literal'; char: string; consumed: number }
  /** A class that can match nothing (`[b-a]`): the segment it is in matches nothing. */
  | { kind: 'never' }
  | undefined;

const POSIX: ReadonlyArray<[string, RegExp, boolean]> = [
  ['[:alnum:]', /[\p{L}\p{Nl}\p{Nd}]/u, false],
  ['[:alpha:]', /[\p{L}\p{Nl}]/u, false],
  // eslint-disable-next-line no-control-regex -- POSIX's [:ascii:] is U+0000 to U+007F, control characters included
  ['[:ascii:]', /[\x00-\x7f]/, false],
  ['[:blank:]', /[\p{Zs}\t]/u, false],
  ['[:cntrl:]', /\p{Cc}/u, false],
  ['[:digit:]', /\p{Nd}/u, false],
  ['[:graph:]', /[\p{Z}\p{C}]/u, true],
  ['[:lower:]', /\p{Ll}/u, false],
  // Printable: not a control or format character (minimatch reads it as the opposite, a slip).
  ['[:print:]', /\p{C}/u, true],
  ['[:punct:]', /\p{P}/u, false],
  ['[:space:]', /[\p{Z}\t\r\n\v\f]/u, false],
  ['[:upper:]', /\p{Lu}/u, false],
  ['[:word:]', /[\p{L}\p{Nl}\p{Nd}\p{Pc}]/u, false],
  ['[:xdigit:]', /[A-Fa-f0-9]/, false],
];

/** Reads the class whose `[` is at `start` of `segment`; undefined when it is not one. */
export function readClass(segment: string, start: number): ClassRead {
  const charClass: CharClass = { ranges: [], named: [], namedNot: [], negate: false };
  let i = start + 1;
  let sawFirst = false;
  let escaping = false;
  let rangeStart: string | undefined;
  let end = -1;
  scan: while (i < segment.length) {
    const c = segment[i];
    if ((c === '!' || c === '^') && i === start + 1) {
      charClass.negate = true;
      i++;
      continue;
    }
    if (c === ']' && sawFirst && !escaping) {
      end = i + 1;
      break;
    }
    sawFirst = true;
    if (c === '\\' && !escaping) {
      escaping = true;
      i++;
      continue;
    }
    if (c === '[' && !escaping) {
      for (const [name, test, not] of POSIX) {
        if (!segment.startsWith(name, i)) continue;
        if (rangeStart !== undefined) return { kind: 'never' };
        (not ? charClass.namedNot : charClass.named).push(test);
        i += name.length;
        continue scan;
      }
    }
    escaping = false;
    if (rangeStart !== undefined) {
      if (c >= rangeStart) charClass.ranges.push([rangeStart, c]);
      rangeStart = undefined;
      i++;
    } else if (segment.startsWith('-]', i + 1)) {
      charClass.ranges.push([c, c], ['-', '-']);
      i += 2;
    } else if (segment[i + 1] === '-') {
      rangeStart = c;
      i += 2;
    } else {
      charClass.ranges.push([c, c]);
      i++;
    }
  }
  if (end < 0) return undefined;
  const { ranges, named, namedNot, negate } = charClass;
  if (ranges.length === 0 && named.length === 0 && namedNot.length === 0) return { kind: 'never' };
  if (!negate && named.length === 0 && namedNot.length === 0 && ranges.length === 1 && ranges[0][0] === ranges[0][1]) {
    return { kind: 'literal', char: ranges[0][0], consumed: end - start };
  }
  return { kind: 'class', charClass, consumed: end - start };
}

/** Whether one UTF-16 code unit is in the class. */
export function inClass(charClass: CharClass, c: string): boolean {
  const listed = charClass.ranges.some(([low, high]) => c >= low && c <= high) || charClass.named.some((test) => test.test(c));
  const positive = charClass.ranges.length > 0 || charClass.named.length > 0;
  // minimatch's reading: (listed, or not one of the "not" classes), each side flipped by `!`.
  const bySet = positive && (charClass.negate ? !listed : listed);
  const byNot = charClass.namedNot.length > 0 && (charClass.negate ? charClass.namedNot.some((t) => t.test(c)) : !charClass.namedNot.some((t) => t.test(c)));
  return bySet || byNot;
}
