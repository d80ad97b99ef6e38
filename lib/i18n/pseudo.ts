/**
 * Pseudo-locales made from English, for screenshots that catch what a translation would break:
 * `en-XA` is accented and about 40 % longer (clipped or overflowing text shows), `ar-XB` is
 * written right to left (a layout that does not mirror shows). Placeholders are kept as they are,
 * outside the mirrored runs, as a real translation keeps numbers and names left to right.
 */
import { en } from './en';
import type { PseudoLanguage } from './languages';
import type { Catalog } from './translator';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
const PADDING = ' one two three four five six seven eight nine ten';
const PLACEHOLDER = /(\{\d\}|%s)/;

function accent(text: string): string {
  const body = text
    .split(PLACEHOLDER)
    .map((piece) => (PLACEHOLDER.test(piece) ? piece : piece.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c)))
    .join('');
  const extra = Math.ceil(text.length * 0.4);
  return `[${body}${PADDING.slice(0, extra)}]`;
}

/**
 * Each run of words mirrored (U+202E … U+202C) inside an isolate (U+2067 … U+2069), so that it
 * sits in the line as a right-to-left word would; the placeholders between them left alone.
 */
function mirror(text: string): string {
  return text
    .split(PLACEHOLDER)
    .map((piece) => (PLACEHOLDER.test(piece) || piece.trim() === '' ? piece : `\u2067\u202e${piece}\u202c\u2069`))
    .join('');
}

export function pseudoCatalog(language: PseudoLanguage): Catalog {
  const make = language === 'en-XA' ? accent : mirror;
  return Object.fromEntries(Object.entries(en).map(([key, text]) => [key, make(text)]));
}
