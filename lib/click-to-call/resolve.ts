/**
 * The parser side of detection, run in the background (or phone host) where libphonenumber's
 * metadata is loaded once, never in the page.
 */
import { getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isCountryCode } from '../phone-number';
import type { Resolved } from '../messaging/content';

const plans = new Metadata();
/** The numbering plan has this method; the package's type declarations leave it out. */
interface PlanWithPrefix {
  nationalPrefix(): string | undefined;
}

/**
 * The trunk prefix people write before national numbers ("0" in DE, FR, GB…), where it is
 * compulsory: North America's "1" is optional, and Italy or Spain have none.
 */
function trunkPrefix(country: CountryCode): string {
  if (getCountryCallingCode(country) === '1') return '';
  plans.selectNumberingPlan(country);
  const plan = plans.numberingPlan as PlanWithPrefix | undefined;
  return plan?.nationalPrefix() ?? '';
}

/**
 * E.164 for a number as written on a page, or null. A national number must be written the way
 * that country writes them: in Germany "4500012345" (an order number) is not 0450 001 2345.
 */
export function resolveNumber(written: string, defaultCountry: string): Resolved | null {
  let text = written.trim();
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  else if (text.startsWith('(00')) text = `(+${text.slice(3)}`;
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const international = /^\(?\+/.test(text);
  if (!international) {
    if (!country) return null;
    const prefix = trunkPrefix(country);
    if (prefix && !text.replace(/\D/g, '').startsWith(prefix)) return null;
  }
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country, extract: false } : { extract: false });
  if (!parsed?.isValid()) return null;
  return { e164: parsed.number, display: parsed.formatInternational() };
}
