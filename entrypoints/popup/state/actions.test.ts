// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDay, localDate } from '../../../lib/dates';
import type { DataProvider, EmailDraft } from '../../../lib/providers/types';
import { value } from '../../../lib/providers/local/test-support';
import { createPopup } from './popup.svelte';
import { TAB_KEY } from './lists.svelte';
import { SOON, seeded, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const tomorrow = () => localDate(new Date(Date.now() + 86_400_000));
const draft = { to: 'ada@example.com', subject: 'Quote', body: 'Hello Ada' };

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  localStorage.setItem(TAB_KEY, 'activities');
});
afterEach(() => vi.restoreAllMocks());

/** The popup on Next Activities with Ada's call due today, opened. */
async function onAdasActivity(edit: (p: DataProvider) => DataProvider = (p) => p) {
  const data = await seeded(['Ada Lovelace'], ['Call Ada']);
  const popup = createPopup(edit(data.provider));
  await popup.lists.open();
  await popup.nav.openActivity(data.activities[0]!);
  return { popup, ...data, contact: data.contacts[0]!, activity: data.activities[0]! };
}

describe('activity actions', () => {
  it('marks the activity done: gone from the list at once, with Undo; the write goes only once the window ends', async () => {
    const { popup, provider, contact } = await onAdasActivity();
    expect(await popup.activities.markDone('Left a message')).toBeNull();
    expect([popup.nav.panel, popup.nav.selection, popup.lists.activities]).toEqual(['list', null, []]);
    expect(popup.undo.held?.label).toBe('“Call Ada” marked as done.');
    // Nothing written while Undo is offered.
    expect(value(await provider.activities.forContact(contact.id))).toMatchObject([{ state: 'open' }]);
    await popup.undo.flush(); // what the window's end does
    expect(value(await provider.activities.forContact(contact.id))).toMatchObject([{ state: 'done', feedback: 'Left a message' }]);
    expect([popup.undo.held, popup.lists.activities]).toEqual([null, []]);
  });

  it('Undo of Cancel activity writes nothing and puts the row back', async () => {
    const { popup, provider, contact } = await onAdasActivity();
    expect(await popup.activities.cancel()).toBeNull();
    expect([popup.nav.panel, popup.lists.activities, popup.undo.held?.label]).toEqual(['list', [], 'Activity cancelled.']);
    await popup.undo.undo();
    await vi.waitFor(() => expect(popup.lists.activities.map((a) => a.summary)).toEqual(['Call Ada']), SOON);
    await popup.undo.flush();
    expect(value(await provider.activities.forContact(contact.id))).toMatchObject([{ state: 'open' }]);
  });

  it('a cancel held by a popup that closed goes out on the next open', async () => {
    const { popup, provider, contact } = await onAdasActivity();
    await popup.activities.cancel();
    // The popup is gone before the window ends; the next one finds the held write.
    const next = createPopup(provider);
    await next.undo.resume();
    expect(value(await provider.activities.forContact(contact.id))).toMatchObject([{ state: 'cancelled' }]);
  });

  it('saves an edit: the details show it, and the list follows (moved to tomorrow: not due today)', async () => {
    const { popup } = await onAdasActivity();
    popup.nav.show('edit');
    expect(await popup.activities.update({ dueDate: tomorrow(), summary: 'Quote follow-up', note: 'After 3 pm' })).toBeNull();
    expect(popup.nav.panel).toBe('details');
    expect(popup.nav.selection).toMatchObject({ kind: 'activity', activity: { summary: 'Quote follow-up', dueDate: tomorrow(), note: 'After 3 pm' } });
    expect(popup.notice.text).toBe('Activity saved.');
    expect(popup.lists.activities).toEqual([]);
  });

  it('schedules a call for the selected contact and shows it in Next Activities', async () => {
    const { popup, contact } = await onAdasActivity();
    popup.nav.openContact(contact);
    await popup.activities.openSchedule();
    expect([popup.nav.panel, popup.activities.types]).toEqual(['schedule', []]);
    expect(await popup.activities.schedule({ dueDate: localDate(), summary: 'Follow up', note: '' })).toBeNull();
    // Said as a day is read, never as an ISO date.
    expect(popup.notice.text).toBe(`Call scheduled for ${formatDay(localDate())}.`);
    expect(popup.notice.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(popup.nav.panel).toBe('details');
    expect(popup.lists.activities.map((a) => a.summary).sort()).toEqual(['Call Ada', 'Follow up']);
  });

  it('says why when there is nothing to act on, and changes nothing', async () => {
    const { provider } = await seeded(['Ada Lovelace']);
    const popup = createPopup(provider);
    expect(await popup.activities.markDone('')).toBe('No activity selected.');
    expect(await popup.activities.cancel()).toBe('No activity selected.');
    expect(await popup.activities.update({ summary: 'x' })).toBe('No activity selected.');
    expect(await popup.activities.schedule({ dueDate: localDate(), summary: '', note: '' })).toBe('No contact selected.');
    expect(value(await provider.activities.due(localDate(), ''))).toEqual([]);
  });

  it("a refusal once the window ends puts the row back and says why", async () => {
    const { popup } = await onAdasActivity((p) => ({
      ...p, activities: { ...p.activities, markDone: async () => ({ ok: false, reason: 'The record was deleted in Odoo.' }) },
    }));
    await popup.activities.markDone('');
    expect(popup.lists.activities).toEqual([]);
    await popup.undo.flush();
    await vi.waitFor(() => expect(popup.lists.activities.length).toBe(1), SOON);
    expect(popup.notice.text).toBe('Not saved: The record was deleted in Odoo. The activity is back on the list.');
  });
});

describe('email actions', () => {
  it('hands the email to the mail app (local data), then goes back to the details', async () => {
    const sent = wire();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { popup } = await onAdasActivity();
    popup.nav.show('email');
    expect(popup.email.sendMode).toBe('mailto');
    expect(await popup.email.send(draft)).toBeNull();
    expect(create.mock.calls.map(([c]) => c.url)).toEqual(['mailto:ada%40example.com?subject=Quote&body=Hello%20Ada']);
    expect([popup.notice.text, popup.nav.panel]).toEqual(['Email handed to your mail app.', 'details']);
    expect(sent).toEqual([]);
  });

  it("sends through the provider's server when it has one, for the selected contact", async () => {
    const got: EmailDraft[] = [];
    const { popup, contact } = await onAdasActivity((p) => ({
      ...p, email: { ...p.email, sendMode: 'server', send: async (d) => (got.push(d), { ok: true, value: undefined }) },
    }));
    expect(await popup.email.send(draft)).toBeNull();
    expect(got).toEqual([{ ...draft, contactId: contact.id }]);
    expect(popup.notice.text).toBe('Email sent: it is in the contact’s chatter in Odoo.');
  });

  it('schedules an email and asks the background to arm its alarm; cancelling it asks again', async () => {
    const sent = wire();
    const { popup, provider, contact } = await onAdasActivity();
    const at = Date.now() + 3_600_000;
    expect(await popup.email.schedule(draft, at)).toBeNull();
    expect(value(await provider.email.scheduled())).toMatchObject([{ ...draft, contactId: contact.id, sendAt: at }]);
    expect(sent).toEqual([{ type: 'bg:syncEmailAlarms' }]);
    expect(popup.notice.text).toMatch(/^Email scheduled for /);
    await popup.email.openScheduled();
    expect(popup.nav.panel).toBe('scheduledEmails');
    expect(popup.email.scheduled).toHaveLength(1);
    await popup.email.cancelScheduled(popup.email.scheduled[0]!.id);
    expect(popup.email.scheduled).toEqual([]);
    expect(popup.notice.text).toBe('Scheduled email cancelled.');
    expect(sent).toEqual([{ type: 'bg:syncEmailAlarms' }, { type: 'bg:syncEmailAlarms' }]);
  });
});
