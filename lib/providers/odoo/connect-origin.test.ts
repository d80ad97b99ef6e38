import { describe, expect, it, vi } from 'vitest';
import type { OdooConnection } from './connect';
import type { StoredOdoo } from './store';
import { connectFromForm, type ConnectDeps } from './connect-flow';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const connection = { uid: 2, partnerId: 3, userName: 'Mitchell Admin', server: { major: 17, voip: false } } as unknown as OdooConnection;

function deps(previous: string | null, connects = true) {
  const calls: string[] = [];
  const d: ConnectDeps = {
    requestOrigin: async (origin) => (calls.push(`request ${origin}`), true),
    connect: async () => (connects ? { ok: true, value: connection } : { ok: false, failure: { kind: 'unreachable', message: 'Odoo cannot be reached.' } }),
    save: async (_c, settings) => (calls.push(`save ${settings.url}`), { settings, uid: 2, partnerId: 3, userName: 'A', major: 17, voip: false } satisfies StoredOdoo),
    savedKey: async () => '',
    previousOrigin: async () => previous,
    releaseOrigin: async (origin) => void calls.push(`release ${origin}`),
  };
  return { d, calls };
}

const form = (url: string) => ({ url, db: '', mode: 'session' as const, login: '', key: '' });

describe('Connect to another Odoo', () => {
  it('gives back the old origin once the new one is connected', async () => {
    const { d, calls } = deps('https://old.example.com');
    expect((await connectFromForm(form('new.example.com'), false, d)).ok).toBe(true);
    expect(calls).toEqual(['request https://new.example.com', 'save https://new.example.com', 'release https://old.example.com']);
  });

  it('keeps the access when the address is the same, or when the new one could not be connected', async () => {
    const same = deps('https://erp.example.com');
    await connectFromForm(form('erp.example.com'), false, same.d);
    expect(same.calls.filter((c) => c.startsWith('release'))).toEqual([]);
    const failed = deps('https://old.example.com', false);
    expect(await connectFromForm(form('new.example.com'), false, failed.d)).toEqual({ ok: false, message: 'Odoo cannot be reached.' });
    expect(failed.calls.filter((c) => c.startsWith('release'))).toEqual([]);
  });

  it('on Firefox, keeps the access when the new Odoo is on the same host, another port (the permission goes by host)', async () => {
    vi.stubEnv('FIREFOX', 'true'); // vitest stubs only strings here; the code reads it as truthy
    try {
      const { d, calls } = deps('https://odoo.lan:8069');
      expect(await connectFromForm(form('https://odoo.lan:8070'), false, d)).toMatchObject({ ok: true });
      expect(calls.filter((c) => c.startsWith('release'))).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
