import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooActivities } from './activities';
import { odooOutbox } from './outbox';
import { odooRpc } from './rpc';
import { odooWriter } from './writer';

let odoo: OdooDouble;
let n = 0;
const rpc = () => odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' }, timeoutMs: 2_000 });
const summaryOf = (id: number) => odoo.table('mail.activity').find((a) => a.id === id)?.summary;

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
});
afterAll(() => odoo.close());

describe('Odoo writes through the outbox', () => {
  it('sends at once when Odoo answers', async () => {
    const w = odooWriter(rpc(), odooOutbox(`writer-${++n}`));
    const r = await w.send<boolean>({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'now' }], kwargs: {} }, 'Edit');
    expect(r).toEqual({ ok: true, value: { queued: false, value: true } });
    expect(summaryOf(2)).toBe('now');
    expect(await w.pending()).toBe(0);
  });

  it('keeps a write Odoo cannot receive, and sends later ones behind it, in order', async () => {
    const w = odooWriter(rpc(), odooOutbox(`writer-${++n}`));
    odoo.down();
    const first = await w.send({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'first' }], kwargs: {} }, 'Edit 1');
    expect(first).toMatchObject({ ok: true, value: { queued: true, failure: { kind: 'unreachable' } } });
    odoo.up();
    // Odoo is back, but the older write waits: this one must not overtake it.
    const second = await w.send({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'second' }], kwargs: {} }, 'Edit 2');
    expect(second).toEqual({ ok: true, value: { queued: false, value: undefined } });
    expect(summaryOf(2)).toBe('second');
    expect(await w.pending()).toBe(0);
  });

  it("refuses at once what Odoo itself refuses (no outbox for Odoo's no)", async () => {
    const w = odooWriter(rpc(), odooOutbox(`writer-${++n}`));
    const r = await w.send({ model: 'mail.activity', method: 'write', args: [[999], { summary: 'x' }], kwargs: {} }, 'Edit a ghost');
    expect(r).toMatchObject({ ok: false, failure: { kind: 'odoo' } });
    expect(await w.pending()).toBe(0);
  });

  it('marking an activity done while Odoo is down says it is kept, and it is done when drained', async () => {
    const c = rpc();
    const w = odooWriter(c, odooOutbox(`writer-${++n}`));
    const api = odooActivities(c, 2, { writer: w });
    odoo.down();
    const r = await api.markDone('mail.activity/1', 'Talked, 0:42.');
    expect(r).toMatchObject({ ok: true, value: { state: 'done', feedback: 'Talked, 0:42.' } });
    expect(r.ok && r.notice).toMatch(/^Odoo cannot be reached\. Kept for later: Mark done: “.+”\. It is sent as soon as Odoo is back\.$/);
    expect(odoo.table('mail.activity').some((a) => a.id === 1)).toBe(true);
    odoo.up();
    expect(await w.drain()).toEqual({ state: 'drained', sent: 1, conflicts: [] });
    expect(odoo.table('mail.activity').some((a) => a.id === 1)).toBe(false);
    const note = odoo.table('mail.message').find((m) => m.model === 'crm.lead' && m.res_id === 1);
    expect(String(note?.body)).toContain('Talked, 0:42.');
  });
});
