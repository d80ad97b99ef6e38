/**
 * Phone labels. Files use many words for the same thing (CELL, iPhone, "Mobile Phone",
 * "* Mobile", Apple's "_$!<HomeFAX>!$_"); the widget shows one of four.
 */
export type PhoneLabel = 'mobile' | 'work' | 'home' | 'other';

/** Numbers a softphone cannot talk to. */
const NOT_VOICE = new Set(['fax', 'pager', 'telex']);
const MOBILE = new Set(['cell', 'mobile', 'iphone', 'cellular', 'cellphone']);
const WORK = new Set(['work', 'business', 'office', 'company']);
const HOME = new Set(['home', 'private']);

/**
 * The label for a set of words, or null for a fax or pager (unless also marked "voice"):
 * calling one from a softphone only produces a fax tone, and in Outlook's column order the
 * business fax would even become the contact's first, default number. A work mobile is a
 * mobile, because that is the distinction the widget helps the user make.
 */
export function labelFromWords(words: readonly string[]): PhoneLabel | null {
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => NOT_VOICE.has(w)) && !lower.includes('voice')) return null;
  if (lower.some((w) => MOBILE.has(w))) return 'mobile';
  if (lower.some((w) => WORK.has(w))) return 'work';
  if (lower.some((w) => HOME.has(w))) return 'home';
  return 'other';
}

/**
 * The label for free text such as "Work Fax", "* Mobile" or "_$!<HomeFAX>!$_". Each word is
 * also split at camel-case humps, keeping the whole word too, so "HomeFAX" reads as
 * home + fax while "iPhone" still reads as iphone.
 */
export function labelFromText(text: string): PhoneLabel | null {
  const words = text.split(/[^\p{L}]+/u).filter((w) => w !== '');
  const humps = words.flatMap((w) => w.split(/(?<=\p{Ll})(?=\p{Lu})/u));
  return labelFromWords([...words, ...humps]);
}
