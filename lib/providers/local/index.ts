/**
 * The embedded default provider: everything in one IndexedDB database in the extension's origin,
 * shared by the popup, the options page and the background.
 */
import type { DataProvider } from '../types';
import { localActivities } from './activities';
import { connection } from './connection';
import { localContacts } from './contacts';
import { localEmail } from './email';
import { localHistory } from './history';

export interface LocalProviderOptions {
  /** A separate database (tests, benchmarks); defaults to the real one. */
  dbName?: string;
  /** The clock, replaceable so tests can check "in the future" and timestamps. */
  now?: () => number;
  /** Country for numbers typed without an international prefix; US if not given. */
  defaultCountry?: string;
}

export interface LocalDataProvider extends DataProvider {
  readonly kind: 'local';
  /** Closes the connection (tests, benchmarks); any later call opens it again. */
  close(): Promise<void>;
}

export function createLocalProvider(opts: LocalProviderOptions = {}): LocalDataProvider {
  const conn = connection(opts.dbName);
  const now = opts.now ?? Date.now;
  const defaultCountry = opts.defaultCountry ?? 'US';
  return {
    kind: 'local',
    contacts: localContacts({ conn, now, defaultCountry }),
    activities: localActivities({ conn, now }),
    history: localHistory({ conn }),
    email: localEmail({ conn, now }),
    close: conn.close,
    warmUp: () => void conn.get().catch(() => undefined),
  };
}

export { openLocalDb, DEFAULT_DB_NAME } from './db';
