/**
 * Cleans the non-phone fields so every draft passes the provider's checks: `bulkAdd` refuses the
 * whole batch when one draft is invalid, so a bad email or link is left out here, with a
 * warning, instead of failing the import. The limits mirror the local provider's.
 */
import { t } from '../../i18n';
import { checkAddress } from '../../email-address';
export const MAX_NAME = 200;
export const MAX_PHONES = 10;

const HTTP_URL = /^https?:\/\/\S+$/i;
/** "www.example.com" or "example.com/path": a web address written without its scheme. */
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

export type Cleaned = { value: string; problem: string | null };

export function cleanEmail(raw: string): Cleaned {
  // vCard 4.0 writers sometimes give the address as a mailto: URI.
  const email = raw.trim().replace(/^mailto:/i, '');
  const check = email === '' ? 'ok' : checkAddress(email);
  if (check === 'ok') return { value: email, problem: null };
  return { value: '', problem: t(check === 'unsafe' ? 'import.unsafeEmail' : 'import.badEmail', email) };
}

/** Only http(s) links are kept because the UI renders them as links (no javascript:, data:). */
export function cleanUrl(raw: string): Cleaned {
  const url = raw.trim();
  if (url === '' || HTTP_URL.test(url)) return { value: url, problem: null };
  if (BARE_HOST.test(url)) return { value: `https://${url}`, problem: null };
  return { value: '', problem: t('import.badLink', url) };
}
