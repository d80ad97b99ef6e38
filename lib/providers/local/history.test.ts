import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../types';
import { freshProvider, reason, value } from './test-support';
import type { LocalDataProvider } from './index';

function call(fields: Partial<Omit<HistoryEntry, 'id'>>): Omit<HistoryEntry, 'id'> {
  return {
    direction: 'incoming', number: '+16506913277', contactId: null, contactName: '', startedAt: 0,
    answeredAt: null, durationSec: 0, outcome: 'answered', reason: '', seen: true, ...fields,
  };
}

describe('local history', () => {
  let p: LocalDataProvider;

  beforeEach(async () => {
    p = freshProvider();
    // Added out of order: the list must not depend on insertion order.
    for (const [startedAt, contactName, number, outcome, seen] of [
      [3_000, 'Ann Archer', '+16506913277', 'answered', true],
      [1_000, 'Bob Baker', '+442079460958', 'missed', false],
      [5_000, '', '+498912345678', 'missed', false],
      [2_000, 'Ann Archer', '+16506913277', 'missed', true],
      [4_000, 'Bob Baker', '+442079460958', 'busy', true],
    ] as const) {
      value(await p.history.add(call({ startedAt, contactName, number, outcome, seen })));
    }
  });

  it('gives each entry a new id', async () => {
    const a = value(await p.history.add(call({ startedAt: 9 })));
    const b = value(await p.history.add(call({ startedAt: 9 })));
    expect(a.id).not.toBe(b.id);
    expect(Object.keys(a)).not.toContain('unseenOutcome');
  });

  it('keeps a call’s quality figures with its entry; a damaged one is left out, not shown wrong', async () => {
    const quality = { mos: 4.1, worstMos: 2.3, lossPercent: 3.5, jitterMs: 12 };
    value(await p.history.add(call({ startedAt: 8_000, quality })));
    value(await p.history.add(call({ startedAt: 9_000, quality: { ...quality, mos: 'high' } as never })));
    const [damaged, kept] = value(await p.history.list(2, ''));
    expect(kept?.quality).toEqual(quality);
    expect(damaged && 'quality' in damaged).toBe(false);
  });

  it('keeps a wrap-up with its call, and filters Recent by its outcome', async () => {
    value(await p.history.add(call({ startedAt: 6_000, callId: 'c-6', contactName: 'Cy' })));
    value(await p.history.add(call({ startedAt: 7_000, callId: 'c-7', contactName: 'Di' })));
    const kept = value(await p.history.annotate('c-6', { outcome: ' Left voicemail ', note: 'Call back\nMonday ' }));
    expect(kept.wrapUp).toEqual({ outcome: 'Left voicemail', note: 'Call back\nMonday' });
    expect(value(await p.history.list(10, '', 'Left voicemail')).map((h) => [h.contactName, h.wrapUp?.note])).toEqual([['Cy', 'Call back\nMonday']]);
    // '' lists the calls with no outcome noted.
    expect(value(await p.history.list(10, '', '')).map((h) => h.startedAt)).toEqual([7_000, 5_000, 4_000, 3_000, 2_000, 1_000]);
    expect(value(await p.history.list(10, 'cy', 'Busy'))).toEqual([]);
  });

  it('says so when the call of a wrap-up is not in Recent', async () => {
    expect(reason(await p.history.annotate('nope', { outcome: 'Busy', note: '' }))).toBe('This call is not in Recent yet; try again in a moment.');
  });

  it('lists newest first, up to the limit', async () => {
    expect(value(await p.history.list(10, '')).map((h) => h.startedAt)).toEqual([5_000, 4_000, 3_000, 2_000, 1_000]);
    expect(value(await p.history.list(2, '')).map((h) => h.startedAt)).toEqual([5_000, 4_000]);
    expect(value(await p.history.list(0, ''))).toEqual([]);
  });

  it('filters by name or number', async () => {
    expect(value(await p.history.list(10, 'bob')).map((h) => h.startedAt)).toEqual([4_000, 1_000]);
    expect(value(await p.history.list(10, '7946 09')).map((h) => h.startedAt)).toEqual([4_000, 1_000]);
    expect(value(await p.history.list(1, 'archer')).map((h) => h.startedAt)).toEqual([3_000]);
    expect(value(await p.history.list(10, '4989')).map((h) => h.startedAt)).toEqual([5_000]);
  });

  it('finds old matches far back, newest first, across time windows', async () => {
    const day = 86_400_000;
    const q = freshProvider();
    for (let i = 0; i < 200; i++) {
      const who = i % 50 === 0 ? 'Rare Caller' : 'Someone Else';
      value(await q.history.add(call({ startedAt: 1_700_000_000_000 - i * day / 4, contactName: who })));
    }
    const rare = value(await q.history.list(10, 'rare'));
    expect(rare.map((h) => (1_700_000_000_000 - h.startedAt) / (day / 4))).toEqual([0, 50, 100, 150]);
    expect(value(await q.history.list(3, 'rare'))).toHaveLength(3);
    expect(value(await q.history.list(150, 'someone'))).toHaveLength(150);
    const all = value(await q.history.list(500, 'e'));
    expect(all).toHaveLength(200);
    expect(all.every((h, i) => i === 0 || h.startedAt < (all[i - 1]?.startedAt ?? 0))).toBe(true);
  });

  it('counts unseen missed calls until all are marked seen', async () => {
    expect(value(await p.history.unseenMissed())).toBe(2);
    value(await p.history.markAllSeen());
    expect(value(await p.history.unseenMissed())).toBe(0);
    expect(value(await p.history.list(10, '')).every((h) => h.seen)).toBe(true);
    value(await p.history.add(call({ startedAt: 6_000, outcome: 'missed', seen: false })));
    expect(value(await p.history.unseenMissed())).toBe(1);
  });

  it('refuses an entry without a valid start time', async () => {
    expect(reason(await p.history.add(call({ startedAt: Number.NaN })))).toMatch(/start time/);
  });
});
