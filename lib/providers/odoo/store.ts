/**
 * The Odoo connection as stored: the settings (nothing secret, but kept out of content scripts'
 * reach with the account: `private-store.ts`), what connecting learnt (user, partner, version,
 * voip: so a popup needs no round trip before its first list), and the API key in the vault.
 */
import { loadPrivate, removePrivate, savePrivate } from '../../settings/private-store';
import { loadSecret, saveSecret } from '../../settings/secret-store';
import type { OdooConnection } from './connect';
import { dialectFor } from './dialect';
import { odooRpc, type OdooContext } from './rpc';
import { ODOO_SETTINGS_KEY, readOdooSettings, type OdooSettings } from './settings';
import { saveLanguagePreference } from '../../i18n/preference';

export interface StoredOdoo {
  settings: OdooSettings;
  uid: number;
  partnerId: number;
  userName: string;
  major: number;
  /** As the server said it ("saas~18.2"); older stored connections have none. */
  version?: string;
  voip: boolean;
  /** The user's language and time zone read at Connect, sent with every call. */
  context?: OdooContext;
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
  const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  const ctx = (typeof o.context === 'object' && o.context !== null ? o.context : {}) as Record<string, unknown>;
  const version = str(o.version);
  const lang = str(ctx.lang);
  const tz = str(ctx.tz);
  return {
    settings, uid, partnerId: num(o.partnerId) ?? 0, userName: typeof o.userName === 'string' ? o.userName : '', major,
    ...(version ? { version } : {}), voip: o.voip === true, context: { ...(lang ? { lang } : {}), ...(tz ? { tz } : {}) },
  };
}

export async function loadOdoo(): Promise<StoredOdoo | null> {
  return readStoredOdoo(await loadPrivate(ODOO_SETTINGS_KEY));
}

export async function saveOdoo(c: OdooConnection, settings: OdooSettings, key: string | undefined): Promise<void> {
  if (key !== undefined) await saveSecret(key, 'odooKey');
  const stored: StoredOdoo = {
    settings, uid: c.uid, partnerId: c.partnerId, userName: c.userName, major: c.server.major,
    ...(c.server.version ? { version: c.server.version } : {}), voip: c.server.voip, context: c.rpc.context,
  };
  await savePrivate(ODOO_SETTINGS_KEY, stored);
  // For the language choice "the connected Odoo user's" (settings ▸ Language).
  await saveLanguagePreference({ odoo: c.rpc.context.lang ?? '' });
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
    dialect: dialectFor(s.major, s.version),
    context: s.context ?? {},
  });
  return { rpc, uid: s.uid, partnerId: s.partnerId, userName: s.userName, server: { major: s.major, ...(s.version ? { version: s.version } : {}), voip: s.voip } };
}
