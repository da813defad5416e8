// The problems of a file that keeps no text (without-text.ts), packed: no object per problem. A
// 7.5 MB batch can have thousands; as objects each cost about 150 bytes with its places, packed
// under 100 (its strings and fix data by number in a table of the file's, its offset and length in
// a typed array). A report makes them objects again, for as long as it is built.
import type { FixData, Problem, Severity } from '../codes/problem';

/** Numbers a problem is kept as: its code, message, severity, method and fix data (0: none, else 1 + index). */
const FIELDS = 5;

/** The packed problems as plain data: what a worker thread posts (its typed arrays moved, not copied). */
export interface ProblemParts {
  strings: string[];
  data: FixData[];
  /** FIELDS numbers a problem. */
  fields: Uint32Array;
  /** Offset and length of each problem. */
  ranges: Int32Array;
}

export class PackedProblems {
  private constructor(
    private readonly strings: readonly string[],
    private readonly data: readonly FixData[],
    private readonly fields: Uint32Array,
    private readonly ranges: Int32Array,
  ) {}

  /** Problems packed elsewhere (a worker thread), taken as they are. */
  static fromParts({ strings, data, fields, ranges }: ProblemParts): PackedProblems {
    return new PackedProblems(strings, data, fields, ranges);
  }

  /** The plain data, for posting (its buffers can be moved: transferables). */
  toParts(): ProblemParts {
    return { strings: [...this.strings], data: [...this.data], fields: this.fields, ranges: this.ranges };
  }

  /** `once` keeps a string for the file, `dataOnce` fix data (each kept once, see without-text.ts). */
  static of(problems: readonly Problem[], once: (value: string) => string, dataOnce: (value: FixData) => FixData): PackedProblems {
    const strings: string[] = [];
    const stringAt = new Map<string, number>();
    const index = (value: string) => {
      const kept = once(value);
      let at = stringAt.get(kept);
      if (at === undefined) stringAt.set(kept, (at = strings.push(kept) - 1));
      return at;
    };
    const data: FixData[] = [];
    const dataAt = new Map<FixData, number>();
    const fields = new Uint32Array(problems.length * FIELDS);
    const ranges = new Int32Array(problems.length * 2);
    problems.forEach((p, i) => {
      const at = i * FIELDS;
      fields[at] = index(p.code);
      fields[at + 1] = index(p.message);
      fields[at + 2] = index(p.severity);
      fields[at + 3] = p.method === undefined ? 0 : 1 + index(p.method);
      if (p.data !== undefined) {
        const kept = dataOnce(p.data);
        let found = dataAt.get(kept);
        if (found === undefined) dataAt.set(kept, (found = data.push(kept) - 1));
        fields[at + 4] = 1 + found;
      }
      ranges[2 * i] = p.offset;
      ranges[2 * i + 1] = p.length;
    });
    return new PackedProblems(strings, data, fields, ranges);
  }

  get length(): number {
    return this.ranges.length / 2;
  }

  /** Bytes held (for the index's memory estimate). */
  get bytes(): number {
    return this.length * (FIELDS * 4 + 8) + this.strings.reduce((sum, s) => sum + 24 + s.length, 0);
  }

  /** Each problem as an object, as the engine made it (new objects each time). */
  all(): Problem[] {
    const problems: Problem[] = [];
    for (let i = 0; i < this.length; i++) {
      const at = i * FIELDS;
      const problem: Problem = {
        code: this.strings[this.fields[at]],
        message: this.strings[this.fields[at + 1]],
        severity: this.strings[this.fields[at + 2]] as Severity,
        offset: this.ranges[2 * i],
        length: this.ranges[2 * i + 1],
      };
      if (this.fields[at + 3] > 0) problem.method = this.strings[this.fields[at + 3] - 1];
      if (this.fields[at + 4] > 0) problem.data = this.data[this.fields[at + 4] - 1];
      problems.push(problem);
    }
    return problems;
  }
}
