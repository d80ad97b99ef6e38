/**
 * Why a digit run that looks like a phone number is something else: dates, amounts, ids, codes.
 * Each guard reads the run as written and the text around it; the parser only ever sees what
 * passes all of them. Rules are written for the decoys real pages carry (see
 * tests/fixtures/click-to-call) and each has a unit test.
 */
import type { Candidate } from './candidates';

export type Rejection =
  | 'joined' // part of a longer token: letters, digits, or symbols glued to it
  | 'url'
  | 'keyword' // an order, invoice, tracking, IBAN, ISBN… label just before it
  | 'date'
  | 'range'
  | 'amount'
  | 'card'
  | 'grouped-id' // UUID, SSN, ZIP+4, ISBN with dashes
  | 'dotted' // IP address, version number
  | 'long-digits'; // EAN, timestamps, tracking numbers: many digits with no separator

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Symbols that make the run part of something else when glued to its start. */
const GLUED_BEFORE = /[/@#$€£¥₹=_\\&%'’:°.,\-+*×]/;
/** …or to its end. */
const GLUED_AFTER = /[%/@€£¥₹°'’"″=_\\:*×]/;
const CURRENCY_SYMBOLS = '$€£¥₹';
const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'chf', 'jpy', 'cad', 'aud', 'sek', 'nok', 'dkk', 'pln', 'czk', 'kr', 'rs', 'inr', 'cny', 'rmb']);
const CURRENCY_AFTER = /^\s*(?:[$€£¥₹]|(?:usd|eur|gbp|chf|jpy|cad|aud|sek|nok|dkk|pln|czk|kr|inr|cny)\b)/i;
const QUANTITY_AFTER = /^\s*(?:views|visits|users|people|inhabitants|units|items|pcs|downloads|copies|followers|likes|km|mi|kg|lbs?|bytes|kb|mb|gb|tb|words|pages|votes)\b/i;
/**
 * Labels that say the number is an identifier, not a phone. A bare "No." or "number" is not one
 * of them ("Our number:", "Tel.-Nr."): only as the tail of such a label ("Order no.", "Customer
 * number"). Read as words backwards from the number: a regex anchored at the end of the text
 * would be tried at every position before it.
 */
const ID_WORDS = new Set([
  'order', 'invoice', 'inv', 'po', 'so', 'ref', 'reference', 'tracking', 'track', 'shipment', 'parcel', 'awb', 'iban',
  'bic', 'vat', 'tva', 'ust', 'ustid', 'tax', 'isbn', 'issn', 'ean', 'upc', 'gtin', 'sku', 'serial', 's/n', 'ssn',
  'transaction', 'txn', 'id', 'bestell', 'bestellnummer', 'rechnung', 'rechnungsnummer', 'kundennummer', 'commande',
  'facture', 'siret', 'siren', 'steuernummer',
]);
/** Words that are an id label only with "no." / "number" / "id" / "#" after them. */
const ID_WITH_SUFFIX = new Set(['account', 'acct', 'card', 'customer', 'client', 'member', 'policy', 'case', 'ticket', 'kunden']);
const ID_SUFFIXES = new Set(['no', 'nr', 'number', 'num', 'nº', '№', 'id']);

/** Letters (Latin, and anything from U+00C0 on: accented, Greek, Cyrillic…), "/" for "s/n", "№". */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 47 || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code < 0x2000) || c === '№';
}

/** The words just before `start`, nearest first, lower-case, with what separates them (≤ 48 chars back). */
function wordsBefore(text: string, start: number, n: number): { words: string[]; gapBefore: string[] } {
  const words: string[] = [];
  const gapBefore: string[] = [];
  let i = start;
  const stop = Math.max(0, start - 48);
  while (words.length < n && i > stop) {
    let j = i;
    while (j > stop && !isWordChar(text.charAt(j - 1))) j--;
    const gap = text.slice(j, i);
    let k = j;
    while (k > stop && isWordChar(text.charAt(k - 1))) k--;
    if (k === j) break;
    gapBefore.push(gap);
    words.push(text.slice(k, j).toLowerCase());
    i = k;
  }
  return { words, gapBefore };
}

/** Only label punctuation between a label and the number ("Order no.: ", "Ref. #"). */
const LABEL_GAP = /^[\s.:#-]*$/;

function idLabelled(text: string, start: number): boolean {
  const { words, gapBefore } = wordsBefore(text, start, 3);
  let i = 0;
  if (!LABEL_GAP.test(gapBefore[0] ?? 'x')) return false;
  if (ID_WORDS.has(words[0] ?? '')) return true; // "Order:", "trunk group ID"
  const suffixed = ID_SUFFIXES.has(words[0] ?? '') && LABEL_GAP.test(gapBefore[1] ?? 'x');
  if (suffixed) i = 1;
  const word = words[i] ?? '';
  return ID_WORDS.has(word) || (suffixed && ID_WITH_SUFFIX.has(word));
}

const SPACE = /\s/;
const LETTER = /\p{L}/u;

function currencyBefore(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && SPACE.test(text.charAt(i - 1))) i--;
  if (CURRENCY_SYMBOLS.includes(text.charAt(i - 1)) && text.charAt(i - 1) !== '') return true;
  // The word before, read back at most one letter further than the longest code.
  let k = i;
  while (k > 0 && i - k <= 4 && LETTER.test(text.charAt(k - 1))) k--;
  return k < i && i - k <= 4 && CURRENCY_CODES.has(text.slice(k, i).toLowerCase());
}

/** Labels that say it is a phone: they win over an id label further back. */
const PHONE_LABEL = /\b(?:tel|tél|phone|telephone|téléphone|telefon|fon|mobile|mobil|cell|fax|call|caller|hotline|whatsapp|portable|handy|ruf)\b|☎|📞/iu;
const URL_TOKEN = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$/i;

