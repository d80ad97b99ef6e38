import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooOutbox } from './outbox';
import { odooRpc } from './rpc';

let odoo: OdooDouble;
let n = 0;
const rpc = () => odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' }, timeoutMs: 2_000 });
const fresh = () => odooOutbox(`outbox-test-${++n}`);

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
});
afterAll(() => odoo.close());

describe('Odoo outbox', () => {
  it('keeps writes made while Odoo is down and sends them, in order, when it is back', async () => {
    const box = fresh();
    odoo.down();
    await box.add({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'first' }], kwargs: {} }, 'Edit: Follow up');
    await box.add({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'second' }], kwargs: {} }, 'Edit again');
    const waiting = await box.drain(rpc());
    expect(waiting).toMatchObject({ state: 'waiting', sent: 0, failure: { kind: 'unreachable' } });
    expect((await box.pending()).map((e) => [e.label, e.attempts])).toEqual([['Edit: Follow up', 1], ['Edit again', 0]]);
    odoo.up();
    expect(await box.drain(rpc())).toEqual({ state: 'drained', sent: 2, conflicts: [] });
    expect(odoo.table('mail.activity').find((a) => a.id === 2)?.summary).toBe('second');
    expect(await box.pending()).toEqual([]);
  });

  it('survives closing and reopening (a browser restart)', async () => {
    const name = `outbox-restart-${++n}`;
    const first = odooOutbox(name);
    await first.add({ model: 'res.partner', method: 'message_post', args: [30], kwargs: { body: 'Call: 1:02' } }, 'Call log: Ada');
    await first.close();
    const again = odooOutbox(name);
    expect((await again.pending()).map((e) => e.label)).toEqual(['Call log: Ada']);
    expect(await again.drain(rpc())).toMatchObject({ state: 'drained', sent: 1 });
    expect(odoo.table('mail.message').at(-1)).toMatchObject({ model: 'res.partner', res_id: 30, body: 'Call: 1:02' });
  });

  it('reports a write Odoo refuses for good as a conflict, and goes on with the rest', async () => {
    const box = fresh();
    await box.add({ model: 'mail.activity', method: 'write', args: [[4040], { summary: 'x' }], kwargs: {} }, 'Edit: deleted meanwhile');
    await box.add({ model: 'mail.activity', method: 'write', args: [[1], { summary: 'kept' }], kwargs: {} }, 'Edit: still there');
    const r = await box.drain(rpc());
    expect(r.state).toBe('drained');
    expect(r.sent).toBe(1);
    expect(r.conflicts.map((c) => [c.label, c.lastError])).toEqual([['Edit: deleted meanwhile', 'Record does not exist or has been deleted.']]);
    const [conflict] = await box.conflicts();
    await box.dismissConflict(conflict?.seq as number);
    expect(await box.conflicts()).toEqual([]);
  });

  it('never sends a write twice when two drains overlap', async () => {
    const box = fresh();
    await box.add({ model: 'res.partner', method: 'message_post', args: [31], kwargs: { body: 'once' } }, 'Once');
    const before = odoo.table('mail.message').length;
    const [a, b] = await Promise.all([box.drain(rpc()), box.drain(rpc())]);
    expect(a).toBe(b);
    expect(odoo.table('mail.message').length - before).toBe(1);
  });
});
