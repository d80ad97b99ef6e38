import { openLocalDb } from './db';
import type { LocalDb } from './db';

export interface Connection {
  get(): Promise<LocalDb>;
  close(): Promise<void>;
}

/**
 * One lazily opened connection per provider. Opening is deferred to the first call so creating
 * the provider costs nothing, and redone after the connection is lost so a long-lived background
 * page survives a schema upgrade made by a newer popup.
 */
export function connection(name?: string): Connection {
  let opening: Promise<LocalDb> | null = null;
  const get = (): Promise<LocalDb> => {
    if (opening) return opening;
    const attempt = openLocalDb(name, () => {
      if (opening === attempt) opening = null;
    });
    opening = attempt;
    // A failed open is not kept: the next call tries again.
    attempt.catch(() => {
      if (opening === attempt) opening = null;
    });
    return attempt;
  };
  const close = async (): Promise<void> => {
    const current = opening;
    opening = null;
    if (current) (await current.catch(() => null))?.close();
  };
  return { get, close };
}
