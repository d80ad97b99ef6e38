import { dialectFor } from './dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooRpc } from './rpc';
import { detectVoip, recordUrl } from './version';

let odoo: OdooDouble;
let enterprise: OdooDouble;

/** fetch with a cookie jar, as the browser keeps the Odoo session cookie. */
function browserLikeFetch(): typeof fetch {
  let cookie = '';
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie && init?.credentials === 'include') headers.set('Cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return res;
  };
}

async function loggedIn(server: OdooDouble, login = 'admin') {
  const f = browserLikeFetch();
  const rpc = odooRpc({ baseUrl: server.url, auth: { mode: 'session' }, fetch: f });
  const r = await rpc.call('/web/session/authenticate', { db: 'demo', login, password: login });
  expect(r.ok).toBe(true);
  return rpc;
}

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
  enterprise = await startOdoo({ version: 18, enterprise: true });
});
afterAll(async () => {
  await odoo.close();
  await enterprise.close();
});

describe('Odoo JSON-RPC client', () => {
  it('calls the ORM on the browser session and returns its result', async () => {
    const rpc = await loggedIn(odoo);
    const r = await rpc.callKw<{ id: number; name: string }[]>('res.partner', 'search_read', [], { domain: [['id', '=', 30]], fields: ['name'] });
    expect(r).toEqual({ ok: true, value: [{ id: 30, name: 'Ada Lovelace' }] });
  });

  it('says "log in to Odoo again", with a link, when the session has ended', async () => {
    const rpc = await loggedIn(odoo);
    odoo.expireSessions();
    const r = await rpc.callKw('res.partner', 'search_count', [[]]);
    expect(r).toEqual({ ok: false, failure: { kind: 'sessionExpired', message: expect.stringMatching(/log in to Odoo again/), loginUrl: `${odoo.url}/web/login` } });
  });

  it("shows Odoo's own message for its errors", async () => {
    const rpc = await loggedIn(odoo);
    const r = await rpc.callKw('mail.activity', 'write', [[4242], { summary: 'x' }]);
    expect(r).toEqual({ ok: false, failure: { kind: 'odoo', message: 'Record does not exist or has been deleted.', odooName: 'odoo.exceptions.MissingError' } });
  });

  it('works with an API key, and says when the key is refused', async () => {
    const good = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'jane', key: 'key-jane' } });
    expect(await good.callKw('res.users', 'search_count', [[['id', '=', 7]]])).toEqual({ ok: true, value: 1 });
    const bad = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'jane', key: 'stolen' } });
    const r = await bad.callKw('res.users', 'search_count', [[]]);
    expect(r.ok ? null : r.failure.kind).toBe('accessDenied');
  });

  it('reports an unreachable Odoo as offline, and recovers when it is back', async () => {
    const rpc = await loggedIn(odoo);
    odoo.down();
    const r = await rpc.callKw('res.partner', 'search_count', [[]]);
    expect(r.ok ? null : r.failure).toMatchObject({ kind: 'unreachable', message: expect.stringContaining(new URL(odoo.url).host) });
    odoo.up();
    expect((await (await loggedIn(odoo)).callKw('res.partner', 'search_count', [[['id', '=', 30]]])).ok).toBe(true);
  });

  it('says "no answer from the server" where the browser says "Failed to fetch"', async () => {
    // Chrome's fetch rejects with exactly this when nothing answers at the address.
    const chromeFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const r = await odooRpc({ baseUrl: odoo.url, auth: { mode: 'session' }, fetch: chromeFetch }).callKw('res.partner', 'search_count', [[]]);
    const message = r.ok ? '' : r.failure.message;
    expect(message).toContain('no answer from the server');
    expect(message).not.toContain('Failed to fetch');
  });

  it('detects whether Enterprise voip is installed', async () => {
    expect(await detectVoip(await loggedIn(odoo))).toEqual({ ok: true, value: false });
    expect(await detectVoip(await loggedIn(enterprise))).toEqual({ ok: true, value: true });
    const key = odooRpc({ baseUrl: enterprise.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
    expect(await detectVoip(key)).toEqual({ ok: true, value: true });
  });

  it('builds record URLs in the form of each version', () => {
    expect(recordUrl('https://erp.example', dialectFor(17), 'crm.lead', 4)).toBe('https://erp.example/web#id=4&model=crm.lead&view_type=form');
    expect(recordUrl('https://erp.example', dialectFor(18), 'crm.lead', 4)).toBe('https://erp.example/odoo/crm.lead/4');
  });
});
