/**
 * The Odoo connection as stored: the settings (nothing secret, but kept out of content scripts'
 * reach with the account: `private-store.ts`), what connecting learnt (user, partner, version,
 * voip: so a popup needs no round trip before its first list), and the API key in the vault.
 */
import { loadPrivate, removePrivate, savePrivate } from '../../settings/private-store';
import { loadSecret, saveSecret } from '../../settings/secret-store';
import type { OdooConnection } from './connect';
import { odooRpc } from './rpc';
import { ODOO_SETTINGS_KEY, readOdooSettings, type OdooSettings } from './settings';
import { saveLanguagePreference } from '../../i18n/preference';

export interface StoredOdoo {
  settings: OdooSettings;
  uid: number;
  partnerId: number;
  userName: string;
  lang?: string;
  major: number;
  voip: boolean;
}

/** Stored data as it is, old or damaged: null unless complete. */
export function readStoredOdoo(v: unknown): StoredOdoo | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const settings = readOdooSettings(o.settings);
  const num = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : null);
  const uid = num(o.uid);
  const major = num(o.major);
  if (!settings || uid === null || major === null) return null;
  return { settings, uid, partnerId: num(o.partnerId) ?? 0, userName: typeof o.userName === 'string' ? o.userName : '', lang: typeof o.lang === 'string' ? o.lang : '', major, voip: o.voip === true };
}

export async function loadOdoo(): Promise<StoredOdoo | null> {
  return readStoredOdoo(await loadPrivate(ODOO_SETTINGS_KEY));
}

export async function saveOdoo(c: OdooConnection, settings: OdooSettings, key: string | undefined): Promise<void> {
  if (key !== undefined) await saveSecret(key, 'odooKey');
  const stored: StoredOdoo = { settings, uid: c.uid, partnerId: c.partnerId, userName: c.userName, lang: c.lang ?? '', major: c.server.major, voip: c.server.voip };
  await savePrivate(ODOO_SETTINGS_KEY, stored);
  // For the language choice "the connected Odoo user's" (settings ▸ Language).
  await saveLanguagePreference({ odoo: c.lang ?? '' });
}

export async function forgetOdoo(): Promise<void> {
  await removePrivate(ODOO_SETTINGS_KEY);
  await saveSecret('', 'odooKey');
}

/** A connection from what connecting learnt (the API key comes from the vault). */
export async function connectionFrom(s: StoredOdoo): Promise<OdooConnection> {
  const key = s.settings.mode === 'apiKey' ? await loadSecret('odooKey') : '';
  const rpc = odooRpc({
    baseUrl: s.settings.url,
    auth: s.settings.mode === 'apiKey' ? { mode: 'apiKey', db: s.settings.db, login: s.settings.login, key } : { mode: 'session' },
  });
  return { rpc, uid: s.uid, partnerId: s.partnerId, userName: s.userName, lang: s.lang ?? '', server: { major: s.major, voip: s.voip } };
}
