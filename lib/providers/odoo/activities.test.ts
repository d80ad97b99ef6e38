import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooActivities } from './activities';
import { odooRpc, type OdooRpc } from './rpc';

let odoo: OdooDouble | null = null;
let rpc: OdooRpc;
const today = new Date().toISOString().slice(0, 10);
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  await odoo?.close();
  odoo = await startOdoo({ version: 17 });
  // API-key mode: no cookie jar needed in Node.
  rpc = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
});
afterAll(() => odoo?.close());

describe('Odoo Next Activities', () => {
  it("lists my call activities due today or overdue, soonest first, with the document's number", async () => {
    const api = odooActivities(rpc, 2);
    await rpc.callKw('res.users', 'search_count', [[]]); // authenticate first: not counted below
    const before = rpc.requests;
    const r = await api.due(today, '');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((a) => [a.id, a.contactName, a.phone, a.dueDate])).toEqual([
      ['mail.activity/2', 'Gemini Furniture', '(941)-284-4875', day(-2)],
      ['mail.activity/3', 'Ada Lovelace', '+1 650-555-0102', day(-1)],
      ['mail.activity/1', 'Deco Addict', '(603)-996-3829', today],
    ]);
    expect(r.value[2]).toMatchObject({ contactId: 'res.partner/10', summary: 'Discuss the layout', note: 'Ask about the budget' });
    // One read per model, never one per activity: activities, leads, partners.
    expect(rpc.requests - before).toBe(3);
  });

  it('filters by name, summary or number', async () => {
    const api = odooActivities(rpc, 2);
    const byName = await api.due(today, 'gemini');
    expect(byName.ok && byName.value.map((a) => a.id)).toEqual(['mail.activity/2']);
    const byNumber = await api.due(today, '555-0102');
    expect(byNumber.ok && byNumber.value.map((a) => a.id)).toEqual(['mail.activity/3']);
  });

  it('mark done posts the feedback to the document and the activity leaves the list', async () => {
    const api = odooActivities(rpc, 2);
    const done = await api.markDone('mail.activity/1', 'Call lasted 2:05');
    expect(done).toMatchObject({ ok: true, value: { state: 'done', feedback: 'Call lasted 2:05' } });
    const note = odoo!.table('mail.message').at(-1);
    expect(note).toMatchObject({ model: 'crm.lead', res_id: 1 });
    expect(String(note?.body)).toContain('Call lasted 2:05');
    const after = await api.due(today, '');
    expect(after.ok && after.value.map((a) => a.id)).not.toContain('mail.activity/1');
  });

  it('edits the due date, summary and note; cancel removes it', async () => {
    const api = odooActivities(rpc, 2);
    const r = await api.update('mail.activity/2', { summary: 'Quote v2', note: 'Send it today', dueDate: day(3) });
    expect(r).toMatchObject({ ok: true, value: { summary: 'Quote v2', note: 'Send it today', dueDate: day(3) } });
    expect(await api.cancel('mail.activity/3')).toEqual({ ok: true, value: undefined });
    expect(odoo!.table('mail.activity').map((a) => a.id)).not.toContain(3);
  });

  it('schedules a call activity on the contact, assigned to me', async () => {
    const api = odooActivities(rpc, 2);
    const r = await api.schedule({ contactId: 'res.partner/31', summary: 'Intro call', note: '', dueDate: today });
    expect(r).toMatchObject({ ok: true, value: { contactName: 'Hans Müller', phone: '+49 89 1234 5678', dueDate: today } });
    const due = await api.due(today, 'intro');
    expect(due.ok && due.value).toHaveLength(1);
  });

  it('schedules the next activity on the same document, of the type chosen, and links to that document', async () => {
    const api = odooActivities(rpc, 2, { recordUrl: (model, id) => `${odoo!.url}/odoo/${model}/${id}` });
    const types = await api.types?.();
    expect(types).toEqual({ ok: true, value: [{ id: '2', name: 'Call' }, { id: '1', name: 'Email' }, { id: '3', name: 'Meeting' }, { id: '4', name: 'To-Do' }] });
    const r = await api.schedule({ contactId: 'res.partner/11', record: 'crm.lead/2', typeId: '3', summary: 'Visit the showroom', note: '', dueDate: day(3) });
    expect(r).toMatchObject({ ok: true, value: { record: 'crm.lead/2', recordUrl: `${odoo!.url}/odoo/crm.lead/2`, contactName: 'Gemini Furniture' } });
    const created = odoo!.table('mail.activity').find((a) => a.summary === 'Visit the showroom');
    expect(created).toMatchObject({ res_model: 'crm.lead', res_id: 2, activity_type_id: 3, user_id: 2, date_deadline: day(3) });
    // A record that is not a lead or a partner is never written to.
    const bad = await api.schedule({ contactId: 'x', record: 'res.users/2', summary: '', note: '', dueDate: today });
    expect(bad).toEqual({ ok: false, reason: 'This contact is not an Odoo contact.' });
  });

  it("says what went wrong in Odoo's words, never throws", async () => {
    const api = odooActivities(rpc, 2);
    expect(await api.update('mail.activity/999', { summary: 'x' })).toEqual({ ok: false, reason: 'Record does not exist or has been deleted.' });
    expect(await api.cancel('local-id')).toEqual({ ok: false, reason: 'This activity is not an Odoo activity.' });
    odoo!.down();
    const r = await api.due(today, '');
    expect(r.ok ? '' : r.reason).toMatch(/cannot be reached/);
    odoo!.up();
  });
});

describe('Odoo Next Activities, a long list', () => {
  it('reads only the first page (and its documents) when asked for the first rows', async () => {
    const { bulkSeed } = await import('../../../tests/odoo/bulk.mjs');
    const big = await startOdoo({ version: 17, extend: bulkSeed({ partners: 2_000, activities: 500 }) });
    try {
      const c = odooRpc({ baseUrl: big.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
      await c.callKw('res.users', 'search_count', [[]]);
      const api = odooActivities(c, 2);
      const before = c.requests;
      const first = await api.due(today, '', 12);
      expect(first.ok && first.value.length).toBe(12);
      // One page of activities, then leads and partners: 3 requests, not one per row.
      expect(c.requests - before).toBe(3);
      const all = await api.due(today, '');
      expect(all.ok && all.value.length).toBeGreaterThan(400);
      // The first rows are the same, soonest first, whichever way they were read.
      expect(first.ok && all.ok && first.value.map((a) => a.id)).toEqual(all.ok && all.value.slice(0, 12).map((a) => a.id));
      const due = all.ok ? all.value.map((a) => a.dueDate) : [];
      expect(due).toEqual([...due].sort());
    } finally {
      await big.close();
    }
  });
});
