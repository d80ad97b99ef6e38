// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallState } from '../../../lib/sip/states';
import type { UiMessage } from '../../../lib/messaging/protocol';
import { createPopup } from './popup.svelte';
import { TAB_KEY } from './lists.svelte';
import { SOON, broadcast, callSnapshot, seeded, snapshot, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const host = (m: UiMessage) => (m.type === 'phone:getState' ? { ok: true, value: snapshot() } : { ok: true, value: undefined });

let stopEffects = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  localStorage.setItem(TAB_KEY, 'activities');
});
afterEach(() => {
  stopEffects();
  vi.restoreAllMocks();
});

/** The popup with three calls due (Bob's has no number), its follow-up running as App runs it. */
async function popupWithCalls() {
  const sent = wire(host);
  const data = await seeded(['Ada Lovelace', 'Bob Baker', 'Cy Young'], ['Call Ada', 'Call Bob', 'Call Cy']);
  const bob = data.activities[1]!;
  const popup = createPopup({
    ...data.provider,
    activities: {
      ...data.provider.activities,
      // Bob's activity has lost its number (an Odoo lead without a phone): auto-call passes it by.
      due: async (...args) => {
        const r = await data.provider.activities.due(...args);
        return r.ok ? { ...r, value: r.value.map((a) => (a.id === bob.id ? { ...a, phone: '' } : a)) } : r;
      },
    },
  });
  await popup.lists.open();
  await popup.phone.connect();
  stopEffects = $effect.root(() => {
    $effect(() => popup.followUp.observe());
  });
  flushSync();
  return { popup, sent, ...data };
}

/** A call to `number` that is answered, lasts `seconds`, and ends. */
async function callEnds(number: string, seconds: number) {
  await broadcast(snapshot([callSnapshot({ remoteNumber: number, answeredAt: 10_000 })]));
  flushSync();
  const answered = seconds > 0 ? { answeredAt: 10_000, endedAt: 10_000 + seconds * 1000 } : { answeredAt: null, endedAt: 12_000 };
  await broadcast(snapshot([callSnapshot({ remoteNumber: number, state: CallState.Ended, ...answered })]));
  flushSync();
}

describe('after a call made from an activity', () => {
  it('auto-call offers the next due activity that has a number; Skip goes on, and the last one offers nothing', async () => {
    const { popup, sent, activities } = await popupWithCalls();
    const [ada, , cy] = activities;
    popup.followUp.setAutoCall(true);
    expect(await popup.followUp.call(ada!.phone, ada!)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'phone:dial', number: ada!.phone });
    await callEnds(ada!.phone, 65);
    expect(popup.followUp.offer?.id).toBe(cy!.id);
    popup.followUp.skip();
    expect(popup.followUp.offer).toBeNull();
  });

  it('calling the offered activity offers the one after it; Stop ends auto-call', async () => {
    const { popup, activities } = await popupWithCalls();
    const [ada] = activities;
    popup.followUp.setAutoCall(true);
    await popup.followUp.call(ada!.phone, ada!);
    await callEnds(ada!.phone, 5);
    const next = popup.followUp.offer!;
    await popup.followUp.call(next.phone, next);
    expect(popup.followUp.offer).toBeNull();
    popup.followUp.stop();
    expect([popup.followUp.offer, popup.followUp.autoCall]).toEqual([null, false]);
  });

  it('Escape takes the offer away and leaves auto-call on', async () => {
    const { popup, activities } = await popupWithCalls();
    popup.followUp.setAutoCall(true);
    await popup.followUp.call(activities[0]!.phone, activities[0]!);
    await callEnds(activities[0]!.phone, 5);
    expect(popup.followUp.dismiss()).toBe(true);
    expect([popup.followUp.offer, popup.followUp.autoCall, popup.followUp.dismiss()]).toEqual([null, true, false]);
  });

  it('without auto-call, the activity opens again and its done form says how the call went', async () => {
    const { popup, activities } = await popupWithCalls();
    const [ada] = activities;
    await popup.followUp.call(ada!.phone, ada!);
    await callEnds(ada!.phone, 65);
    await vi.waitFor(() => expect(popup.nav.panel).toBe('details'), SOON);
    expect(popup.nav.selection).toMatchObject({ kind: 'activity', activity: { id: ada!.id } });
    expect(popup.followUp.offer).toBeNull();
    expect(popup.followUp.doneFeedback).toBe('Called, 1 min, 5 sec.');
  });

  it('an unanswered call is told as such; another activity has no feedback to start with', async () => {
    const { popup, activities } = await popupWithCalls();
    const [ada, , cy] = activities;
    await popup.followUp.call(ada!.phone, ada!);
    await callEnds(ada!.phone, 0);
    await vi.waitFor(() => expect(popup.nav.panel).toBe('details'), SOON);
    expect(popup.followUp.doneFeedback).toBe('Called, no answer.');
    await popup.nav.openActivity(cy!);
    expect(popup.followUp.doneFeedback).toBe('');
  });

  it('a call not made from an activity is followed by nothing', async () => {
    const { popup } = await popupWithCalls();
    popup.followUp.setAutoCall(true);
    await popup.followUp.call('1002');
    await callEnds('1002', 5);
    expect([popup.followUp.offer, popup.nav.panel]).toEqual([null, 'list']);
  });

  it('a call the phone refused is not followed either', async () => {
    const { popup, activities } = await popupWithCalls();
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(async () => ({ ok: false, error: { code: 'notRegistered', args: [] } }));
    popup.followUp.setAutoCall(true);
    expect(await popup.followUp.call(activities[0]!.phone, activities[0]!)).toBe(false);
    await callEnds(activities[0]!.phone, 5);
    expect(popup.followUp.offer).toBeNull();
  });
});
