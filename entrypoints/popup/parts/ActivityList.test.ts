// @vitest-environment happy-dom
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/providers/types';
import ActivityList from './ActivityList.svelte';

let shown: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (shown) void unmount(shown);
  document.body.innerHTML = '';
});

function show(activities: Activity[], hint: string): string {
  shown = mount(ActivityList, { target: document.body, props: { activities, today: '2026-03-01', hint, onOpen: () => {}, onCall: () => {} } });
  flushSync();
  return document.body.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('Next Activities, empty', () => {
  it('says in one more line how to get activities', () => {
    expect(show([], 'Open a contact and choose Schedule.')).toBe('No calls scheduled for today. Open a contact and choose Schedule.');
  });

  it('says only that it is empty when there is no hint (a search found nothing)', () => {
    expect(show([], '')).toBe('No calls scheduled for today.');
  });
});

describe('Next Activities, rows', () => {
  const activity = (id: string, dueDate: string, recordName?: string): Activity => ({
    id, contactId: 'c', contactName: 'Ada Lovelace', phone: '+31202994571', summary: 'Discuss the quote', note: '', dueDate,
    assignee: 'me', state: 'open', feedback: '', doneAt: null, createdAt: 0, ...(recordName ? { recordName } : {}),
  });

  it("mark overdue and today apart, and name the lead beside the summary, the number first and whole", () => {
    show([activity('a', '2026-02-27', 'Office chairs for Acme'), activity('b', '2026-03-01')], '');
    const meta = [...document.querySelectorAll('.meta')].map((m) => [m.textContent, m.className.split(' ').filter((c) => c === 'overdue' || c === 'today')]);
    expect(meta).toEqual([['2 days overdue', ['overdue']], ['Today', ['today']]]);
    const first = document.querySelector('li')?.textContent?.replace(/[\u2066\u2069]/g, '').replace(/\s+/g, ' ').trim();
    expect(first).toBe('Ada Lovelace +31202994571 · Office chairs for Acme · Discuss the quote 2 days overdue');
    expect(document.querySelector('.number')?.textContent).toContain('+31202994571');
  });
});
