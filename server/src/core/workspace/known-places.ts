// Where a file's problems and unique values stand, for a file whose text is not kept (a large file
// on disk): their offsets are turned into lines and columns once, while the text is at hand, and
// only those are kept (three numbers an offset), not the text nor a line index of it (a pretty-printed
// 7.5 MB batch has 250,000 lines). A report only ever places these offsets.
import { lastAtOrBefore, LineIndex } from '../parse/line-index';
import type { Position } from './session-types';

/** The places as plain data: what a worker thread posts. */
export interface PlaceParts {
  offsets: Int32Array;
  lines: Int32Array;
  characters: Int32Array;
}

export class KnownPlaces {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly lines: Int32Array,
    private readonly characters: Int32Array,
  ) {}

  /** The places of `offsets` (in any order, repeats allowed) in `text`; the start of the text is always known. */
  static of(text: string, offsets: readonly number[]): KnownPlaces {
    const sorted = Int32Array.from(new Set([0, ...offsets])).sort();
    const index = new LineIndex(text);
    const lines = new Int32Array(sorted.length);
    const characters = new Int32Array(sorted.length);
    sorted.forEach((offset, i) => {
      const { line, character } = index.position(offset);
      lines[i] = line;
      characters[i] = character;
    });
    return new KnownPlaces(sorted, lines, characters);
  }

  /** Places found elsewhere (a worker thread), taken as they are. */
  static fromParts({ offsets, lines, characters }: PlaceParts): KnownPlaces {
    return new KnownPlaces(offsets, lines, characters);
  }

  /** The plain data, for posting (its buffers can be moved: transferables). */
  toParts(): PlaceParts {
    return { offsets: this.offsets, lines: this.lines, characters: this.characters };
  }

  /** Bytes held (for the index's memory estimate). */
  get bytes(): number {
    return this.offsets.length * 12;
  }

  /**
   * The place of an offset found when the text was read. Any other offset (none is asked for: every
   * problem and value was placed) stands after the nearest known one on its line, which is right
   * for an offset on the same line and never past the file's end.
   */
  position(offset: number): Position {
    const low = lastAtOrBefore(this.offsets, offset);
    return { line: this.lines[low], character: this.characters[low] + (offset - this.offsets[low]) };
  }

  line(offset: number): number {
    return this.position(offset).line;
  }
}
