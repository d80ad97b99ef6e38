import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooEmail, textToHtml } from './email';
import { dialectFor } from './dialect';
import { odooRpc } from './rpc';

let v17: OdooDouble;
let v18: OdooDouble;
const rpcFor = (s: OdooDouble) => odooRpc({ baseUrl: s.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' }, dialect: dialectFor(s.version) });
const draft = { to: 'ada@example.com', subject: 'Your quote', body: 'Hello Ada,\n\n<b>see</b> attached', contactId: 'res.partner/30' };

beforeAll(async () => {
  v17 = await startOdoo({ version: 17 });
  v18 = await startOdoo({ version: 18 });
});
afterAll(async () => {
  await v17.close();
  await v18.close();
});

describe('email through Odoo', () => {
  it('turns text into escaped HTML paragraphs', () => {
    expect(textToHtml('Hi <Ada>\nline two\n\nsecond')).toBe('<p>Hi &lt;Ada&gt;<br>line two</p><p>second</p>');
  });

  it("Send posts the email to the contact's chatter, addressed to them", async () => {
    const api = odooEmail(rpcFor(v17), { partnerId: 3 });
    expect(api.sendMode).toBe('server');
    expect(await api.send?.(draft)).toEqual({ ok: true, value: undefined });
    expect(v17.table('mail.message').at(-1)).toMatchObject({
      model: 'res.partner', res_id: 30, subject: 'Your quote', message_type: 'comment', partner_ids: [30],
      body: '<p>Hello Ada,</p><p>&lt;b&gt;see&lt;/b&gt; attached</p>',
    });
  });

  it('Send Later uses Odoo 18 scheduled messages, listed and cancelled', async () => {
    const api = odooEmail(rpcFor(v18), { partnerId: 3 });
    const at = Date.now() + 3_600_000;
    const r = await api.schedule(draft, at);
    expect(r).toMatchObject({ ok: true, value: { state: 'scheduled', contactId: 'res.partner/30' } });
    const list = await api.scheduled();
    // Odoo keeps datetimes to the second.
    expect(list.ok && list.value.map((e) => [e.subject, e.sendAt])).toEqual([['Your quote', Math.floor(at / 1000) * 1000]]);
    if (!r.ok) return;
    expect(await api.cancelScheduled(r.value.id)).toEqual({ ok: true, value: undefined });
    expect(v18.table('mail.scheduled.message')).toEqual([]);
  });

  it('says clearly that Odoo 17 has no Send Later', async () => {
    const api = odooEmail(rpcFor(v17), { partnerId: 3 });
    expect(await api.schedule(draft, Date.now() + 60_000)).toEqual({ ok: false, reason: expect.stringMatching(/Odoo 17\.0 cannot schedule messages/) });
  });
});
