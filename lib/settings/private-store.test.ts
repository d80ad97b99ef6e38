// The account, the SIP identity and the Odoo connection are kept where content scripts cannot read
// them (the extension origin's IndexedDB), what an earlier version left in storage.local is moved
// there, and a copy kept in memory follows a save made in another extension context. Each
// "context" is a fresh copy of the modules over the same storage.local and IndexedDB, as in a browser.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountSettings } from './schema';

const account: AccountSettings = {
  wsUrl: 'wss://pbx.example.com/ws', domain: 'pbx.example.com', username: '1001', authorizationUser: '', displayName: 'Ann',
  defaultCountry: 'DE', callWaiting: true, maxLines: 3, debug: false,
};
const odoo = { settings: { url: 'https://erp.example.com', db: 'prod', mode: 'apiKey', login: 'ann@example.com' }, uid: 2, partnerId: 3, userName: 'Ann', major: 18, voip: true, context: {} };
const identity = { instanceId: '6f1c0a52-8d4e-4a43-9d59-4a3f0e3f1a11', contactName: 'k3j9x2ab' };
const clickToCall = { enabled: true, disabledSites: ['shop.example'], trustedSites: [] };

/** A new extension context (the background, a page…): fresh modules over the shared storage. */
async function context() {
  vi.resetModules();
  const [{ default: browser }, store, odooStore, secrets] = await Promise.all([
    import('webextension-polyfill'),
    import('./store'),
    import('../providers/odoo/store'),
    import('./secret-store'),
  ]);
  return { browser, store, odooStore, secrets };
}

function deleteVault(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase('softphone-vault');
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('a connection was left open'));
  });
}

beforeEach(async () => {
  await deleteVault();
  await fakeBrowser.storage.local.clear();
});

describe('settings content scripts must not read', () => {
  it('are saved in the vault: storage.local (what content scripts see) holds none of them', async () => {
    const { browser, store, odooStore, secrets } = await context();
    await browser.storage.local.set({ clickToCall });
    await store.saveAccount(account, 'pa55');
    const { config } = await store.buildSipConfig(); // makes the identity
    const connection = { rpc: { context: {} } as never, uid: 2, partnerId: 3, userName: 'Ann', server: { major: 18, voip: true } };
    await odooStore.saveOdoo(connection, { url: 'https://erp.example.com', db: 'prod', mode: 'apiKey', login: 'ann@example.com' }, 'key-1');
    // Beside the click-to-call settings only the language choice, which holds nothing private.
    expect(await browser.storage.local.get(null)).toEqual({ clickToCall, language: { choice: 'auto', odoo: '' } });

    // Another context reads them all back.
    const other = await context();
    expect(await other.store.loadAccount()).toEqual(account);
    expect((await other.store.buildSipConfig()).config).toEqual(config);
    expect(await other.odooStore.loadOdoo()).toEqual(odoo);
    expect(await other.secrets.loadSecret('odooKey')).toBe('key-1');
    expect(await secrets.loadSecret()).toBe('pa55');
  });

  it('an earlier version\'s account, identity and Odoo connection in storage.local are read back the same, then gone from there', async () => {
    const { browser, store, odooStore, secrets } = await context();
    await browser.storage.local.set({ account, identity, odoo, clickToCall });
    await secrets.saveSecret('pa55');
    expect(await store.loadAccount()).toEqual(account);
    expect((await store.buildSipConfig()).config).toMatchObject({ ...identity, username: '1001', secret: 'pa55' });
    expect(await odooStore.loadOdoo()).toEqual(odoo);
    expect(await browser.storage.local.get(null)).toEqual({ clickToCall });
    // Moved, not only read: a later context still has them.
    const later = await context();
    expect(await later.store.loadAccount()).toEqual(account);
    expect(await later.odooStore.loadOdoo()).toEqual(odoo);
  });

  it('an old copy left in storage.local never overwrites what the vault already holds', async () => {
    const first = await context();
    await first.store.saveAccount({ ...account, username: '2002' }, undefined);
    const next = await context();
    await next.browser.storage.local.set({ account });
    expect((await next.store.loadAccount()).username).toBe('2002');
    expect(await next.browser.storage.local.get(null)).toEqual({});
  });

  it('a vault written by an earlier version (secrets only) keeps its secret and takes the settings', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('softphone-vault', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('secrets').put('old-secret', 'sip');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const { store, secrets } = await context();
    await store.saveAccount(account, undefined);
    expect(await secrets.loadSecret()).toBe('old-secret');
    expect((await store.buildSipConfig()).config).toMatchObject({ username: '1001', secret: 'old-secret' });
  });

  it('the account kept in memory follows a save made in another context, and its own', async () => {
    const background = await context();
    expect((await background.store.loadAccount()).username).toBe(''); // read, and kept
    const options = await context();
    await options.store.saveAccount(account, undefined);
    await vi.waitFor(async () => expect(await background.store.loadAccount()).toEqual(account), { timeout: 1_000 });
    // And its own save, at once.
    await background.store.saveAccount({ ...account, username: '3003' }, undefined);
    expect((await background.store.loadAccount()).username).toBe('3003');
  });
});
