// The Odoo board's buttons, answered by the background over WXT's fake browser against the Odoo
// test double: only from the connected Odoo, and in API-key mode only for a page logged in as the
// key's owner (the buttons would act with the key's rights).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RecordingLink } from '../../tests/fakes/host-link';
import { startOdoo, type OdooDouble } from '../../tests/odoo/server.mjs';
import { saveSecret } from '../settings/secret-store';
import { onContentMessage } from './main';
import { kanbanMatches } from './odoo';

let odoo: OdooDouble;
const board = () => ({ id: fakeBrowser.runtime.id, url: `${odoo.url}/web?version=18`, tab: { id: 5 } });
const ask = (msg: unknown) => onContentMessage(msg, board(), new RecordingLink());
const connect = (mode: 'apiKey' | 'session') =>
  fakeBrowser.storage.local.set({ odoo: { settings: { url: odoo.url, db: 'demo', mode, login: 'admin' }, uid: 2, partnerId: 3, major: 18 } });

beforeAll(async () => {
  odoo = await startOdoo({ version: 18 });
  await saveSecret('key-admin', 'odooKey');
});
afterAll(() => odoo.close());
beforeEach(() => fakeBrowser.storage.local.remove('odoo'));

describe('Kanban requests', () => {
  it('with an API key, a page where nobody (or someone else) is logged in gets no answer from the key', async () => {
    await connect('apiKey');
    // This browser has no Odoo session cookie: the page's user is not the key's owner.
    expect(await ask({ type: 'cs:odooQueueState', resIds: [1, 2] })).toEqual({ ok: false, error: expect.stringMatching(/another user/) });
    expect(await ask({ type: 'cs:odooToggle', resId: 3, add: true })).toEqual({ ok: false, error: expect.stringMatching(/another user/) });
    expect(odoo.table('mail.activity').filter((a) => a.res_id === 3 && a.user_id === 2)).toHaveLength(0);
  });

  it('a page of another origin is not the connected Odoo', async () => {
    await connect('session');
    const r = await onContentMessage({ type: 'cs:odooQueueState', resIds: [1] }, { ...board(), url: 'https://evil.example/web' }, new RecordingLink());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/not the Odoo connected/) });
  });

  it('a page is the connected Odoo only on its exact origin (Firefox injects on the host\'s every port)', async () => {
    await connect('session');
    expect(await ask({ type: 'cs:odooIsConnected' })).toBe(true);
    const otherPort = new URL(odoo.url);
    otherPort.port = String(Number(otherPort.port) + 1);
    expect(await onContentMessage({ type: 'cs:odooIsConnected' }, { ...board(), url: `${otherPort.origin}/web` }, new RecordingLink())).toBe(false);
  });
});

describe('Kanban match patterns', () => {
  it('Chrome gets the exact origin; Firefox the host without its port (it never injects on a pattern with one)', () => {
    expect(kanbanMatches('http://odoo.lan:8069', false)).toContain('http://odoo.lan:8069/odoo/*');
    const firefox = kanbanMatches('http://odoo.lan:8069', true);
    expect(firefox).toContain('http://odoo.lan/odoo/*');
    expect(firefox.every((m) => !m.includes(':8069'))).toBe(true);
    expect(kanbanMatches('http://[::1]:8069', true)).toContain('http://[::1]/web');
    expect(kanbanMatches('https://erp.example.com', true)).toContain('https://erp.example.com/web?*');
  });
});
