// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopup } from './popup.svelte';
import { SOON, historyEntry, seeded, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

/** The phone host tells the popup a call reached the history, as the runtime delivers it. */
const historyChanged = () =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'event:historyChanged' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/offscreen.html') }, () => {});

describe('a call missed while the popup is open', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows at once with its caller, and Recent’s badge counts it, on another tab', async () => {
    wire(() => ({ ok: true, value: undefined }));
    const { provider } = await seeded(['Ada Lovelace'], ['Call Ada']);
    localStorage.setItem('softphone.tab', 'activities');
    const popup = createPopup(provider);
    await popup.lists.open();
    popup.start();
    // An older missed call (before the popup opened) is the badge's, not the banner's.
    await provider.history.add(historyEntry({ direction: 'incoming', outcome: 'missed', seen: false, startedAt: Date.now() - 60_000, number: '+16505550999' }));
    await provider.history.add(historyEntry({ direction: 'incoming', outcome: 'missed', seen: false, startedAt: Date.now(), number: '+16505551000', contactName: 'Ada Lovelace' }));
    await historyChanged();
    await vi.waitFor(() => expect(popup.missed.entry?.contactName).toBe('Ada Lovelace'), SOON);
    await vi.waitFor(() => expect(popup.lists.unseenMissed).toBe(2), SOON);
    popup.missed.dismiss();
    await historyChanged();
    await new Promise((r) => setTimeout(r, 50));
    expect(popup.missed.entry).toBeNull(); // a dismissed call does not come back
    popup.stop();
  });

  it('a second caller turned away during a call is shown as missed while on a call', async () => {
    wire(() => ({ ok: true, value: undefined }));
    const { provider } = await seeded();
    const popup = createPopup(provider);
    await popup.lists.open();
    popup.start();
    await provider.history.add(historyEntry({ direction: 'incoming', outcome: 'missed', whileOnCall: true, seen: false, startedAt: Date.now(), number: '+4989000000' }));
    await historyChanged();
    await vi.waitFor(() => expect(popup.missed.entry).toMatchObject({ number: '+4989000000', whileOnCall: true }), SOON);
    popup.stop();
  });
});
