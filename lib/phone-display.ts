/**
 * Phone numbers as a person reads them: a number of the default country in its national format
 * ("(206) 892-6944" for a US user), any other in international format ("+33 1 42 68 53 00").
 * Only what is stored as E.164 is reformatted; an extension, a feature code or anything kept as
 * it was typed is shown as typed. Numbers are still stored and dialled in E.164: this is for
 * display only. (libphonenumber-js writes international groups with spaces.)
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const E164 = /^\+\d{2,15}$/;

export function formatForReading(number: string, defaultCountry: string): string {
  if (!E164.test(number)) return number;
  const parsed = parsePhoneNumberFromString(number);
  if (!parsed?.isValid()) return number;
  return parsed.country === defaultCountry.toUpperCase() ? parsed.formatNational() : parsed.formatInternational();
}

/** A reader bound to one default country. */
export function phoneReader(defaultCountry: string): (number: string) => string {
  return (number) => formatForReading(number, defaultCountry);
}
