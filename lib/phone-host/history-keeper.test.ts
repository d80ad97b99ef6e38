import { describe, expect, it } from 'vitest';
import type { HistoryEntry, ProviderResult } from '../providers/types';
import { HistoryKeeper, type KeeperStorage, type NewHistoryEntry } from './history-keeper';

const entry = (number: string, startedAt: number): NewHistoryEntry => ({
  direction: 'outgoing', number, contactId: null, contactName: '', startedAt, answeredAt: startedAt + 1000,
  durationSec: 30, outcome: 'answered', reason: '', seen: true,
});

class MemoryStorage implements KeeperStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

/** A history store that refuses writes while `failing` is set, like a full disk. */
function store() {
  const written: HistoryEntry[] = [];
  const s = {
    failing: false,
    written,
    save: async (e: NewHistoryEntry): Promise<ProviderResult<HistoryEntry>> => {
      if (s.failing) return { ok: false, reason: 'QuotaExceededError: the disk is full' };
      const saved = { ...e, id: `h${written.length + 1}` };
      written.push(saved);
      return { ok: true, value: saved };
    },
  };
  return s;
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('HistoryKeeper', () => {
  it('writes each finished call straight through when the store takes it', async () => {
    const s = store();
    const saved: string[] = [];
    const k = new HistoryKeeper({ save: s.save, saved: (e) => saved.push(e.id), changed: () => {}, storage: null });
    k.keep(entry('+1', 1));
    await k.flush();
    expect(saved).toEqual(['h1']);
    expect(k.waiting()).toBe(0);
  });

  it('keeps refused calls, says why, retries by itself and writes them in order', async () => {
    const s = store();
    s.failing = true;
    let changes = 0;
    const storage = new MemoryStorage();
    const k = new HistoryKeeper({ save: s.save, saved: () => {}, changed: () => changes++, storage, delays: [30] });
    k.keep(entry('+1', 1));
    k.keep(entry('+2', 2));
    await k.flush();
    expect(k.waiting()).toBe(2);
    expect(k.reason()).toBe('QuotaExceededError: the disk is full');
    expect(changes).toBeGreaterThan(0);
    expect(JSON.parse(storage.getItem('softphone.unsavedHistory') ?? '[]')).toHaveLength(2);
    s.failing = false;
    await tick(80);
    await k.flush();
    expect(s.written.map((e) => e.number)).toEqual(['+1', '+2']);
    expect(k.waiting()).toBe(0);
    expect(k.reason()).toBe('');
    expect(storage.getItem('softphone.unsavedHistory')).toBeNull();
  });

  it('a restarted phone host writes what the previous one could not', async () => {
    const storage = new MemoryStorage();
    const s = store();
    s.failing = true;
    const first = new HistoryKeeper({ save: s.save, saved: () => {}, changed: () => {}, storage, delays: [60_000] });
    first.keep(entry('+3', 3));
    await first.flush();
    s.failing = false;
    const second = new HistoryKeeper({ save: s.save, saved: () => {}, changed: () => {}, storage });
    expect(second.waiting()).toBe(1);
    await second.flush();
    expect(s.written.map((e) => e.number)).toEqual(['+3']);
  });

  it('damaged leftovers in storage are skipped, never thrown', () => {
    const storage = new MemoryStorage();
    storage.setItem('softphone.unsavedHistory', '[{"number":5},"x",null,{"number":"+4","startedAt":4}]');
    expect(new HistoryKeeper({ save: store().save, saved: () => {}, changed: () => {}, storage }).waiting()).toBe(1);
    storage.setItem('softphone.unsavedHistory', '{not json');
    expect(new HistoryKeeper({ save: store().save, saved: () => {}, changed: () => {}, storage }).waiting()).toBe(0);
  });

  it('a store that throws is treated as a refusal', async () => {
    const k = new HistoryKeeper({
      save: () => Promise.reject(new Error('database closed')), saved: () => {}, changed: () => {}, storage: null, delays: [60_000],
    });
    k.keep(entry('+5', 5));
    await k.flush();
    expect(k.reason()).toBe('database closed');
    expect(k.waiting()).toBe(1);
  });
});
