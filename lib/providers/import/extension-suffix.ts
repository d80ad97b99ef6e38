/**
 * "+1 650 253 0000 x102", "(212) 555-0100 ext. 7", tel: URIs' ";ext=102": a main number and the
 * extension to key in once the call connects. The softphone dials the main number only.
 */
const SUFFIX = /^(.*\d[^A-Za-z]*?)\s*(?:;ext=|,?\s*ext(?:ension)?\.?|\s*x|#)\s*(\d{1,6})$/i;

export function splitExtension(value: string): { main: string; extension: string } | null {
  const match = SUFFIX.exec(value.trim());
  if (!match) return null;
  return { main: (match[1] ?? '').trim(), extension: match[2] ?? '' };
}
