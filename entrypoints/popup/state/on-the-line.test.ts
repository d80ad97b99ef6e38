// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UiMessage } from '../../../lib/messaging/protocol';
import { createPopup } from './popup.svelte';
import { TAB_KEY } from './lists.svelte';
import { SOON, callSnapshot, seeded, snapshot, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

/** The host gives every new call the id "c1", as the engine answers phone:dial with its id. */
const host = (m: UiMessage) =>
  m.type === 'phone:getState' ? { ok: true, value: snapshot() } : m.type === 'phone:dial' ? { ok: true, value: 'c1' } : { ok: true, value: undefined };

beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  localStorage.setItem(TAB_KEY, 'activities');
});
afterEach(() => vi.restoreAllMocks());

describe('who is on the line', () => {
  it('a call placed from an activity names the contact, the company and the activity, also in a reopened popup', async () => {
    wire(host);
    const data = await seeded(['Ada Lovelace'], ['Call about the engine']);
    const contact = data.contacts[0]!;
    await data.provider.contacts.save({ ...contact, company: 'Analytical Engines Ltd' });
    const popup = createPopup(data.provider);
    await popup.followUp.call(contact.phones[0]!.number, data.activities[0]!);
    const call = callSnapshot({ id: 'c1', remoteNumber: contact.phones[0]!.number });
    const want = { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', subject: 'Call about the engine' };
    popup.line.identify(call);
    await vi.waitFor(() => expect(popup.line.party(call)).toEqual(want), SOON);
    // The popup is closed and opened again mid-call: a new popup, the same browser session.
    const reopened = createPopup(data.provider);
    await reopened.line.load();
    reopened.line.identify(call);
    await vi.waitFor(() => expect(reopened.line.party(call)).toEqual(want), SOON);
  });

  it('a call placed another way (the dialer, a page) is named by its number when it is a contact', async () => {
    wire(host);
    const data = await seeded(['Ada Lovelace']);
    const popup = createPopup(data.provider);
    const call = callSnapshot({ id: 'c9', remoteNumber: data.contacts[0]!.phones[0]!.number });
    popup.line.identify(call);
    await vi.waitFor(() => expect(popup.line.party(call)?.name).toBe('Ada Lovelace'), SOON);
    const stranger = callSnapshot({ id: 'c8', remoteNumber: '+4930123456' });
    popup.line.identify(stranger);
    expect(popup.line.party(stranger)).toBeNull();
  });
});
