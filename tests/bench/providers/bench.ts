/**
 * Provider benchmark, meant to run in a real browser page (IndexedDB speed in Node's
 * fake-indexeddb says nothing about Chromium's). It fills an EMPTY provider with sample data and
 * measures the two things a user feels:
 *  - popup open → first lists: the contacts page, the recent calls and the due activities, with
 *    `openContacts` contacts and `openHistory` calls (target < 100 ms);
 *  - each search keystroke with `contacts` contacts (target median < 16 ms), beside the same
 *    queries as a plain Array.filter over every contact held in memory.
 */
import type { Contact, DataProvider } from '../../../lib/providers/types';
import { measureOpen, settle, timeKeystrokes, value } from './measure';
import { median, p90, timed } from './stats';
import type { ProviderBenchOptions, ProviderBenchResult, Settings } from './types';
import { makeSampleActivities, makeSampleContacts, makeSampleHistory } from '../../../lib/providers/local/sample-data';

export type { ProviderBenchOptions, ProviderBenchResult } from './types';

const BATCH = 10_000;

async function addHistory(p: DataProvider, saved: Contact[], n: number, seed: number): Promise<void> {
  const calls = makeSampleHistory(n, saved, seed);
  // Concurrent adds share the event loop with IndexedDB's own work; 500 at a time keeps memory flat.
  for (let i = 0; i < calls.length; i += 500) {
    await Promise.all(calls.slice(i, i + 500).map(async (call) => value(await p.history.add(call), 'history.add')));
  }
}

export async function runProviderBench(p: DataProvider, options: ProviderBenchOptions = {}): Promise<ProviderBenchResult> {
  const o: Settings = {
    contacts: 100_000, openContacts: 10_000, openHistory: 5_000, keystrokes: 30, keystrokeRounds: 3, openRounds: 15,
    settleMs: 5_000, limit: 50, today: new Date().toISOString().slice(0, 10), seed: 42, ...options,
  };
  const progress = o.onProgress ?? (() => undefined);
  if (value(await p.contacts.count(), 'contacts.count') !== 0) throw new Error('runProviderBench needs an empty provider');

  const drafts = makeSampleContacts(o.contacts, o.seed);
  let seedMs = 0;
  const addBatch = async (from: number, to: number) => {
    seedMs += (await timed(async () => value(await p.contacts.bulkAdd(drafts.slice(from, to)), 'contacts.bulkAdd')))[1];
  };

  progress(`seeding ${o.openContacts} contacts, ${o.openHistory} calls`);
  for (let i = 0; i < o.openContacts; i += BATCH) await addBatch(i, Math.min(i + BATCH, o.openContacts));
  const firstSaved = value(await p.contacts.all(), 'contacts.all');
  await addHistory(p, firstSaved, o.openHistory, o.seed);
  for (const draft of makeSampleActivities(firstSaved, o.today, o.seed)) {
    value(await p.activities.schedule(draft), 'activities.schedule');
  }
  await settle(o.settleMs);
  progress('timing open');
  const open = await measureOpen(p, o, o.openContacts);

  progress(`seeding up to ${o.contacts} contacts`);
  for (let i = o.openContacts; i < o.contacts; i += BATCH) await addBatch(i, Math.min(i + BATCH, o.contacts));
  await settle(o.settleMs);
  const openAtFullSize = await measureOpen(p, o, o.contacts);

  progress('timing keystrokes');
  const [all, loadAllMs] = await timed(async () => value(await p.contacts.all(), 'contacts.all'));
  const figures = await timeKeystrokes(p, all, drafts, o);
  const searchMs = figures.flatMap((f) => f.searchSamples);
  const filterMs = figures.flatMap((f) => f.arrayFilterSamples);
  return {
    contacts: o.contacts,
    openHistory: o.openHistory,
    limit: o.limit,
    seedMs,
    open,
    openAtFullSize,
    searchMedianMs: median(searchMs),
    searchP90Ms: p90(searchMs),
    searchMaxMs: Math.max(...searchMs),
    arrayFilterMedianMs: median(filterMs),
    arrayFilterP90Ms: p90(filterMs),
    loadAllMs,
    keystrokes: figures.map((f) => ({
      query: f.query, searchMs: f.searchMs, arrayFilterMs: f.arrayFilterMs, searchHits: f.searchHits, arrayFilterHits: f.arrayFilterHits,
    })),
  };
}
