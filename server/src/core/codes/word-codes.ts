// The tool's own codes for conditions the VoipNow documentation gives no number for
// (spec section 2.3). Each one's severity and meaning live here only; README lists them.
import type { Severity } from './problem';

export interface WordCode {
  severity: Severity;
  meaning: string;
}

export const WORD_CODES = {
  'invalid-json': { severity: 'error', meaning: 'The file is not valid JSON (comments are allowed).' },
  'missing-method': { severity: 'error', meaning: 'A request has no `method`.' },
  'unknown-method': { severity: 'error', meaning: '`method` names no documented method of the Channel service.' },
  'unknown-parameter': { severity: 'warning', meaning: 'A key the method does not define (often a misspelling).' },
  'not-an-object': { severity: 'error', meaning: 'An object parameter (`params`, `SIP`, a list item) is written as something else.' },
  'invalid-value': { severity: 'error', meaning: 'A value is invalid where the method documents no code for it (e.g. a boolean written `"yes"`).' },
  'too-many-items': { severity: 'error', meaning: 'A list holds more items than allowed (AddPublicNo takes at most 10 numbers).' },
  'too-few-items': { severity: 'error', meaning: 'A list holds fewer items than required.' },
  'conflicting-parameters': { severity: 'error', meaning: 'Two parameters of an exactly-one-of or at-most-one-of set are given.' },
  'duplicate-key': { severity: 'warning', meaning: 'The same key twice in one object; the last one is what the server reads.' },
  'nesting-too-deep': { severity: 'error', meaning: 'The document is nested deeper than 1,000 levels and is not checked.' },
  'file-too-large': { severity: 'information', meaning: 'The file is larger than `maxFileSize` and is not checked.' },
  'unknown-record': { severity: 'warning', meaning: 'An id that the records snapshot does not hold, where the method documents no code for it.' },
  'undocumented-code': { severity: 'warning', meaning: 'A recorded response carries a code the method does not document.' },
  'text-differs': { severity: 'information', meaning: 'A recorded response text differs from the documented text of its code.' },
  'unused-disable': {
    severity: 'warning',
    meaning: 'A disable comment (`// voipnow-disable-next-line 617`) that silences nothing: no such problem where it applies, or no code named.',
  },
  'invalid-config': { severity: 'error', meaning: 'A setting of `.voipnow/config.json` is wrong (unknown name, code or level); the valid ones still apply.' },
  'too-many-problems': {
    severity: 'information',
    meaning: 'A file has more problems than `maxProblems` (1,000 by default): the first ones are shown, and this says how many more there are.',
  },
} as const satisfies Record<string, WordCode>;

export type WordCodeName = keyof typeof WORD_CODES;
