/**
 * The VoIP secret lives in the extension origin's IndexedDB, not in `storage.local`:
 * content scripts can read `storage.local` in both Chrome and Firefox, but never the
 * extension's IndexedDB.
 */
const DB = 'softphone-vault';
const STORE = 'secrets';

/** The secrets kept: the VoIP secret, and the Odoo API key when the user connects with one. */
export type SecretName = 'sip' | 'odooKey';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function loadSecret(name: SecretName = 'sip'): Promise<string> {
  const value = await run<unknown>('readonly', (s) => s.get(name));
  return typeof value === 'string' ? value : '';
}

export async function saveSecret(secret: string, name: SecretName = 'sip'): Promise<void> {
  await run('readwrite', (s) => s.put(secret, name));
}
