// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { value } from '../../../lib/providers/local/test-support';
import { DataSource } from './data-source.svelte';
import { FIRST_PAGE, ListsState, TAB_KEY } from './lists.svelte';
import { SOON, gate, historyEntry, seeded, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const lists = (provider: ConstructorParameters<typeof DataSource>[0]) => new ListsState(new DataSource(provider));

describe('the lists and their search', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });
  afterEach(() => vi.restoreAllMocks());

  it('a slower, older search never overwrites a newer one', async () => {
    const { provider } = await seeded(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    const search = provider.contacts.search.bind(provider.contacts);
    const slow = gate();
    const asked = gate();
    let olderBack = Promise.resolve();
    provider.contacts.search = (q, limit) => {
      if (q !== 'a') return search(q, limit);
      asked.open();
      const r = slow.wait.then(() => search(q, limit));
      // Once its answer is in, the state has had its turn to (wrongly) show it.
      olderBack = r.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
      return r;
    };
    localStorage.setItem(TAB_KEY, 'contacts');
    const state = lists(provider);
    await state.open();
    state.setQuery('a');
    await asked.wait; // the older search is on its way before the user types on
    state.setQuery('ad');
    await vi.waitFor(() => expect(state.shownQuery).toBe('ad'), SOON);
    slow.open();
    await olderBack;
    expect(state.shownQuery).toBe('ad');
    expect(state.contacts.map((c) => c.name)).toEqual(['Ada Lovelace']);
  });

  it('an older load of another tab does not show once the user moved on', async () => {
    const { provider } = await seeded(['Ada Lovelace'], ['Call Ada']);
    const due = provider.activities.due.bind(provider.activities);
    const slow = gate();
    provider.activities.due = async (...args) => (await slow.wait, due(...args));
    localStorage.setItem(TAB_KEY, 'activities');
    const state = lists(provider);
    const first = state.open();
    state.selectTab('contacts');
    await vi.waitFor(() => expect(state.shown).toBe(true), SOON);
    slow.open();
    await first;
    expect(state.tab).toBe('contacts');
    expect(state.activities).toEqual([]);
  });

  it('is pending (loading rows, no empty sentence) until the active tab\'s own list is in, also after a tab switch', async () => {
    const { provider } = await seeded(['Ada Lovelace'], ['Call Ada']);
    const due = provider.activities.due.bind(provider.activities);
    const search = provider.contacts.search.bind(provider.contacts);
    const slowDue = gate();
    const slowSearch = gate();
    provider.activities.due = async (...args) => (await slowDue.wait, due(...args));
    provider.contacts.search = async (...args) => (await slowSearch.wait, search(...args));
    localStorage.setItem(TAB_KEY, 'activities');
    const state = lists(provider);
    const first = state.open();
    expect(state.pending).toBe(true);
    slowDue.open();
    await first;
    expect(state.pending).toBe(false);
    expect(state.shownRows.rows.length).toBe(1);
    state.selectTab('contacts');
    // Contacts' rows from an older load (none here) are not this answer: still pending.
    expect(state.pending).toBe(true);
    expect(state.shown).toBe(false);
    slowSearch.open();
    await vi.waitFor(() => expect(state.pending).toBe(false), SOON);
    expect(state.contacts.map((c) => c.name)).toEqual(['Ada Lovelace']);
  });

  it('stops pending on a data error (the error is shown instead of loading rows)', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    provider.contacts.search = async () => ({ ok: false, reason: 'Odoo is down' });
    localStorage.setItem(TAB_KEY, 'contacts');
    const state = lists(provider);
    await state.open();
    expect(state.pending).toBe(false);
    expect(state.dataError).toBe('Odoo is down');
  });

  it('remembers the tab the user chose for the next open, and Recent tells the background missed calls were seen', async () => {
    const sent = wire();
    const { provider } = await seeded(['Ada Lovelace']);
    const state = lists(provider);
    await state.open();
    state.selectTab('recent');
    expect(localStorage.getItem(TAB_KEY)).toBe('recent');
    await vi.waitFor(() => expect(sent).toContainEqual({ type: 'bg:missedSeen' }), SOON);
    expect(lists(provider).tab).toBe('recent');
  });

  it('Recent shows missed calls as a badge until it is opened', async () => {
    wire();
    const { provider } = await seeded(['Ada Lovelace']);
    value(await provider.history.add(historyEntry({ outcome: 'missed', seen: false })));
    const state = lists(provider);
    await state.loadUnseenMissed();
    expect(state.unseenMissed).toBe(1);
    state.selectTab('recent');
    expect(state.unseenMissed).toBe(0);
  });

  it('shows a first page, then more when asked, and says when there is no more', async () => {
    const names = Array.from({ length: FIRST_PAGE + 3 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);
    const { provider } = await seeded(names);
    localStorage.setItem(TAB_KEY, 'contacts');
    const state = lists(provider);
    await state.open();
    expect(state.contacts).toHaveLength(FIRST_PAGE);
    expect(state.hasMore).toBe(true);
    await state.showMore();
    expect(state.contacts).toHaveLength(FIRST_PAGE + 3);
    expect(state.hasMore).toBe(false);
    // A new search starts again from the first page.
    state.setQuery('person');
    await vi.waitFor(() => expect(state.shownQuery).toBe('person'), SOON);
    expect(state.contacts).toHaveLength(FIRST_PAGE);
  });

  it('shows a data error with its login link, and clears it once a load works', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    const search = provider.contacts.search.bind(provider.contacts);
    provider.contacts.search = async () => ({ ok: false, reason: 'Odoo session ended', loginUrl: 'https://erp.example.com/web/login' });
    localStorage.setItem(TAB_KEY, 'contacts');
    const state = lists(provider);
    await state.open();
    expect([state.dataError, state.dataLoginUrl]).toEqual(['Odoo session ended', 'https://erp.example.com/web/login']);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    state.logIn();
    expect(create.mock.calls.map(([c]) => c.url)).toEqual(['https://erp.example.com/web/login']);
    provider.contacts.search = search;
    await state.refresh();
    expect([state.dataError, state.dataLoginUrl, state.contacts.length]).toEqual(['', '', 1]);
  });

  it('Next Activities follows a change made elsewhere (an Odoo Kanban card)', async () => {
    const { provider, contacts } = await seeded(['Ada Lovelace'], ['Call Ada']);
    const state = lists(provider);
    await state.open();
    const stop = state.listen();
    value(await provider.activities.schedule({ contactId: contacts[0]!.id, summary: 'Again', note: '', dueDate: state.today }));
    await fakeBrowser.runtime.onMessage.trigger({ type: 'event:activitiesChanged' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') }, () => {});
    await vi.waitFor(() => expect(state.activities.map((a) => a.summary).sort()).toEqual(['Again', 'Call Ada']), SOON);
    stop();
  });
});

