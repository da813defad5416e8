// Offsets to zero-based lines and columns (UTF-16), for the command line and file-level messages.
// Lines end at CRLF, CR or LF, as in LSP and editors: a CR-only file has lines too.

/** The index of the last of `sorted` (ascending, its first at most `value`) that is at most `value`. */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    const starts = this.starts;
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) starts.push(i + 1);
    }
  }

  line(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  position(offset: number): { line: number; character: number } {
    const line = this.line(offset);
    return { line, character: offset - this.starts[line] };
  }
}
