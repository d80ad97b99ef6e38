/**
 * The parser side of detection, run in the background (or phone host) where libphonenumber's
 * metadata is loaded once, never in the page.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isCountryCode } from '../phone-number';
import type { Resolved } from './marker';

export function resolveNumber(written: string, defaultCountry: string): Resolved | null {
  let text = written.trim();
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  else if (text.startsWith('(00')) text = `(+${text.slice(3)}`;
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country, extract: false } : { extract: false });
  if (!parsed?.isValid()) return null;
  return { e164: parsed.number, display: parsed.formatInternational() };
}
