import { afterAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooColleagues } from './colleagues';
import { connectOdoo } from './connect';
import { createOdooProvider } from './index';
import { odooRpc } from './rpc';

const doubles: OdooDouble[] = [];
afterAll(() => Promise.all(doubles.map((d) => d.close())));
const keyRpc = (o: OdooDouble) => odooRpc({ baseUrl: o.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } });

describe('Odoo colleagues for transfers', () => {
  it('lists internal users with their VoIP extension, by name or extension (Enterprise voip)', async () => {
    const o = await startOdoo({ version: 17, enterprise: true });
    doubles.push(o);
    const find = odooColleagues(keyRpc(o));
    expect(await find('')).toEqual({ ok: true, value: [{ name: 'Jane Seller', number: '1004' }, { name: 'Marc Demo', number: '1003' }, { name: 'Mitchell Admin', number: '1001' }] });
    expect(await find('jan')).toEqual({ ok: true, value: [{ name: 'Jane Seller', number: '1004' }] });
    expect(await find('1003')).toEqual({ ok: true, value: [{ name: 'Marc Demo', number: '1003' }] });
  });

  it('is offered only where Odoo stores extensions', async () => {
    for (const enterprise of [true, false]) {
      const o = await startOdoo({ version: 18, enterprise });
      doubles.push(o);
      const c = await connectOdoo({ url: o.url, db: 'demo', mode: 'apiKey', login: 'admin' }, 'key-admin');
      expect(c.ok).toBe(true);
      if (!c.ok) return;
      const p = createOdooProvider(c.value, { history: {} as never, defaultCountry: 'US', outbox: {} as never });
      expect(typeof p.colleagues).toBe(enterprise ? 'function' : 'undefined');
    }
  });
});
