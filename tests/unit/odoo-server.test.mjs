// The Odoo test double answers as Odoo does: sessions, errors, domains, and the writes the
// connector makes. These tests pin its behaviour so the connector's tests can trust it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo } from '../odoo/server.mjs';

let odoo;
let cookie = '';

async function rpc(path, params, { withCookie = true } = {}) {
  const res = await fetch(odoo.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(withCookie && cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params }),
  });
  const setCookie = res.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0];
  return res.json();
}
const callKw = (model, method, args = [], kwargs = {}) => rpc(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
});
afterAll(() => odoo.close());

describe('Odoo test double', () => {
  it('refuses a wrong password with AccessDenied, and logs in with the right one', async () => {
    const bad = await rpc('/web/session/authenticate', { db: 'demo', login: 'admin', password: 'nope' });
    expect(bad.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied' } });
    const ok = await rpc('/web/session/authenticate', { db: 'demo', login: 'admin', password: 'admin' });
    expect(ok.result).toMatchObject({ uid: 2, name: 'Mitchell Admin', server_version_info: [17, 0, 0, 'final', 0, ''] });
    expect(cookie).toMatch(/^session_id=[0-9a-f]{40}$/);
    expect((await rpc('/web/session/get_session_info', {})).result.uid).toBe(2);
  });

  it('searches partners with an OR domain over name, phone and email (ilike)', async () => {
    const domain = ['|', '|', ['name', 'ilike', 'lovelace'], ['phone', 'ilike', 'lovelace'], ['email', 'ilike', 'lovelace']];
    const r = await callKw('res.partner', 'search_read', [], { domain, fields: ['name', 'phone', 'mobile'], limit: 10 });
    expect(r.result).toEqual([{ id: 30, name: 'Ada Lovelace', phone: '+1 650-555-0102', mobile: '+44 20 7946 0018' }]);
    const withPhone = await callKw('res.partner', 'search_count', [['|', ['phone', '!=', false], ['mobile', '!=', false]]]);
    expect(withPhone.result).toBe(9);
  });

  it("finds my call activities due today or overdue through the type's category", async () => {
    const domain = [['user_id', '=', 2], ['activity_type_id.category', '=', 'phonecall'], ['date_deadline', '<=', today]];
    const r = await callKw('mail.activity', 'search_read', [], { domain, fields: ['res_model', 'res_id', 'activity_type_id', 'state'], order: 'date_deadline asc' });
    expect(r.result.map((a) => a.id)).toEqual([2, 3, 1]);
    expect(r.result[0]).toMatchObject({ activity_type_id: [2, 'Call'], state: 'overdue' });
  });

  it('creates, edits and marks an activity done; the feedback lands in the chatter', async () => {
    // res_model is only the readonly mirror of the required res_model_id (mail_activity.py).
    const refused = await callKw('mail.activity', 'create', [{ res_model: 'crm.lead', res_id: 4, activity_type_id: 2, summary: 'Call back' }]);
    expect(refused.error.data).toMatchObject({ name: 'odoo.exceptions.ValidationError', message: expect.stringContaining('Field: res_model_id') });
    const created = await callKw('mail.activity', 'create', [{ res_model_id: 81, res_id: 4, activity_type_id: 2, summary: 'Call back' }]);
    const id = created.result;
    expect((await callKw('mail.activity', 'read', [[id], ['user_id', 'date_deadline', 'res_name']])).result[0])
      .toMatchObject({ user_id: [2, 'Mitchell Admin'], date_deadline: today, res_name: 'Open Space Design' });
    await callKw('mail.activity', 'write', [[id], { summary: 'Call back about the quote' }]);
    await callKw('mail.activity', 'action_feedback', [[id]], { feedback: 'Talked 2:05 <b>yes</b>' });
    expect(odoo.table('mail.activity').some((a) => a.id === id)).toBe(false);
    const note = odoo.table('mail.message').at(-1);
    expect(note).toMatchObject({ model: 'crm.lead', res_id: 4, author_id: 3 });
    expect(note.body).toBe('<p>Call done: Call back about the quote</p><p>Talked 2:05 &lt;b&gt;yes&lt;/b&gt;</p>');
  });

  it('escapes a plain message body (17+) unless body_is_html is set', async () => {
    await callKw('res.partner', 'message_post', [30], { body: '<b>hi</b>', message_type: 'comment' });
    expect(odoo.table('mail.message').at(-1).body).toBe('&lt;b&gt;hi&lt;/b&gt;');
    await callKw('res.partner', 'message_post', [30], { body: '<b>hi</b>', body_is_html: true });
    expect(odoo.table('mail.message').at(-1).body).toBe('<b>hi</b>');
  });

  it("answers Odoo's errors: missing record, unknown method, bad field, bad operator", async () => {
    expect((await callKw('mail.activity', 'write', [[9999], { summary: 'x' }])).error.data.name).toBe('odoo.exceptions.MissingError');
    expect((await callKw('res.partner', 'fly', [])).error.data.message).toMatch(/does not exist/);
    expect((await callKw('res.partner', 'search_read', [], { domain: [['colour', '=', 1]] })).error.data.name).toBe('builtins.ValueError');
    expect((await callKw('res.partner', 'search_read', [], { domain: [['name', '~', 'x']] })).error.data.message).toMatch(/Invalid operator/);
  });

  it('expires sessions with code 100, as a restarted or idle Odoo does', async () => {
    odoo.expireSessions();
    const r = await rpc('/web/session/get_session_info', {});
    expect(r.error).toMatchObject({ code: 100, data: { name: 'odoo.http.SessionExpiredException' } });
  });

  it('takes an API key on /jsonrpc (common.authenticate, object.execute_kw)', async () => {
    const uid = (await rpc('/jsonrpc', { service: 'common', method: 'authenticate', args: ['demo', 'jane', 'key-jane', {}] }, { withCookie: false })).result;
    expect(uid).toBe(7);
    const r = await rpc('/jsonrpc', { service: 'object', method: 'execute_kw', args: ['demo', uid, 'key-jane', 'res.users', 'search_read', [[['id', '=', 7]]], { fields: ['name'] }] }, { withCookie: false });
    expect(r.result).toEqual([{ id: 7, name: 'Jane Seller' }]);
    const wrong = await rpc('/jsonrpc', { service: 'object', method: 'execute_kw', args: ['demo', 7, 'key-admin', 'res.users', 'search_read', [[]], {}] }, { withCookie: false });
    expect(wrong.error.data.name).toBe('odoo.exceptions.AccessDenied');
  });

  it('can be made unreachable and brought back', async () => {
    odoo.down();
    await expect(fetch(odoo.url + '/web/session/get_session_info', { method: 'POST', body: '{}' })).rejects.toThrow();
    odoo.up();
    expect((await rpc('/web/session/get_session_info', {})).error.code).toBe(100);
  });
});
