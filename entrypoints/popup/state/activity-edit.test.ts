// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localDate } from '../../../lib/dates';
import type { ActivityPatch } from '../../../lib/providers/types';
import { createPopup } from './popup.svelte';
import { TAB_KEY } from './lists.svelte';
import { seeded } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  localStorage.setItem(TAB_KEY, 'activities');
});
afterEach(() => vi.restoreAllMocks());

describe('editing an activity', () => {
  it('never sends back a note the user did not change', async () => {
    const data = await seeded(['Ada Lovelace'], ['Call Ada']);
    const sent: ActivityPatch[] = [];
    const update = data.provider.activities.update.bind(data.provider.activities);
    const popup = createPopup({ ...data.provider, activities: { ...data.provider.activities, update: (id, p) => (sent.push(p), update(id, p)) } });
    await popup.lists.open();
    // The note as Odoo's list reads as text: the form hands it back as it showed it.
    await popup.nav.openActivity({ ...data.activities[0]!, note: 'Budget:\n\n• chairs\n• tables' });
    popup.nav.show('edit');
    const tomorrow = localDate(new Date(Date.now() + 86_400_000));
    expect(await popup.activities.update({ dueDate: tomorrow, summary: 'Call Ada', note: 'Budget:\n\n• chairs\n• tables' })).toBeNull();
    expect(await popup.activities.update({ dueDate: tomorrow, summary: 'Call Ada', note: 'Only chairs' })).toBeNull();
    expect(sent).toEqual([{ dueDate: tomorrow, summary: 'Call Ada' }, { summary: 'Call Ada', note: 'Only chairs' }]);
  });
});
