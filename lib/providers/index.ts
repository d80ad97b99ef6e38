import { loadPrivate } from '../settings/private-store';
import type { DataProvider } from './types';
import { ODOO_SETTINGS_KEY } from './odoo/settings';
import type { StoredOdoo } from './odoo/store';
import { createLocalProvider, type LocalDataProvider } from './local';

let current: LocalDataProvider | null = null;
let currentCountry = '';

/**
 * The data provider for this context. Local (IndexedDB) for now; the Odoo provider will be
 * chosen here from the settings, and nothing that calls this changes. `defaultCountry` (how
 * national numbers are read) is the user's setting: a context that knows it passes it, and a
 * changed setting gives a provider that uses the new one.
 */
export function dataProvider(defaultCountry?: string): DataProvider {
  if (current && (defaultCountry === undefined || defaultCountry === currentCountry)) return current;
  void current?.close();
  currentCountry = defaultCountry ?? 'US';
  current = createLocalProvider({ defaultCountry: currentCountry });
  return current;
}

/** Set by the settings page when Odoo is connected: lets a popup pick the local provider without waiting. */
const ODOO_HINT_KEY = 'softphone.odoo';

export function rememberOdooConnected(connected: boolean): void {
  if (connected) globalThis.localStorage?.setItem(ODOO_HINT_KEY, '1');
  else globalThis.localStorage?.removeItem(ODOO_HINT_KEY);
}

/**
 * The widget's provider, at once when Odoo is not connected (most users: no storage round trip
 * before the first list), else once the stored connection is read.
 */
export function widgetProvider(): DataProvider | Promise<DataProvider> {
  return globalThis.localStorage?.getItem(ODOO_HINT_KEY) === '1' ? currentProvider() : dataProvider();
}

/**
 * The provider the widget should use now: Odoo's when the user connected Odoo in the settings
 * (rebuilt from the vault, no round trip), else the local one. Odoo's contacts, activities and
 * email; the call history stays local either way.
 */
export async function currentProvider(defaultCountry?: string): Promise<DataProvider> {
  const local = dataProvider(defaultCountry);
  // Most users have no Odoo: one read of the vault, and the Odoo code is not even loaded.
  const stored = await loadPrivate(ODOO_SETTINGS_KEY).catch(() => undefined);
  if (stored === undefined) return local;
  const { readStoredOdoo } = await import('./odoo/store');
  return providerFor(readStoredOdoo(stored), defaultCountry);
}

/**
 * The provider for a known Odoo connection (or the local one for null), in a context that
 * cannot read the extension's storage itself (the offscreen phone host is told it).
 */
export async function providerFor(odoo: StoredOdoo | null, defaultCountry?: string): Promise<DataProvider> {
  const local = dataProvider(defaultCountry);
  if (!odoo) return local;
  const [{ connectionFrom }, { createOdooProvider }] = await Promise.all([import('./odoo/store'), import('./odoo/index')]);
  const connection = await connectionFrom(odoo);
  return createOdooProvider(connection, { history: local.history, defaultCountry: currentCountry });
}

export type * from './types';