const DATE_SHAPES = [
  /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/, // 2024-03-15
  /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/, // 15.03.2024, 03/15/24
  /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/, // 20240315
];
const RANGE = /^\d{1,4}\s*[-\u2010-\u2014/]\s*\d{1,4}$/;
const CARD = /^\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?$/;
const GROUPED_IDS = [
  /^\d{8}-\d{4}-\d{4}-\d{4}-\d{12}$/, // UUID with digit-only groups
  /^\d{3}-\d{2}-\d{4}$/, // SSN-like
  /^\d{5}-\d{4}$/, // ZIP+4
  /^(?:97[89][-\s])?\d{1,5}[-\s]\d{1,7}[-\s]\d{1,7}[-\s][\dX]$/i, // ISBN with separators
];
const THOUSANDS = /^\d{1,3}(?:[,.\u00a0\u202f']\d{3})+(?:[.,]\d{1,2})?$/;

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** The token the run sits in: the whitespace-free text reaching left from its start. */
function tokenBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && !/\s/.test(text.charAt(i - 1))) i--;
  return text.slice(i, start);
}

function gluedBefore(text: string, start: number): boolean {
  const prev = text.charAt(start - 1);
  if (prev === '') return false;
  if (LETTER_OR_DIGIT.test(prev)) return true;
  if (prev === ':' ) return LETTER_OR_DIGIT.test(text.charAt(start - 2)) && /\d/.test(text.charAt(start - 2)); // 10:30 but not "Tel:"
  // "RE-2024-0012345", "v.1234567", "x+12345678": joined to the token before it.
  if (prev === '+' || prev === '-' || prev === '.') return LETTER_OR_DIGIT.test(text.charAt(start - 2));
  if (prev === ',') return /\p{N}/u.test(text.charAt(start - 2));
  return GLUED_BEFORE.test(prev) && prev !== ':';
}

function gluedAfter(text: string, end: number): boolean {
  const next = text.charAt(end);
  if (next === '') return false;
  if (LETTER_OR_DIGIT.test(next)) return true;
  if ((next === '.' || next === ',' || next === ':' || next === '-') && /\p{N}/u.test(text.charAt(end + 1))) return true;
  return GLUED_AFTER.test(next);
}

/** Null when the candidate may be a phone number; else why it is not. */
export function rejection(text: string, c: Candidate): Rejection | null {
  const written = c.number.trim();
  const plain = written.replace(/^\(\s*|\s*\)$/g, '');
  const international = written.startsWith('+') || written.startsWith('(+');

  if (URL_TOKEN.test(tokenBefore(text, c.start))) return 'url';
  if (gluedBefore(text, c.start) || gluedAfter(text, c.end)) return 'joined';

  const before = text.slice(Math.max(0, c.start - 40), c.start);
  if (currencyBefore(text, c.start) || CURRENCY_AFTER.test(text.slice(c.end, c.end + 6))) return 'amount';
  if (QUANTITY_AFTER.test(text.slice(c.end, c.end + 16))) return 'amount';
  // "Order no. 1234567" is an id; "Phone no. 0151 2345678" is not: a phone label close by wins.
  if (idLabelled(text, c.start) && !PHONE_LABEL.test(before.slice(-24))) return 'keyword';

  if (!international) {
    if (DATE_SHAPES.some((r) => r.test(plain))) return 'date';
    if (RANGE.test(plain)) return 'range';
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(plain)) return 'dotted'; // IPv4, before amounts: 192.168.100.200
    if (THOUSANDS.test(plain)) return 'amount';
    if (/^\d{12,}$/.test(plain) && !plain.startsWith('00')) return 'long-digits';
    if (CARD.test(plain) && digitsOf(written).length >= 13) return 'card';
    if (GROUPED_IDS.some((r) => r.test(plain))) return 'grouped-id';
    if (/^\d+(?:\.\d+){2,}$/.test(plain) && plain.split('.').some((g) => g.length === 1)) return 'dotted';
  }
  return null;
}

const TRAILING_GROUP = /[\s().\-/\u00a0\u2010-\u2014]+[^\s().\-/\u00a0\u2010-\u2014]*$/;
const MIN_DIGITS = 6;

/**
 * The candidate without its last group: a run of digits can swallow what follows the number
 * ("+1 212 555 0147 (0:42)", "0113 496 0777 — 0.3 miles"), so a rejected run is tried again
 * shorter, group by group, while it is long enough to be a number.
 */
function shortened(c: Candidate): Candidate | null {
  if (c.ext) return null;
  const number = c.number.replace(TRAILING_GROUP, '').replace(/[\s(\-/\u00a0\u2010-\u2014]+$/, '');
  if (number === c.number || number.replace(/\D/g, '').length < MIN_DIGITS) return null;
  return { start: c.start, end: c.start + number.length, number, ext: '' };
}

/** The longest form of `c` that passes every guard, or null. */
function firstAccepted(text: string, c: Candidate | null): Candidate | null {
  for (let form = c; form; form = shortened(form)) if (rejection(text, form) === null) return form;
  return null;
}

/** The candidates in `text` that pass every guard, each at its longest passing form. */
export function acceptedCandidates(text: string, found: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of found) {
    const form = firstAccepted(text, c);
    if (form) out.push(form);
  }
  return out;
}

/**
 * The next shorter form of `c` that passes every guard, or null: asked for only when the parser
 * said `c` is not a number (a run can swallow what follows it: "+1 212 555 0147 (0:42)").
 */
export function shorterAccepted(text: string, c: Candidate): Candidate | null {
  return firstAccepted(text, shortened(c));
}
