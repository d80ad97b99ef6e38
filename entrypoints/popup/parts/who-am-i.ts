import { t } from '../../../lib/i18n';

/** "Ann Seller · ext. 1001" (or "Ext. 1001" with no name set) from the account's SIP address. */
export function whoAmI(name: string, aor: string): string {
  const ext = aor.replace(/^sips?:/, '').split('@')[0] ?? '';
  return name.trim() ? t('header.me', name.trim(), ext) : t('header.ext', ext);
}
