import type { DataProvider } from './types';
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

export type * from './types';
