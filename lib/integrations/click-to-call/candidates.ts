/**
 * The cheap first pass over page text: runs of digits and the separators people write numbers
 * with, long enough to be a phone number, with a trailing extension if one follows. Only these
 * go on to the guards and the phone-number parser, so text without such runs costs one regex.
 */
export interface Candidate {
  /** Offsets in the run's text: [start, end) covers the number and its extension. */
  start: number;
  end: number;
  /** The number as written, without the extension. */
  number: string;
  /** Extension digits ("204" from "ext. 204"), or ''. */
  ext: string;
}

/** A digit run: optional + or (, then digits and separators, ending in a digit. */
const RUN = /(?:\+|\(\s*\+?)?\d[\d\s().\-/\u00a0\u2010-\u2014]{4,28}\d/g;
const EXTENSION = /^[\s,]*(?:ext\.?|extension|x|#|poste|durchwahl|dw\.?)\s*(\d{1,6})\b/i;
const MIN_DIGITS = 6;
const MAX_DIGITS = 17;

/** Six digits with only number separators between them: the least a phone number has. */
export const DIGITS_NEAR = /\d(?:[\s().\-/+\u00a0]{0,3}\d){5}/;

/** True when the text has something worth looking at (a native regex: a page's whole text in ~0.1 ms). */
export function mayHaveNumbers(text: string): boolean {
  return DIGITS_NEAR.test(text);
}

export function findCandidates(text: string): Candidate[] {
  if (!mayHaveNumbers(text)) return [];
  const out: Candidate[] = [];
  for (const m of text.matchAll(RUN)) {
    let number = m[0];
    let start = m.index;
    // A run that swallowed an unmatched "(" or trailing separators is trimmed back to its digits.
    if (number.startsWith('(') && !number.includes(')')) {
      number = number.slice(1).trimStart();
      start = m.index + m[0].length - number.length;
    }
    const digits = number.replace(/\D/g, '').length;
    if (digits < MIN_DIGITS || digits > MAX_DIGITS) continue;
    let end = start + number.length;
    let ext = '';
    const after = EXTENSION.exec(text.slice(end, end + 24));
    if (after?.[1]) {
      ext = after[1];
      end += after[0].length;
    }
    out.push({ start, end, number, ext });
  }
  return out;
}
