// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../lib/providers/types';
import RecentList from './RecentList.svelte';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) void unmount(shown);
  document.body.innerHTML = '';
});

const text = (el: Element | null | undefined) => el?.textContent?.replace(/[\u2066\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';

function entry(id: string, startedAt: number, more: Partial<HistoryEntry>): HistoryEntry {
  return { id, direction: 'outgoing', number: '1002', contactId: null, contactName: '', startedAt, answeredAt: null, durationSec: 0, outcome: 'answered', reason: '', seen: true, ...more };
}

describe('Recent', () => {
  it('groups calls under day headings, each row with its time only, and no failure sentence or SIP code', () => {
    const now = new Date();
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 30).getTime();
    const yesterday = today - 86_400_000;
    const entries = [
      entry('a', today, { contactName: 'Ada Lovelace', durationSec: 125 }),
      entry('b', yesterday, { outcome: 'failed', reason: 'SIP 503 Service Unavailable' }),
      entry('c', yesterday - 60_000, { outcome: 'dropped', durationSec: 4, reason: 'The connection to the server was lost during the call.' }),
    ];
    shown = mount(RecentList, { target: document.body, props: { entries, onOpen: () => {}, onCall: () => {} } });
    flushSync();
    const groups = [...document.querySelectorAll('h3')].map((h) => text(h));
    expect(groups).toEqual(['Today', 'Yesterday']);
    const lists = [...document.querySelectorAll('ul')].map((ul) => [...ul.querySelectorAll('li')].map((li) => text(li)));
    expect(lists[0]).toEqual([expect.stringMatching(/^Ada Lovelace 1002 · 2 min, 5 sec 12:30 AM$/)]);
    expect(lists[1]?.[0]).toMatch(/^1002 Failed \d\d:\d\d [AP]M$/);
    expect(lists[1]?.[1]).toMatch(/^1002 Dropped · 4 sec \d\d:\d\d [AP]M$/);
    expect(text(document.body)).not.toMatch(/503|Unavailable|connection to the server/);
    // The two days are one tab stop: one row's open button is in the tab order.
    expect(document.querySelectorAll('button[tabindex="0"]').length).toBe(1);
  });
});
