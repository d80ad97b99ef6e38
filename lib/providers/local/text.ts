/** Text folding shared by search keys and in-memory filters, so both sides agree on what matches. */

const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
/** What a typed phone number may contain besides digits. */
const NUMBER_LIKE = /^[\d\s+().\-/]*\d[\d\s+().\-/]*$/;

/** Lower case without accents: "Zoë Müller" → "zoe muller". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Folded words, split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return fold(text).split(NOT_WORD).filter((w) => w !== '');
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * A query as tokens: a typed number ("+1 650-691") is one digit string so its separators do not
 * split it; anything else is its folded words.
 */
export function queryTokens(query: string): string[] {
  const trimmed = query.trim();
  if (NUMBER_LIKE.test(trimmed)) return [digitsOf(trimmed)];
  return words(trimmed);
}

/**
 * An in-memory filter for short lists (activities, history): every query token must occur in
 * the texts, or, for a digit token, in one of the numbers.
 */
export function textFilter(query: string): (texts: string[], numbers: string[]) => boolean {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return () => true;
  return (texts, numbers) => {
    const haystack = fold(texts.join(' '));
    const digits = numbers.map(digitsOf);
    return tokens.every(
      (token) => haystack.includes(token) || (/^\d+$/.test(token) && digits.some((d) => d.includes(token))),
    );
  };
}
