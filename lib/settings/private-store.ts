/**
 * What content scripts must not read — the account, the SIP identity, the Odoo connection — kept
 * in the vault's `settings` store (`vault-db.ts`). Only the click-to-call settings stay in
 * `storage.local`, for the content scripts.
 *
 * Earlier versions kept these three in `storage.local`: the first use in each context moves what
 * is still there into the vault (never over a value already in it) and then removes it there.
 *
 * IndexedDB has no change event: every write is announced to this context's listeners and, over a
 * BroadcastChannel, to every other extension context (pages, Chrome's service worker and offscreen
 * document, Firefox's background page), so a copy kept in memory follows saves made elsewhere.
 */
import browser from 'webextension-polyfill';
import { vaultDelete, vaultGet, vaultPut, vaultPutMissing } from './vault-db';

export type PrivateKey = 'account' | 'identity' | 'odoo' | 'network' | 'devices';
/** What earlier versions kept in `storage.local` (the network settings never were). */
const KEYS: readonly PrivateKey[] = ['account', 'identity', 'odoo'];
const CHANNEL = 'softphone-settings';

let moved: Promise<void> | null = null;

async function moveFromStorageLocal(): Promise<void> {
  const old = await browser.storage.local.get([...KEYS]);
  const found = KEYS.filter((k) => old[k] !== undefined);
  if (found.length === 0) return;
  // Copied first, removed second: stopped in between, the next start finds them in both and
  // only removes.
  await vaultPutMissing('settings', Object.fromEntries(found.map((k) => [k, old[k]])));
  await browser.storage.local.remove(found);
}

/** Once per context; a failure is tried again on the next use. */
function migrated(): Promise<void> {
  moved ??= moveFromStorageLocal().catch((e: unknown) => {
    moved = null;
    throw e;
  });
  return moved;
}

const listeners = new Map<PrivateKey, Set<() => void>>();
let channel: BroadcastChannel | null = null;

function tell(key: unknown): void {
  if (typeof key === 'string') for (const fn of listeners.get(key as PrivateKey) ?? []) fn();
}

function openChannel(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<unknown>) => tell((e.data as { key?: unknown } | null)?.key);
  }
  return channel;
}

function announce(key: PrivateKey): void {
  tell(key);
  openChannel()?.postMessage({ key });
}

/** Calls `fn` after every write of `key`, from this context or any other. */
export function onPrivateChange(key: PrivateKey, fn: () => void): void {
  if (!listeners.has(key)) listeners.set(key, new Set());
  listeners.get(key)!.add(fn);
  openChannel();
}

/** The stored value as it is (old or damaged: the caller reads it), undefined when none. */
export async function loadPrivate(key: PrivateKey): Promise<unknown> {
  await migrated();
  return vaultGet('settings', key);
}

export async function savePrivate(key: PrivateKey, value: unknown): Promise<void> {
  await migrated();
  await vaultPut('settings', key, value);
  announce(key);
}

export async function removePrivate(key: PrivateKey): Promise<void> {
  await migrated();
  await vaultDelete('settings', key);
  announce(key);
}