describe('the tab a newcomer opens on', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
    wire();
  });
  afterEach(() => vi.restoreAllMocks());

  it('is Next Activities when it has rows', async () => {
    const { provider } = await seeded(['Ada Lovelace'], ['Call Ada']);
    value(await provider.history.add(historyEntry()));
    const state = lists(provider);
    await state.open();
    expect([state.tab, state.shown, state.activities.length]).toEqual(['activities', true, 1]);
  });

  it('is Recent when no activity is due but calls were made', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    value(await provider.history.add(historyEntry()));
    const state = lists(provider);
    await state.open();
    expect([state.tab, state.shown, state.recent.length]).toEqual(['recent', true, 1]);
    // Not a choice of the user's: the next open looks again.
    expect(localStorage.getItem(TAB_KEY)).toBeNull();
  });

  it('is Contacts when there are only contacts', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    const state = lists(provider);
    await state.open();
    expect([state.tab, state.shown, state.contacts.length]).toEqual(['contacts', true, 1]);
  });

  it('stays Next Activities when everything is empty (its empty list says how to get some)', async () => {
    const { provider } = await seeded();
    const state = lists(provider);
    await state.open();
    expect([state.tab, state.shown]).toEqual(['activities', true]);
  });

  it('is the tab the user chose last time, even when empty', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    localStorage.setItem(TAB_KEY, 'recent');
    const state = lists(provider);
    await state.open();
    expect([state.tab, state.recent.length]).toEqual(['recent', 0]);
  });

  it('is the tab the user picks while the popup is still choosing', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    value(await provider.history.add(historyEntry()));
    const state = lists(provider);
    const opening = state.open();
    state.selectTab('contacts');
    await opening;
    await vi.waitFor(() => expect(state.shown).toBe(true), SOON);
    expect(state.tab).toBe('contacts');
  });
});
