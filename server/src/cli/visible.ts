// Text from a file (a key, a value, a file's name) shown in a human-readable output: characters that
// drive a terminal or break or reorder a line are written as visible escapes (`\n`, `\u001b`), so
// that a file can neither forge a report line nor send commands to the terminal reading it. The
// machine formats (json, sarif, junit) escape by their own grammar instead.

/** C0 controls, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is this module's job
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escape = (c: string) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` on one line with nothing a terminal acts on. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** As visible(), but CR and LF are left for a caller that encodes them its own way (github percent-encodes them, as its runner decodes them). */
export function visibleButLineBreaks(text: string): string {
  return text.replace(UNSAFE, (c) => (c === '\n' || c === '\r' ? c : escape(c)));
}
