import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStallingServer, type StallingServer } from '../../../tests/fakes/stalling-server';
import { odooRpc } from './rpc';

let stalled: StallingServer;

beforeAll(async () => {
  stalled = await startStallingServer();
});
afterAll(() => stalled.close());

describe('Odoo JSON-RPC client against a server that stalls mid-answer', () => {
  it('gives up on the whole exchange, body included, and says Odoo cannot be reached', async () => {
    const rpc = odooRpc({ baseUrl: stalled.url, auth: { mode: 'session' }, timeoutMs: 300 });
    const r = await rpc.callKw('res.partner', 'search_count', [[]]);
    expect(r).toEqual({ ok: false, failure: { kind: 'unreachable', message: expect.stringContaining('no complete answer within 1 s') } });
    expect(stalled.hits).toBeGreaterThan(0);
  });

  it("ends a call when its caller's signal says so, however long the timeout", async () => {
    const rpc = odooRpc({ baseUrl: stalled.url, auth: { mode: 'session' }, timeoutMs: 600_000 });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const r = await rpc.callKw('res.partner', 'search_count', [[]], {}, { signal: stop.signal });
    expect(r).toEqual({ ok: false, failure: { kind: 'unreachable', message: expect.stringContaining('it took too long') } });
  });
});
