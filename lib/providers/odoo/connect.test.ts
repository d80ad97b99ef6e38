import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { createLocalProvider } from '../local';
import { connectOdoo } from './connect';
import { createOdooProvider } from './index';
import { odooOrigin, readOdooSettings, validateOdooSettings } from './settings';

let odoo: OdooDouble;
beforeAll(async () => {
  odoo = await startOdoo({ version: 18, enterprise: true });
});
afterAll(() => odoo.close());

/** A browser-like fetch holding the session cookie of a user who logged in to Odoo. */
async function loggedInFetch(login: string): Promise<typeof fetch> {
  const res = await fetch(`${odoo.url}/web/session/authenticate`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { db: 'demo', login, password: login } }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Cookie: cookie } });
}

describe('Odoo settings', () => {
  it('takes the origin of whatever address is pasted', () => {
    expect(odooOrigin('erp.example.com/odoo/crm')).toBe('https://erp.example.com');
    expect(odooOrigin('https://mycompany.odoo.com/web#id=3')).toBe('https://mycompany.odoo.com');
    expect(odooOrigin('ftp://x')).toBeNull();
    expect(odooOrigin('https://user:pw@erp.example.com')).toBeNull();
  });

  it('checks every field and says what to fix', () => {
    expect(validateOdooSettings({ url: 'http://erp.example.com', db: '', mode: 'session', login: '', key: '' }, false))
      .toEqual({ ok: false, errors: { url: 'odoo.validation.https' } });
    expect(validateOdooSettings({ url: 'erp.example.com', db: '', mode: 'apiKey', login: '', key: '' }, false))
      .toEqual({ ok: false, errors: { login: 'validation.required', db: 'odoo.validation.dbForKey', key: 'validation.required' } });
    expect(validateOdooSettings({ url: 'http://127.0.0.1:8069/web', db: 'demo', mode: 'session', login: 'x', key: '' }, false))
      .toEqual({ ok: true, settings: { url: 'http://127.0.0.1:8069', db: 'demo', mode: 'session', login: '' } });
  });

  it('reads damaged stored settings as "not connected"', () => {
    expect(readOdooSettings(null)).toBeNull();
    expect(readOdooSettings({ url: 'javascript:alert(1)' })).toBeNull();
    expect(readOdooSettings({ url: 'https://erp.example.com', mode: 'weird' })).toEqual({ url: 'https://erp.example.com', db: '', mode: 'session', login: '' });
  });
});

describe('connecting to Odoo', () => {
  // Jane is no administrator: the module list is closed to her, and voip is found all the same.
  it("through the browser's session: who I am and which Odoo it is", async () => {
    const r = await connectOdoo({ url: odoo.url, db: '', mode: 'session', login: '' }, '', await loggedInFetch('jane'));
    expect(r.ok && { uid: r.value.uid, partnerId: r.value.partnerId, userName: r.value.userName, server: r.value.server })
      .toEqual({ uid: 7, partnerId: 8, userName: 'Jane Seller', server: { major: 18, version: '18.0', voip: true } });
    expect(r.ok && r.value.rpc.context).toEqual({ lang: 'fr_FR', tz: 'Europe/Paris' });
  });

  it('with an API key, and refuses a wrong one', async () => {
    const good = await connectOdoo({ url: odoo.url, db: 'demo', mode: 'apiKey', login: 'admin' }, 'key-admin');
    expect(good.ok && good.value.uid).toBe(2);
    const bad = await connectOdoo({ url: odoo.url, db: 'demo', mode: 'apiKey', login: 'admin' }, 'nope');
    expect(bad.ok ? null : bad.failure.kind).toBe('accessDenied');
  });

  it('says "log in to Odoo again" when the browser has no session', async () => {
    const r = await connectOdoo({ url: odoo.url, db: '', mode: 'session', login: '' }, '');
    expect(r.ok ? null : r.failure).toMatchObject({ kind: 'sessionExpired', loginUrl: `${odoo.url}/web/login` });
  });

  it('gives a provider whose tabs show Odoo data', async () => {
    const c = await connectOdoo({ url: odoo.url, db: 'demo', mode: 'apiKey', login: 'admin' }, 'key-admin');
    if (!c.ok) throw new Error(c.failure.message);
    const p = createOdooProvider(c.value, { history: createLocalProvider({ dbName: 'unused' }).history, defaultCountry: 'US' });
    expect(p.kind).toBe('odoo');
    expect(p.email.sendMode).toBe('server');
    const due = await p.activities.due(new Date().toISOString().slice(0, 10), '');
    expect(due.ok && due.value.length).toBe(3);
    const contacts = await p.contacts.search('deco', 5);
    expect(contacts.ok && contacts.value[0]?.recordUrl).toBe(`${odoo.url}/odoo/res.partner/10`);
  });
});
