import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { startStallingServer, type StallingServer } from '../../../tests/fakes/stalling-server';
import { MAX_ATTEMPTS, odooOutbox } from './outbox';
import { odooRpc } from './rpc';

let odoo: OdooDouble;
let stalled: StallingServer;
let n = 0;
const fresh = (deadlineMs?: number) => odooOutbox(`outbox-stuck-${++n}`, Date.now, deadlineMs ? { deadlineMs } : {});
const auth = { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } as const;

/** A proxy in front of Odoo that answers one kind of request with its own HTML page. */
function proxyRefusing(marker: string): typeof fetch {
  return async (input, init) => {
    if (typeof init?.body === 'string' && init.body.includes(marker)) {
      return new Response('<html><body>Request blocked</body></html>', { status: 403, headers: { 'Content-Type': 'text/html' } });
    }
    return fetch(input, init);
  };
}

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
  stalled = await startStallingServer();
});
afterAll(async () => {
  await odoo.close();
  await stalled.close();
});

describe('Odoo outbox, a write that keeps failing', () => {
  it(`is shown as a conflict with its reason after ${MAX_ATTEMPTS} tries, and the writes behind it go`, async () => {
    const rpc = odooRpc({ baseUrl: odoo.url, auth, fetch: proxyRefusing('blocked-by-proxy'), timeoutMs: 2_000 });
    const box = fresh();
    await box.add({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'blocked-by-proxy' }], kwargs: {} }, 'Edit: blocked');
    await box.add({ model: 'mail.activity', method: 'write', args: [[2], { summary: 'behind it' }], kwargs: {} }, 'Edit: behind');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      expect(await box.drain(rpc)).toMatchObject({ state: 'waiting', sent: 0, failure: { kind: 'protocol' } });
    }
    const last = await box.drain(rpc);
    expect(last).toMatchObject({ state: 'drained', sent: 1 });
    expect(last.conflicts.map((c) => [c.label, c.lastError])).toEqual([
      ['Edit: blocked', `Not sent after ${MAX_ATTEMPTS} tries, although Odoo answered other requests: Odoo answered /jsonrpc with something that is not JSON-RPC (HTTP 403).`],
    ]);
    expect((await box.conflicts()).map((c) => c.label)).toEqual(['Edit: blocked']);
    expect(await box.pending()).toEqual([]);
    expect(odoo.table('mail.activity').find((a) => a.id === 2)?.summary).toBe('behind it');
  });

  it('is never given up while Odoo itself is out of reach: nothing waiting is lost', async () => {
    const rpc = odooRpc({ baseUrl: odoo.url, auth, timeoutMs: 2_000 });
    const box = fresh();
    await box.add({ model: 'mail.activity', method: 'write', args: [[3], { summary: 'kept' }], kwargs: {} }, 'Edit: kept');
    odoo.down();
    try {
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) expect(await box.drain(rpc)).toMatchObject({ state: 'waiting', failure: { kind: 'unreachable' } });
    } finally {
      odoo.up();
    }
    expect(await box.conflicts()).toEqual([]);
    expect((await box.pending()).map((e) => [e.label, e.attempts])).toEqual([['Edit: kept', MAX_ATTEMPTS + 2]]);
    expect(await box.drain(rpc)).toEqual({ state: 'drained', sent: 1, conflicts: [] });
  });
});

describe('Odoo outbox, a server that stalls mid-answer', () => {
  it('stops the drain at its deadline, keeps the write, and lets the next drain run', async () => {
    // A client whose own timeout is far away: only the drain's deadline ends the wait.
    const rpc = odooRpc({ baseUrl: stalled.url, auth: { mode: 'session' }, timeoutMs: 600_000 });
    const box = fresh(300);
    await box.add({ model: 'res.partner', method: 'message_post', args: [30], kwargs: { body: 'Call: 0:30' } }, 'Call log: Ada');
    expect(await box.drain(rpc)).toMatchObject({ state: 'waiting', sent: 0, failure: { kind: 'unreachable', message: expect.stringContaining('it took too long') } });
    expect((await box.pending()).map((e) => [e.label, e.attempts])).toEqual([['Call log: Ada', 0]]);
    const again = await box.drain(odooRpc({ baseUrl: odoo.url, auth, timeoutMs: 2_000 }));
    expect(again).toEqual({ state: 'drained', sent: 1, conflicts: [] });
  });
});
