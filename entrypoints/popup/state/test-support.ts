/**
 * Helpers for the state classes' tests (which mock `webextension-polyfill` with WXT's fake browser
 * and load fake-indexeddb themselves): the messages that went over the wire, the phone host's
 * broadcasts, and data on the real local provider.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UiMessage } from '../../../lib/messaging/protocol';
import { localDate } from '../../../lib/dates';
import type { Activity, Contact, HistoryEntry } from '../../../lib/providers/types';
import type { LocalDataProvider } from '../../../lib/providers/local';
import { draft, freshProvider, value } from '../../../lib/providers/local/test-support';
import { CallState, Registration } from '../../../lib/sip/states';
import type { CallSnapshot, PhoneSnapshot } from '../../../lib/sip/types';

/** Records every message the popup sends; `answer` is the background's reply to each. */
export function wire(answer: (m: UiMessage) => unknown = () => ({ ok: true, value: undefined })): UiMessage[] {
  const sent: UiMessage[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m as UiMessage);
    return answer(m as UiMessage);
  });
  return sent;
}

/** The phone host publishes its state, as the runtime delivers it to the popup (no reply wanted). */
export async function broadcast(state: PhoneSnapshot): Promise<void> {
  await fakeBrowser.runtime.onMessage.trigger(
    { type: 'event:phoneState', state },
    { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/offscreen.html') },
    () => {},
  );
}

export function snapshot(calls: CallSnapshot[] = []): PhoneSnapshot {
  return { registration: Registration.Registered, error: null, reconnectAttempt: 0, calls, aor: 'sip:1001@lab' };
}

export function callSnapshot(fields: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    id: 'c1', direction: 'outgoing', state: CallState.Established, remoteNumber: '1002', remoteName: '', startedAt: 1_000,
    answeredAt: 2_000, endedAt: null, muted: false, held: false, outcome: null, endCode: null, endReason: '', dtmfMode: null,
    transferTarget: null, reconnecting: false, error: null, ...fields,
  };
}

/** A provider on its own database; `contacts` and `activities` due today are put in first. */
export async function seeded(
  names: string[] = [],
  due: string[] = [],
): Promise<{ provider: LocalDataProvider; contacts: Contact[]; activities: Activity[] }> {
  // A clock that moves on with each write: rows created in one millisecond keep their order.
  let clock = Date.now();
  const provider = freshProvider({ now: () => clock++ });
  const contacts: Contact[] = [];
  for (const [i, name] of names.entries()) {
    const phone = `+1650555${String(1000 + i).padStart(4, '0')}`;
    contacts.push(value(await provider.contacts.save(draft({ name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com`, phones: [{ label: 'work', number: phone }] }))));
  }
  const activities: Activity[] = [];
  for (const [i, summary] of due.entries()) {
    const contact = contacts[i % contacts.length];
    if (!contact) throw new Error('activities need contacts');
    activities.push(value(await provider.activities.schedule({ contactId: contact.id, summary, note: '', dueDate: localDate() })));
  }
  return { provider, contacts, activities };
}

export function historyEntry(fields: Partial<Omit<HistoryEntry, 'id'>> = {}): Omit<HistoryEntry, 'id'> {
  return {
    direction: 'outgoing', number: '1002', contactId: null, contactName: '', startedAt: 1_000, answeredAt: null, durationSec: 0,
    outcome: 'answered', reason: '', seen: true, ...fields,
  };
}

/** How long `vi.waitFor` waits: its 1 s default can run out on a machine busy with browser tests. */
export const SOON = { timeout: 5_000 };

/** A promise the test resolves when it wants to. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
