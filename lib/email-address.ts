/**
 * One rule for an email address, wherever one comes in (import, contact form, composer's To).
 * Besides the usual shape, an address may not hold "?", "#", "%" or "&": in a mailto: link they
 * start parameters (`?bcc=…`), fragments and escapes, so a stored "ana@example.com?bcc=…" would add
 * a hidden recipient to every email written to that contact. Such an address is refused, with
 * the reason, rather than cleaned: what the user gave is never silently changed.
 */
import { t } from './i18n';

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const ADDRESS = new RegExp(`^[^\\s\\p{Cc}@<>()\\[\\]\\\\,;:"?#%&]+@${LABEL}(?:\\.${LABEL})+$`, 'u');
const URL_SYNTAX = /[?#%&]/;

export type AddressCheck = 'ok' | 'invalid' | 'unsafe';

export function checkAddress(address: string): AddressCheck {
  if (ADDRESS.test(address)) return 'ok';
  return URL_SYNTAX.test(address) ? 'unsafe' : 'invalid';
}

/** Why this address cannot be kept, in words for the user, or null. */
export function addressProblem(address: string): string | null {
  const check = checkAddress(address);
  if (check === 'ok') return null;
  return t(check === 'unsafe' ? 'data.email.unsafe' : 'data.email.notAddress', address);
}
