import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { queueStates, toggleQueued } from './call-queue';
import { odooRpc, type OdooRpc } from './rpc';

let odoo: OdooDouble | null = null;
let rpc: OdooRpc;
const today = new Date().toISOString().slice(0, 10);
const myCallsOn = (lead: number) =>
  (odoo as OdooDouble).table('mail.activity').filter((a) => a.res_model === 'crm.lead' && a.res_id === lead && a.user_id === 2 && a.activity_type_id === 2);

beforeEach(async () => {
  await odoo?.close();
  odoo = await startOdoo({ version: 18 });
  rpc = odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });
});
afterAll(() => odoo?.close());

describe('Kanban call queue', () => {
  it('says which leads have my call due, which do not, and which have no number, in one request per model for any number of cards', async () => {
    await rpc.callKw('res.users', 'search_count', [[]]);
    const before = rpc.requests;
    const r = await queueStates(rpc, 2, [1, 2, 3, 4, 5, 404], today);
    // Lead 3's call is Marc Demo's, lead 4's is next week: neither counts as mine today.
    expect(r).toEqual({ ok: true, value: { 1: 'queued', 2: 'queued', 3: 'notQueued', 4: 'notQueued', 5: 'noPhone', 404: 'noPhone' } });
    // Leads, then activities; partners only for leads without a number of their own (none here).
    expect(rpc.requests - before).toBe(2);
  });

  it('adds a Call activity due today for me, then removes my due calls on that lead only', async () => {
    expect(await toggleQueued(rpc, 2, 3, true, today)).toEqual({ ok: true, value: true });
    const added = myCallsOn(3);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ date_deadline: today, user_id: 2, activity_type_id: 2, summary: 'Call' });
    expect(await toggleQueued(rpc, 2, 3, false, today)).toEqual({ ok: true, value: false });
    expect(myCallsOn(3)).toHaveLength(0);
    // Marc Demo's activity on the same lead stays.
    expect(odoo?.table('mail.activity').some((a) => a.id === 4)).toBe(true);
  });

  it('refuses to queue a lead without a phone number, with a message that says so', async () => {
    const r = await toggleQueued(rpc, 2, 5, true, today);
    expect(r).toMatchObject({ ok: false, failure: { message: 'This opportunity has no phone number: add one in Odoo first.' } });
    expect(myCallsOn(5)).toHaveLength(0);
  });
});
