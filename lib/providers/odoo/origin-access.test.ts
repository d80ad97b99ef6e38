import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPrivate, savePrivate } from '../../settings/private-store';
import { disconnectOdoo } from './connect-flow';
import { originPattern, patternCovers, releaseOrigin, type OriginAccessApi } from './origin-access';
import { ODOO_SETTINGS_KEY } from './settings';

function api(manifest: ReturnType<OriginAccessApi['runtime']['getManifest']>, remove: (p: { origins: string[] }) => Promise<boolean>) {
  const removed: string[][] = [];
  const a: OriginAccessApi = { permissions: { remove: (p) => (removed.push(p.origins), remove(p)) }, runtime: { getManifest: () => manifest } };
  return { a, removed };
}

describe('the host permission for an Odoo origin', () => {
  it('is the exact origin on Chrome, and the host on every port on Firefox (which honours no port in a pattern)', () => {
    expect(originPattern('http://odoo.lan:8069', false)).toBe('http://odoo.lan:8069/*');
    expect(originPattern('http://odoo.lan:8069', true)).toBe('http://odoo.lan/*');
    expect(originPattern('http://[::1]:8069', true)).toBe('http://[::1]/*');
    expect(originPattern('https://erp.example.com', true)).toBe('https://erp.example.com/*');
  });
});

describe('giving back the access to an Odoo origin', () => {
  it('removes the origin the user no longer connects to', async () => {
    const { a, removed } = api({ optional_host_permissions: ['https://*/*'] } as never, async () => true);
    await releaseOrigin('https://old.example.com', a);
    expect(removed).toEqual([['https://old.example.com/*']]);
  });

  it("leaves alone an origin the manifest grants (the lab build's), and never throws when the browser refuses", async () => {
    const lab = api({ host_permissions: ['http://127.0.0.1/*'] }, async () => true);
    await releaseOrigin('http://127.0.0.1:8069', lab.a);
    expect(lab.removed).toEqual([]);
    const refusing = api({}, async () => Promise.reject(new Error('You cannot remove required permissions.')));
    await expect(releaseOrigin('https://erp.example.com', refusing.a)).resolves.toBeUndefined();
    expect(refusing.removed).toEqual([['https://erp.example.com/*']]);
  });

  it('reads match patterns as the browser does', () => {
    expect(patternCovers('http://127.0.0.1/*', 'http://127.0.0.1:8069')).toBe(true);
    expect(patternCovers('*://*.example.com/*', 'https://erp.example.com')).toBe(true);
    expect(patternCovers('https://*.example.com/*', 'http://erp.example.com')).toBe(false);
    expect(patternCovers('https://example.com/*', 'https://evil-example.com')).toBe(false);
    expect(patternCovers('<all_urls>', 'https://x.example')).toBe(true);
    expect(patternCovers('storage', 'https://x.example')).toBe(false);
  });

  it('disconnecting gives back the connected origin', async () => {
    fakeBrowser.reset();
    await savePrivate(ODOO_SETTINGS_KEY, { settings: { url: 'https://erp.example.com', db: '', mode: 'session', login: '' }, uid: 2, partnerId: 3, userName: 'A', major: 17, voip: false });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1' });
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(undefined as never);
    await disconnectOdoo();
    expect(remove.mock.calls).toEqual([[{ origins: ['https://erp.example.com/*'] }]]);
    expect(await loadPrivate(ODOO_SETTINGS_KEY)).toBeUndefined();
  });
});
