// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, HistoryEntry } from '../../../lib/providers/types';
import type { Selection } from '../state/navigation.svelte';
import DetailsPanel from './DetailsPanel.svelte';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) void unmount(shown);
  document.body.innerHTML = '';
});

const noop = () => {};
function show(selection: Selection): string {
  shown = mount(DetailsPanel, {
    target: document.body,
    props: { selection, today: '2026-03-01', onBack: noop, onCall: noop, onEmail: noop, onContactInfo: noop, onRecord: noop, onSchedule: noop, onDone: noop, onEdit: noop, onCancel: noop },
  });
  flushSync();
  return document.body.textContent?.replace(/\s+/g, ' ') ?? '';
}

const contact = { id: 'c1', name: 'Ana', company: '', email: '', phones: [{ label: 'work', number: '+31202994571' }], recordUrl: '', recordName: '' } as unknown as Contact;

describe('details', () => {
  it("separate a phone number from its label by a space on both sides", () => {
    expect(show({ kind: 'contact', contact })).toContain('+31202994571 · work');
  });

  it('keep the reason of the failed call they were opened from (Recent shows the outcome only)', () => {
    const call = { id: 'h1', direction: 'outgoing', number: '+31202994571', contactId: null, contactName: '', startedAt: Date.UTC(2026, 2, 1, 9), answeredAt: null, durationSec: 0, outcome: 'failed', reason: 'SIP 503 Service Unavailable', seen: true } as HistoryEntry;
    expect(show({ kind: 'number', number: call.number, name: '', contact: null, call })).toMatch(/The call of .*2026.*: SIP 503 Service Unavailable/);
  });
});
