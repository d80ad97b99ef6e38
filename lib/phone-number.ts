import { parsePhoneNumberFromString, isSupportedCountry } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

/** What can be dialled: a full number in E.164, or a short PBX extension. */
export type DialTarget =
  | { kind: 'e164'; number: string; display: string }
  | { kind: 'extension'; number: string; display: string };

export type NormaliseResult = { ok: true; target: DialTarget } | { ok: false; reason: 'incorrectNumber' };

/** Internal extensions: 2–6 digits, optionally led by * or # for feature codes (*97, #21). */
const EXTENSION = /^[*#]?\d{2,6}$/;
/** What may stand as the user part of a SIP URI we dial: an E.164 number or an extension. */
export const isSafeDialNumber = (number: string): boolean => /^\+\d{2,15}$/.test(number) || isExtension(number);
/** Characters people put in numbers; anything else means it is not a number. */
const DIAL_CHARS = /^[\d\s+().\-/\u00a0\u2010-\u2015]+$/;

/** True for an internal extension or feature code as dialled (no spaces): the one rule for it. */
export function isExtension(number: string): boolean {
  return EXTENSION.test(number);
}

export function isCountryCode(value: string): value is CountryCode {
  return isSupportedCountry(value);
}

/**
 * Turns what a user typed, pasted or selected into something dialable.
 * `00` international prefixes are accepted as `+`.
 */
export function normaliseNumber(input: string, defaultCountry: string): NormaliseResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'incorrectNumber' };
  const compact = raw.replace(/[\s().\-/\u00a0\u2010-\u2015]/g, '');
  if (EXTENSION.test(compact)) {
    return { ok: true, target: { kind: 'extension', number: compact, display: compact } };
  }
  if (!DIAL_CHARS.test(raw)) return { ok: false, reason: 'incorrectNumber' };
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined;
  const parsed = parsePhoneNumberFromString(international, country);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'incorrectNumber' };
  return {
    ok: true,
    target: { kind: 'e164', number: parsed.number, display: parsed.formatInternational() },
  };
}

/** The country a browser language suggests ("de-AT" → AT, "fr" → FR), or US. */
export function countryFromLanguage(language: string | undefined): CountryCode {
  const parts = (language ?? '').split(/[-_]/);
  const region = parts[1]?.toUpperCase();
  if (region && isCountryCode(region)) return region;
  const byLanguage: Record<string, CountryCode> = {
    en: 'US', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', pt: 'PT', ja: 'JP', sv: 'SE',
    da: 'DK', nb: 'NO', fi: 'FI', pl: 'PL', cs: 'CZ', el: 'GR', tr: 'TR', ko: 'KR', zh: 'CN',
  };
  const lang = parts[0]?.toLowerCase() ?? '';
  return byLanguage[lang] ?? 'US';
}

/** The national forms of a valid international number, for search keys ("089 1234 5678" style). */
export function nationalForms(number: string): { national: string; nationalNumber: string } | null {
  const parsed = number.startsWith('+') ? parsePhoneNumberFromString(number) : undefined;
  if (!parsed?.isValid()) return null;
  return { national: parsed.formatNational(), nationalNumber: parsed.nationalNumber };
}

/** Why a call from a web page must always be confirmed, whatever site asked. */
export type CallRisk = 'premiumRate' | 'sharedCost' | 'uan' | 'featureCode';

/**
 * Numbers that cost the caller more than a normal call (premium-rate, shared-cost, universal
 * access numbers) and PBX feature codes (*72 forwards every call, *80…): a page may write any of
 * them, so they are never one click away. Null for an ordinary number or extension.
 */
export function callRisk(target: DialTarget): CallRisk | null {
  if (target.kind === 'extension') return /^[*#]/.test(target.number) ? 'featureCode' : null;
  const type = parsePhoneNumberFromString(target.number)?.getType();
  if (type === 'PREMIUM_RATE') return 'premiumRate';
  if (type === 'SHARED_COST') return 'sharedCost';
  if (type === 'UAN') return 'uan';
  return null;
}
