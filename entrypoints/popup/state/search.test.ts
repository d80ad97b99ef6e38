// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataSource } from './data-source.svelte';
import { ListsState, TAB_KEY } from './lists.svelte';
import { historyEntry, seeded, wire } from './test-support';
import { topMatch } from './top-match';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

describe('search everywhere', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    wire();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a query finds contacts, recent calls and activities together; Enter calls the active tab’s first match', async () => {
    const { provider, contacts } = await seeded(['Ada Lovelace', 'Grace Hopper'], ['Call Ada', 'Call Grace']);
    const grace = contacts[1]!;
    await provider.history.add(historyEntry({ number: grace.phones[0]!.number, contactName: 'Grace Hopper' }));
    localStorage.setItem(TAB_KEY, 'recent');
    const lists = new ListsState(new DataSource(provider));
    await lists.open();
    lists.setQuery('ada');
    await vi.waitFor(() => expect(lists.shownQuery).toBe('ada'));
    // Recent has no call with Ada: her activity and her contact are found, and Enter calls her.
    expect(lists.recent).toEqual([]);
    expect(lists.elsewhere.map((g) => [g.tab, g.rows.length])).toEqual([['activities', 1], ['contacts', 1]]);
    expect(topMatch(lists.shownRows, lists.elsewhere)).toMatchObject({ number: contacts[0]!.phones[0]!.number, party: { name: 'Ada Lovelace', subject: 'Call Ada' } });

    lists.setQuery('grace');
    await vi.waitFor(() => expect(lists.shownQuery).toBe('grace'));
    expect(lists.recent.map((e) => e.contactName)).toEqual(['Grace Hopper']);
    expect(lists.elsewhere.map((g) => g.tab).sort()).toEqual(['activities', 'contacts']);
    // On an activities tab the top match carries its activity (its wrap-up follows the call).
    lists.selectTab('activities');
    await vi.waitFor(() => expect(lists.shown && lists.shownRows.tab).toBe('activities'));
    expect(topMatch(lists.shownRows, lists.elsewhere)?.activity?.summary).toBe('Call Grace');
  });

  it('no query, nothing elsewhere', async () => {
    const { provider } = await seeded(['Ada Lovelace'], ['Call Ada']);
    localStorage.setItem(TAB_KEY, 'contacts');
    const lists = new ListsState(new DataSource(provider));
    await lists.open();
    expect(lists.elsewhere).toEqual([]);
    lists.setQuery('zzz');
    await vi.waitFor(() => expect(lists.shownQuery).toBe('zzz'));
    expect([lists.contacts, lists.elsewhere, topMatch(lists.shownRows, lists.elsewhere)]).toEqual([[], [], null]);
  });
});
