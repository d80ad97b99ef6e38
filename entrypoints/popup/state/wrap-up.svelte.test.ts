// @vitest-environment happy-dom
// Call pop and the wrap-up, as the popup runs them: what the widget offers while a call rings and
// runs, what opens in a tab, and where a wrap-up goes (Recent, and the ERP's chatter).
import 'fake-indexeddb/auto';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CallState } from '../../../lib/sip/states';
import type { UiMessage } from '../../../lib/messaging/protocol';
import type { CallerRecord, CallPopApi, DataProvider, WrapUp } from '../../../lib/providers/types';
import { CALL_SETTINGS_KEY } from '../../../lib/settings/call-settings';
import { createPopup } from './popup.svelte';
import { SOON, broadcast, callSnapshot, seeded, snapshot, wire } from './test-support';

vi.mock('webextension-polyfill', async () => ({ default: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const host = (m: UiMessage) => (m.type === 'phone:getState' ? { ok: true, value: snapshot() } : { ok: true, value: undefined });
const ADA_LEAD: CallerRecord = { kind: 'lead', model: 'crm.lead', id: 4, name: 'Open Space Design', url: 'http://odoo.test/odoo/crm.lead/4' };

let stopEffects = () => {};
let tabs: string[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  localStorage.clear();
  tabs = [];
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => {
    tabs.push(p.url ?? '');
    return {} as never;
  });
});
afterEach(() => {
  stopEffects();
  vi.restoreAllMocks();
});

/** The popup on an ERP-like provider (the local one plus call pop), its effects running as App runs them. */
async function popupWith(settings: object = {}, withErp = true) {
  wire(host);
  await fakeBrowser.storage.local.set({ [CALL_SETTINGS_KEY]: settings });
  const { provider, contacts } = await seeded(['Ada Lovelace']);
  const ada = contacts[0]!;
  const posted: { wrap: WrapUp; record: CallerRecord; durationSec: number }[] = [];
  const callPop: CallPopApi = {
    recordFor: async (n) => ({ ok: true, value: n === ada.phones[0]!.number ? ADA_LEAD : null }),
    createContact: async (n) => ({ ok: true, value: { kind: 'contact', model: 'res.partner', id: 99, name: n, url: 'http://odoo.test/odoo/res.partner/99' } }),
    createLead: async () => ({ ok: false, reason: 'Odoo has no model crm.lead.' }),
  };
  const erp: DataProvider = withErp
    ? { ...provider, callPop, logWrapUp: async (call, wrap, record) => (posted.push({ wrap, record, durationSec: call.durationSec }), { ok: true, value: undefined }) }
    : provider;
  const popup = createPopup(erp);
  popup.start();
  await vi.waitFor(() => expect(popup.phone.snapshot).not.toBeNull(), SOON);
  stopEffects = $effect.root(() => {
    $effect(() => popup.callPop.observe());
    $effect(() => popup.wrapUp.observe());
  });
  flushSync();
  return { popup, provider, ada, posted };
}

async function show(...calls: Parameters<typeof callSnapshot>[0][]) {
  await broadcast(snapshot(calls.map((c) => callSnapshot(c))));
  flushSync();
}

const ringing = (number: string) => ({ direction: 'incoming' as const, state: CallState.Incoming, remoteNumber: number, answeredAt: null });

describe('call pop', () => {
  it("offers a known caller's record while it rings and after answering; the setting opens it on answer, once", async () => {
    const { popup, ada } = await popupWith({ openOnAnswer: true });
    const number = ada.phones[0]!.number;
    await show(ringing(number));
    await vi.waitFor(() => expect(popup.callPop.current).toMatchObject({ status: 'found', record: ADA_LEAD }), SOON);
    expect(tabs).toEqual([]);
    await show({ ...ringing(number), state: CallState.Established, answeredAt: 5_000 });
    expect(popup.callPop.current).toMatchObject({ status: 'found', record: ADA_LEAD });
    expect(tabs).toEqual([ADA_LEAD.url]);
    await show({ ...ringing(number), state: CallState.Established, answeredAt: 5_000, muted: true });
    expect(tabs).toEqual([ADA_LEAD.url]);
  });

  it('leaves the tab closed on answer when the setting is off, and opens it on the button', async () => {
    const { popup, ada } = await popupWith({ openOnAnswer: false });
    await show({ ...ringing(ada.phones[0]!.number), state: CallState.Established, answeredAt: 5_000 });
    await vi.waitFor(() => expect(popup.callPop.current?.status).toBe('found'), SOON);
    expect(tabs).toEqual([]);
    popup.callPop.open();
    expect(tabs).toEqual([ADA_LEAD.url]);
  });

  it('offers an unknown caller Create contact (made and opened) and says why a lead could not be made', async () => {
    const { popup } = await popupWith();
    await show(ringing('+15550001111'));
    await vi.waitFor(() => expect(popup.callPop.current?.status).toBe('unknown'), SOON);
    await popup.callPop.create('lead');
    expect(popup.callPop.current).toMatchObject({ status: 'unknown', reason: 'Could not create the record: Odoo has no model crm.lead.' });
    await popup.callPop.create('contact');
    expect(popup.callPop.current).toMatchObject({ status: 'found', record: { model: 'res.partner', id: 99 } });
    expect(tabs).toEqual(['http://odoo.test/odoo/res.partner/99']);
  });

  it('offers nothing with a provider that has no records to open', async () => {
    const { popup, ada } = await popupWith({}, false);
    await show(ringing(ada.phones[0]!.number));
    await new Promise((r) => setTimeout(r, 20));
    expect(popup.callPop.current).toBeNull();
  });
});

describe('wrap-up', () => {
  /** An answered call of 65 s that ends; the phone host has written it to Recent. */
  async function callEnds(popup: Awaited<ReturnType<typeof popupWith>>['popup'], provider: Awaited<ReturnType<typeof popupWith>>['provider'], number: string) {
    await show({ remoteNumber: number, answeredAt: 10_000 });
    await show({ remoteNumber: number, state: CallState.Ended, answeredAt: 10_000, endedAt: 75_000, outcome: 'answered' });
    await provider.history.add({ direction: 'outgoing', number, contactId: null, contactName: '', startedAt: 9_000, answeredAt: 10_000, durationSec: 65, outcome: 'answered', reason: '', seen: true, callId: 'c1' });
    expect(popup.wrapUp.pending).toMatchObject({ callId: 'c1', number, durationSec: 65, direction: 'outgoing' });
  }

  it('after any call: kept in Recent and posted on the caller\'s record in the ERP', async () => {
    const { popup, provider, ada, posted } = await popupWith();
    const number = ada.phones[0]!.number;
    await callEnds(popup, provider, number);
    expect(await popup.wrapUp.save({ outcome: 'Left voicemail', note: 'Try Monday' })).toBe(true);
    expect(popup.wrapUp.pending).toBeNull();
    expect(posted).toEqual([{ wrap: { outcome: 'Left voicemail', note: 'Try Monday' }, record: ADA_LEAD, durationSec: 65 }]);
    const recent = await provider.history.list(5, '');
    expect(recent.ok && recent.value[0]?.wrapUp).toEqual({ outcome: 'Left voicemail', note: 'Try Monday' });
    expect(popup.notice.text).toBe('Wrap-up saved in Recent and in Odoo.');
  });

  it('names the call by whom it was placed to (the contact called), not by its bare number', async () => {
    const { popup, provider, ada } = await popupWith();
    await popup.line.remember('c1', { name: 'Ada Lovelace', company: '', subject: '' });
    await callEnds(popup, provider, ada.phones[0]!.number);
    expect(popup.wrapUp.pending?.name).toBe('Ada Lovelace');
  });

  it('notes typed during the call, kept when the popup is closed and opened again, start the wrap-up; saved, they are forgotten', async () => {
    const { popup, provider, ada } = await popupWith();
    await popup.notes.set('c1', 'Wants a quote');
    await popup.notes.set('c1', 'Wants a quote by Friday');
    const reopened = createPopup(provider);
    await reopened.notes.load();
    expect(reopened.notes.of('c1')).toBe('Wants a quote by Friday');
    await callEnds(popup, provider, ada.phones[0]!.number);
    expect(popup.wrapUp.pending?.note).toBe('Wants a quote by Friday');
    expect(await popup.wrapUp.save({ outcome: 'Interested', note: 'Wants a quote by Friday' })).toBe(true);
    await vi.waitFor(async () => {
      const later = createPopup(provider);
      await later.notes.load();
      expect(later.notes.of('c1')).toBe('');
    }, SOON);
  });

  it('Done & schedule next opens the schedule form for the caller', async () => {
    const { popup, provider, ada } = await popupWith();
    await callEnds(popup, provider, ada.phones[0]!.number);
    await popup.wrapUp.save({ outcome: 'Busy', note: '' }, true);
    expect([popup.nav.panel, popup.nav.selectedContact?.name]).toEqual(['schedule', 'Ada Lovelace']);
  });

  it('skipped, nothing is added to the call', async () => {
    const { popup, provider, ada, posted } = await popupWith();
    await callEnds(popup, provider, ada.phones[0]!.number);
    popup.wrapUp.skip();
    expect(popup.wrapUp.pending).toBeNull();
    expect(posted).toEqual([]);
    const recent = await provider.history.list(5, '');
    expect(recent.ok && recent.value[0]?.wrapUp).toBeUndefined();
  });

  it('is not offered when turned off in the settings, nor after a call that only rang', async () => {
    const off = await popupWith({ wrapUp: false });
    await show({ remoteNumber: '1002' });
    await show({ remoteNumber: '1002', state: CallState.Ended, endedAt: 75_000 });
    expect(off.popup.wrapUp.pending).toBeNull();
    stopEffects();
    const { popup } = await popupWith();
    await show(ringing('1002'));
    await show({ ...ringing('1002'), state: CallState.Ended, endedAt: 12_000, outcome: 'missed' });
    expect(popup.wrapUp.pending).toBeNull();
  });

  it('with the local provider, the note and outcome are kept in Recent', async () => {
    const { popup, provider, ada, posted } = await popupWith({}, false);
    await callEnds(popup, provider, ada.phones[0]!.number);
    await popup.wrapUp.save({ outcome: 'Answered', note: 'Sold' });
    expect(posted).toEqual([]);
    const recent = await provider.history.list(5, '', 'Answered');
    expect(recent.ok && recent.value.map((h) => h.wrapUp?.note)).toEqual(['Sold']);
    expect(popup.notice.text).toBe('Wrap-up saved.');
  });
});

describe('Recent by outcome, and its export', () => {
  it('filters Recent by the noted outcome and downloads what it shows as CSV', async () => {
    const { popup, provider } = await popupWith({}, false);
    const base = { direction: 'incoming' as const, contactId: null, contactName: '', answeredAt: null, durationSec: 0, outcome: 'answered' as const, reason: '', seen: true };
    await provider.history.add({ ...base, number: '+15550000001', startedAt: 1_000, callId: 'a' });
    await provider.history.add({ ...base, number: '=2+3', startedAt: 2_000, callId: 'b' });
    await provider.history.annotate('b', { outcome: 'Wrong number', note: '@evil' });
    popup.lists.selectTab('recent');
    popup.lists.setOutcome('Wrong number');
    await vi.waitFor(() => expect(popup.lists.recent.map((h) => h.callId)).toEqual(['b']), SOON);
    const files: [string, string][] = [];
    popup.recentExport.d.download = (name, text) => void files.push([name, text]);
    await popup.recentExport.run();
    expect(files[0]?.[0]).toMatch(/^calls-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(files[0]?.[1].split('\r\n')[1]).toBe("1970-01-01T00:00:02.000Z,incoming,'=2+3,,0,Wrong number,answered,'@evil");
    expect(popup.notice.text).toBe('Exported 1 call.');
  });
});
