// Old-version or damaged stored data (settings, history, the Odoo outbox) is read as well as it
// can be, or reported; it never makes the extension throw.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startOdoo, type OdooDouble } from '../tests/odoo/server.mjs';
import { createLocalProvider } from './providers/local';
import { openLocalDb } from './providers/local/db';
import { odooOutbox } from './providers/odoo/outbox';
import { odooRpc } from './providers/odoo/rpc';
import { loadOdoo } from './providers/odoo/store';
import { accountFromStorage, emptySettings, missingParameters } from './settings/schema';
import { saveSecret } from './settings/secret-store';
import { buildSipConfig, loadAccount, saveAccount } from './settings/store';

describe('stored account settings', () => {
  const defaults = emptySettings('DE');

  it('keeps each field of the right type, takes the rest from the defaults, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const a = accountFromStorage(stored, defaults);
        for (const k of ['wsUrl', 'domain', 'username', 'authorizationUser', 'displayName', 'defaultCountry'] as const) expect(typeof a[k]).toBe('string');
        expect(typeof a.callWaiting).toBe('boolean');
        expect(typeof a.debug).toBe('boolean');
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) },
    );
  });

  it('an account saved by an older version (no debug switch, no number of lines) keeps its values; a damaged field shows as missing', () => {
    const old = { wsUrl: 'wss://pbx.example.com/ws', domain: 'pbx.example.com', username: '1001', authorizationUser: '', displayName: 'Ann', defaultCountry: 'US', callWaiting: true };
    expect(accountFromStorage(old, defaults)).toEqual({ ...old, debug: false, maxLines: 2 });
    const damaged = accountFromStorage({ ...old, username: 1001, wsUrl: null }, defaults);
    expect(missingParameters(damaged, true)).toEqual(expect.arrayContaining(['wsUrl', 'username']));
    expect(accountFromStorage('garbage', defaults)).toEqual(defaults);
  });
});

describe('settings an older version left in storage.local, damaged', () => {
  it('are read as well as they can be when moved to the vault, and removed from storage.local', async () => {
    await fakeBrowser.storage.local.set({
      account: { wsUrl: 'wss://pbx.example.com/ws', domain: 7, username: '1001', callWaiting: 'yes' },
      identity: { instanceId: 42 },
      odoo: { settings: { url: 'javascript:alert(1)' }, uid: 2, major: 17 },
    });
    await saveSecret('pa55');
    const account = await loadAccount();
    expect(account).toMatchObject({ wsUrl: 'wss://pbx.example.com/ws', domain: '', username: '1001', callWaiting: false });
    expect(missingParameters(account, true)).toEqual(['domain']);
    expect(await loadOdoo()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // The damaged identity is replaced by a new one once the account is complete.
    await saveAccount({ ...account, domain: 'pbx.example.com' }, undefined);
    const { config } = await buildSipConfig();
    expect(config).toMatchObject({ domain: 'pbx.example.com', instanceId: expect.stringMatching(/^[0-9a-f-]{36}$/), contactName: expect.any(String) });
  });
});

describe('stored call history', () => {
  it('rows written by an older version or damaged are shown with neutral values, never break Recent', async () => {
    const name = `history-damaged-${Math.random()}`;
    const db = await openLocalDb(name);
    const put = (row: Record<string, unknown>) => db.put('history', row as never);
    await put({ id: 'a', direction: 'sideways', number: 42, contactId: 7, contactName: null, startedAt: 2_000, answeredAt: 'x', durationSec: -5, outcome: 'exploded', reason: {}, seen: 'yes' });
    await put({ id: 'b', direction: 'incoming', number: '+16506913277', contactId: null, contactName: 'Ann', startedAt: 1_000, answeredAt: null, durationSec: 12, outcome: 'answered', reason: '', seen: true });
    db.close();
    const p = createLocalProvider({ dbName: name });
    const r = await p.history.list(10, '');
    expect(r).toEqual({
      ok: true,
      value: [
        { id: 'a', direction: 'outgoing', number: '', contactId: null, contactName: '', startedAt: 2_000, answeredAt: null, durationSec: 0, outcome: 'failed', reason: '', seen: true },
        { id: 'b', direction: 'incoming', number: '+16506913277', contactId: null, contactName: 'Ann', startedAt: 1_000, answeredAt: null, durationSec: 12, outcome: 'answered', reason: '', seen: true },
      ],
    });
    expect((await p.history.list(10, 'ann')).ok).toBe(true);
    await p.close();
  });
});

describe('stored Odoo outbox', () => {
  let odoo: OdooDouble;
  beforeAll(async () => {
    odoo = await startOdoo({ version: 17 });
  });
  afterAll(() => odoo.close());

  it('a damaged kept write is reported as refused and never sent; the writes behind it still go', async () => {
    const name = `outbox-damaged-${Math.random()}`;
    const box = odooOutbox(name);
    await box.pending(); // creates the database
    const raw = await openDB(name, 1);
    await raw.add('writes', { write: { model: 42 }, label: 'Old thing', createdAt: 0, attempts: 0, lastError: '', conflict: false });
    await raw.add('writes', { write: 'not a write', label: null, createdAt: 0, attempts: 0, lastError: '', conflict: false });
    raw.close();
    await box.add({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'after the damage' }], kwargs: {} }, 'Edit');
    const rpc = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
    const d = await box.drain(rpc);
    expect(d).toMatchObject({ state: 'drained', sent: 1 });
    expect((await box.conflicts()).map((c) => [c.label, c.lastError])).toEqual([
      ['Old thing', 'This kept change was damaged (or written by an older version) and was not sent.'],
      ['?', 'This kept change was damaged (or written by an older version) and was not sent.'],
    ]);
    expect(odoo.table('mail.activity').find((a) => a.id === 2)?.summary).toBe('after the damage');
    await box.close();
  });
});
