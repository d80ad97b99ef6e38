/**
 * A small key-value store in the extension origin's IndexedDB. Content scripts can read
 * `storage.local` in both Chrome and Firefox, but an IndexedDB belongs to its origin: theirs is the
 * web page's, never the extension's. The background (Chrome's service worker, Firefox's page), the
 * options page, the popup and the offscreen document all share this one.
 *
 * Each operation opens and closes its own connection, so a newer version's upgrade is never
 * blocked by a page left open.
 */
const DB = 'softphone-vault';
/** Version 1 had `secrets` only; 2 adds `settings` (what content scripts must not read). */
const VERSION = 2;

/** `secrets`: the VoIP secret and the Odoo API key; `settings`: the account, the SIP identity, the Odoo connection. */
export type VaultStore = 'secrets' | 'settings';
const STORES: readonly VaultStore[] = ['secrets', 'settings'];

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      for (const name of STORES) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

/** Runs `fn` in one transaction and resolves once it has committed (with `fn`'s last request's result). */
async function run<T>(name: VaultStore, mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest | void): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(name, mode);
      const req = fn(tx.objectStore(name));
      tx.oncomplete = () => resolve(req?.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export function vaultGet(name: VaultStore, key: string): Promise<unknown> {
  return run<unknown>(name, 'readonly', (s) => s.get(key));
}

export async function vaultPut(name: VaultStore, key: string, value: unknown): Promise<void> {
  await run(name, 'readwrite', (s) => s.put(value, key));
}

export async function vaultDelete(name: VaultStore, key: string): Promise<void> {
  await run(name, 'readwrite', (s) => s.delete(key));
}

/** Puts each entry whose key holds nothing yet, in one transaction: a value another context wrote is never overwritten. */
export async function vaultPutMissing(name: VaultStore, entries: Record<string, unknown>): Promise<void> {
  await run(name, 'readwrite', (s) => {
    for (const [key, value] of Object.entries(entries)) {
      const req = s.get(key);
      req.onsuccess = () => {
        if (req.result === undefined) s.put(value, key);
      };
    }
  });
}
