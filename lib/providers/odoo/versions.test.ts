// The connector against every Odoo the double plays (tests/odoo/VERSIONS.md): 16, 17, 18, 19 and
// an Odoo Online build, through the browser's session and with an API key. Each version refuses
// what the real one refuses (no res.partner.mobile on 19, res_model_id required on activities,
// author_id on scheduled messages, a 'saas~18' version string), so these fail on a connector that
// ignores a difference.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdoo, type OdooDouble } from '../../../tests/odoo/server.mjs';
import { createLocalProvider } from '../local';
import { toggleQueued } from './call-queue';
import { connectOdoo, type OdooConnection } from './connect';
import { createOdooProvider } from './index';

const today = () => new Date().toISOString().slice(0, 10);

async function sessionFetch(odoo: OdooDouble, login: string): Promise<typeof fetch> {
  const res = await fetch(`${odoo.url}/web/session/authenticate`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { db: 'demo', login, password: login } }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Cookie: cookie } });
}

const VERSIONS = [
  { played: '16.0', major: 16 },
  { played: '17.0', major: 17 },
  { played: '18.0', major: 18 },
  { played: '19.0', major: 19 },
  { played: 'saas~18.2', major: 18 },
] as const;

describe.each(VERSIONS)('Odoo $played', ({ played, major }) => {
  let odoo: OdooDouble;
  const connections: Record<string, OdooConnection> = {};
  beforeAll(async () => {
    odoo = await startOdoo({ version: played });
    const viaSession = await connectOdoo({ url: odoo.url, db: '', mode: 'session', login: '' }, '', await sessionFetch(odoo, 'admin'));
    const viaKey = await connectOdoo({ url: odoo.url, db: 'demo', mode: 'apiKey', login: 'admin' }, 'key-admin');
    if (!viaSession.ok) throw new Error(viaSession.failure.message);
    if (!viaKey.ok) throw new Error(viaKey.failure.message);
    connections.session = viaSession.value;
    connections.apiKey = viaKey.value;
  });
  afterAll(() => odoo.close());
  const provider = (mode: string) =>
    createOdooProvider(connections[mode] as OdooConnection, { history: createLocalProvider({ dbName: `unused-${played}` }).history, defaultCountry: 'US' });

  it('connects and knows the version as the server says it', () => {
    for (const c of Object.values(connections)) expect(c.server).toEqual({ major, version: played, voip: false });
  });

  describe.each(['session', 'apiKey'])('through %s', (mode) => {
    it('lists contacts, counts them and matches a caller by number', async () => {
      const p = provider(mode);
      const found = await p.contacts.search('ada', 5);
      expect(found.ok ? found.value.map((c) => c.name) : found.reason).toEqual(['Ada Lovelace']);
      // Ada's mobile is on 16–18 only: 19's res.partner has no mobile.
      const labels = found.ok ? found.value[0]?.phones.map((x) => x.label) : [];
      expect(labels).toEqual(major >= 19 ? ['work'] : ['work', 'mobile']);
      const count = await p.contacts.count();
      expect(count.ok && count.value).toBeGreaterThan(5);
      const caller = await p.contacts.matchNumber('+16505550102');
      expect(caller.ok && caller.value?.name).toBe('Ada Lovelace');
    });

    it('shows my call activities due, and schedules one on a contact and on a lead', async () => {
      const p = provider(mode);
      const due = await p.activities.due(today(), '');
      // Soonest first (what the other way of connecting scheduled today comes after).
      expect(due.ok ? due.value.slice(0, 3).map((a) => a.contactName) : due.reason).toEqual(['Gemini Furniture', 'Ada Lovelace', 'Deco Addict']);
      const onContact = await p.activities.schedule({ contactId: 'res.partner/30', summary: 'Call again', note: 'line one\nline two', dueDate: today() });
      expect(onContact.ok ? onContact.value.summary : onContact.reason).toBe('Call again');
      const onLead = await p.activities.schedule({ contactId: 'res.partner/30', record: 'crm.lead/4', summary: 'Next step', note: '', dueDate: today() });
      expect(onLead.ok ? onLead.value.record : onLead.reason).toBe('crm.lead/4');
    });

    it('adds a lead to the call queue (a Call activity due today for me)', async () => {
      const c = connections[mode] as OdooConnection;
      expect(await toggleQueued(c.rpc, c.uid, 4, true, today())).toEqual({ ok: true, value: true });
      expect(await toggleQueued(c.rpc, c.uid, 4, false, today())).toEqual({ ok: true, value: false });
    });

    it('sends an email later where Odoo can (18+), and says so where it cannot', async () => {
      const p = provider(mode);
      const r = await p.email.schedule({ to: '', subject: 'Later', body: 'Hi', contactId: 'res.partner/30' }, Date.now() + 3_600_000);
      if (major >= 18) {
        expect(r.ok ? r.value.state : r.reason).toBe('scheduled');
        expect(odoo.table('mail.scheduled.message').at(-1)).toMatchObject({ author_id: 3, model: 'res.partner', res_id: 30 });
      } else {
        expect(r.ok ? null : r.reason).toMatch(new RegExp(`Odoo ${played.replace('.', '\\.')} cannot schedule`));
      }
    });

    it("pops the caller's open lead, else their contact, and makes records for strangers", async () => {
      const pop = provider(mode).callPop;
      const stranger = mode === 'session' ? '+15550001111' : '+15550001112';
      const leadNumber = mode === 'session' ? '+15550002221' : '+15550002222';
      const url = (model: string, id: number) => (major >= 18 ? `${odoo.url}/odoo/${model}/${id}` : `${odoo.url}/web#id=${id}&model=${model}&view_type=form`);
      expect(await pop?.recordFor('+16505550102')).toEqual({ ok: true, value: { kind: 'lead', model: 'crm.lead', id: 4, name: 'Open Space Design', url: url('crm.lead', 4) } });
      // Ready Mat's only lead is won (probability 100): the contact is their record.
      expect(await pop?.recordFor('+18038736126')).toMatchObject({ ok: true, value: { kind: 'contact', model: 'res.partner', id: 12, name: 'Ready Mat' } });
      expect(await pop?.recordFor(stranger)).toEqual({ ok: true, value: null });
      const contact = await pop?.createContact(stranger);
      expect(contact).toMatchObject({ ok: true, value: { kind: 'contact', model: 'res.partner', name: stranger } });
      if (!contact?.ok) return;
      expect(odoo.table('res.partner').find((p) => p.id === contact.value.id)).toMatchObject({ phone: stranger });
      expect(contact.value.url).toBe(url('res.partner', contact.value.id));
      const lead = await pop?.createLead(leadNumber);
      expect(lead).toMatchObject({ ok: true, value: { kind: 'lead', model: 'crm.lead', name: `Call from ${leadNumber}` } });
      expect(odoo.table('crm.lead').at(-1)).toMatchObject({ name: `Call from ${leadNumber}`, phone: leadNumber });
    });

    it('posts a wrap-up in the chatter of the caller\'s record', async () => {
      const p = provider(mode);
      const record = { kind: 'lead' as const, model: 'crm.lead', id: 4, name: 'Open Space Design', url: '' };
      const r = await p.logWrapUp?.({ direction: 'incoming', number: '+16505550102', durationSec: 125 }, { outcome: 'Left voicemail', note: 'Call back <Monday>\nafter 10' }, record);
      expect(r).toEqual({ ok: true, value: undefined });
      const posted = odoo.table('mail.message').at(-1);
      expect(posted).toMatchObject({ model: 'crm.lead', res_id: 4, message_type: 'comment' });
      expect(posted?.body).toBe('<p>Call wrap-up: Left voicemail</p><p>Incoming call from +16505550102, 2 min, 5 sec</p><p>Note:<br>Call back &lt;Monday&gt;<br>after 10</p>');
    });

    it("sends the user's language and time zone with every call", async () => {
      const before = odoo.calls.length;
      await provider(mode).contacts.search('', 3);
      const sent = odoo.calls.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      for (const call of sent) expect(call.context).toMatchObject({ lang: 'en_US', tz: 'Europe/Brussels' });
    });
  });

  it(major >= 19 ? 'uses the JSON-2 API with the key (its /jsonrpc is deprecated)' : 'uses /jsonrpc with the key (no JSON-2 API before 19)', async () => {
    const before = odoo.calls.length;
    await provider('apiKey').contacts.search('', 3);
    expect(odoo.calls.slice(before).every((c) => Boolean(c.json2) === major >= 19)).toBe(true);
  });
});

describe('a user who reads Odoo in French', () => {
  let odoo: OdooDouble;
  beforeAll(async () => {
    odoo = await startOdoo({ version: 18 });
  });
  afterAll(() => odoo.close());

  it('gets names in her language, in both ways of connecting', async () => {
    for (const c of [
      await connectOdoo({ url: odoo.url, db: '', mode: 'session', login: '' }, '', await sessionFetch(odoo, 'jane')),
      await connectOdoo({ url: odoo.url, db: 'demo', mode: 'apiKey', login: 'jane' }, 'key-jane'),
    ]) {
      if (!c.ok) throw new Error(c.failure.message);
      const p = createOdooProvider(c.value, { history: createLocalProvider({ dbName: 'unused-fr' }).history, defaultCountry: 'FR' });
      const types = await p.activities.types?.();
      expect(types?.ok && types.value[0]?.name).toBe('Appel');
    }
  });
});
