import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { odooContacts } from './contacts';
import { odooRpc } from './rpc';
import { dialectFor } from './dialect';
import { recordUrl } from './version';

let odoo: OdooDouble;
const api = () =>
  odooContacts(odooRpc({ baseUrl: odoo.url, auth: { mode: 'apiKey', db: 'demo', login: 'admin', key: 'key-admin' } }), {
    baseUrl: odoo.url,
    recordUrl: (model, id) => recordUrl(odoo.url, dialectFor(17), model, id),
    defaultCountry: 'US',
  });

beforeAll(async () => {
  odoo = await startOdoo({ version: 17 });
});
afterAll(() => odoo.close());

describe('Odoo contacts', () => {
  it('lists partners with a number, by name, paged', async () => {
    const r = await api().search('', 3);
    expect(r.ok && r.value.map((c) => c.name)).toEqual(['Ada Lovelace', 'Azure Interior', 'Brandon Freeman']);
    const all = await api().search('', 100);
    expect(all.ok && all.value.some((c) => c.name === 'No Phone GmbH')).toBe(false);
  });

  it('finds a partner by name, email, or digits whatever the formatting', async () => {
    const s = api();
    expect((await s.search('lumber', 10)).ok).toBe(true);
    const byEmail = await s.search('nicole.ford', 10);
    expect(byEmail.ok && byEmail.value.map((c) => c.name)).toEqual(['Nicole Ford']);
    const byDigits = await s.search('941 284', 10); // stored as (941)-284-4875
    expect(byDigits.ok && byDigits.value.map((c) => c.name)).toEqual(['Gemini Furniture']);
    const ada = await s.search('7946 0018', 10); // her mobile, +44 20 7946 0018
    expect(ada.ok && ada.value[0]).toMatchObject({
      id: 'res.partner/30', email: 'ada@example.com',
      phones: [{ label: 'work', number: '+1 650-555-0102' }, { label: 'mobile', number: '+44 20 7946 0018' }],
      recordUrl: `${odoo.url}/web#id=30&model=res.partner&view_type=form`,
    });
  });

  it('matches an incoming number to its partner: E.164 first, then the last digits', async () => {
    const s = api();
    const exact = await s.matchNumber('+19412844875');
    expect(exact.ok && exact.value?.name).toBe('Gemini Furniture');
    const national = await s.matchNumber('(650) 555-0102');
    expect(national.ok && national.value?.name).toBe('Ada Lovelace');
    const unknown = await s.matchNumber('+33 1 42 68 53 00');
    expect(unknown).toEqual({ ok: true, value: null });
  });

  it('leaves editing to Odoo, and says so', async () => {
    expect(await api().remove('res.partner/30')).toEqual({ ok: false, reason: expect.stringMatching(/in Odoo itself/) });
  });
});
