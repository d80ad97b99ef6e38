import { describe, expect, it, vi } from 'vitest';
import type { OdooConnection } from './connect';
import type { StoredOdoo } from './store';
import { connectFromForm, connectedSummary, type ConnectDeps, type OdooForm } from './connect-flow';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const form = (o: Partial<OdooForm> = {}): OdooForm => ({ url: 'erp.example.com/odoo/crm', db: '', mode: 'session', login: '', key: '', ...o });
const connection = { uid: 2, partnerId: 3, userName: 'Mitchell Admin', server: { major: 17, voip: false } } as unknown as OdooConnection;

function deps(o: Partial<ConnectDeps> = {}) {
  const calls: string[] = [];
  const d: ConnectDeps = {
    requestOrigin: async (origin) => (calls.push(`request ${origin}`), true),
    connect: async (s, key) => (calls.push(`connect ${s.url} ${s.mode} ${key}`), { ok: true, value: connection }),
    save: async (_c, settings, key) => {
      calls.push(`save ${settings.url} key=${key ?? '(kept)'}`);
      return { settings, uid: 2, partnerId: 3, userName: 'Mitchell Admin', major: 17, voip: false } satisfies StoredOdoo;
    },
    savedKey: async () => 'saved-key',
    ...o,
  };
  return { d, calls };
}

describe('Connect Odoo from the settings', () => {
  it('asks for the origin, signs in through the session, and keeps the connection', async () => {
    const { d, calls } = deps();
    const r = await connectFromForm(form(), false, d);
    expect(r.ok).toBe(true);
    expect(calls).toEqual(['request https://erp.example.com', 'connect https://erp.example.com session ', 'save https://erp.example.com key=(kept)']);
    if (r.ok) expect(connectedSummary(r.stored)).toBe('Connected to erp.example.com as Mitchell Admin: Odoo 17, without Odoo VoIP (Community models).');
  });

  it('shows field errors and asks nothing of the browser when the form is wrong', async () => {
    const { d, calls } = deps();
    const r = await connectFromForm(form({ url: 'http://erp.example.com', mode: 'apiKey' }), false, d);
    expect(r).toEqual({ ok: false, errors: { url: 'odoo.validation.https', login: 'validation.required', db: 'odoo.validation.dbForKey', key: 'validation.required' } });
    expect(calls).toEqual([]);
  });

  it('says what to do when the browser does not grant the origin, and stores nothing', async () => {
    const { d, calls } = deps({ requestOrigin: async () => false });
    const r = await connectFromForm(form(), false, d);
    expect(r).toEqual({ ok: false, message: 'The browser did not allow access to https://erp.example.com. Click Connect again and choose Allow.' });
    expect(calls).toEqual([]);
  });

  it('links to the Odoo login when the browser is not logged in to Odoo', async () => {
    const { d, calls } = deps({
      connect: async () => ({ ok: false, failure: { kind: 'sessionExpired', message: 'Your Odoo session has ended: log in to Odoo again, then come back.', loginUrl: 'https://erp.example.com/web/login' } }),
    });
    const r = await connectFromForm(form(), false, d);
    expect(r).toEqual({ ok: false, message: 'Your Odoo session has ended: log in to Odoo again, then come back.', loginUrl: 'https://erp.example.com/web/login' });
    expect(calls.filter((c) => c.startsWith('save'))).toEqual([]);
  });

  it('uses the saved API key when the field is left empty, and saves a newly typed one', async () => {
    const a = deps();
    await connectFromForm(form({ mode: 'apiKey', db: 'prod', login: 'me@example.com' }), true, a.d);
    expect(a.calls.slice(1)).toEqual(['connect https://erp.example.com apiKey saved-key', 'save https://erp.example.com key=(kept)']);
    const b = deps();
    await connectFromForm(form({ mode: 'apiKey', db: 'prod', login: 'me@example.com', key: ' new-key ' }), true, b.d);
    expect(b.calls.slice(1)).toEqual(['connect https://erp.example.com apiKey new-key', 'save https://erp.example.com key=new-key']);
  });
});
