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
