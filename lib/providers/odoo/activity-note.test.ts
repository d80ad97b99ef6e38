import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooActivities } from './activities';
import { odooRpc, type OdooRpc } from './rpc';

let odoo: OdooDouble;
let rpc: OdooRpc;
const rich = '<p>Budget:</p><ul><li>chairs</li><li><a href="https://shop.example/q?id=1&amp;v=2">the quote</a></li></ul>';
const noteOf = (id: number) => odoo.table('mail.activity').find((a) => a.id === id)?.note;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
  rpc = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
});
afterAll(() => odoo.close());

describe("an Odoo activity's note", () => {
  it('is shown as text with its list, and a date-only edit leaves its HTML as it was', async () => {
    await rpc.callKw('mail.activity', 'write', [[2], { note: rich }]);
    const api = odooActivities(rpc, 2);
    const r = await api.update('mail.activity/2', { dueDate: tomorrow() });
    expect(r).toMatchObject({ ok: true, value: { dueDate: tomorrow(), note: 'Budget:\n\n• chairs\n• the quote' } });
    expect(noteOf(2)).toBe(rich);
  });

  it('reads escaped markup as text, and an edited note goes back escaped, never as live HTML', async () => {
    await rpc.callKw('mail.activity', 'write', [[3], { note: '<p>&lt;img src=x onerror=alert(1)&gt;</p>' }]);
    const api = odooActivities(rpc, 2);
    const due = await api.due(new Date().toISOString().slice(0, 10), 'renewal');
    const shown = due.ok ? due.value[0]?.note : '';
    expect(shown).toBe('<img src=x onerror=alert(1)>');
    const r = await api.update('mail.activity/3', { note: `${shown}\nthen call` });
    expect(noteOf(3)).toBe('<p>&lt;img src=x onerror=alert(1)&gt;<br>then call</p>');
    expect(r).toMatchObject({ ok: true, value: { note: '<img src=x onerror=alert(1)>\nthen call' } });
  });

  it('of a new activity is sent as escaped HTML', async () => {
    const api = odooActivities(rpc, 2);
    const r = await api.schedule({ contactId: 'res.partner/30', summary: 'Markup', note: '<b>not bold</b> & co', dueDate: tomorrow() });
    expect(r).toMatchObject({ ok: true, value: { note: '<b>not bold</b> & co' } });
    expect(odoo.table('mail.activity').find((a) => a.summary === 'Markup')?.note).toBe('<p>&lt;b&gt;not bold&lt;/b&gt; &amp; co</p>');
  });
});
