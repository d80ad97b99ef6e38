// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { draft, freshProvider, value } from '../../../lib/providers/local/test-support';
import { ColleagueSearch } from './colleagues';
import { DataSource } from './data-source.svelte';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

describe('transfer suggestions', () => {
  it('are the contacts matching the name that have an internal extension, with that extension', async () => {
    const p = freshProvider();
    const phones = (...numbers: string[]) => numbers.map((number) => ({ label: '', number }));
    value(await p.contacts.save(draft({ name: 'Ada Lovelace', phones: phones('+16505550100', '1002') })));
    value(await p.contacts.save(draft({ name: 'Adam Smith', phones: phones('*97') })));
    value(await p.contacts.save(draft({ name: 'Adele Customer', phones: phones('+442079460958') })));
    const found = await new ColleagueSearch(new DataSource(p)).find('ad');
    expect(found).toEqual([{ name: 'Ada Lovelace', number: '1002' }, { name: 'Adam Smith', number: '*97' }]);
  });

  it("are the provider's own colleagues when it has a directory (Odoo's users)", async () => {
    const p = freshProvider();
    const colleagues = vi.fn(async () => ({ ok: true as const, value: [{ name: 'Mitchell Admin', number: '2001' }] }));
    expect(await new ColleagueSearch(new DataSource({ ...p, colleagues })).find('mit')).toEqual([{ name: 'Mitchell Admin', number: '2001' }]);
    expect(colleagues).toHaveBeenCalledWith('mit');
  });
});
