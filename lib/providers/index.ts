import type { DataProvider } from './types';
import { createLocalProvider } from './local';

let current: DataProvider | null = null;

/**
 * The data provider for this context. Local (IndexedDB) for now; the Odoo provider will be
 * chosen here from the settings, and nothing that calls this changes.
 */
export function dataProvider(defaultCountry = 'US'): DataProvider {
  if (!current) current = createLocalProvider({ defaultCountry });
  return current;
}

export type * from './types';
